/* egopt corpus driver for KISS FFT (double precision).
 *
 * usage: kissfft MODE ROUNDS
 *   MODE: complex | real | nd | conv
 * Each round transforms freshly generated signals (a xorshift generator plus
 * a few tones) forward and back, for several sizes: powers of two, mixed
 * radix (2, 3, 4, 5 butterflies) and sizes with a prime factor (the generic
 * butterfly). The driver prints rounded summaries only (energies with 6
 * significant digits, a few bins with 3 decimals, pass/fail flags of the
 * round trips and of Parseval's identity), so that tiny differences in
 * floating-point evaluation cannot change the output. */

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiss_fft.h"
#include "kiss_fftnd.h"
#include "kiss_fftndr.h"
#include "kiss_fftr.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t next_u64(void) {
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    rng_state = x;
    return x;
}

/* A number in [-1, 1). */
static double next_unit(void) {
    return (double)(next_u64() >> 11) * (1.0 / 4503599627370496.0) - 1.0;
}

static void gen_real(double *x, int n) {
    double f1 = 1 + (int)(next_u64() % 17), f2 = 3 + (int)(next_u64() % 41);
    double a1 = 2.0 + next_unit(), a2 = 0.5 * next_unit();
    for (int i = 0; i < n; i++)
        x[i] = 0.25 * next_unit() + a1 * cos(2 * M_PI * f1 * i / n) +
               a2 * sin(2 * M_PI * f2 * i / n);
}

static void gen_cpx(kiss_fft_cpx *x, int n) {
    double f = 1 + (int)(next_u64() % 29);
    for (int i = 0; i < n; i++) {
        x[i].r = 0.5 * next_unit() + cos(2 * M_PI * f * i / n);
        x[i].i = 0.5 * next_unit() + sin(2 * M_PI * f * i / n);
    }
}

static void *xmalloc(size_t n) {
    void *p = malloc(n);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    return p;
}

/* Rounds to `dec` decimals, avoiding "-0.000". */
static double rnd(double v, double scale) {
    double r = floor(v * scale + 0.5) / scale;
    return r == 0 ? 0 : r;
}

static int failures = 0;

static void flag(const char *what, int n, int ok) {
    if (!ok) {
        failures++;
        printf("FAIL %s n=%d\n", what, n);
    }
}

static double cpx_energy(const kiss_fft_cpx *x, int n) {
    double e = 0;
    for (int i = 0; i < n; i++) e += x[i].r * x[i].r + x[i].i * x[i].i;
    return e;
}

static int close_rel(double a, double b, double tol) {
    return fabs(a - b) <= tol * (fabs(a) + fabs(b) + 1e-300);
}

static void run_complex(int rounds) {
    static const int sizes[] = {64, 256, 1024, 4096, 480, 1000, 1536, 720, 343, 1331, 1009, 210};
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        int n = sizes[s];
        kiss_fft_cfg fwd = kiss_fft_alloc(n, 0, NULL, NULL);
        kiss_fft_cfg inv = kiss_fft_alloc(n, 1, NULL, NULL);
        kiss_fft_cpx *in = xmalloc(sizeof *in * n), *out = xmalloc(sizeof *out * n),
                     *back = xmalloc(sizeof *back * n);
        double esum = 0, b1 = 0;
        for (int r = 0; r < rounds; r++) {
            gen_cpx(in, n);
            kiss_fft(fwd, in, out);
            double et = cpx_energy(in, n), ef = cpx_energy(out, n);
            flag("complex parseval", n, close_rel(et * n, ef, 1e-9));
            kiss_fft(inv, out, back);
            double maxerr = 0;
            for (int i = 0; i < n; i++) {
                double er = fabs(back[i].r / n - in[i].r), ei = fabs(back[i].i / n - in[i].i);
                if (er > maxerr) maxerr = er;
                if (ei > maxerr) maxerr = ei;
            }
            flag("complex roundtrip", n, maxerr < 1e-9);
            /* The strided transform of the even samples. */
            if (n % 2 == 0 && r == 0) {
                kiss_fft_cfg half = kiss_fft_alloc(n / 2, 0, NULL, NULL);
                kiss_fft_stride(half, in, back, 2);
                printf("  stride2 n=%d bin0=(%.3f,%.3f)\n", n / 2, rnd(back[0].r, 1e3),
                       rnd(back[0].i, 1e3));
                kiss_fft_free(half);
            }
            esum += ef / n;
            b1 += hypot(out[1].r, out[1].i);
        }
        printf("complex n=%d next_fast=%d energy=%.6g |X1|avg=%.3f\n", n,
               kiss_fft_next_fast_size(n + 1), esum / rounds, rnd(b1 / rounds, 1e3));
        free(in);
        free(out);
        free(back);
        kiss_fft_free(fwd);
        kiss_fft_free(inv);
    }
}

