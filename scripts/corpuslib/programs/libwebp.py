"""libwebp, the WebP image codec (libwebp 1.2.4, Debian `libwebp` 1.2.4-0.2+deb12u1),
with a driver of ours (drivers/libwebp.c).

Built from src/dec, src/enc, src/utils, src/dsp and sharpyuv/ (what
libwebp.la links), plain C only: a generated src/webp/config.h
(-DHAVE_CONFIG_H) defines neither WEBP_HAVE_SSE2 nor WEBP_HAVE_SSE41 nor
WEBP_USE_THREAD, the SIMD files (*_sse2, *_sse41, *_neon, *_msa, *_mips*) are
left out, and so is src/dsp/cpu.c (cpuid in inline assembly): the driver
defines its VP8GetCPUInfo hook as NULL, so every dsp init keeps the C code.

The workload: three generated images (a photo-like RGB picture, an RGBA logo
with soft alpha edges, a screen-like RGB picture of flat areas and glyphs),
each encoded lossy at qualities 10 to 90 with methods 0 to 6 (segments,
filters, lossy alpha, sharp YUV, dithering, partitions, a target PSNR with
several passes, a half-size rescale) and lossless at effort levels 1 and 5
and near-lossless; every stream is decoded back to RGBA (lossless must be
exact) with its size, CRC-32s and integer error sums printed; two streams
are also decoded scaled, cropped, to YUV, BGR and RGB565 and incrementally.
"""

from corpuslib.inputs import Stream
from corpuslib.model import Program, Run

SIMD = ("_sse2.c", "_sse41.c", "_neon.c", "_msa.c", "_mips32.c", "_mips_dsp_r2.c")

CONFIG_H = """/* egopt corpus: libwebp configuration, plain C (no SIMD, no threads). */
#define HAVE_BUILTIN_BSWAP16 1
#define HAVE_BUILTIN_BSWAP32 1
#define HAVE_BUILTIN_BSWAP64 1
#define HAVE_DLFCN_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_STDINT_H 1
#define HAVE_STDIO_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRINGS_H 1
#define HAVE_STRING_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_UNISTD_H 1
#define PACKAGE "libwebp"
#define PACKAGE_NAME "libwebp"
#define PACKAGE_VERSION "1.2.4"
#define VERSION "1.2.4"
#define STDC_HEADERS 1
#define WEBP_NEAR_LOSSLESS 1
"""


def tri(v, period):
    v %= period
    half = period // 2
    return (v * 255 // half) if v < half else ((period - v) * 255 // half)


def clamp(v):
    return 0 if v < 0 else 255 if v > 255 else v


def ppm(w, h, rows):
    return b"P6\n%d %d\n255\n" % (w, h) + b"".join(rows)


def photo_image(w=256, h=192):
    s = Stream("libwebp/photo")
    noise = s.bytes(w * h)
    rows = []
    for y in range(h):
        row = bytearray()
        for x in range(w):
            a = tri(x * 2 + y, 190)
            b = tri(x - 3 * y + 2000, 260)
            c = tri((x - 120) * (x - 120) // 40 + (y - 80) * (y - 80) // 30, 330)
            n = noise[y * w + x] % 17 - 8
            tex = 24 if ((x // 12) + (y // 9)) % 3 == 0 else 0
            row += bytes((clamp((a + c) // 2 + n + tex), clamp((b + c) // 2 + n),
                          clamp((a + b) // 2 - n + tex // 2)))
        rows.append(bytes(row))
    return ppm(w, h, rows)


def logo_image(w=192, h=160):
    out = bytearray(b"P7\nWIDTH %d\nHEIGHT %d\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n"
                    % (w, h))
    cx, cy = w // 2, h // 2
    for y in range(h):
        for x in range(w):
            d2 = (x - cx) ** 2 + (y - cy) ** 2
            r2 = (min(w, h) * 9 // 20) ** 2
            if d2 < r2:
                edge = (r2 - d2) // 40
                alpha = clamp(edge * 6)
                ring = (d2 * 8 // r2) % 2
                col = (230, 90, 30) if ring else (40, 120, 220)
                if abs(x - cx) < 10 or abs(y - cy) < 6:
                    col = (250, 250, 250)
            elif (x // 24 + y // 24) % 5 == 0:
                alpha, col = 90, (20, 200, 80)
            else:
                # transparent, with varying colour underneath
                alpha, col = 0, ((x * 5) % 256, (y * 3) % 256, 128)
            out += bytes(col) + bytes((alpha,))
    return bytes(out)


def screen_image(w=256, h=160):
    s = Stream("libwebp/screen")
    palette = [(255, 255, 255), (0, 0, 0), (30, 60, 150), (220, 220, 220), (200, 40, 40),
               (40, 160, 60), (250, 200, 0), (120, 120, 120)]
    glyphs = [s.bytes(7) for _ in range(40)]
    text = [s.below(40) for _ in range((w // 6) * (h // 9))]
    rows = []
    for y in range(h):
        row = bytearray()
        for x in range(w):
            if y < 14:
                c = palette[2] if x < w - 40 else palette[4]
            elif x < 40:
                c = palette[3] if (y // 16) % 2 else palette[7]
            else:
                cx, cy = (x - 40) // 6, (y - 14) // 9
                gx, gy = (x - 40) % 6, (y - 14) % 9
                c = palette[0]
                if gx < 5 and gy < 7 and cy < h // 9:
                    g = glyphs[text[(cy * (w // 6) + cx) % len(text)]]
                    if (g[gy] >> gx) & 1:
                        c = palette[1] if cy % 4 else palette[5 + cx % 2]
            row += bytes(c)
        rows.append(bytes(row))
    return ppm(w, h, rows)


class Libwebp(Program):
    def sources(self, b):
        b.write("src/webp/config.h", CONFIG_H)
        flags = ["-DHAVE_CONFIG_H", "-I" + b.gen, "-I" + b.src]
        files = [f for f in b.glob("src/dec/*.c", "src/enc/*.c", "src/utils/*.c", "src/dsp/*.c",
                                   "sharpyuv/*.c")
                 if not f.endswith(SIMD) and not f.endswith("/src/dsp/cpu.c")]
        return [(f, flags) for f in files] + [(b.driver("libwebp.c"), flags)]

    def inputs(self):
        return {"photo.ppm": photo_image(), "logo.pam": logo_image(),
                "screen.ppm": screen_image()}


PROGRAM = Libwebp(
    name="libwebp", package="libwebp", domain="image codec", libs=["-lm"],
    runs=[Run(["{in:photo.ppm}"]), Run(["{in:logo.pam}"]), Run(["{in:screen.ppm}"])])
