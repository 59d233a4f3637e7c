"""libFLAC, the Free Lossless Audio Codec library (flac 1.4.2, Debian `flac`
1.4.2+ds-2), with a driver of ours (drivers/flac.c).

Built from src/libFLAC/*.c as its Makefile.am lists them, without the Ogg
files (FLAC__HAS_OGG 0) and without the x86/ARM/POWER intrinsics files, with
a generated config.h (-DHAVE_CONFIG_H) for a release build (NDEBUG) that
defines no FLAC__CPU_* macro and FLAC__NO_ASM, so FLAC__cpu_info picks no
assembly or intrinsics and the plain C paths run. The package's Makefile adds
-fassociative-math -fno-signed-zeros -fno-trapping-math -freciprocal-math to
libFLAC's CFLAGS; those are left out (the corpus compiles with its own
flags; FLAC output stays lossless either way).

The workload: four generated raw PCM signals (44.1 kHz stereo 16-bit music:
harmonic tones, a chirp, noise bursts and panning; 16 kHz mono 16-bit
speech-like pulses through formant resonators; 48 kHz stereo 24-bit tones
with dither; 22.05 kHz 4-channel 12-bit decorrelated tones and noise), each
encoded into memory at compression levels 0, 2 (with the encoder's verify
decoder), 5 and 8 and two custom settings (block sizes, LPC orders, QLP
precision search, exhaustive model search, loose mid-side, apodization
windows), fed in uneven chunks through both process entry points, then
decoded back with MD5 checking and compared sample by sample with the input
(FLAC is lossless); sizes, CRC-32s, frame counts, STREAMINFO MD5s and
decoded-sample CRCs are printed. Each signal is also written to {tmp} as a
.flac file with metadata (tags, seek table, application block, padding),
edited through a metadata chain, listed with the simple iterator and
decoded with seeks; the .flac files are checked outputs.
"""

import math

from corpuslib.inputs import Stream, resonate
from corpuslib.model import Program, Run

CONFIG_H = """/* egopt corpus: libFLAC configuration, plain C, no Ogg, release build. */
#define CPU_IS_BIG_ENDIAN 0
#define CPU_IS_LITTLE_ENDIAN 1
#define ENABLE_64_BIT_WORDS 0
#define FLAC__HAS_OGG 0
#define FLAC__HAS_X86INTRIN 0
#define FLAC__NO_ASM 1
#define FLAC__SYS_LINUX 1
#define HAVE_BSWAP16 1
#define HAVE_BSWAP32 1
#define HAVE_BYTESWAP_H 1
#define HAVE_FSEEKO 1
#define HAVE_INTTYPES_H 1
#define HAVE_LROUND 1
#define HAVE_STDINT_H 1
#define HAVE_STDIO_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRINGS_H 1
#define HAVE_STRING_H 1
#define HAVE_SYS_PARAM_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_TYPEOF 1
#define HAVE_UNISTD_H 1
#define NDEBUG 1
#define PACKAGE "flac"
#define PACKAGE_NAME "flac"
#define PACKAGE_VERSION "1.4.2"
#define VERSION "1.4.2"
#define SIZEOF_OFF_T 8
#define SIZEOF_VOIDP 8
#define STDC_HEADERS 1
#ifndef _GNU_SOURCE
# define _GNU_SOURCE 1
#endif
#define _FILE_OFFSET_BITS 64
"""

EXCLUDE = ("_intrin_sse2.c", "_intrin_ssse3.c", "_intrin_sse41.c", "_intrin_avx2.c",
           "_intrin_fma.c", "_intrin_vsx.c", "_intrin_neon.c")


def pack(samples, nbytes):
    out = bytearray()
    lo, hi = -(1 << (8 * nbytes - 1)), (1 << (8 * nbytes - 1)) - 1
    for v in samples:
        v = int(round(v))
        v = lo if v < lo else hi if v > hi else v
        out += (v & ((1 << (8 * nbytes)) - 1)).to_bytes(nbytes, "little")
    return bytes(out)


