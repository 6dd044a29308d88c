"""The PNG bar chart: a valid picture, bars as long as their counts, the trees' answer marked."""

from __future__ import annotations

import struct
import zlib

from engine.practice.chart import BAR, RIGHT, Bar, bar_chart


def _decode(png: bytes) -> tuple[int, int, list[bytes]]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, {}
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind = png[pos + 4:pos + 8]
        data = png[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", png[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(kind + data) & 0xFFFFFFFF
        chunks[kind] = data
        pos += 12 + length
    width, height = struct.unpack(">II", chunks[b"IHDR"][:8])
    raw = zlib.decompress(chunks[b"IDAT"])
    rows = [raw[r * (width * 3 + 1) + 1:(r + 1) * (width * 3 + 1)] for r in range(height)]
    return width, height, rows


def _run(row: bytes, colour: tuple[int, int, int]) -> int:
    """How many pixels of `colour` the row holds."""
    return sum(1 for i in range(0, len(row), 3) if tuple(row[i:i + 3]) == colour)


def test_bars_are_proportional_and_the_marked_one_has_its_own_colour() -> None:
    png = bar_chart([Bar("delen", 2), Bar("niet delen", 4, marked=True), Bar("advies", 0)],
                    bar_width=200)
    width, height, rows = _decode(png)
    assert width > 200 and height > 3 * 14
    blue = max(_run(r, BAR) for r in rows)
    green = max(_run(r, RIGHT) for r in rows)
    assert (blue, green) == (100, 200)


def test_the_same_chart_gives_the_same_bytes() -> None:
    bars = [Bar("delen onder voorwaarden", 7, marked=True), Bar("niet delen", 12)]
    assert bar_chart(bars) == bar_chart(bars)
