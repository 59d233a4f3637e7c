/* egopt corpus driver for libFLAC: encodes raw little-endian PCM (made by
 * scripts/corpuslib/programs/flac.py) with the stream encoder at several
 * compression levels and custom settings into memory, decodes every stream
 * back with the stream decoder (MD5 checking on) and checks that the samples
 * are the input's (FLAC is lossless); prints sizes, CRC-32s of the streams,
 * the STREAMINFO MD5s and frame counts. Then it encodes to a file with
 * metadata (tags, seek table, application block, padding), edits the file's
 * metadata through a metadata chain and the simple iterator, reads it back,
 * and decodes it with seeks to a few sample positions.
 *
 * usage: flac CHANNELS BITS RATE INPUT.raw OUTPUT.flac
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "FLAC/metadata.h"
#include "FLAC/stream_decoder.h"
#include "FLAC/stream_encoder.h"

#include "crc32.h"

static void fail(const char *what)
{
    fprintf(stderr, "flac driver: %s\n", what);
    exit(1);
}

/* ---- the input ---------------------------------------------------------- */

static unsigned channels, bits, rate;
static FLAC__int32 *pcm;      /* interleaved */
static unsigned long nframes; /* samples per channel */

static void read_input(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail("cannot open the input");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *raw = malloc(size);
    if (fread(raw, 1, size, f) != (size_t)size)
        fail("short read");
    fclose(f);
    unsigned bytes = (bits + 7) / 8;
    nframes = size / (bytes * channels);
    pcm = malloc(sizeof(FLAC__int32) * nframes * channels);
    for (unsigned long i = 0; i < nframes * channels; i++) {
        const unsigned char *p = raw + i * bytes;
        FLAC__uint32 u = 0;
        for (unsigned b = 0; b < bytes; b++)
            u |= (FLAC__uint32)p[b] << (8 * b);
        /* sign-extend from `bits` bits (the samples use the low bits) */
        FLAC__uint32 sign = 1u << (bits - 1);
        u &= (sign << 1) - 1;
        pcm[i] = (FLAC__int32)(u ^ sign) - (FLAC__int32)sign;
    }
    free(raw);
}

/* ---- memory streams -------------------------------------------------------- */

typedef struct {
    unsigned char *data;
    size_t len, cap, pos;
} Buf;

static FLAC__StreamEncoderWriteStatus enc_write(const FLAC__StreamEncoder *e,
                                                const FLAC__byte buffer[], size_t bytes,
                                                uint32_t samples, uint32_t frame, void *cd)
{
    Buf *b = cd;
    (void)e, (void)samples, (void)frame;
    if (b->pos + bytes > b->cap) {
        size_t cap = b->cap ? b->cap : 65536;
        while (cap < b->pos + bytes)
            cap *= 2;
        b->data = realloc(b->data, cap);
        if (!b->data)
            fail("out of memory");
        b->cap = cap;
    }
    memcpy(b->data + b->pos, buffer, bytes);
    b->pos += bytes;
    if (b->pos > b->len)
        b->len = b->pos;
    return FLAC__STREAM_ENCODER_WRITE_STATUS_OK;
}

static FLAC__StreamEncoderSeekStatus enc_seek(const FLAC__StreamEncoder *e, FLAC__uint64 off,
                                              void *cd)
{
    Buf *b = cd;
    (void)e;
    if (off > b->len)
        return FLAC__STREAM_ENCODER_SEEK_STATUS_ERROR;
    b->pos = off;
    return FLAC__STREAM_ENCODER_SEEK_STATUS_OK;
}

static FLAC__StreamEncoderTellStatus enc_tell(const FLAC__StreamEncoder *e, FLAC__uint64 *off,
                                              void *cd)
{
    (void)e;
    *off = ((Buf *)cd)->pos;
    return FLAC__STREAM_ENCODER_TELL_STATUS_OK;
}

/* ---- decoding --------------------------------------------------------------- */

typedef struct {
    Buf *in;
    unsigned long next;   /* next expected sample (per channel) */
    unsigned long frames; /* frames seen */
    unsigned long mismatches;
    unsigned long crc;    /* of the decoded samples, as 32-bit little-endian */
    unsigned blocksizes[2];
    FLAC__byte md5[16];
    FLAC__uint64 total;
    int seeking;
} Dec;

