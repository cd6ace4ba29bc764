#!/usr/bin/env python3
"""Writes tiktoken-reference.jsonl: varied texts with tiktoken's counts (and, for some, its
tokens with UTF-8 byte offsets) in o200k_base and cl100k_base, so TokenizersTests can check
the Swift encodings without ../shared.

Run by hand with tiktoken's interpreter from the repository root:

    TIKTOKEN_CACHE_DIR=$HOME/.cache/tiktoken-reference/cache \\
      $(../shared/tools/tiktoken-reference --python) Tests/TokenizersTests/Fixtures/make-tiktoken-fixture.py

The last line is every text above joined with newlines, twice (about 94 KB), for the code
paths that only long texts take. Each line: {"source", "text", "o200k_base": count, "cl100k_base": count} and, for texts marked
for encoding, "o200k_base_tokens"/"cl100k_base_tokens": [[id, start, end], ...]. Counts use
encode(text, disallowed_special=()) — special-token text as ordinary text, like
tools/tiktoken-reference. FLORES-200 lines are CC BY-SA 4.0 (see README.md here).
"""
import hashlib, json, os, sys
import tiktoken

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "..", "shared")  # the repository's ../shared

SYNTHETIC = [
    "Hello, 世界! Привет, мир. こんにちは",
    # contractions
    "I'm sure you'll see they've done what we'd said; it's John's.",
    "DON'T YOU'LL I'VE WE'D SHE'S THEY'RE I'M",
    "'s 'S 'sam 'll 'LL 'Ll 're 've 'd 'm 't",
    "rock'n'roll o'clock y'all ma'am",
    "Straße'ſ test 'ſ and 'ſtop",
    "can'T won'T x'll'd a''s",
    "'''",
    "it’s curly’s apostrophe’ll",
    # whitespace
    "a  b", "a   b", "a\tb", "a \t b", "  leading", "trailing   ", "\n\n\nx", "x\n\n", "x \n y",
    "a\r\nb", "a\r\n\r\nb", "line one\r\nline two\r\n", "\u00a0nbsp\u00a0 x", "\u3000ideographic\u3000space",
    "tab\t\t\tx", "only spaces     ", "   ", "\n", " \n ", "a \u2028 b", "x\u0085y", "\t\n\t\n",
    "word \n\n  next", "  \r\n  x", "end with newline\n", "x\u000by\u000cz",
    # digits and numbers
    "1234567890", "3.14159", "１２３４５", "٣٤٥٦ ١٢", "१२३४५", "Ⅻ roman Ⅷ", "½ ⅓ ¾", "100,000,000",
    "a1b2c3", "x²³ ⁴", "12ab34", "$1,234.56", "2026-11-21T09:00:00Z", "+1 (555) 010-9999",
    # code and punctuation
    "func main() {\n    print(\"hi\")\n}\n",
    "if (a<=b && c!=d) { return a->b; }",
    "https://example.com/path/to/file?x=1&y=2#frag",
    "// comment\n/* block */\n",
    "def f(x):\n\treturn x**2\n",
    "path/to//file", "!!!\n///\n", "a/\n/b", "...\n\n/\n", "<div class=\"x\">&amp;</div>",
    "SELECT * FROM users WHERE id = 42;", "{\"key\": [1, 2, 3], \"ok\": true}",
    "#include <stdio.h>\nint main(void){return 0;}",
    # emoji and symbols
    "👍🏽 family 👨‍👩‍👧‍👦 flags 🇯🇵🇺🇸", "😀😃😄😁", "❤️ ♥ ☺", "🤖 robot", "★☆✓✗→←",
    # marks and case classes (o200k)
    "e\u0301cole", "\u0301\u0302abc", "ABC\u0301DEF", "\u0301ABC", "ABC\u0301", "Ǆemal ǅ ǆ",
    "ʰʲ modifier ˈstress", "ĀĒĪŌŪ āēīōū", "HelloWorld", "iPhone", "McDONALD's", "XMLHttpRequest",
    "ABCdef", "abcDEF", "ΑΒΓ αβγ", "ПРИВЕТ мир", "ÉCOLE école", "Ǳ ǲ ǳ", "ᾈᾉ ᾀ",
    "!Hello", " !Hello", "!HELLO", "\u0301HELLO world", "x\u0301\u0301\u0301",
    # special-token text (counted as ordinary text)
    "<|endoftext|>", "hello <|endofprompt|> world", "<|fim_prefix|>x<|fim_suffix|>y<|fim_middle|>",
    "<|endoftext|><|endoftext|>", "<|unknown|>",
    # long runs
    "a" * 300, "ab" * 200, " " * 300 + "x", "😀" * 50, "\n" * 100, "1" * 100, "-" * 200, "=" * 80,
    "ก" * 120, "中" * 90,
    # scripts
    "สวัสดีครับ ยินดีที่ได้รู้จัก", "नमस्ते दुनिया, आप कैसे हैं?", "مرحبا بالعالم! كيف حالك؟",
    "שלום עולם", "안녕하세요 세계", "我们今天去公园散步。", "東京タワーは333メートルです。",
    "வணக்கம் உலகம்", "გამარჯობა მსოფლიო", "ሰላም ዓለም", "བཀྲ་ཤིས་བདེ་ལེགས།", "မင်္ဂလာပါ",
    "សួស្តី\u200bពិភពលោក", "ಕನ್ನಡ ನುಡಿ", "ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ", "ওহে বিশ্ব", "ආයුබෝවන්",
    "Γειά σου Κόσμε", "Здравствуй, мир!", "Xin chào thế giới", "Merhaba Dünya", "Witaj świecie",
    # format and control characters
    "zero\u200bwidth", "soft\u00adhyphen", "BOM\ufeffx", "rtl\u200fmark", "\u0000\u0001\u007f",
    "x\u001fy", "\u200d\u200c", "a\u2060b",
    # astral planes
    "∑_{i=1}^{n} i² = n(n+1)/2", "α→β ⇒ γ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝐛𝐨𝐥𝐝", "𐍈 gothic", "𠀀𠀁 𪜀",
    "The price is €12.50 (≈ ¥1,900).", "E=mc² and ℏ", "naïve café résumé coöperate",
]
# These also get their tokens (ids and byte offsets) recorded.
ENCODE = set(range(0, len(SYNTHETIC), 3))


