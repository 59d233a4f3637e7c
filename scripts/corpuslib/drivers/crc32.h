/* The CRC-32 (IEEE 802.3, zlib's) of the drivers' outputs: a table made by
 * crc_init(), then crc32_of() over the bytes. Shared by the drivers that
 * print checksums of what the library made. */
#ifndef EGOPT_CORPUS_CRC32_H
#define EGOPT_CORPUS_CRC32_H

#include <stddef.h>

static unsigned long crc_table[256];

static void crc_init(void)
{
    for (unsigned long n = 0; n < 256; n++) {
        unsigned long c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320UL ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static unsigned long crc32_of(unsigned long crc, const unsigned char *p, size_t n)
{
    crc ^= 0xffffffffUL;
    while (n--)
        crc = crc_table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffUL;
}

#endif