static FLAC__StreamDecoderReadStatus dec_read(const FLAC__StreamDecoder *d, FLAC__byte buffer[],
                                              size_t *bytes, void *cd)
{
    Buf *b = ((Dec *)cd)->in;
    (void)d;
    size_t avail = b->len - b->pos;
    if (avail == 0) {
        *bytes = 0;
        return FLAC__STREAM_DECODER_READ_STATUS_END_OF_STREAM;
    }
    if (*bytes > avail)
        *bytes = avail;
    memcpy(buffer, b->data + b->pos, *bytes);
    b->pos += *bytes;
    return FLAC__STREAM_DECODER_READ_STATUS_CONTINUE;
}

static FLAC__StreamDecoderSeekStatus dec_seek(const FLAC__StreamDecoder *d, FLAC__uint64 off,
                                              void *cd)
{
    Buf *b = ((Dec *)cd)->in;
    (void)d;
    if (off > b->len)
        return FLAC__STREAM_DECODER_SEEK_STATUS_ERROR;
    b->pos = off;
    return FLAC__STREAM_DECODER_SEEK_STATUS_OK;
}

static FLAC__StreamDecoderTellStatus dec_tell(const FLAC__StreamDecoder *d, FLAC__uint64 *off,
                                              void *cd)
{
    (void)d;
    *off = ((Dec *)cd)->in->pos;
    return FLAC__STREAM_DECODER_TELL_STATUS_OK;
}

static FLAC__StreamDecoderLengthStatus dec_length(const FLAC__StreamDecoder *d,
                                                  FLAC__uint64 *len, void *cd)
{
    (void)d;
    *len = ((Dec *)cd)->in->len;
    return FLAC__STREAM_DECODER_LENGTH_STATUS_OK;
}

static FLAC__bool dec_eof(const FLAC__StreamDecoder *d, void *cd)
{
    Buf *b = ((Dec *)cd)->in;
    (void)d;
    return b->pos >= b->len;
}

static FLAC__StreamDecoderWriteStatus dec_write(const FLAC__StreamDecoder *d,
                                                const FLAC__Frame *frame,
                                                const FLAC__int32 *const buffer[], void *cd)
{
    Dec *s = cd;
    (void)d;
    unsigned long first = frame->header.number_type == FLAC__FRAME_NUMBER_TYPE_SAMPLE_NUMBER
                              ? (unsigned long)frame->header.number.sample_number
                              : s->next;
    if (s->seeking)
        s->next = first;
    if (frame->header.channels != channels || frame->header.bits_per_sample != bits ||
        first != s->next || s->next + frame->header.blocksize > nframes) {
        s->mismatches++;
        return FLAC__STREAM_DECODER_WRITE_STATUS_ABORT;
    }
    unsigned char tmp[4 * 8];
    for (unsigned i = 0; i < frame->header.blocksize; i++) {
        for (unsigned c = 0; c < channels; c++) {
            FLAC__int32 v = buffer[c][i];
            if (v != pcm[(s->next + i) * channels + c])
                s->mismatches++;
            FLAC__uint32 u = (FLAC__uint32)v;
            tmp[4 * c] = u & 0xff;
            tmp[4 * c + 1] = (u >> 8) & 0xff;
            tmp[4 * c + 2] = (u >> 16) & 0xff;
            tmp[4 * c + 3] = (u >> 24) & 0xff;
        }
        s->crc = crc32_of(s->crc, tmp, 4 * channels);
    }
    s->next += frame->header.blocksize;
    s->frames++;
    if (s->blocksizes[0] == 0 || frame->header.blocksize < s->blocksizes[0])
        s->blocksizes[0] = frame->header.blocksize;
    if (frame->header.blocksize > s->blocksizes[1])
        s->blocksizes[1] = frame->header.blocksize;
    return FLAC__STREAM_DECODER_WRITE_STATUS_CONTINUE;
}

static void dec_metadata(const FLAC__StreamDecoder *d, const FLAC__StreamMetadata *m, void *cd)
{
    Dec *s = cd;
    (void)d;
    if (m->type == FLAC__METADATA_TYPE_STREAMINFO) {
        memcpy(s->md5, m->data.stream_info.md5sum, 16);
        s->total = m->data.stream_info.total_samples;
    }
}

static void dec_error(const FLAC__StreamDecoder *d, FLAC__StreamDecoderErrorStatus st, void *cd)
{
    (void)d, (void)cd;
    fprintf(stderr, "decoder error: %s\n", FLAC__StreamDecoderErrorStatusString[st]);
    exit(1);
}