def music(rate=44100, seconds=2.0, scale=1.0, seed="flac/music"):
    s = Stream(seed)
    n = int(rate * seconds)
    noise = s.bytes(n)
    chords = [(220.0, 277.2, 329.6), (196.0, 246.9, 392.0), (174.6, 261.6, 349.2)]
    out = []
    for i in range(n):
        t = i / rate
        chord = chords[int(t * 2) % len(chords)]
        env = 0.6 + 0.4 * math.sin(2 * math.pi * 1.5 * t)
        v = sum(math.sin(2 * math.pi * f * t) * 0.5 + math.sin(2 * math.pi * 3 * f * t + k) * 0.15
                for k, f in enumerate(chord)) * 3000 * env
        chirp = 1500 * math.sin(2 * math.pi * (80 * t + 1200 * t * t))
        burst = (noise[i] - 128) * 25 if int(t * 6) % 4 == 0 else 0
        pan = 0.5 + 0.5 * math.sin(2 * math.pi * 0.5 * t)
        out.append((v * pan + chirp * 0.6 + burst) * scale + (noise[i] % 3 - 1) * (scale > 1))
        out.append((v * (1 - pan) + chirp * 0.4 - burst) * scale)
    return out


def speech(rate=16000, seconds=3.0):
    s = Stream("flac/speech")
    n = int(rate * seconds)
    noise = s.bytes(n)
    vowels = [(730, 1090, 2440), (270, 2290, 3010), (300, 870, 2240), (640, 1190, 2390)]
    seg = [(s.below(4), s.below(4)) for _ in range(40)]
    states = [[0.0, 0.0] for _ in range(3)]
    phase, out = 0.0, []
    for i in range(n):
        t = i / rate
        vowel, kind = seg[int(t / 0.12) % len(seg)]
        phase += (105 + 50 * math.sin(2 * math.pi * 0.8 * t)) / rate
        if kind == 0:
            src = (noise[i] - 128) * 0.02
        elif kind == 1:
            src = (noise[i] - 128) * 0.7
        else:
            src = 60.0 if phase >= 1.0 else 0.0
        if phase >= 1.0:
            phase -= 1.0
        out.append(resonate(states, src, vowels[vowel], rate) * 40)
    return out


def quad(rate=22050, seconds=1.5):
    s = Stream("flac/quad")
    n = int(rate * seconds)
    noise = s.bytes(4 * n)
    out = []
    for i in range(n):
        t = i / rate
        base = 900 * math.sin(2 * math.pi * 330 * t)
        out.append(base)
        out.append(base * 0.5 + 700 * math.sin(2 * math.pi * 523 * t))
        out.append((noise[4 * i] - 128) * 4)
        out.append(1500 * math.sin(2 * math.pi * (50 + 400 * t) * t) + (noise[4 * i + 1] % 5))
    return out


class Flac(Program):
    def sources(self, b):
        b.write("config.h", CONFIG_H)
        flags = ["-DHAVE_CONFIG_H", "-I" + b.gen, "-I" + b.path("src", "libFLAC", "include"),
                 "-I" + b.path("include")]
        files = [f for f in b.glob("src/libFLAC/*.c") if not f.endswith(EXCLUDE)
                 and "/ogg_" not in f]
        return [(f, flags) for f in files] + [(b.driver("flac.c"), flags)]

    def inputs(self):
        return {"music44s16.raw": pack(music(), 2),
                "speech16m16.raw": pack(speech(), 2),
                "tones48s24.raw": pack(music(48000, 1.0, 200.0, "flac/hires"), 3),
                "quad22k12.raw": pack(quad(), 2)}


PROGRAM = Flac(
    name="flac", package="flac", domain="audio codec", libs=["-lm"],
    runs=[Run(["2", "16", "44100", "{in:music44s16.raw}", "{tmp}/music.flac"],
              outputs=["{tmp}/music.flac"]),
          Run(["1", "16", "16000", "{in:speech16m16.raw}", "{tmp}/speech.flac"],
              outputs=["{tmp}/speech.flac"]),
          Run(["2", "24", "48000", "{in:tones48s24.raw}", "{tmp}/tones.flac"],
              outputs=["{tmp}/tones.flac"]),
          Run(["4", "12", "22050", "{in:quad22k12.raw}", "{tmp}/quad.flac"],
              outputs=["{tmp}/quad.flac"])])