static void run_real(int rounds) {
    static const int sizes[] = {128, 1024, 4096, 480, 1000, 1200, 750, 2 * 343, 2 * 1009};
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        int n = sizes[s], nf = n / 2 + 1;
        kiss_fftr_cfg fwd = kiss_fftr_alloc(n, 0, NULL, NULL);
        kiss_fftr_cfg inv = kiss_fftr_alloc(n, 1, NULL, NULL);
        double *in = xmalloc(sizeof *in * n), *back = xmalloc(sizeof *back * n);
        kiss_fft_cpx *out = xmalloc(sizeof *out * nf);
        double esum = 0, peak = 0;
        long peakbin = 0;
        for (int r = 0; r < rounds; r++) {
            gen_real(in, n);
            kiss_fftr(fwd, in, out);
            double et = 0, ef = 0, best = -1;
            int bestk = 0;
            for (int i = 0; i < n; i++) et += in[i] * in[i];
            for (int k = 0; k < nf; k++) {
                double m = out[k].r * out[k].r + out[k].i * out[k].i;
                ef += (k == 0 || (n % 2 == 0 && k == n / 2)) ? m : 2 * m;
                if (m > best) {
                    best = m;
                    bestk = k;
                }
            }
            flag("real parseval", n, close_rel(et * n, ef, 1e-9));
            kiss_fftri(inv, out, back);
            double maxerr = 0;
            for (int i = 0; i < n; i++) {
                double e = fabs(back[i] / n - in[i]);
                if (e > maxerr) maxerr = e;
            }
            flag("real roundtrip", n, maxerr < 1e-9);
            esum += et / n;
            peak += sqrt(best) / n;
            peakbin += bestk;
        }
        printf("real n=%d power=%.6g peak=%.3f peakbin_sum=%ld\n", n, esum / rounds,
               rnd(peak / rounds, 1e3), peakbin);
        free(in);
        free(back);
        free(out);
        kiss_fftr_free(fwd);
        kiss_fftr_free(inv);
    }
}

static void run_nd(int rounds) {
    /* An even number of dimensions only: kiss_fftnd_alloc packs its int
     * array of dims before the complex buffers, so an odd count leaves the
     * buffers and sub-states misaligned (undefined behaviour). */
    static const int d2[] = {32, 48}, d4[] = {6, 8, 5, 4}, d2b[] = {27, 25};
    static const struct { const int *dims; int nd; } shapes[] = {{d2, 2}, {d4, 4}, {d2b, 2}};
    for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
        int nd = shapes[s].nd, n = 1;
        for (int d = 0; d < nd; d++) n *= shapes[s].dims[d];
        kiss_fftnd_cfg fwd = kiss_fftnd_alloc(shapes[s].dims, nd, 0, NULL, NULL);
        kiss_fftnd_cfg inv = kiss_fftnd_alloc(shapes[s].dims, nd, 1, NULL, NULL);
        kiss_fft_cpx *in = xmalloc(sizeof *in * n), *out = xmalloc(sizeof *out * n),
                     *back = xmalloc(sizeof *back * n);
        double esum = 0;
        for (int r = 0; r < rounds; r++) {
            gen_cpx(in, n);
            kiss_fftnd(fwd, in, out);
            double et = cpx_energy(in, n), ef = cpx_energy(out, n);
            flag("nd parseval", n, close_rel(et * n, ef, 1e-9));
            kiss_fftnd(inv, out, back);
            double maxerr = 0;
            for (int i = 0; i < n; i++) {
                double e = fabs(back[i].r / n - in[i].r) + fabs(back[i].i / n - in[i].i);
                if (e > maxerr) maxerr = e;
            }
            flag("nd roundtrip", n, maxerr < 1e-9);
            esum += ef / n;
        }
        printf("nd ndims=%d n=%d energy=%.6g dc=(%.3f,%.3f)\n", nd, n, esum / rounds,
               rnd(out[0].r, 1e3), rnd(out[0].i, 1e3));
        free(in);
        free(out);
        free(back);
        free(fwd);
        free(inv);
    }
    /* Real multi-dimensional transforms (the last dimension even); three
     * dimensions, so that the complex transform inside has two (see above). */
    static const int r3[] = {6, 10, 16}, r3b[] = {5, 9, 12};
    static const struct { const int *dims; int nd; } rshapes[] = {{r3, 3}, {r3b, 3}};
    for (size_t s = 0; s < sizeof rshapes / sizeof *rshapes; s++) {
        int nd = rshapes[s].nd, n = 1;
        for (int d = 0; d < nd; d++) n *= rshapes[s].dims[d];
        int nf = n / rshapes[s].dims[nd - 1] * (rshapes[s].dims[nd - 1] / 2 + 1);
        kiss_fftndr_cfg fwd = kiss_fftndr_alloc(rshapes[s].dims, nd, 0, NULL, NULL);
        kiss_fftndr_cfg inv = kiss_fftndr_alloc(rshapes[s].dims, nd, 1, NULL, NULL);
        double *in = xmalloc(sizeof *in * n), *back = xmalloc(sizeof *back * n);
        kiss_fft_cpx *out = xmalloc(sizeof *out * nf);
        double dcsum = 0;
        for (int r = 0; r < rounds; r++) {
            gen_real(in, n);
            kiss_fftndr(fwd, in, out);
            kiss_fftndri(inv, out, back);
            double maxerr = 0, mean = 0;
            for (int i = 0; i < n; i++) {
                double e = fabs(back[i] / n - in[i]);
                if (e > maxerr) maxerr = e;
                mean += in[i];
            }
            flag("ndr roundtrip", n, maxerr < 1e-9);
            flag("ndr dc", n, fabs(out[0].r - mean) < 1e-9 * (fabs(mean) + n));
            dcsum += out[0].r / n;
        }
        printf("ndr ndims=%d n=%d mean=%.4f\n", nd, n, rnd(dcsum / rounds, 1e4));
        free(in);
        free(back);
        free(out);
        kiss_fftndr_free(fwd);
        kiss_fftndr_free(inv);
    }
}

