"""LibTomCrypt, a portable cryptographic toolkit (libtomcrypt 1.18.2, Debian
`libtomcrypt`), with a driver of ours.

Built from every .c file under src/ (ciphers, hashes, MACs, modes,
authenticated encryption, PRNGs, misc; the public-key code compiles but is
not used: no math library is linked, so no GMP_DESC/LTM_DESC) with
-DLTC_SOURCE (as its makefile) and -DLTC_NO_ASM (no inline assembly, which
also turns off LTC_FAST's word-at-a-time type punning), plus
drivers/libtomcrypt.c.

The workload runs the driver in four modes: `selftest` runs the library's
known-answer tests of every cipher, hash and PRNG descriptor and of the
modes, MACs and AEAD schemes; `hash` hashes a generated buffer with 16 hashes
(MD5 to SHA-3, BLAKE2, Whirlpool, Tiger, RIPEMD) in uneven chunks and chains
short messages of every length up to 300; `cipher` encrypts and decrypts it
with AES in CTR, CBC, GCM, XTS, CCM, EAX and OCB3, ChaCha20(-Poly1305) and
18 other block ciphers in CBC/CFB/OFB/ECB; `mac` computes HMACs, Poly1305,
OMAC, PMAC, XCBC, Pelican, BLAKE2 MACs, CRC32, Adler32, base64, HKDF and the
output of five PRNGs seeded with fixed entropy. It prints digests and tags
(exact integer results) and checks every round trip.
"""

from corpuslib.common import Error
from corpuslib.model import Program, Run


class Libtomcrypt(Program):
    def sources(self, b):
        flags = ["-I" + b.path("src", "headers"), "-DLTC_SOURCE", "-DLTC_NO_ASM"]
        files = b.glob("src/**/*.c")
        if len(files) < 300:
            raise Error(f"libtomcrypt: only {len(files)} sources found under {b.src}")
        return [(f, flags) for f in files + [b.driver("libtomcrypt.c")]]


PROGRAM = Libtomcrypt(
    name="libtomcrypt", package="libtomcrypt", domain="crypto",
    runs=[Run(["selftest", "0"]), Run(["hash", "256"]), Run(["cipher", "512"]),
          Run(["mac", "1024"])])