static FLAC__StreamDecoder *open_decoder(Dec *s, Buf *in)
{
    FLAC__StreamDecoder *d = FLAC__stream_decoder_new();
    memset(s, 0, sizeof *s);
    s->in = in;
    in->pos = 0;
    FLAC__stream_decoder_set_md5_checking(d, true);
    if (FLAC__stream_decoder_init_stream(d, dec_read, dec_seek, dec_tell, dec_length, dec_eof,
                                         dec_write, dec_metadata, dec_error, s) !=
        FLAC__STREAM_DECODER_INIT_STATUS_OK)
        fail("decoder init failed");
    return d;
}

static void print_md5(const FLAC__byte md5[16])
{
    for (int i = 0; i < 16; i++)
        printf("%02x", md5[i]);
}

/* ---- encoding ------------------------------------------------------------------- */

typedef struct {
    const char *name;
    int level;            /* compression level, then the overrides below (-1: keep) */
    int blocksize;
    int max_lpc_order;
    int qlp_precision;
    int prec_search;
    int exhaustive;
    int max_partition_order;
    int mid_side;         /* 0 independent, 1 mid-side, 2 loose mid-side */
    const char *apodization;
    int verify;
} Config;

static const Config configs[] = {
    {"level-0", 0, -1, -1, -1, -1, -1, -1, -1, NULL, 0},
    {"level-2-verify", 2, -1, -1, -1, -1, -1, -1, -1, NULL, 1},
    {"level-5", 5, -1, -1, -1, -1, -1, -1, -1, NULL, 0},
    {"level-8", 8, -1, -1, -1, -1, -1, -1, -1, NULL, 0},
    {"lpc12-b1152-loose", 5, 1152, 12, 14, 0, 0, 5, 2, "tukey(0.25);welch;hann", 0},
    {"lpc4-b576-search", 3, 576, 4, 0, 1, 1, 3, 1, "partial_tukey(3)", 0},
};

static void configure(FLAC__StreamEncoder *e, const Config *c)
{
    FLAC__bool ok = FLAC__stream_encoder_set_channels(e, channels) &&
                    FLAC__stream_encoder_set_bits_per_sample(e, bits) &&
                    FLAC__stream_encoder_set_sample_rate(e, rate) &&
                    FLAC__stream_encoder_set_compression_level(e, c->level) &&
                    FLAC__stream_encoder_set_verify(e, c->verify) &&
                    FLAC__stream_encoder_set_total_samples_estimate(e, nframes);
    if (c->blocksize >= 0)
        ok = ok && FLAC__stream_encoder_set_blocksize(e, c->blocksize);
    if (c->max_lpc_order >= 0)
        ok = ok && FLAC__stream_encoder_set_max_lpc_order(e, c->max_lpc_order);
    if (c->qlp_precision >= 0)
        ok = ok && FLAC__stream_encoder_set_qlp_coeff_precision(e, c->qlp_precision);
    if (c->prec_search >= 0)
        ok = ok && FLAC__stream_encoder_set_do_qlp_coeff_prec_search(e, c->prec_search);
    if (c->exhaustive >= 0)
        ok = ok && FLAC__stream_encoder_set_do_exhaustive_model_search(e, c->exhaustive);
    if (c->max_partition_order >= 0)
        ok = ok && FLAC__stream_encoder_set_max_residual_partition_order(e, c->max_partition_order);
    if (c->mid_side >= 0 && channels == 2)
        ok = ok && FLAC__stream_encoder_set_do_mid_side_stereo(e, c->mid_side > 0) &&
             FLAC__stream_encoder_set_loose_mid_side_stereo(e, c->mid_side == 2);
    if (c->apodization)
        ok = ok && FLAC__stream_encoder_set_apodization(e, c->apodization);
    if (!ok)
        fail("encoder configuration failed");
}

/* Feeds the input in uneven chunks, alternating the interleaved and the
 * per-channel entry points. */
static void feed(FLAC__StreamEncoder *e)
{
    static const unsigned chunks[] = {4096, 1000, 333, 8192, 17};
    FLAC__int32 *planes[8];
    for (unsigned c = 0; c < channels; c++)
        planes[c] = malloc(sizeof(FLAC__int32) * 8192);
    unsigned long pos = 0;
    for (unsigned k = 0; pos < nframes; k++) {
        unsigned long n = chunks[k % 5];
        if (n > nframes - pos)
            n = nframes - pos;
        FLAC__bool ok;
        if (k % 2 == 0) {
            ok = FLAC__stream_encoder_process_interleaved(e, pcm + pos * channels, n);
        } else {
            for (unsigned c = 0; c < channels; c++)
                for (unsigned long i = 0; i < n; i++)
                    planes[c][i] = pcm[(pos + i) * channels + c];
            ok = FLAC__stream_encoder_process(e, (const FLAC__int32 *const *)planes, n);
        }
        if (!ok) {
            fprintf(stderr, "encoding failed: %s\n",
                    FLAC__stream_encoder_get_resolved_state_string(e));
            exit(1);
        }
        pos += n;
    }
    for (unsigned c = 0; c < channels; c++)
        free(planes[c]);
}

