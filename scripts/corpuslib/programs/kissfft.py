"""KISS FFT, a mixed-radix fast Fourier transform library (kissfft 131.1.0,
Debian `kissfft`), in double precision, with a driver of ours.

Built from kiss_fft.c, kiss_fftr.c (real transforms), kiss_fftnd.c and
kiss_fftndr.c (multi-dimensional ones) with -Dkiss_fft_scalar=double (one of
the variants Debian ships), plus drivers/kissfft.c.

The workload runs the driver in four modes: complex transforms of sizes
that are powers of two, mixed radix (480, 1000, 1536, 720), powers of 7 and
11 and a prime (1009, the generic butterfly), forward and inverse; real
transforms (kiss_fftr/kiss_fftri) of similar sizes; 2-D and 3-D complex and
real transforms; and fast convolution with real FFTs checked against the
direct sum. Each round uses freshly generated signals (xorshift noise plus
tones); the driver prints rounded energies and bins and checks round trips
and Parseval's identity.
"""

from corpuslib.model import Program, Run


class Kissfft(Program):
    def sources(self, b):
        flags = ["-I" + b.src, "-Dkiss_fft_scalar=double"]
        files = [b.path(f) for f in ("kiss_fft.c", "kiss_fftr.c", "kiss_fftnd.c",
                                     "kiss_fftndr.c")] + [b.driver("kissfft.c")]
        return [(f, flags) for f in files]


PROGRAM = Kissfft(
    name="kissfft", package="kissfft", domain="numerics", libs=["-lm"],
    runs=[Run(["complex", "15"]), Run(["real", "20"]), Run(["nd", "300"]),
          Run(["conv", "100"])])
