/* egopt corpus driver for giflib: quantizes generated RGB images (binary
 * PPM, made by scripts/corpuslib/programs/giflib.py) to palettes of several
 * sizes with GifQuantizeBuffer, encodes them to GIF in memory (plain and
 * interlaced, with comment and graphics control extensions), decodes them
 * back (DGifSlurp and the line-by-line API), checks the decoded indices,
 * and prints sizes and CRC-32s of the GIF streams and decoded pixels. Then
 * it builds an animated GIF from all images (local and merged color maps,
 * text drawn with the library's 8x8 font), writes it with EGifSpew to the
 * file named first on the command line, reads it back and prints checksums.
 *
 * usage: giflib OUT.gif IMAGE.ppm...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gif_lib.h"

#include "crc32.h"

static void die(const char *what, int err)
{
    fprintf(stderr, "giflib driver: %s: %s\n", what, GifErrorString(err));
    exit(1);
}

/* ---- memory streams -------------------------------------------------- */

typedef struct {
    unsigned char *data;
    size_t len, cap, pos;
} Buf;

static int buf_write(GifFileType *gf, const GifByteType *p, int n)
{
    Buf *b = (Buf *)gf->UserData;
    if (b->len + (size_t)n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + (size_t)n)
            cap *= 2;
        b->data = realloc(b->data, cap);
        if (!b->data) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, (size_t)n);
    b->len += (size_t)n;
    return n;
}

static int buf_read(GifFileType *gf, GifByteType *p, int n)
{
    Buf *b = (Buf *)gf->UserData;
    size_t avail = b->len - b->pos;
    if ((size_t)n > avail)
        n = (int)avail;
    memcpy(p, b->data + b->pos, (size_t)n);
    b->pos += (size_t)n;
    return n;
}

/* ---- images -------------------------------------------------------- */

typedef struct {
    const char *name;
    int w, h;
    unsigned char *r, *g, *b;
} Image;

static int ppm_int(FILE *f)
{
    int c, v = 0;
    do {
        c = getc(f);
        if (c == '#')
            while (c != '\n' && c != EOF)
                c = getc(f);
    } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
    if (c < '0' || c > '9')
        return -1;
    while (c >= '0' && c <= '9') {
        v = v * 10 + (c - '0');
        c = getc(f);
    }
    return v;
}

static Image read_ppm(const char *path)
{
    Image im;
    FILE *f = fopen(path, "rb");
    if (!f || getc(f) != 'P' || getc(f) != '6') {
        fprintf(stderr, "%s: not a binary PPM\n", path);
        exit(1);
    }
    im.name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    im.w = ppm_int(f);
    im.h = ppm_int(f);
    if (ppm_int(f) != 255 || im.w <= 0 || im.h <= 0 || im.w > 4096 || im.h > 4096) {
        fprintf(stderr, "%s: unsupported PPM header\n", path);
        exit(1);
    }
    size_t n = (size_t)im.w * im.h;
    unsigned char *rgb = malloc(3 * n);
    im.r = malloc(n);
    im.g = malloc(n);
    im.b = malloc(n);
    if (fread(rgb, 3, n, f) != n) {
        fprintf(stderr, "%s: short PPM\n", path);
        exit(1);
    }
    fclose(f);
    for (size_t i = 0; i < n; i++) {
        im.r[i] = rgb[3 * i];
        im.g[i] = rgb[3 * i + 1];
        im.b[i] = rgb[3 * i + 2];
    }
    free(rgb);
    return im;
}

/* Quantizes `im` to at most `*ncolors` colors; returns the index raster and
 * a color map object (power-of-two size, unused entries black). */
static GifByteType *quantize(const Image *im, int *ncolors, ColorMapObject **map)
{
    size_t n = (size_t)im->w * im->h;
    GifByteType *idx = malloc(n);
    GifColorType colors[256];
    memset(colors, 0, sizeof colors);
    if (GifQuantizeBuffer(im->w, im->h, ncolors, im->r, im->g, im->b, idx, colors) != GIF_OK) {
        fprintf(stderr, "%s: quantization failed\n", im->name);
        exit(1);
    }
    int bits = GifBitSize(*ncolors);
    *map = GifMakeMapObject(1 << bits, colors);
    if (!*map)
        die("GifMakeMapObject", D_GIF_ERR_NOT_ENOUGH_MEM);
    return idx;
}

static const int InterlacedOffset[] = {0, 4, 2, 1};
static const int InterlacedJumps[] = {8, 8, 4, 2};