static void encode_decode(const Config *c)
{
    FLAC__StreamEncoder *e = FLAC__stream_encoder_new();
    Buf out = {0};
    configure(e, c);
    if (FLAC__stream_encoder_init_stream(e, enc_write, enc_seek, enc_tell, NULL, &out) !=
        FLAC__STREAM_ENCODER_INIT_STATUS_OK)
        fail("encoder init failed");
    feed(e);
    if (!FLAC__stream_encoder_finish(e))
        fail("encoder finish failed");
    FLAC__stream_encoder_delete(e);

    Dec s;
    FLAC__StreamDecoder *d = open_decoder(&s, &out);
    if (!FLAC__stream_decoder_process_until_end_of_stream(d))
        fail("decoding failed");
    if (!FLAC__stream_decoder_finish(d))
        fail("MD5 mismatch");
    FLAC__stream_decoder_delete(d);
    if (s.mismatches || s.next != nframes || s.total != nframes)
        fail("decoded samples differ from the input");
    printf("%-18s %7lu bytes (%5.1f%%) crc %08lx, %lu frames of %u..%u, md5 ", c->name,
           (unsigned long)out.len,
           100.0 * out.len / (nframes * channels * ((bits + 7) / 8)),
           crc32_of(0, out.data, out.len), s.frames, s.blocksizes[0], s.blocksizes[1]);
    print_md5(s.md5);
    printf(", samples crc %08lx\n", s.crc);
    free(out.data);
}

/* ---- a file with metadata --------------------------------------------------------- */

