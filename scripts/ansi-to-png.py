#!/usr/bin/env python3
"""Renders a terminal screen captured with `tmux capture-pane -e -p` (text with SGR colour
escapes) to a PNG, one monospace cell per column, so the README can show what Neovim shows.

    ansi-to-png.py --cols 110 --rows 32 --font DejaVuSansMono.ttf --bold-font DejaVuSansMono-Bold.ttf \
        capture.txt out.png

Needs Pillow. Handles what Neovim and tmux emit: 16-colour, 256-colour and 24-bit
foreground/background, bold, italic (drawn upright), underline, reverse, and East Asian wide
characters (two cells).
"""
import argparse
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

# xterm's default 16 colours.
BASE16 = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
]


def xterm256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    level = 8 + (n - 232) * 10
    return (level, level, level)


SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[A-Za-z]|\][^\x07]*\x07|[()][A-Za-z0-9])")


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = False
        self.underline = False
        self.reverse = False

    def copy(self):
        s = Style()
        s.fg, s.bg, s.bold, s.underline, s.reverse = self.fg, self.bg, self.bold, self.underline, self.reverse
        return s

    def apply(self, params):
        codes = [int(p) if p else 0 for p in re.split(r"[;:]", params)] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 22:
                self.bold = False
            elif c == 4:
                self.underline = True
            elif c == 24:
                self.underline = False
            elif c == 7:
                self.reverse = True
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = BASE16[c - 30]
            elif 90 <= c <= 97:
                self.fg = BASE16[c - 90 + 8]
            elif c == 39:
                self.fg = None
            elif 40 <= c <= 47:
                self.bg = BASE16[c - 40]
            elif 100 <= c <= 107:
                self.bg = BASE16[c - 100 + 8]
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    colour = xterm256(codes[i + 2])
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    colour = tuple(codes[i + 2:i + 5])
                    i += 4
                else:
                    colour = None
                if c == 38:
                    self.fg = colour
                else:
                    self.bg = colour
            # 3/23 (italic) and others: drawn as plain text.
            i += 1


def cell_width(ch):
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def parse(text, cols, rows):
    """Returns rows of cells: (char, Style) per column."""
    screen = []
    style = Style()
    for line in text.split("\n")[:rows]:
        cells = []
        pos = 0
        while pos < len(line):
            m = SGR.match(line, pos)
            if m:
                style.apply(m.group(1))
                pos = m.end()
                continue
            m = OTHER_ESCAPE.match(line, pos)
            if m:
                pos = m.end()
                continue
            ch = line[pos]
            pos += 1
            if unicodedata.combining(ch) and cells:
                prev_ch, prev_style = cells[-1]
                cells[-1] = (prev_ch + ch, prev_style)
                continue
            cells.append((ch, style.copy()))
            if cell_width(ch) == 2:
                cells.append(("", style.copy()))
        # The rest of the line keeps the style in force at its end (tmux omits trailing blanks).
        while len(cells) < cols:
            cells.append((" ", style.copy()))
        screen.append(cells[:cols])
    while len(screen) < rows:
        screen.append([(" ", Style()) for _ in range(cols)])
    return screen


def render(screen, cols, rows, font_path, bold_path, size, fg, bg, out):
    font = ImageFont.truetype(font_path, size)
    bold = ImageFont.truetype(bold_path, size) if bold_path else font
    ascent, descent = font.getmetrics()
    cw = round(font.getlength("M"))
    ch = ascent + descent + 2
    pad = cw
    image = Image.new("RGB", (cols * cw + 2 * pad, rows * ch + 2 * pad), bg)
    draw = ImageDraw.Draw(image)
    for y, cells in enumerate(screen):
        for x, (text, style) in enumerate(cells):
            f, b = style.fg or fg, style.bg or bg
            if style.reverse:
                f, b = b, f
            width = cw * (cell_width(text[0]) if text else 1)
            left, top = pad + x * cw, pad + y * ch
            if b != bg:
                draw.rectangle([left, top, left + width - 1, top + ch - 1], fill=b)
            if text.strip():
                draw.text((left, top + 1), text, font=bold if style.bold else font, fill=f)
            if style.underline:
                draw.line([left, top + ascent + 2, left + width - 1, top + ascent + 2], fill=f)
    image.save(out)


def colour(text):
    text = text.lstrip("#")
    return tuple(int(text[i:i + 2], 16) for i in (0, 2, 4))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("capture")
    p.add_argument("out")
    p.add_argument("--cols", type=int, required=True)
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--font", required=True)
    p.add_argument("--bold-font")
    p.add_argument("--size", type=int, default=16)
    p.add_argument("--fg", default="#d0d0d0", help="the terminal's default foreground")
    p.add_argument("--bg", default="#1c1c1c", help="the terminal's default background")
    a = p.parse_args()
    with open(a.capture, encoding="utf-8", errors="replace") as f:
        text = f.read()
    screen = parse(text.rstrip("\n"), a.cols, a.rows)
    render(screen, a.cols, a.rows, a.font, a.bold_font, a.size, colour(a.fg), colour(a.bg), a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
