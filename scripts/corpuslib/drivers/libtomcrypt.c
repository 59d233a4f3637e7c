/* egopt corpus driver for LibTomCrypt (symmetric parts only: no math library).
 *
 * usage: libtomcrypt MODE KIB
 *   selftest  the library's known-answer tests: every registered cipher,
 *             hash and PRNG descriptor, and the modes, MACs, authenticated
 *             encryption and misc tests (KIB is ignored)
 *   hash      hashes a generated buffer of KIB KiB with each hash in chunks
 *             of varying sizes, and chains many short messages
 *   cipher    encrypts and decrypts a generated buffer: AES in CTR, CBC,
 *             GCM, XTS, CCM, EAX, OCB3; ChaCha20 and ChaCha20-Poly1305;
 *             other block ciphers in CBC, CFB, OFB and ECB on a quarter of it
 *   mac       HMAC (several hashes), Poly1305, OMAC, PMAC, XCBC, Pelican,
 *             BLAKE2 MACs, CRC32, Adler32 and base64 of the buffer, and the
 *             output of the deterministic PRNGs seeded with fixed entropy
 * Everything printed is a digest, a tag or a count in hex, so the output is
 * exact. Exit status 1 when a round trip or a self-test fails. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tomcrypt.h"

static int failures;

static void die(const char *what, int err) {
    fprintf(stderr, "%s: %s\n", what, error_to_string(err));
    exit(1);
}

#define CHK(what, expr)                 \
    do {                                \
        int e_ = (expr);                \
        if (e_ != CRYPT_OK) die(what, e_); \
    } while (0)

static void fail(const char *what) {
    failures++;
    printf("FAIL %s\n", what);
}

static void print_hex(const char *label, const unsigned char *p, unsigned long n) {
    printf("%s ", label);
    for (unsigned long i = 0; i < n; i++) printf("%02x", p[i]);
    printf("\n");
}

static uint64_t rng = 0x243F6A8885A308D3ull;

static void fill(unsigned char *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        p[i] = (unsigned char)(rng >> 32);
        /* some structure: runs of text-like bytes */
        if ((i >> 9) % 5 == 0) p[i] = (unsigned char)('a' + p[i] % 26);
    }
}

static unsigned char *xmalloc(size_t n) {
    unsigned char *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    return p;
}

/* SHA-256 of a buffer, printed. */
static void digest_of(const char *label, const unsigned char *p, unsigned long n) {
    unsigned char out[32];
    hash_state md;
    sha256_init(&md);
    sha256_process(&md, p, n);
    sha256_done(&md, out);
    print_hex(label, out, 16);
}

/* ------------------------------------------------------------------ selftest */

struct test { const char *name; int (*fn)(void); };

static void run_selftest(void) {
    static const struct test tests[] = {
        {"ecb/cbc/ctr", ctr_test},   {"lrw", lrw_test},          {"xts", xts_test},
        {"f8", f8_test_mode},        {"hmac", hmac_test},        {"omac", omac_test},
        {"pmac", pmac_test},         {"xcbc", xcbc_test},        {"f9", f9_test},
        {"pelican", pelican_test},   {"poly1305", poly1305_test}, {"blake2smac", blake2smac_test},
        {"blake2bmac", blake2bmac_test}, {"eax", eax_test},      {"ocb", ocb_test},
        {"ocb3", ocb3_test},         {"ccm", ccm_test},          {"gcm", gcm_test},
        {"chacha20poly1305", chacha20poly1305_test}, {"chacha", chacha_test},
        {"rc4_stream", rc4_stream_test}, {"sober128_stream", sober128_stream_test},
        {"crc32", crc32_test},       {"adler32", adler32_test},  {"hkdf", hkdf_test},
        {"sha3_shake", sha3_shake_test},
    };
    int n = 0;
    for (int i = 0; i < TAB_SIZE && cipher_descriptor[i].name; i++, n++) {
        int err = cipher_descriptor[i].test();
        printf("cipher %-12s %s\n", cipher_descriptor[i].name, error_to_string(err));
        if (err != CRYPT_OK && err != CRYPT_NOP) fail(cipher_descriptor[i].name);
    }
    for (int i = 0; i < TAB_SIZE && hash_descriptor[i].name; i++, n++) {
        int err = hash_descriptor[i].test();
        printf("hash %-14s %s\n", hash_descriptor[i].name, error_to_string(err));
        if (err != CRYPT_OK && err != CRYPT_NOP) fail(hash_descriptor[i].name);
    }
    for (int i = 0; i < TAB_SIZE && prng_descriptor[i].name; i++, n++) {
        int err = prng_descriptor[i].test();
        printf("prng %-14s %s\n", prng_descriptor[i].name, error_to_string(err));
        if (err != CRYPT_OK && err != CRYPT_NOP) fail(prng_descriptor[i].name);
    }
    for (size_t i = 0; i < sizeof tests / sizeof *tests; i++, n++) {
        int err = tests[i].fn();
        printf("test %-16s %s\n", tests[i].name, error_to_string(err));
        if (err != CRYPT_OK && err != CRYPT_NOP) fail(tests[i].name);
    }
    printf("selftests: %d\n", n);
}