/* Encodes one image with the sequential API. */
static void encode(Buf *out, int w, int h, GifByteType *idx, ColorMapObject *map, int interlace,
                   int transparent, const char *comment)
{
    int err;
    GifFileType *gf = EGifOpen(out, buf_write, &err);
    if (!gf)
        die("EGifOpen", err);
    EGifSetGifVersion(gf, true);
    if (EGifPutScreenDesc(gf, w, h, map->BitsPerPixel, 0, map) == GIF_ERROR)
        die("EGifPutScreenDesc", gf->Error);
    if (EGifPutComment(gf, comment) == GIF_ERROR)
        die("EGifPutComment", gf->Error);
    GraphicsControlBlock gcb = {DISPOSE_DO_NOT, false, 7, transparent};
    GifByteType ext[4];
    size_t elen = EGifGCBToExtension(&gcb, ext);
    if (EGifPutExtension(gf, GRAPHICS_EXT_FUNC_CODE, (int)elen, ext) == GIF_ERROR)
        die("EGifPutExtension", gf->Error);
    if (EGifPutImageDesc(gf, 0, 0, w, h, interlace, NULL) == GIF_ERROR)
        die("EGifPutImageDesc", gf->Error);
    if (interlace) {
        for (int k = 0; k < 4; k++)
            for (int y = InterlacedOffset[k]; y < h; y += InterlacedJumps[k])
                if (EGifPutLine(gf, idx + (size_t)y * w, w) == GIF_ERROR)
                    die("EGifPutLine", gf->Error);
    } else {
        /* Half the rows line by line, the rest pixel by pixel. */
        for (int y = 0; y < h; y++) {
            if (y % 2 == 0) {
                if (EGifPutLine(gf, idx + (size_t)y * w, w) == GIF_ERROR)
                    die("EGifPutLine", gf->Error);
            } else {
                for (int x = 0; x < w; x++)
                    if (EGifPutPixel(gf, idx[(size_t)y * w + x]) == GIF_ERROR)
                        die("EGifPutPixel", gf->Error);
            }
        }
    }
    if (EGifCloseFile(gf, &err) == GIF_ERROR)
        die("EGifCloseFile", err);
}

/* CRC of the RGB pixels an image decodes to. */
static unsigned long rgb_crc(const GifByteType *idx, size_t n, const ColorMapObject *map)
{
    unsigned long crc = 0;
    unsigned char line[3 * 256];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const GifColorType *c = &map->Colors[idx[i] < map->ColorCount ? idx[i] : 0];
        line[k++] = c->Red;
        line[k++] = c->Green;
        line[k++] = c->Blue;
        if (k == sizeof line) {
            crc = crc32_of(crc, line, k);
            k = 0;
        }
    }
    return crc32_of(crc, line, k);
}

/* Decodes with DGifSlurp; checks the raster against `idx`. */
static unsigned long decode_slurp(Buf *in, int w, int h, const GifByteType *idx,
                                  const ColorMapObject *map, int *tcolor)
{
    int err;
    in->pos = 0;
    GifFileType *gf = DGifOpen(in, buf_read, &err);
    if (!gf)
        die("DGifOpen", err);
    if (DGifSlurp(gf) == GIF_ERROR)
        die("DGifSlurp", gf->Error);
    if (gf->ImageCount != 1 || gf->SWidth != w || gf->SHeight != h || !gf->SColorMap) {
        fprintf(stderr, "decoded GIF has the wrong shape\n");
        exit(1);
    }
    SavedImage *sp = &gf->SavedImages[0];
    if (memcmp(sp->RasterBits, idx, (size_t)w * h) != 0) {
        fprintf(stderr, "decoded raster differs from the encoded one\n");
        exit(1);
    }
    if (gf->SColorMap->ColorCount != map->ColorCount ||
        memcmp(gf->SColorMap->Colors, map->Colors, sizeof(GifColorType) * map->ColorCount)) {
        fprintf(stderr, "decoded color map differs\n");
        exit(1);
    }
    GraphicsControlBlock gcb;
    if (DGifSavedExtensionToGCB(gf, 0, &gcb) == GIF_ERROR)
        die("DGifSavedExtensionToGCB", gf->Error);
    *tcolor = gcb.TransparentColor;
    unsigned long crc = rgb_crc(sp->RasterBits, (size_t)w * h, gf->SColorMap);
    if (DGifCloseFile(gf, &err) == GIF_ERROR)
        die("DGifCloseFile", err);
    return crc;
}

/* Decodes with the record API, line by line (and pixel by pixel for every
 * third line); returns a CRC of the rows in display order and the number of
 * extension bytes seen. */
