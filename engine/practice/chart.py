"""Bar charts as PNG pictures, written with the standard library only (zlib and struct).

A chart is a few labelled horizontal bars; the labels use a small 5×7 bitmap font. The bytes
depend only on the input, so a chart can be compared in a test.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

# 5×7 glyphs, one string of 7 rows per character; '#' is ink. Lowercase only: the labels are
# lowered first. Characters without a glyph are left blank.
_FONT_ROWS = {
    "a": ".....|.....|.###.|....#|.####|#...#|.####",
    "b": "#....|#....|####.|#...#|#...#|#...#|####.",
    "c": ".....|.....|.####|#....|#....|#....|.####",
    "d": "....#|....#|.####|#...#|#...#|#...#|.####",
    "e": ".....|.....|.###.|#...#|#####|#....|.###.",
    "f": "..##.|.#...|####.|.#...|.#...|.#...|.#...",
    "g": ".....|.####|#...#|#...#|.####|....#|.###.",
    "h": "#....|#....|####.|#...#|#...#|#...#|#...#",
    "i": "..#..|.....|.##..|..#..|..#..|..#..|.###.",
    "j": "...#.|.....|..##.|...#.|...#.|#..#.|.##..",
    "k": "#....|#....|#..#.|#.#..|##...|#.#..|#..#.",
    "l": ".##..|..#..|..#..|..#..|..#..|..#..|.###.",
    "m": ".....|.....|##.#.|#.#.#|#.#.#|#.#.#|#.#.#",
    "n": ".....|.....|####.|#...#|#...#|#...#|#...#",
    "o": ".....|.....|.###.|#...#|#...#|#...#|.###.",
    "p": ".....|####.|#...#|#...#|####.|#....|#....",
    "q": ".....|.####|#...#|#...#|.####|....#|....#",
    "r": ".....|.....|#.##.|##..#|#....|#....|#....",
    "s": ".....|.....|.####|#....|.###.|....#|####.",
    "t": ".#...|.#...|####.|.#...|.#...|.#..#|..##.",
    "u": ".....|.....|#...#|#...#|#...#|#..##|.##.#",
    "v": ".....|.....|#...#|#...#|#...#|.#.#.|..#..",
    "w": ".....|.....|#...#|#...#|#.#.#|#.#.#|.#.#.",
    "x": ".....|.....|#...#|.#.#.|..#..|.#.#.|#...#",
    "y": ".....|#...#|#...#|#...#|.####|....#|.###.",
    "z": ".....|.....|#####|...#.|..#..|.#...|#####",
    "0": ".###.|#...#|#..##|#.#.#|##..#|#...#|.###.",
    "1": "..#..|.##..|..#..|..#..|..#..|..#..|.###.",
    "2": ".###.|#...#|....#|...#.|..#..|.#...|#####",
    "3": "####.|....#|....#|.###.|....#|....#|####.",
    "4": "...#.|..##.|.#.#.|#..#.|#####|...#.|...#.",
    "5": "#####|#....|####.|....#|....#|#...#|.###.",
    "6": "..##.|.#...|#....|####.|#...#|#...#|.###.",
    "7": "#####|....#|...#.|..#..|.#...|.#...|.#...",
    "8": ".###.|#...#|#...#|.###.|#...#|#...#|.###.",
    "9": ".###.|#...#|#...#|.####|....#|...#.|.##..",
    "%": "##...|##..#|...#.|..#..|.#...|#..##|...##",
    "/": "....#|....#|...#.|..#..|.#...|#....|#....",
    "(": "...#.|..#..|.#...|.#...|.#...|..#..|...#.",
    ")": ".#...|..#..|...#.|...#.|...#.|..#..|.#...",
    "-": ".....|.....|.....|#####|.....|.....|.....",
    ".": ".....|.....|.....|.....|.....|.##..|.##..",
    ":": ".....|.##..|.##..|.....|.##..|.##..|.....",
    ",": ".....|.....|.....|.....|.##..|..#..|.#...",
    "<": "...#.|..#..|.#...|#....|.#...|..#..|...#.",
}
_FONT = {ch: rows.split("|") for ch, rows in _FONT_ROWS.items()}

Colour = tuple[int, int, int]
WHITE: Colour = (255, 255, 255)
INK: Colour = (0, 0, 0)
GREY: Colour = (200, 200, 200)
#: Bars: dark blue; the trees' own answer: dark green (and marked with '<' in the label too,
#: so the chart never relies on colour alone).
BAR: Colour = (31, 73, 125)
RIGHT: Colour = (0, 110, 60)

SCALE = 2  # each font pixel drawn 2×2: 10×14 characters
PAD = 8


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: int
    marked: bool = False


class Canvas:
    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(WHITE * (width * height))

    def rect(self, x: int, y: int, w: int, h: int, colour: Colour) -> None:
        for row in range(max(y, 0), min(y + h, self.height)):
            start = (row * self.width + max(x, 0)) * 3
            end = (row * self.width + min(x + w, self.width)) * 3
            if end > start:
                self.pixels[start:end] = bytes(colour) * ((end - start) // 3)

    def text(self, x: int, y: int, words: str, colour: Colour = INK) -> None:
        for i, ch in enumerate(words.lower()):
            glyph = _FONT.get(ch)
            if glyph is None:
                continue
            left = x + i * 6 * SCALE
            for gy, row in enumerate(glyph):
                for gx, cell in enumerate(row):
                    if cell == "#":
                        self.rect(left + gx * SCALE, y + gy * SCALE, SCALE, SCALE, colour)

    def png(self) -> bytes:
        raw = b"".join(b"\x00" + bytes(self.pixels[r * self.width * 3:(r + 1) * self.width * 3])
                       for r in range(self.height))
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
                + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def text_width(words: str) -> int:
    return len(words) * 6 * SCALE


def bar_chart(bars: Sequence[Bar], bar_width: int = 300) -> bytes:
    """A horizontal bar chart: label, bar, count; a marked bar in another colour with '<'."""
    label_w = max((text_width(b.label) for b in bars), default=0)
    row_h = 7 * SCALE + 10
    count_w = text_width("9999 <")
    width = PAD * 3 + label_w + bar_width + count_w
    height = PAD * 2 + row_h * len(bars)
    canvas = Canvas(width, height)
    most = max((b.value for b in bars), default=0) or 1
    for i, b in enumerate(bars):
        y = PAD + i * row_h
        canvas.text(PAD, y + 5, b.label)
        x = PAD * 2 + label_w
        canvas.rect(x, y + 2, bar_width, row_h - 4, (245, 245, 245))
        length = round(bar_width * b.value / most)
        canvas.rect(x, y + 2, length, row_h - 4, RIGHT if b.marked else BAR)
        canvas.text(x + bar_width + PAD, y + 5, f"{b.value}{' <' if b.marked else ''}")
    canvas.rect(PAD * 2 + label_w - 1, PAD, 1, height - 2 * PAD, GREY)
    return canvas.png()