/* ------------------------------------------------------------------ hash */

static void run_hash(size_t size) {
    static const char *names[] = {"md5",      "sha1",        "sha224",      "sha256",
                                  "sha384",   "sha512",      "sha512-256",  "sha3-256",
                                  "sha3-512", "blake2s-256", "blake2b-512", "rmd160",
                                  "tiger",    "whirlpool",   "md4",         "rmd320"};
    unsigned char *buf = xmalloc(size);
    fill(buf, size);
    for (size_t h = 0; h < sizeof names / sizeof *names; h++) {
        int idx = find_hash(names[h]);
        if (idx < 0) die(names[h], CRYPT_INVALID_HASH);
        const struct ltc_hash_descriptor *d = &hash_descriptor[idx];
        unsigned char out[MAXBLOCKSIZE], out2[MAXBLOCKSIZE];
        unsigned long outlen = sizeof out2;
        hash_state md;
        /* The whole buffer in chunks of 1 to 4099 bytes. */
        CHK("init", d->init(&md));
        size_t pos = 0, step = 1;
        while (pos < size) {
            size_t n = step < size - pos ? step : size - pos;
            CHK("process", d->process(&md, buf + pos, (unsigned long)n));
            pos += n;
            step = (step * 7 + 3) % 4099 + 1;
        }
        CHK("done", d->done(&md, out));
        CHK("hash_memory", hash_memory(idx, buf, (unsigned long)size, out2, &outlen));
        if (outlen != d->hashsize || memcmp(out, out2, outlen) != 0) fail(names[h]);
        char label[64];
        snprintf(label, sizeof label, "%-12s", names[h]);
        print_hex(label, out, d->hashsize);
        /* Chained short messages: every length from 0 to 300. */
        unsigned char chain[MAXBLOCKSIZE];
        memset(chain, 0, sizeof chain);
        for (unsigned long len = 0; len <= 300; len++) {
            CHK("init", d->init(&md));
            CHK("process", d->process(&md, chain, d->hashsize));
            CHK("process", d->process(&md, buf + len * 3, len));
            CHK("done", d->done(&md, chain));
        }
        snprintf(label, sizeof label, "%-12s chain", names[h]);
        print_hex(label, chain, d->hashsize);
    }
    /* SHAKE: a long squeeze. */
    {
        hash_state md;
        unsigned char out[1000];
        CHK("shake", sha3_shake_init(&md, 256));
        CHK("shake", sha3_shake_process(&md, buf, (unsigned long)(size / 4)));
        CHK("shake", sha3_shake_done(&md, out, sizeof out));
        digest_of("shake256", out, sizeof out);
    }
    free(buf);
}

/* ------------------------------------------------------------------ cipher */