static void file_round_trip(const char *path)
{
    FLAC__StreamMetadata *meta[4];
    FLAC__StreamMetadata_VorbisComment_Entry entry;
    meta[0] = FLAC__metadata_object_new(FLAC__METADATA_TYPE_VORBIS_COMMENT);
    const char *tags[][2] = {{"TITLE", "egopt corpus signal"}, {"ARTIST", "generated"},
                             {"TRACKNUMBER", "7"}, {"COMMENT", "deterministic test input"}};
    for (int i = 0; i < 4; i++) {
        if (!FLAC__metadata_object_vorbiscomment_entry_from_name_value_pair(&entry, tags[i][0],
                                                                             tags[i][1]) ||
            !FLAC__metadata_object_vorbiscomment_append_comment(meta[0], entry, false))
            fail("vorbis comment");
    }
    meta[1] = FLAC__metadata_object_new(FLAC__METADATA_TYPE_SEEKTABLE);
    if (!FLAC__metadata_object_seektable_template_append_spaced_points_by_samples(
            meta[1], rate / 4, nframes) ||
        !FLAC__metadata_object_seektable_template_sort(meta[1], true))
        fail("seek table");
    meta[2] = FLAC__metadata_object_new(FLAC__METADATA_TYPE_APPLICATION);
    static const FLAC__byte app[] = "egop" "application block payload";
    if (!FLAC__metadata_object_application_set_data(meta[2], (FLAC__byte *)app, sizeof app - 1,
                                                    true))
        fail("application block");
    meta[3] = FLAC__metadata_object_new(FLAC__METADATA_TYPE_PADDING);
    meta[3]->length = 1000;

    FLAC__StreamEncoder *e = FLAC__stream_encoder_new();
    configure(e, &configs[2]);
    FLAC__stream_encoder_set_metadata(e, meta, 4);
    if (FLAC__stream_encoder_init_file(e, path, NULL, NULL) != FLAC__STREAM_ENCODER_INIT_STATUS_OK)
        fail("file encoder init failed");
    feed(e);
    if (!FLAC__stream_encoder_finish(e))
        fail("file encoder finish failed");
    FLAC__stream_encoder_delete(e);
    for (int i = 0; i < 4; i++)
        FLAC__metadata_object_delete(meta[i]);

    /* Edit the tags through a chain (using the padding), then list the blocks. */
    FLAC__Metadata_Chain *chain = FLAC__metadata_chain_new();
    if (!FLAC__metadata_chain_read(chain, path))
        fail("chain read");
    FLAC__Metadata_Iterator *it = FLAC__metadata_iterator_new();
    FLAC__metadata_iterator_init(it, chain);
    do {
        FLAC__StreamMetadata *b = FLAC__metadata_iterator_get_block(it);
        if (b->type == FLAC__METADATA_TYPE_VORBIS_COMMENT) {
            FLAC__metadata_object_vorbiscomment_remove_entries_matching(b, "COMMENT");
            FLAC__metadata_object_vorbiscomment_entry_from_name_value_pair(&entry, "GENRE",
                                                                           "test signal");
            FLAC__metadata_object_vorbiscomment_append_comment(b, entry, false);
        }
    } while (FLAC__metadata_iterator_next(it));
    FLAC__metadata_iterator_delete(it);
    FLAC__metadata_chain_sort_padding(chain);
    if (!FLAC__metadata_chain_write(chain, true, true))
        fail("chain write");
    FLAC__metadata_chain_delete(chain);

    FLAC__Metadata_SimpleIterator *si = FLAC__metadata_simple_iterator_new();
    if (!FLAC__metadata_simple_iterator_init(si, path, true, false))
        fail("simple iterator");
    do {
        FLAC__MetadataType t = FLAC__metadata_simple_iterator_get_block_type(si);
        printf("block %-14s %5u bytes", FLAC__MetadataTypeString[t],
               FLAC__metadata_simple_iterator_get_block_length(si));
        FLAC__StreamMetadata *b = FLAC__metadata_simple_iterator_get_block(si);
        if (t == FLAC__METADATA_TYPE_VORBIS_COMMENT) {
            for (FLAC__uint32 i = 0; i < b->data.vorbis_comment.num_comments; i++)
                printf(" [%.*s]", (int)b->data.vorbis_comment.comments[i].length,
                       (const char *)b->data.vorbis_comment.comments[i].entry);
        } else if (t == FLAC__METADATA_TYPE_SEEKTABLE) {
            printf(" %u points, legal %d", b->data.seek_table.num_points,
                   FLAC__format_seektable_is_legal(&b->data.seek_table));
        }
        printf("\n");
        FLAC__metadata_object_delete(b);
    } while (FLAC__metadata_simple_iterator_next(si));
    FLAC__metadata_simple_iterator_delete(si);

    /* Decode the file from memory, with seeks. */
    FILE *f = fopen(path, "rb");
    Buf in = {0};
    fseek(f, 0, SEEK_END);
    in.len = in.cap = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    in.data = malloc(in.len);
    if (fread(in.data, 1, in.len, f) != in.len)
        fail("short read of the FLAC file");
    fclose(f);
    printf("file: %lu bytes, crc %08lx\n", (unsigned long)in.len, crc32_of(0, in.data, in.len));
    Dec s;
    FLAC__StreamDecoder *d = open_decoder(&s, &in);
    if (!FLAC__stream_decoder_process_until_end_of_metadata(d))
        fail("metadata decoding failed");
    const unsigned long targets[] = {nframes / 2, nframes / 7, nframes - 100, 12345 % nframes, 0};
    for (int k = 0; k < 5; k++) {
        s.seeking = 1;
        if (!FLAC__stream_decoder_seek_absolute(d, targets[k]))
            fail("seek failed");
        s.seeking = 0;
        /* the seek decoded the target's frame; decode two more */
        for (int j = 0; j < 2; j++)
            if (!FLAC__stream_decoder_process_single(d))
                fail("decoding after a seek failed");
        printf("seek to %lu: now at %lu, %lu mismatches\n", targets[k], s.next, s.mismatches);
    }
    FLAC__stream_decoder_finish(d);
    FLAC__stream_decoder_delete(d);
    free(in.data);
}

int main(int argc, char **argv)
{
    if (argc != 6) {
        fprintf(stderr, "usage: flac CHANNELS BITS RATE INPUT.raw OUTPUT.flac\n");
        return 2;
    }
    crc_init();
    channels = (unsigned)atoi(argv[1]);
    bits = (unsigned)atoi(argv[2]);
    rate = (unsigned)atoi(argv[3]);
    if (channels < 1 || channels > 8 || bits < 4 || bits > 24 || rate < 1)
        fail("bad format");
    read_input(argv[4]);
    printf("%s, %u channels, %u bits, %u Hz, %lu samples\n", FLAC__VENDOR_STRING, channels, bits,
           rate, nframes);
    for (size_t k = 0; k < sizeof configs / sizeof configs[0]; k++)
        encode_decode(&configs[k]);
    file_round_trip(argv[5]);
    return 0;
}
