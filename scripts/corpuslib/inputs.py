"""Deterministic input data for workloads (no randomness from the machine)."""

import hashlib
import math
import re

WORDS = ("the of and to in is that for it as was with be by on not he this are or his from at "
         "which but have an they you were her she there been one all we their has would when "
         "if so no what up out who them some could into more other than then its time only "
         "compress data block stream buffer window match literal offset length entropy huffman "
         "table symbol frame header checksum dictionary level fast ultra decode encode").split()


class Stream:
    """Pseudo-random bytes from SHA-256 in counter mode, seeded by a string."""

    def __init__(self, seed):
        self.seed = seed.encode()
        self.counter = 0
        self.buf = b""

    def bytes(self, n):
        while len(self.buf) < n:
            self.buf += hashlib.sha256(self.seed + b"/%d" % self.counter).digest()
            self.counter += 1
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def below(self, n):
        """A number in [0, n)."""
        return int.from_bytes(self.bytes(4), "little") % n

    def choice(self, seq):
        return seq[self.below(len(seq))]


def words(seed, n):
    """n words of English-like text, with line breaks."""
    s = Stream(seed)
    out = []
    for _ in range(n):
        out.append(s.choice(WORDS) + ("\n" if s.below(13) == 0 else " "))
    return "".join(out)


def mixed_data(size, seed="egopt-corpus"):
    """`size` bytes of text, structured records, noise and runs (what the
    compressors of the corpus were measured on)."""
    s = Stream(seed)
    chunks, total, kind = [], 0, 0
    while total < size:
        r = s.bytes(64)
        if kind % 4 == 0:
            chunk = words(seed + f"/w{total}", 4096).encode()
        elif kind % 4 == 1:
            base = int.from_bytes(r[:4], "little")
            chunk = b"".join(
                ((base + i) & 0xFFFFFFFF).to_bytes(4, "little") + (i * 7 % 251).to_bytes(2, "little")
                + b"RECD" + r[i % 32:i % 32 + 6] for i in range(2000))
        elif kind % 4 == 2:
            chunk = s.bytes(4096 + r[0] * 16)
        else:
            chunk = bytes([r[1]]) * (1000 + r[2] * 40) + bytes(r[3] % 4) * 3000
        chunks.append(chunk)
        total += len(chunk)
        kind += 1 + r[5] % 3
    return b"".join(chunks)[:size]


def fill(template, values):
    """The template with each @NAME@ replaced by str(values[NAME])."""
    for k, v in values.items():
        template = template.replace("@" + k + "@", str(v))
    left = re.search(r"@[A-Z]+@", template)
    if left:
        raise ValueError(f"unfilled placeholder {left.group(0)}")
    return template


def resonate(states, src, formants, rate):
    """One sample of `src` through a bank of two-pole resonators (speech-like
    formants at `formants` Hz, bandwidths 80, 120, 160, ... Hz; any at or above
    half the rate left out), summed with weights 1, 1/2, 1/3, ...; `states`
    holds each resonator's last two outputs."""
    y = 0.0
    for k, f in enumerate(formants):
        if f >= rate / 2:
            continue
        r = math.exp(-math.pi * (80 + 40 * k) / rate)
        c = 2 * r * math.cos(2 * math.pi * f / rate)
        st = states[k]
        v = src + c * st[0] - r * r * st[1]
        st[1], st[0] = st[0], v
        y += v / (k + 1)
    return y
