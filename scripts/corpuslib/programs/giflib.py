"""giflib, the GIF codec library (giflib 5.2.1, Debian `giflib` 5.2.1-2.5+deb12u1),
with a driver of ours (drivers/giflib.c).

Built from the library's sources as its Makefile lists them (dgif_lib.c,
egif_lib.c, gifalloc.c, gif_err.c, gif_font.c, gif_hash.c,
openbsd-reallocarray.c, quantize.c; -std=gnu99) plus the driver; no
configuration header is needed.

The workload: four generated RGB images (binary PPM: geometric patterns with
a small palette, smooth gradients, blocky palette noise, an integer
"plasma") are each quantized (median cut, GifQuantizeBuffer) to 256, 64, 13
and 2 colors, LZW-encoded to GIF in memory (plain and interlaced, line by
line and pixel by pixel, with comment and graphics control extensions),
decoded back with DGifSlurp and with the record/line API, checked, and their
sizes and CRC-32s printed. Then an animated GIF of all images (a merged
global color map, local maps, captions drawn with the 8x8 font, a loop
extension) is written with EGifSpew to {tmp}/anim.gif (an output checked
like stdout), read back and checksummed.
"""

from corpuslib.inputs import Stream
from corpuslib.model import Program, Run

LIB = ["dgif_lib", "egif_lib", "gifalloc", "gif_err", "gif_font", "gif_hash",
       "openbsd-reallocarray", "quantize"]

W, H = 640, 480


def ppm(w, h, pixel):
    out = bytearray(b"P6\n%d %d\n255\n" % (w, h))
    for y in range(h):
        for x in range(w):
            out += bytes(pixel(x, y))
    return bytes(out)


def tri(v, period):
    """An integer triangle wave in [0, 255]."""
    v %= period
    half = period // 2
    return (v * 255 // half) if v < half else ((period - v) * 255 // half)


def pattern_image():
    palette = [(0, 0, 0), (255, 255, 255), (200, 30, 30), (30, 160, 40), (20, 40, 200),
               (240, 220, 20), (0, 200, 220), (180, 0, 180), (128, 128, 128), (255, 128, 0),
               (90, 60, 20), (250, 180, 200)]

    def px(x, y):
        cx, cy = x - W // 2, y - H // 2
        ring = (cx * cx + cy * cy) // 600
        if ring < 12:
            return palette[ring % len(palette)]
        if (x // 16 + y // 16) % 2 == 0:
            return palette[(x // 40) % 6 + 6]
        return palette[(y // 6) % 5]
    return ppm(W, H, px)


def gradient_image():
    def px(x, y):
        return (x * 255 // (W - 1), y * 255 // (H - 1), (tri(x + 2 * y, 400) + x // 3) % 256)
    return ppm(W, H, px)


def noise_image():
    s = Stream("giflib/noise")
    palette = [tuple(s.bytes(3)) for _ in range(24)]
    blocks = [[s.below(24) for _ in range(W // 8 + 1)] for _ in range(H // 8 + 1)]
    noise = s.bytes(W * H)

    def px(x, y):
        n = noise[y * W + x]
        c = palette[blocks[y // 8][x // 8] if n > 40 else n % 24]
        d = n % 7 - 3
        return tuple(max(0, min(255, v + d)) for v in c)
    return ppm(W, H, px)


def plasma_image():
    def px(x, y):
        a = tri(x * 3 + y, 170)
        b = tri(x - 2 * y + 1000, 230)
        c = tri((x * x + y * y) // 64, 300)
        return ((a + c) // 2, (b + c) // 2, (a + b) // 2)
    return ppm(W, H, px)


class Giflib(Program):
    def sources(self, b):
        flags = ["-I" + b.src, "-std=gnu99"]
        return [(b.path(f + ".c"), flags) for f in LIB] + [(b.driver("giflib.c"), flags)]

    def inputs(self):
        return {"pattern.ppm": pattern_image(), "gradient.ppm": gradient_image(),
                "noise.ppm": noise_image(), "plasma.ppm": plasma_image()}


PROGRAM = Giflib(
    name="giflib", package="giflib", domain="image codec",
    runs=[Run(["{tmp}/anim.gif", "{in:pattern.ppm}", "{in:gradient.ppm}", "{in:noise.ppm}",
               "{in:plasma.ppm}"], outputs=["{tmp}/anim.gif"])])
