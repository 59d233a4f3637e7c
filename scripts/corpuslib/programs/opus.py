"""Opus, the interactive audio codec (opus 1.3.1, Debian `opus` 1.3.1-3), with
its own opus_demo command line tool.

Built as Makefile.unix builds the floating-point library: CELT_SOURCES,
SILK_SOURCES + SILK_SOURCES_FLOAT and OPUS_SOURCES + OPUS_SOURCES_FLOAT (the
lists read from the package's *_sources.mk), plus src/opus_demo.c, with a
generated config.h (-DHAVE_CONFIG_H: OPUS_BUILD, USE_ALLOCA, HAVE_LRINTF,
HAVE_LRINT, no run-time CPU detection, no x86 or ARM optimizations). The
package's float2int uses the SSE intrinsic _mm_cvt_ss2si whenever __SSE__ is
defined; every file is compiled with -U__SSE__ so it takes the lrintf() path
instead (plain C, no intrinsics).

The workload: opus_demo on generated 16-bit PCM (a 48 kHz stereo "music"
mix of harmonic tones, a chirp, noise bursts and panning; a speech-like
signal, a glottal pulse train of varying pitch through moving formant
resonators with pauses and fricatives, at 48, 16 and 8 kHz): CELT stereo
encoding to a bitstream file and its decoding; SILK wideband VoIP with DTX,
in-band FEC switched on and off at random and 10% simulated packet loss
(opus_demo draws both from the C library's unseeded rand(), a fixed
sequence; its -inbandfec option is not used: with it opus_demo compares an
uninitialised enc_final_range[1] on the first frame); SILK narrowband with 60 ms frames and
low complexity; the hybrid mode test list at 48 kHz; low-delay CELT with
5 ms frames in CBR; and the CELT mode-switching test list. Every output file
(bitstreams, decoded PCM) is checked.
"""

import math
import re

from corpuslib.inputs import Stream, resonate
from corpuslib.model import Program, Run

CONFIG_H = """/* egopt corpus: opus configuration, floating point, plain C. */
#define OPUS_BUILD 1
#define USE_ALLOCA 1
#define HAVE_ALLOCA_H 1
#define HAVE_LRINTF 1
#define HAVE_LRINT 1
#define HAVE_DLFCN_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_MEMORY_H 1
#define HAVE_STDINT_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRINGS_H 1
#define HAVE_STRING_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_UNISTD_H 1
#define STDC_HEADERS 1
#define PACKAGE_VERSION "1.3.1"
"""


def mk_lists(path):
    """{VARIABLE: [files]} of a *_sources.mk file."""
    text = open(path).read().replace("\\\n", " ")
    out = {}
    for m in re.finditer(r"^(\w+)\s*=\s*(.*)$", text, re.M):
        out[m.group(1)] = m.group(2).split()
    return out


def pcm16(samples):
    out = bytearray()
    for v in samples:
        v = int(round(v))
        v = -32768 if v < -32768 else 32767 if v > 32767 else v
        out += (v & 0xFFFF).to_bytes(2, "little")
    return bytes(out)


def music(rate=48000, seconds=3.0):
    """Stereo: harmonic chords, a chirp, noise bursts, panning."""
    s = Stream("opus/music")
    n = int(rate * seconds)
    noise = s.bytes(n)
    chords = [(220.0, 277.2, 329.6), (196.0, 246.9, 392.0), (174.6, 261.6, 349.2),
              (246.9, 311.1, 370.0)]
    out = []
    for i in range(n):
        t = i / rate
        chord = chords[int(t * 2) % len(chords)]
        env = 0.6 + 0.4 * math.sin(2 * math.pi * 1.5 * t)
        v = 0.0
        for k, f in enumerate(chord):
            v += math.sin(2 * math.pi * f * t) * 0.5 + math.sin(2 * math.pi * 2 * f * t + k) * 0.2
        v *= 2500 * env
        chirp = 1800 * math.sin(2 * math.pi * (100 * t + 900 * t * t))
        burst = (noise[i] - 128) * 30 if int(t * 8) % 5 == 0 else 0
        pan = 0.5 + 0.5 * math.sin(2 * math.pi * 0.4 * t)
        out.append(v * pan + chirp * 0.6 + burst)
        out.append(v * (1 - pan) + chirp * 0.4 - burst)
    return pcm16(out)


