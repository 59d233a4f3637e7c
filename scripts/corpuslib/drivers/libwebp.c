/* egopt corpus driver for libwebp: encodes a generated image (binary PPM or
 * RGBA PAM, made by scripts/corpuslib/programs/libwebp.py) to WebP, lossy at
 * several qualities and methods and lossless at several effort levels,
 * decodes every stream back (RGBA; lossless ones must match exactly) and
 * prints sizes, CRC-32s and integer error sums; the q75 stream is also
 * decoded scaled, cropped, to YUV and RGB565 and incrementally in chunks.
 * Plain C paths only: the CPU-detection hook of the dsp code is NULL (this
 * file defines it; the package's src/dsp/cpu.c, which uses cpuid, is not
 * built).
 *
 * usage: libwebp IMAGE.(ppm|pam)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "src/dsp/cpu.h"
#include "src/webp/decode.h"
#include "src/webp/encode.h"

/* No run-time CPU detection: every dsp init keeps its C functions. */
VP8CPUInfo VP8GetCPUInfo = NULL;

#include "crc32.h"

/* ---- input ------------------------------------------------------------ */

typedef struct {
    int w, h, channels; /* 3 (RGB) or 4 (RGBA) */
    unsigned char *pix;
} Image;

static char *header_line(FILE *f, char *buf, int n)
{
    do {
        if (!fgets(buf, n, f))
            return NULL;
    } while (buf[0] == '#');
    return buf;
}

static Image read_image(const char *path)
{
    Image im = {0};
    char line[128];
    FILE *f = fopen(path, "rb");
    if (!f || !header_line(f, line, sizeof line)) {
        fprintf(stderr, "%s: cannot read\n", path);
        exit(1);
    }
    int maxval = 0;
    if (!strncmp(line, "P6", 2)) {
        im.channels = 3;
        if (!header_line(f, line, sizeof line) || sscanf(line, "%d %d", &im.w, &im.h) != 2 ||
            !header_line(f, line, sizeof line) || sscanf(line, "%d", &maxval) != 1) {
            fprintf(stderr, "%s: bad PPM header\n", path);
            exit(1);
        }
    } else if (!strncmp(line, "P7", 2)) {
        while (header_line(f, line, sizeof line) && strncmp(line, "ENDHDR", 6)) {
            sscanf(line, "WIDTH %d", &im.w);
            sscanf(line, "HEIGHT %d", &im.h);
            sscanf(line, "DEPTH %d", &im.channels);
            sscanf(line, "MAXVAL %d", &maxval);
        }
    }
    if ((im.channels != 3 && im.channels != 4) || maxval != 255 || im.w <= 0 || im.h <= 0 ||
        im.w > 4096 || im.h > 4096) {
        fprintf(stderr, "%s: unsupported image\n", path);
        exit(1);
    }
    size_t n = (size_t)im.w * im.h * im.channels;
    im.pix = malloc(n);
    if (fread(im.pix, 1, n, f) != n) {
        fprintf(stderr, "%s: short image\n", path);
        exit(1);
    }
    fclose(f);
    return im;
}

/* ---- encoding --------------------------------------------------------- */

typedef struct {
    const char *name;
    int lossless;
    int level;      /* lossless preset level, or -1 */
    float quality;
    int method;
    int segments, sns, filter, sharpness, filter_type, autofilter;
    int alpha_filtering, alpha_quality;
    int pass, preprocessing, partitions;
    int near_lossless, exact, sharp_yuv;
    float target_psnr;
    int target_size;
    int half; /* rescale the picture to half size first */
} Plan;