/* Fast convolution with real FFTs against the direct sum. */
static void run_conv(int rounds) {
    static const int lens[][2] = {{400, 81}, {1000, 201}, {700, 300}, {2000, 50}};
    for (size_t s = 0; s < sizeof lens / sizeof *lens; s++) {
        int la = lens[s][0], lb = lens[s][1], lc = la + lb - 1;
        int n = kiss_fftr_next_fast_size_real(lc), nf = n / 2 + 1;
        kiss_fftr_cfg fwd = kiss_fftr_alloc(n, 0, NULL, NULL);
        kiss_fftr_cfg inv = kiss_fftr_alloc(n, 1, NULL, NULL);
        double *a = xmalloc(sizeof *a * n), *b = xmalloc(sizeof *b * n),
               *c = xmalloc(sizeof *c * n), *d = xmalloc(sizeof *d * lc);
        kiss_fft_cpx *fa = xmalloc(sizeof *fa * nf), *fb = xmalloc(sizeof *fb * nf);
        double total = 0;
        for (int r = 0; r < rounds; r++) {
            memset(a, 0, sizeof *a * n);
            memset(b, 0, sizeof *b * n);
            gen_real(a, la);
            for (int i = 0; i < lb; i++) b[i] = next_unit() * exp(-4.0 * i / lb);
            kiss_fftr(fwd, a, fa);
            kiss_fftr(fwd, b, fb);
            for (int k = 0; k < nf; k++) {
                kiss_fft_cpx p;
                p.r = fa[k].r * fb[k].r - fa[k].i * fb[k].i;
                p.i = fa[k].r * fb[k].i + fa[k].i * fb[k].r;
                fa[k] = p;
            }
            kiss_fftri(inv, fa, c);
            double maxerr = 0, sum = 0;
            for (int i = 0; i < lc; i++) {
                double acc = 0;
                int lo = i - lb + 1 > 0 ? i - lb + 1 : 0, hi = i < la - 1 ? i : la - 1;
                for (int j = lo; j <= hi; j++) acc += a[j] * b[i - j];
                d[i] = acc;
                double e = fabs(c[i] / n - acc);
                if (e > maxerr) maxerr = e;
                sum += fabs(acc);
            }
            flag("conv", n, maxerr < 1e-8);
            total += sum / lc;
        }
        printf("conv %dx%d fft=%d mean|y|=%.4f\n", la, lb, n, rnd(total / rounds, 1e4));
        free(a);
        free(b);
        free(c);
        free(d);
        free(fa);
        free(fb);
        kiss_fftr_free(fwd);
        kiss_fftr_free(inv);
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s complex|real|nd|conv ROUNDS\n", argv[0]);
        return 2;
    }
    int rounds = atoi(argv[2]);
    if (rounds < 1) rounds = 1;
    if (!strcmp(argv[1], "complex"))
        run_complex(rounds);
    else if (!strcmp(argv[1], "real"))
        run_real(rounds);
    else if (!strcmp(argv[1], "nd"))
        run_nd(rounds);
    else if (!strcmp(argv[1], "conv"))
        run_conv(rounds);
    else {
        fprintf(stderr, "unknown mode %s\n", argv[1]);
        return 2;
    }
    kiss_fft_cleanup();
    printf("%s: %d failures\n", argv[1], failures);
    return failures != 0;
}