static unsigned long decode_lines(Buf *in, int *extbytes)
{
    int err;
    in->pos = 0;
    GifFileType *gf = DGifOpen(in, buf_read, &err);
    if (!gf)
        die("DGifOpen", err);
    GifRecordType rt;
    unsigned long crc = 0;
    *extbytes = 0;
    do {
        if (DGifGetRecordType(gf, &rt) == GIF_ERROR)
            die("DGifGetRecordType", gf->Error);
        if (rt == IMAGE_DESC_RECORD_TYPE) {
            if (DGifGetImageDesc(gf) == GIF_ERROR)
                die("DGifGetImageDesc", gf->Error);
            int w = gf->Image.Width, h = gf->Image.Height;
            /* DGifGetPixel takes its pixel by value (it only consumes
             * it): the rows read that way stay zero. */
            GifByteType *rows = calloc((size_t)w * h, 1);
            if (gf->Image.Interlace) {
                for (int k = 0; k < 4; k++)
                    for (int y = InterlacedOffset[k]; y < h; y += InterlacedJumps[k])
                        if (DGifGetLine(gf, rows + (size_t)y * w, w) == GIF_ERROR)
                            die("DGifGetLine", gf->Error);
            } else {
                for (int y = 0; y < h; y++) {
                    if (y % 3 == 2) {
                        for (int x = 0; x < w; x++)
                            if (DGifGetPixel(gf, 0) == GIF_ERROR)
                                die("DGifGetPixel", gf->Error);
                    } else if (DGifGetLine(gf, rows + (size_t)y * w, w) == GIF_ERROR) {
                        die("DGifGetLine", gf->Error);
                    }
                }
            }
            crc = crc32_of(crc, rows, (size_t)w * h);
            free(rows);
        } else if (rt == EXTENSION_RECORD_TYPE) {
            int code;
            GifByteType *ext;
            if (DGifGetExtension(gf, &code, &ext) == GIF_ERROR)
                die("DGifGetExtension", gf->Error);
            while (ext) {
                *extbytes += ext[0];
                crc = crc32_of(crc, ext + 1, ext[0]);
                if (DGifGetExtensionNext(gf, &ext) == GIF_ERROR)
                    die("DGifGetExtensionNext", gf->Error);
            }
        }
    } while (rt != TERMINATE_RECORD_TYPE);
    if (DGifCloseFile(gf, &err) == GIF_ERROR)
        die("DGifCloseFile", err);
    return crc;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: giflib OUT.gif IMAGE.ppm...\n");
        return 2;
    }
    crc_init();
    int nimg = argc - 2;
    Image *ims = malloc(sizeof(Image) * nimg);
    GifByteType **frames = malloc(sizeof(GifByteType *) * nimg);
    ColorMapObject **fmaps = malloc(sizeof(ColorMapObject *) * nimg);
    static const int palettes[] = {256, 64, 13, 2};
    int sw = 0, sh = 0;

    for (int i = 0; i < nimg; i++) {
        ims[i] = read_ppm(argv[i + 2]);
        Image *im = &ims[i];
        if (im->w > sw)
            sw = im->w;
        if (im->h > sh)
            sh = im->h;
        for (size_t p = 0; p < sizeof palettes / sizeof palettes[0]; p++) {
            int ncolors = palettes[p];
            ColorMapObject *map;
            GifByteType *idx = quantize(im, &ncolors, &map);
            int interlace = p % 2 == 1;
            int transparent = p == 2 ? ncolors - 1 : NO_TRANSPARENT_COLOR;
            char comment[128];
            snprintf(comment, sizeof comment, "%s quantized to %d of %d colors", im->name, ncolors,
                     palettes[p]);
            Buf out = {0};
            encode(&out, im->w, im->h, idx, map, interlace, transparent, comment);
            int tcolor, extbytes;
            unsigned long pix = decode_slurp(&out, im->w, im->h, idx, map, &tcolor);
            unsigned long lines = decode_lines(&out, &extbytes);
            printf("%s: %dx%d palette %d -> %d colors (%d bits)%s: gif %lu bytes crc %08lx, "
                   "pixels %08lx, rows %08lx, ext %d bytes, transparent %d\n",
                   im->name, im->w, im->h, palettes[p], ncolors, map->BitsPerPixel,
                   interlace ? " interlaced" : "", (unsigned long)out.len,
                   crc32_of(0, out.data, out.len), pix, lines, extbytes, tcolor);
            free(out.data);
            if (p == 1) {
                frames[i] = idx;
                fmaps[i] = map;
            } else {
                free(idx);
                GifFreeMapObject(map);
            }
        }
    }

    /* An animation of all images: the first two share a merged global color
     * map, the others keep local ones; each frame gets a caption. */
    int err;
    GifFileType *anim = EGifOpenFileName(argv[1], false, &err);
    if (!anim)
        die("EGifOpenFileName", err);
    GifPixelType trans[256];
    ColorMapObject *global = nimg > 1 ? GifUnionColorMap(fmaps[0], fmaps[1], trans) : NULL;
    anim->SWidth = sw;
    anim->SHeight = sh;
    anim->SColorResolution = 8;
    anim->SBackGroundColor = 0;
    anim->SColorMap = global ? global : GifMakeMapObject(fmaps[0]->ColorCount, fmaps[0]->Colors);
    for (int i = 0; i < nimg; i++) {
        SavedImage *sp = GifMakeSavedImage(anim, NULL);
        if (!sp)
            die("GifMakeSavedImage", E_GIF_ERR_NOT_ENOUGH_MEM);
        sp->ImageDesc.Left = (sw - ims[i].w) / 2;
        sp->ImageDesc.Top = (sh - ims[i].h) / 2;
        sp->ImageDesc.Width = ims[i].w;
        sp->ImageDesc.Height = ims[i].h;
        sp->ImageDesc.Interlace = i % 2 == 1;
        sp->RasterBits = frames[i];
        if (i == 1 && global) {
            GifApplyTranslation(sp, trans);
            sp->ImageDesc.ColorMap = NULL;
        } else if (i == 0 && global) {
            sp->ImageDesc.ColorMap = NULL;
        } else {
            sp->ImageDesc.ColorMap = GifMakeMapObject(fmaps[i]->ColorCount, fmaps[i]->Colors);
        }
        char caption[64];
        snprintf(caption, sizeof caption, "frame %d: %s", i, ims[i].name);
        GifDrawBoxedText8x8(sp, 4, 4, caption, 1, 0, 1);
        GifDrawRectangle(sp, ims[i].w / 2, ims[i].h / 2, 16, 8, 2);
        GifDrawBox(sp, ims[i].w / 4, ims[i].h / 4, ims[i].w / 3, ims[i].h / 5, 3);
        GraphicsControlBlock gcb = {DISPOSE_BACKGROUND, false, 10 + i, i == 2 ? 5 : -1};
        if (EGifGCBToSavedExtension(&gcb, anim, i) == GIF_ERROR)
            die("EGifGCBToSavedExtension", anim->Error);
    }
    unsigned char loop[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    unsigned char loopsub[] = {1, 0, 0};
    if (GifAddExtensionBlock(&anim->SavedImages[0].ExtensionBlockCount,
                             &anim->SavedImages[0].ExtensionBlocks, APPLICATION_EXT_FUNC_CODE,
                             sizeof loop, loop) == GIF_ERROR ||
        GifAddExtensionBlock(&anim->SavedImages[0].ExtensionBlockCount,
                             &anim->SavedImages[0].ExtensionBlocks, CONTINUE_EXT_FUNC_CODE,
                             sizeof loopsub, loopsub) == GIF_ERROR)
        die("GifAddExtensionBlock", E_GIF_ERR_NOT_ENOUGH_MEM);
    if (EGifSpew(anim) == GIF_ERROR)
        die("EGifSpew", E_GIF_ERR_WRITE_FAILED);

    GifFileType *gf = DGifOpenFileName(argv[1], &err);
    if (!gf)
        die("DGifOpenFileName", err);
    if (DGifSlurp(gf) == GIF_ERROR)
        die("DGifSlurp", gf->Error);
    printf("animation: %s %dx%d, %d frames, global map %d colors\n", DGifGetGifVersion(gf),
           gf->SWidth, gf->SHeight, gf->ImageCount,
           gf->SColorMap ? gf->SColorMap->ColorCount : 0);
    for (int i = 0; i < gf->ImageCount; i++) {
        SavedImage *sp = &gf->SavedImages[i];
        GraphicsControlBlock gcb;
        DGifSavedExtensionToGCB(gf, i, &gcb);
        const ColorMapObject *map = sp->ImageDesc.ColorMap ? sp->ImageDesc.ColorMap
                                                           : gf->SColorMap;
        size_t n = (size_t)sp->ImageDesc.Width * sp->ImageDesc.Height;
        printf("  frame %d at %d,%d %dx%d%s map %d: delay %d transparent %d disposal %d, "
               "%d extensions, raster %08lx, rgb %08lx\n",
               i, sp->ImageDesc.Left, sp->ImageDesc.Top, sp->ImageDesc.Width,
               sp->ImageDesc.Height, sp->ImageDesc.Interlace ? " interlaced" : "",
               map->ColorCount, gcb.DelayTime, gcb.TransparentColor, gcb.DisposalMode,
               sp->ExtensionBlockCount, crc32_of(0, sp->RasterBits, n),
               rgb_crc(sp->RasterBits, n, map));
    }
    if (DGifCloseFile(gf, &err) == GIF_ERROR)
        die("DGifCloseFile", err);
    return 0;
}