static void run_cipher(size_t size) {
    size &= ~(size_t)63;
    unsigned char *pt = xmalloc(size), *ct = xmalloc(size), *back = xmalloc(size);
    unsigned char key[64], iv[32], aad[100], tag[16], tag2[16];
    unsigned long taglen;
    fill(pt, size);
    fill(key, sizeof key);
    fill(iv, sizeof iv);
    fill(aad, sizeof aad);
    int aes = find_cipher("aes");
    if (aes < 0) die("aes", CRYPT_INVALID_CIPHER);

    /* AES-128-CTR (big-endian counter), decrypted in pieces. */
    {
        symmetric_CTR ctr;
        CHK("ctr", ctr_start(aes, iv, key, 16, 0, CTR_COUNTER_BIG_ENDIAN, &ctr));
        CHK("ctr", ctr_encrypt(pt, ct, (unsigned long)size, &ctr));
        CHK("ctr", ctr_setiv(iv, 16, &ctr));
        size_t pos = 0, step = 5;
        while (pos < size) {
            size_t n = step < size - pos ? step : size - pos;
            CHK("ctr", ctr_decrypt(ct + pos, back + pos, (unsigned long)n, &ctr));
            pos += n;
            step = (step * 13 + 7) % 1000 + 1;
        }
        ctr_done(&ctr);
        if (memcmp(pt, back, size)) fail("aes-ctr");
        digest_of("aes128-ctr", ct, (unsigned long)size);
    }
    /* AES-256-CBC. */
    {
        symmetric_CBC cbc;
        CHK("cbc", cbc_start(aes, iv, key, 32, 0, &cbc));
        CHK("cbc", cbc_encrypt(pt, ct, (unsigned long)size, &cbc));
        cbc_done(&cbc);
        CHK("cbc", cbc_start(aes, iv, key, 32, 0, &cbc));
        CHK("cbc", cbc_decrypt(ct, back, (unsigned long)size, &cbc));
        cbc_done(&cbc);
        if (memcmp(pt, back, size)) fail("aes-cbc");
        digest_of("aes256-cbc", ct, (unsigned long)size);
    }
    /* AES-128-GCM: one call to encrypt, the incremental API to decrypt. */
    {
        taglen = sizeof tag;
        CHK("gcm", gcm_memory(aes, key, 16, iv, 12, aad, sizeof aad, pt, (unsigned long)size, ct,
                              tag, &taglen, GCM_ENCRYPT));
        gcm_state gcm;
        unsigned long t2 = sizeof tag2;
        CHK("gcm", gcm_init(&gcm, aes, key, 16));
        CHK("gcm", gcm_add_iv(&gcm, iv, 12));
        CHK("gcm", gcm_add_aad(&gcm, aad, sizeof aad));
        CHK("gcm", gcm_process(&gcm, back, (unsigned long)size, ct, GCM_DECRYPT));
        CHK("gcm", gcm_done(&gcm, tag2, &t2));
        if (t2 != taglen || memcmp(tag, tag2, taglen) || memcmp(pt, back, size)) fail("aes-gcm");
        digest_of("aes128-gcm", ct, (unsigned long)size);
        print_hex("aes128-gcm tag", tag, taglen);
    }
    /* AES-XTS on 4 KiB sectors. */
    {
        symmetric_xts xts;
        unsigned char tweak[16];
        CHK("xts", xts_start(aes, key, key + 32, 16, 0, &xts));
        for (size_t s = 0; s < size / 4096; s++) {
            memset(tweak, 0, sizeof tweak);
            STORE64L((ulong64)s, tweak);
            CHK("xts", xts_encrypt(pt + s * 4096, 4096, ct + s * 4096, tweak, &xts));
            memset(tweak, 0, sizeof tweak);
            STORE64L((ulong64)s, tweak);
            CHK("xts", xts_decrypt(ct + s * 4096, 4096, back + s * 4096, tweak, &xts));
        }
        xts_done(&xts);
        if (memcmp(pt, back, size / 4096 * 4096)) fail("aes-xts");
        digest_of("aes128-xts", ct, (unsigned long)(size / 4096 * 4096));
    }
    /* CCM, EAX and OCB3 on packets of various lengths. */
    {
        unsigned char acc[32];
        memset(acc, 0, sizeof acc);
        int stat;
        size_t pos = 0, len = 1;
        unsigned long packets = 0;
        while (pos + len <= size / 2) {
            unsigned char nonce[13];
            memcpy(nonce, iv, sizeof nonce);
            STORE32L((ulong32)packets, nonce);
            taglen = 16;
            CHK("ccm", ccm_memory(aes, key, 16, NULL, nonce, 13, aad, len % 40, pt + pos,
                                  (unsigned long)len, ct, tag, &taglen, CCM_ENCRYPT));
            unsigned long t2 = taglen;
            memcpy(tag2, tag, 16); /* the tag to verify */
            CHK("ccm", ccm_memory(aes, key, 16, NULL, nonce, 13, aad, len % 40, back,
                                  (unsigned long)len, ct, tag2, &t2, CCM_DECRYPT));
            if (memcmp(back, pt + pos, len)) fail("ccm");
            for (int i = 0; i < 16; i++) acc[i] ^= tag[i];
            taglen = 16;
            CHK("eax", eax_encrypt_authenticate_memory(aes, key, 16, nonce, 13, aad, len % 50,
                                                       pt + pos, (unsigned long)len, ct, tag,
                                                       &taglen));
            CHK("eax", eax_decrypt_verify_memory(aes, key, 16, nonce, 13, aad, len % 50, ct,
                                                 (unsigned long)len, back, tag, taglen, &stat));
            if (!stat || memcmp(back, pt + pos, len)) fail("eax");
            for (int i = 0; i < 16; i++) acc[16 + i] ^= tag[i];
            taglen = 16;
            CHK("ocb3", ocb3_encrypt_authenticate_memory(aes, key, 16, nonce, 12, aad, len % 60,
                                                         pt + pos, (unsigned long)len, ct, tag,
                                                         &taglen));
            CHK("ocb3", ocb3_decrypt_verify_memory(aes, key, 16, nonce, 12, aad, len % 60, ct,
                                                   (unsigned long)len, back, tag, taglen, &stat));
            if (!stat || memcmp(back, pt + pos, len)) fail("ocb3");
            for (int i = 0; i < 16; i++) acc[i] += tag[i];
            pos += len;
            len = (len * 5 + 11) % 3001 + 1;
            packets++;
        }
        printf("aead packets %lu\n", packets);
        print_hex("ccm/eax/ocb3 tags", acc, sizeof acc);
    }
    /* ChaCha20 and ChaCha20-Poly1305. */
    {
        chacha_state st;
        CHK("chacha", chacha_setup(&st, key, 32, 20));
        CHK("chacha", chacha_ivctr32(&st, iv, 12, 1));
        CHK("chacha", chacha_crypt(&st, pt, (unsigned long)size, ct));
        CHK("chacha", chacha_setup(&st, key, 32, 20));
        CHK("chacha", chacha_ivctr32(&st, iv, 12, 1));
        CHK("chacha", chacha_crypt(&st, ct, (unsigned long)size, back));
        if (memcmp(pt, back, size)) fail("chacha20");
        digest_of("chacha20", ct, (unsigned long)size);
        taglen = sizeof tag;
        CHK("c20p1305", chacha20poly1305_memory(key, 32, iv, 12, aad, sizeof aad, pt,
                                                (unsigned long)size, ct, tag, &taglen,
                                                CHACHA20POLY1305_ENCRYPT));
        unsigned long t2 = sizeof tag2;
        CHK("c20p1305", chacha20poly1305_memory(key, 32, iv, 12, aad, sizeof aad, ct,
                                                (unsigned long)size, back, tag2, &t2,
                                                CHACHA20POLY1305_DECRYPT));
        if (memcmp(tag, tag2, 16) || memcmp(pt, back, size)) fail("chacha20poly1305");
        print_hex("chacha20poly1305 tag", tag, taglen);
    }
    /* Other block ciphers on a quarter of the buffer. */
    {
        static const char *names[] = {"twofish", "blowfish", "camellia", "3des",  "cast5",
                                      "rc6",     "xtea",     "seed",     "noekeon", "anubis",
                                      "khazad",  "rc5",      "des",      "safer+", "skipjack",
                                      "multi2",  "kasumi",   "rc2"};
        size_t q = size / 4 & ~(size_t)63;
        for (size_t c = 0; c < sizeof names / sizeof *names; c++) {
            int idx = find_cipher(names[c]);
            if (idx < 0) die(names[c], CRYPT_INVALID_CIPHER);
            const struct ltc_cipher_descriptor *d = &cipher_descriptor[idx];
            int kl = d->max_key_length < 32 ? d->max_key_length : 32;
            if (kl < d->min_key_length) kl = d->min_key_length;
            char label[64];
            switch (c % 4) {
            case 0: {
                symmetric_CBC m;
                CHK(names[c], cbc_start(idx, iv, key, kl, 0, &m));
                CHK(names[c], cbc_encrypt(pt, ct, (unsigned long)q, &m));
                CHK(names[c], cbc_start(idx, iv, key, kl, 0, &m));
                CHK(names[c], cbc_decrypt(ct, back, (unsigned long)q, &m));
                cbc_done(&m);
                break;
            }
            case 1: {
                symmetric_CFB m;
                CHK(names[c], cfb_start(idx, iv, key, kl, 0, &m));
                CHK(names[c], cfb_encrypt(pt, ct, (unsigned long)q, &m));
                CHK(names[c], cfb_start(idx, iv, key, kl, 0, &m));
                CHK(names[c], cfb_decrypt(ct, back, (unsigned long)q, &m));
                cfb_done(&m);
                break;
            }
            case 2: {
                symmetric_OFB m;
                CHK(names[c], ofb_start(idx, iv, key, kl, 0, &m));
                CHK(names[c], ofb_encrypt(pt, ct, (unsigned long)q, &m));
                CHK(names[c], ofb_start(idx, iv, key, kl, 0, &m));
                CHK(names[c], ofb_decrypt(ct, back, (unsigned long)q, &m));
                ofb_done(&m);
                break;
            }
            default: {
                symmetric_ECB m;
                CHK(names[c], ecb_start(idx, key, kl, 0, &m));
                CHK(names[c], ecb_encrypt(pt, ct, (unsigned long)q, &m));
                CHK(names[c], ecb_decrypt(ct, back, (unsigned long)q, &m));
                ecb_done(&m);
                break;
            }
            }
            if (memcmp(pt, back, q)) fail(names[c]);
            snprintf(label, sizeof label, "%-8s key %2d %s", names[c], kl,
                     (const char *[]){"cbc", "cfb", "ofb", "ecb"}[c % 4]);
            digest_of(label, ct, (unsigned long)q);
        }
    }
    free(pt);
    free(ct);
    free(back);
}