static const Plan plans[] = {
    /* name        ll lvl  q   m  seg sns flt shp typ af  af  aq  ps pp pt nl ex sy tpsnr tsz half */
    {"lossy-q10-m0", 0, -1, 10, 0, 4, 50, 60, 0, 1, 0, 1, 100, 1, 0, 0, 100, 0, 0, 0, 0, 0},
    {"lossy-q40-m2", 0, -1, 40, 2, 2, 0, 0, 0, 0, 0, 0, 40, 1, 1, 1, 100, 0, 0, 0, 0, 0},
    {"lossy-q75-m4", 0, -1, 75, 4, 4, 50, 60, 0, 1, 0, 1, 100, 1, 0, 0, 100, 0, 0, 0, 0, 0},
    {"lossy-q90-m6", 0, -1, 90, 6, 4, 80, 20, 3, 1, 1, 1, 95, 1, 0, 2, 100, 0, 0, 0, 0, 0},
    {"lossy-q60-m3-sharp-dither", 0, -1, 60, 3, 3, 70, 30, 2, 0, 0, 1, 70, 1, 2, 3, 100, 0, 1, 0, 0, 0},
    {"lossy-psnr38-m4", 0, -1, 75, 4, 4, 50, 60, 0, 1, 0, 1, 100, 3, 0, 0, 100, 0, 0, 38, 0, 0},
    {"lossy-half-q80-m5", 0, -1, 80, 5, 4, 50, 40, 0, 1, 0, 1, 100, 1, 0, 0, 100, 0, 0, 0, 0, 1},
    {"lossless-l1", 1, 1, 0, 0, 4, 0, 0, 0, 0, 0, 1, 100, 1, 0, 0, 100, 1, 0, 0, 0, 0},
    {"lossless-l5", 1, 5, 0, 0, 4, 0, 0, 0, 0, 0, 1, 100, 1, 0, 0, 100, 1, 0, 0, 0, 0},
    {"near-lossless-60-l3", 1, 3, 0, 0, 4, 0, 0, 0, 0, 0, 1, 100, 1, 0, 0, 60, 0, 0, 0, 0, 0},
};

static int fill_picture(const Image *im, WebPPicture *pic, int argb)
{
    if (!WebPPictureInit(pic))
        return 0;
    pic->width = im->w;
    pic->height = im->h;
    pic->use_argb = argb;
    if (im->channels == 4)
        return WebPPictureImportRGBA(pic, im->pix, im->w * 4);
    return WebPPictureImportRGB(pic, im->pix, im->w * 3);
}

static WebPMemoryWriter encode(const Image *im, const Plan *p, WebPPicture *pic)
{
    WebPConfig config;
    if (!WebPConfigInit(&config)) {
        fprintf(stderr, "WebPConfigInit failed\n");
        exit(1);
    }
    if (p->lossless) {
        WebPConfigLosslessPreset(&config, p->level);
        config.near_lossless = p->near_lossless;
        config.exact = p->exact;
    } else {
        config.quality = p->quality;
        config.method = p->method;
        config.segments = p->segments;
        config.sns_strength = p->sns;
        config.filter_strength = p->filter;
        config.filter_sharpness = p->sharpness;
        config.filter_type = p->filter_type;
        config.autofilter = p->autofilter;
        config.alpha_filtering = p->alpha_filtering;
        config.alpha_quality = p->alpha_quality;
        config.pass = p->pass;
        config.preprocessing = p->preprocessing;
        config.partitions = p->partitions;
        config.use_sharp_yuv = p->sharp_yuv;
        config.target_PSNR = p->target_psnr;
        config.target_size = p->target_size;
    }
    if (!WebPValidateConfig(&config)) {
        fprintf(stderr, "%s: invalid configuration\n", p->name);
        exit(1);
    }
    if (!fill_picture(im, pic, p->lossless)) {
        fprintf(stderr, "%s: picture import failed\n", p->name);
        exit(1);
    }
    if (p->half && !WebPPictureRescale(pic, im->w / 2, im->h / 2)) {
        fprintf(stderr, "%s: rescale failed\n", p->name);
        exit(1);
    }
    WebPMemoryWriter wr;
    WebPMemoryWriterInit(&wr);
    pic->writer = WebPMemoryWrite;
    pic->custom_ptr = &wr;
    if (!WebPEncode(&config, pic)) {
        fprintf(stderr, "%s: encoding failed (error %d)\n", p->name, pic->error_code);
        exit(1);
    }
    return wr;
}

/* ---- decoding ---------------------------------------------------------- */

