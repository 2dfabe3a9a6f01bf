"""Draws color.png (192x192) and outline.png (32x32): a ledger page with a check mark.

Plain python3 (zlib, struct), no PIL. Writes 8-bit RGBA, non-interlaced, so the test's PNG reader stays small.
Run from the repository root: python3 manifest/tools/make_icons.py
"""
import math
import os
import struct
import zlib

RED = (200, 16, 46)  # the manifest's accentColor, #C8102E
WHITE = (255, 255, 255)
SAMPLES = 4  # supersampling per axis, for smooth edges


def rounded_rect(x0, y0, x1, y1, r):
    def inside(x, y):
        cx = min(max(x, x0 + r), x1 - r)
        cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1
    return inside


def segment(ax, ay, bx, by, half_width):
    def inside(x, y):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        return math.hypot(x - ax - t * dx, y - ay - t * dy) <= half_width
    return inside


def union(*shapes):
    return lambda x, y: any(s(x, y) for s in shapes)


def minus(a, b):
    return lambda x, y: a(x, y) and not b(x, y)


def coverage(shape, px, py):
    hits = 0
    for i in range(SAMPLES):
        for j in range(SAMPLES):
            if shape(px + (i + 0.5) / SAMPLES, py + (j + 0.5) / SAMPLES):
                hits += 1
    return hits / (SAMPLES * SAMPLES)


def glyph(s):
    """The mark on a unit of s pixels per 32: a page outline, two ledger rows, a check mark over the corner."""
    k = s / 32
    w = 1.0 * k  # half stroke
    page = minus(rounded_rect(5 * k, 3 * k, 23 * k, 29 * k, 3 * k), rounded_rect(7 * k, 5 * k, 21 * k, 27 * k, 1.5 * k))
    rows = union(segment(10 * k, 10 * k, 18 * k, 10 * k, w), segment(10 * k, 15 * k, 15 * k, 15 * k, w))
    check = union(segment(14 * k, 22 * k, 18.5 * k, 26.5 * k, 1.5 * k), segment(18.5 * k, 26.5 * k, 28 * k, 15 * k, 1.5 * k))
    # Clear a halo around the check mark so it reads on top of the page.
    halo = union(segment(14 * k, 22 * k, 18.5 * k, 26.5 * k, 3.2 * k), segment(18.5 * k, 26.5 * k, 28 * k, 15 * k, 3.2 * k))
    return union(minus(union(page, rows), halo), check)


def write_png(path, size, pixels):
    raw = b"".join(b"\x00" + bytes(c for p in pixels[y * size:(y + 1) * size] for c in p) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def color_icon(size=192):
    # Teams rounds the corners itself: a full-bleed background, the mark in the middle ~96 pixels.
    inner = 112
    offset = (size - inner) / 2
    mark = glyph(inner)
    pixels = []
    for y in range(size):
        for x in range(size):
            a = coverage(mark, x - offset, y - offset) if offset <= x < size - offset and offset <= y < size - offset else 0.0
            pixels.append(tuple(round(RED[i] * (1 - a) + WHITE[i] * a) for i in range(3)) + (255,))
    return pixels


def outline_icon(size=32):
    mark = glyph(size)
    return [(255, 255, 255, round(255 * coverage(mark, x, y))) if coverage(mark, x, y) > 0 else (0, 0, 0, 0)
            for y in range(size) for x in range(size)]


if __name__ == "__main__":
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    write_png(os.path.join(folder, "color.png"), 192, color_icon())
    write_png(os.path.join(folder, "outline.png"), 32, outline_icon())