def main():
    encodings = {n: tiktoken.get_encoding(n) for n in ["o200k_base", "cl100k_base"]}
    rows = [("synthetic", t, i in ENCODE) for i, t in enumerate(SYNTHETIC)]
    flores = os.path.join(SHARED, "corpora", "flores200-dev")
    for name in sorted(os.listdir(flores)):
        if not name.endswith(".dev"):
            continue
        with open(os.path.join(flores, name), encoding="utf-8", newline="") as f:
            lines = f.read().split("\n")
        index = int(hashlib.sha256(name.encode()).hexdigest(), 16) % 997
        rows.append((f"flores200-dev/{name}:{index}", lines[index], False))
    # One long text (all of the above, twice, newline-joined) exercises the per-call caches
    # that only texts of several kilobytes use.
    joined = "\n".join(text for _, text, _ in rows)
    rows.append(("joined", joined + "\n" + joined, False))
    out = os.path.join(HERE, "tiktoken-reference.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for source, text, with_tokens in rows:
            row = {"source": source, "text": text}
            for n, enc in encodings.items():
                ids = enc.encode(text, disallowed_special=())
                row[n] = len(ids)
                if with_tokens:
                    spans, offset = [], 0
                    for t in ids:
                        length = len(enc.decode_single_token_bytes(t))
                        spans.append([t, offset, offset + length])
                        offset += length
                    row[n + "_tokens"] = spans
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {out}", file=sys.stderr)


main()