/* Sum of squared differences of two RGBA buffers, per channel. */
static void sse_rgba(const unsigned char *a, const unsigned char *b, size_t n,
                     unsigned long long sse[4], int *maxdiff)
{
    *maxdiff = 0;
    for (int c = 0; c < 4; c++)
        sse[c] = 0;
    for (size_t i = 0; i < n; i++) {
        for (int c = 0; c < 4; c++) {
            int d = (int)a[4 * i + c] - (int)b[4 * i + c];
            sse[c] += (unsigned long long)(d * d);
            if (d < 0)
                d = -d;
            if (d > *maxdiff)
                *maxdiff = d;
        }
    }
}

static unsigned char *to_rgba(const Image *im)
{
    size_t n = (size_t)im->w * im->h;
    unsigned char *out = malloc(4 * n);
    for (size_t i = 0; i < n; i++) {
        memcpy(out + 4 * i, im->pix + im->channels * i, 3);
        out[4 * i + 3] = im->channels == 4 ? im->pix[4 * i + 3] : 255;
    }
    return out;
}

static void decode_variants(const unsigned char *data, size_t size, const unsigned char *full,
                            int w, int h)
{
    WebPDecoderConfig config;

    /* Scaled down, fancy upsampling off. */
    if (!WebPInitDecoderConfig(&config) ||
        WebPGetFeatures(data, size, &config.input) != VP8_STATUS_OK) {
        fprintf(stderr, "WebPGetFeatures failed\n");
        exit(1);
    }
    config.options.use_scaling = 1;
    config.options.scaled_width = w * 5 / 8;
    config.options.scaled_height = h * 3 / 4;
    config.options.no_fancy_upsampling = 1;
    config.output.colorspace = MODE_RGBA;
    if (WebPDecode(data, size, &config) != VP8_STATUS_OK) {
        fprintf(stderr, "scaled decode failed\n");
        exit(1);
    }
    printf("    scaled %dx%d: crc %08lx\n", config.output.width, config.output.height,
           crc32_of(0, config.output.u.RGBA.rgba, config.output.u.RGBA.size));
    WebPFreeDecBuffer(&config.output);

    /* Cropped, premultiplied alpha, no in-loop filter. */
    WebPInitDecoderConfig(&config);
    config.options.use_cropping = 1;
    config.options.crop_left = w / 4;
    config.options.crop_top = h / 5;
    config.options.crop_width = w / 2;
    config.options.crop_height = h / 2;
    config.options.bypass_filtering = 1;
    config.output.colorspace = MODE_rgbA;
    if (WebPDecode(data, size, &config) != VP8_STATUS_OK) {
        fprintf(stderr, "cropped decode failed\n");
        exit(1);
    }
    printf("    cropped %dx%d: crc %08lx\n", config.output.width, config.output.height,
           crc32_of(0, config.output.u.RGBA.rgba, config.output.u.RGBA.size));
    WebPFreeDecBuffer(&config.output);

    /* YUV planes. */
    int yw, yh, uv_stride, y_stride;
    unsigned char *u, *v;
    unsigned char *y = WebPDecodeYUV(data, size, &yw, &yh, &u, &v, &y_stride, &uv_stride);
    if (!y) {
        fprintf(stderr, "YUV decode failed\n");
        exit(1);
    }
    unsigned long crc = 0;
    for (int r = 0; r < yh; r++)
        crc = crc32_of(crc, y + (size_t)r * y_stride, yw);
    for (int r = 0; r < (yh + 1) / 2; r++) {
        crc = crc32_of(crc, u + (size_t)r * uv_stride, (yw + 1) / 2);
        crc = crc32_of(crc, v + (size_t)r * uv_stride, (yw + 1) / 2);
    }
    printf("    yuv: crc %08lx\n", crc);
    WebPFree(y);

    /* RGB565 and BGR into caller buffers. */
    size_t n = (size_t)w * h;
    unsigned char *buf = malloc(3 * n);
    if (!WebPDecodeBGRInto(data, size, buf, 3 * n, w * 3)) {
        fprintf(stderr, "BGR decode failed\n");
        exit(1);
    }
    printf("    bgr: crc %08lx\n", crc32_of(0, buf, 3 * n));
    WebPInitDecoderConfig(&config);
    config.output.colorspace = MODE_RGB_565;
    if (WebPDecode(data, size, &config) != VP8_STATUS_OK) {
        fprintf(stderr, "RGB565 decode failed\n");
        exit(1);
    }
    printf("    rgb565: crc %08lx\n",
           crc32_of(0, config.output.u.RGBA.rgba, config.output.u.RGBA.size));
    WebPFreeDecBuffer(&config.output);
    free(buf);

    /* Incremental, in chunks of 997 bytes; must match the full decode. */
    WebPIDecoder *idec = WebPINewRGB(MODE_RGBA, NULL, 0, 0);
    size_t pos = 0;
    int chunks = 0;
    VP8StatusCode st = VP8_STATUS_SUSPENDED;
    while (pos < size && st == VP8_STATUS_SUSPENDED) {
        size_t k = size - pos < 997 ? size - pos : 997;
        st = WebPIAppend(idec, data + pos, k);
        pos += k;
        chunks++;
    }
    int iw, ih, istride, last_y;
    unsigned char *irgba = WebPIDecGetRGB(idec, &last_y, &iw, &ih, &istride);
    if (st != VP8_STATUS_OK || !irgba || iw != w || ih != h || last_y != h ||
        memcmp(irgba, full, (size_t)4 * w * h) != 0) {
        fprintf(stderr, "incremental decode differs (status %d)\n", st);
        exit(1);
    }
    printf("    incremental: %d chunks, same pixels\n", chunks);
    WebPIDelete(idec);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: libwebp IMAGE.(ppm|pam)\n");
        return 2;
    }
    crc_init();
    Image im = read_image(argv[1]);
    unsigned char *orig = to_rgba(&im);
    const char *base = strrchr(argv[1], '/') ? strrchr(argv[1], '/') + 1 : argv[1];
    printf("%s: %dx%d, %d channels, encoder %06x decoder %06x\n", base, im.w,
           im.h, im.channels, WebPGetEncoderVersion(), WebPGetDecoderVersion());
    for (size_t k = 0; k < sizeof plans / sizeof plans[0]; k++) {
        const Plan *p = &plans[k];
        WebPPicture pic;
        WebPMemoryWriter wr = encode(&im, p, &pic);

        WebPBitstreamFeatures feat;
        if (WebPGetFeatures(wr.mem, wr.size, &feat) != VP8_STATUS_OK) {
            fprintf(stderr, "%s: WebPGetFeatures failed\n", p->name);
            return 1;
        }
        int w, h;
        unsigned char *rgba = WebPDecodeRGBA(wr.mem, wr.size, &w, &h);
        if (!rgba || w != pic.width || h != pic.height) {
            fprintf(stderr, "%s: decoding failed\n", p->name);
            return 1;
        }
        size_t n = (size_t)w * h;
        printf("%-26s %5lu bytes crc %08lx, format %d alpha %d, decoded %dx%d crc %08lx", p->name,
               (unsigned long)wr.size, crc32_of(0, wr.mem, wr.size), feat.format,
               feat.has_alpha, w, h, crc32_of(0, rgba, 4 * n));
        if (!p->half) {
            unsigned long long sse[4];
            int maxdiff;
            sse_rgba(orig, rgba, n, sse, &maxdiff);
            printf(", sse %llu %llu %llu %llu max %d", sse[0], sse[1], sse[2], sse[3], maxdiff);
            if (p->lossless && p->near_lossless == 100 && maxdiff != 0) {
                printf("\n");
                fprintf(stderr, "%s: lossless round trip differs\n", p->name);
                return 1;
            }
        }
        printf("\n");
        if (k == 2 || k == 8)
            decode_variants(wr.mem, wr.size, rgba, w, h);
        WebPFree(rgba);
        WebPMemoryWriterClear(&wr);
        WebPPictureFree(&pic);
    }
    free(orig);
    free(im.pix);
    return 0;
}