/* ------------------------------------------------------------------ mac */

static void run_mac(size_t size) {
    unsigned char *buf = xmalloc(size), key[64], out[MAXBLOCKSIZE];
    unsigned long outlen;
    fill(buf, size);
    fill(key, sizeof key);
    int aes = find_cipher("aes");
    static const char *hmacs[] = {"sha1", "sha256", "sha512", "sha3-256", "blake2b-256", "md5"};
    for (size_t h = 0; h < sizeof hmacs / sizeof *hmacs; h++) {
        int idx = find_hash(hmacs[h]);
        outlen = sizeof out;
        CHK("hmac", hmac_memory(idx, key, 20 + (unsigned long)h * 7, buf, (unsigned long)size,
                                out, &outlen));
        /* The same through the incremental API in uneven pieces. */
        hmac_state hs;
        unsigned char out2[MAXBLOCKSIZE];
        unsigned long outlen2 = sizeof out2;
        CHK("hmac", hmac_init(&hs, idx, key, 20 + (unsigned long)h * 7));
        size_t pos = 0, step = 3;
        while (pos < size) {
            size_t n = step < size - pos ? step : size - pos;
            CHK("hmac", hmac_process(&hs, buf + pos, (unsigned long)n));
            pos += n;
            step = (step * 11 + 5) % 2000 + 1;
        }
        CHK("hmac", hmac_done(&hs, out2, &outlen2));
        if (outlen != outlen2 || memcmp(out, out2, outlen)) fail("hmac");
        char label[64];
        snprintf(label, sizeof label, "hmac-%-11s", hmacs[h]);
        print_hex(label, out, outlen);
    }
    outlen = 16;
    CHK("poly1305", poly1305_memory(key, 32, buf, (unsigned long)size, out, &outlen));
    print_hex("poly1305        ", out, outlen);
    outlen = 16;
    CHK("omac", omac_memory(aes, key, 16, buf, (unsigned long)size, out, &outlen));
    print_hex("omac-aes        ", out, outlen);
    outlen = 16;
    CHK("pmac", pmac_memory(aes, key, 16, buf, (unsigned long)size, out, &outlen));
    print_hex("pmac-aes        ", out, outlen);
    outlen = 16;
    CHK("xcbc", xcbc_memory(aes, key, 16, buf, (unsigned long)size, out, &outlen));
    print_hex("xcbc-aes        ", out, outlen);
    CHK("pelican", pelican_memory(key, 16, buf, (unsigned long)size, out));
    print_hex("pelican         ", out, 16);
    outlen = 32;
    CHK("blake2smac", blake2smac_memory(key, 32, buf, (unsigned long)size, out, &outlen));
    print_hex("blake2smac      ", out, outlen);
    outlen = 64;
    CHK("blake2bmac", blake2bmac_memory(key, 64, buf, (unsigned long)size, out, &outlen));
    print_hex("blake2bmac      ", out, outlen);
    {
        crc32_state c;
        adler32_state a;
        crc32_init(&c);
        crc32_update(&c, buf, (unsigned long)size);
        crc32_finish(&c, out, 4);
        print_hex("crc32           ", out, 4);
        adler32_init(&a);
        adler32_update(&a, buf, (unsigned long)size);
        adler32_finish(&a, out, 4);
        print_hex("adler32         ", out, 4);
    }
    /* base64 of a quarter, and back. */
    {
        unsigned long n = (unsigned long)(size / 4), elen = 4 * ((n + 2) / 3) + 1, dlen = n + 3;
        unsigned char *enc = xmalloc(elen), *dec = xmalloc(dlen);
        CHK("base64", base64_encode(buf, n, enc, &elen));
        CHK("base64", base64_decode(enc, elen, dec, &dlen));
        if (dlen != n || memcmp(dec, buf, n)) fail("base64");
        digest_of("base64          ", enc, elen);
        free(enc);
        free(dec);
    }
    /* HKDF. */
    {
        unsigned char okm[200];
        CHK("hkdf", hkdf(find_hash("sha256"), key, 16, key + 16, 20, buf, 64, okm, sizeof okm));
        digest_of("hkdf-sha256     ", okm, sizeof okm);
    }
    /* The deterministic PRNGs, seeded with fixed entropy. */
    {
        static const char *prngs[] = {"yarrow", "fortuna", "chacha20", "sober128", "rc4"};
        unsigned long n = (unsigned long)(size / 8);
        unsigned char *r = xmalloc(n);
        for (size_t p = 0; p < sizeof prngs / sizeof *prngs; p++) {
            int idx = find_prng(prngs[p]);
            if (idx < 0) die(prngs[p], CRYPT_INVALID_PRNG);
            prng_state ps;
            CHK("prng", prng_descriptor[idx].start(&ps));
            CHK("prng", prng_descriptor[idx].add_entropy(key, 64, &ps));
            CHK("prng", prng_descriptor[idx].add_entropy(buf, 256, &ps));
            CHK("prng", prng_descriptor[idx].ready(&ps));
            unsigned long got = 0;
            while (got < n) {
                unsigned long want = n - got < 1000 ? n - got : 1000;
                if (prng_descriptor[idx].read(r + got, want, &ps) != want) fail(prngs[p]);
                got += want;
            }
            prng_descriptor[idx].done(&ps);
            char label[64];
            snprintf(label, sizeof label, "prng-%-11s", prngs[p]);
            digest_of(label, r, n);
        }
        free(r);
    }
    free(buf);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s selftest|hash|cipher|mac KIB\n", argv[0]);
        return 2;
    }
    size_t size = (size_t)atol(argv[2]) * 1024;
    if (size < 4096) size = 4096;
    if (register_all_ciphers() != CRYPT_OK || register_all_hashes() != CRYPT_OK ||
        register_all_prngs() != CRYPT_OK) {
        fprintf(stderr, "register failed\n");
        return 1;
    }
    if (!strcmp(argv[1], "selftest"))
        run_selftest();
    else if (!strcmp(argv[1], "hash"))
        run_hash(size);
    else if (!strcmp(argv[1], "cipher"))
        run_cipher(size);
    else if (!strcmp(argv[1], "mac"))
        run_mac(size);
    else {
        fprintf(stderr, "unknown mode %s\n", argv[1]);
        return 2;
    }
    printf("%s: %d failures\n", argv[1], failures);
    return failures != 0;
}