def speech(rate, seconds=4.0, seed="opus/speech"):
    """Mono speech-like signal: pitch pulses through moving formant resonators,
    with pauses and fricative noise."""
    s = Stream(seed)
    n = int(rate * seconds)
    noise = s.bytes(n)
    vowels = [(730, 1090, 2440), (270, 2290, 3010), (300, 870, 2240), (530, 1840, 2480),
              (640, 1190, 2390), (490, 1350, 1690)]
    seg = [(s.below(6), s.below(4)) for _ in range(64)]   # (vowel, kind) per 150 ms
    states = [[0.0, 0.0] for _ in range(3)]
    phase = 0.0
    out = []
    for i in range(n):
        t = i / rate
        vowel, kind = seg[int(t / 0.15) % len(seg)]
        f0 = 110 + 60 * math.sin(2 * math.pi * 0.7 * t) + 20 * (vowel % 3)
        phase += f0 / rate
        if kind == 0:          # pause
            src = (noise[i] - 128) * 0.02
        elif kind == 1:        # fricative
            src = (noise[i] - 128) * 0.8
        else:                  # voiced
            src = 60.0 if phase >= 1.0 else 0.0
        if phase >= 1.0:
            phase -= 1.0
        out.append(resonate(states, src, vowels[vowel], rate) * 40)
    return pcm16(out)


class Opus(Program):
    def sources(self, b):
        b.write("config.h", CONFIG_H)
        lists = {}
        for mk in ("celt_sources.mk", "silk_sources.mk", "opus_sources.mk"):
            lists.update(mk_lists(b.path(mk)))
        files = (lists["CELT_SOURCES"] + lists["SILK_SOURCES"] + lists["SILK_SOURCES_FLOAT"]
                 + lists["OPUS_SOURCES"] + lists["OPUS_SOURCES_FLOAT"] + ["src/opus_demo.c"])
        flags = ["-DHAVE_CONFIG_H", "-U__SSE__", "-I" + b.gen] + [
            "-I" + b.path(d) for d in ("include", "celt", "silk", "silk/float", "src")]
        return [(b.path(f), flags) for f in files]

    def inputs(self):
        return {"music48s.pcm": music(), "speech48.pcm": speech(48000, 3.0),
                "speech16.pcm": speech(16000), "speech8.pcm": speech(8000, seed="opus/speech8")}


PROGRAM = Opus(
    name="opus", package="opus", domain="audio codec", libs=["-lm"],
    runs=[
        Run(["-e", "audio", "48000", "2", "96000", "{in:music48s.pcm}", "{tmp}/music.bit"],
            outputs=["{tmp}/music.bit"]),
        Run(["-d", "48000", "2", "{tmp}/music.bit", "{tmp}/music.dec"],
            outputs=["{tmp}/music.dec"]),
        Run(["voip", "16000", "1", "20000", "-random_fec", "-loss", "10", "-dtx",
             "{in:speech16.pcm}", "{tmp}/speech16.dec"], outputs=["{tmp}/speech16.dec"]),
        Run(["voip", "8000", "1", "8000", "-framesize", "60", "-complexity", "3",
             "{in:speech8.pcm}", "{tmp}/speech8.dec"], outputs=["{tmp}/speech8.dec"]),
        Run(["audio", "48000", "1", "32000", "-hybrid48k_test", "{in:speech48.pcm}",
             "{tmp}/hybrid.dec"], outputs=["{tmp}/hybrid.dec"]),
        Run(["restricted-lowdelay", "48000", "2", "64000", "-framesize", "5", "-cbr",
             "{in:music48s.pcm}", "{tmp}/lowdelay.dec"], outputs=["{tmp}/lowdelay.dec"]),
        Run(["-e", "audio", "48000", "2", "48000", "-celt_test", "-complexity", "5",
             "{in:music48s.pcm}", "{tmp}/celt_test.bit"], outputs=["{tmp}/celt_test.bit"]),
    ])
