"""PCRE2: the Perl-compatible regular expression library, 8-bit, interpreter
only (pcre2 10.42, Debian `pcre2`).

Built from the 8-bit library's sources in its Makefile.am (COMMON_SOURCES;
pcre2_jit_compile.c without SUPPORT_JIT only provides the JIT's stubs, so no
SLJIT code is compiled) with config.h.generic and pcre2.h.generic copied
into gen/ as config.h and pcre2.h (so no Unicode support, as that file
has it), the character tables from pcre2_chartables.c.dist, and a driver of
ours (drivers/pcre2_main.c).

Workload: the driver compiles a set of patterns (literals, classes,
alternations, backreferences, named groups, lazy/greedy/possessive
quantifiers, anchors, lookaround, conditionals, recursion, case-insensitive
and extended modes, and a few invalid patterns for the error paths) and
finds all their matches in generated text, as a whole or line by line, with
pcre2_match, pcre2_dfa_match or pcre2_substitute, printing match counts,
offsets and checksums.
"""

from corpuslib.inputs import WORDS, Stream
from corpuslib.model import Program, Run

# (flags, pattern[, replacement]); flags as the driver reads them.
PATTERNS = [
    ("-", r"compress"),
    ("i", r"HUFFMAN table"),
    ("-", r"[A-Z][a-z]+"),
    ("-", r"\b\d{1,3}(?:\.\d{1,3}){3}\b"),
    ("i", r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("c", r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?"),
    ("c", r"(?<w>\b\w+)\s+\k<w>\b"),
    ("cs", r"<(\w+)[^>]*>(.*?)</\1>"),
    ("-", r"\b(?:the|of|and|to|in|is|that|for)\b"),
    ("i", r"\b(?:compress|data|block|stream|buffer|window|match|literal|offset|length|entropy|"
          r"huffman|table|symbol|frame|header|checksum|dictionary)s?\b"),
    ("s", r"\{.*?\}"),
    ("-", r"\"[^\"]*\""),
    ("m", r"^\w+.*\d$"),
    ("m", r"^$"),
    ("-", r"x*"),
    ("x", r"""(?# a key=value pair)  (\w+) \s* = \s* ( "[^"]*" | \d+ (?:\.\d+)? | \w+ )"""),
    ("-", r"(?<=\s)\d+(?=px)"),
    ("-", r"\b[a-z]++\d+"),
    ("U", r"o.+e"),
    ("d", r"\b(?:entropy|encode|decode)\w*"),
    ("d", r"\d+(?:\.\d+)?"),
    ("l", r"\bdata\b.*\bblock\b"),
    ("li", r"^(?:\S+\s+){5}stream"),
    ("l", r"(a+)+$"),
    ("lm", r"^[^aeiou\n]*$"),
    ("-", r"(\()?\d+(?(1)\))"),
    ("-", r"\((?:[^()]++|(?R))*\)"),
    ("n", r"(?<a>\b\w+)\s(\w+)\s\k<a>\b"),
    ("A", r"\S+"),
    ("m", r"\w+$"),
    ("D", r"\S+$"),
    ("-", r"(?|(abc)|(xyz))\1"),
    ("i", r"\b(\w)(\w)\w?\2\1\b"),
    ("-", r"[^\w\s]{2,}"),
    ("-", r"(?=\w*\d)(?=\w*[a-z])\w{6,}"),
    ("r", r"(\w+)@(\w+)", r"${2}_at_$1"),
    ("r", r"\s+", " "),
    ("ri", r"\b(the)\b|\b(of)\b", r"${1:+THE:${2:+OF:x}}"),
    ("-", r"(unclosed"),
    ("-", r"a{2,1}"),
    ("-", r"\k<nope>"),
    ("-", r"[z-a]"),
    ("-", r"(?<=a+)b"),
]


def _text(seed, nlines):
    s = Stream(seed)
    lines = []
    for i in range(nlines):
        parts = []
        for _ in range(3 + s.below(14)):
            r = s.below(40)
            if r == 0:
                parts.append(".".join(str(s.below(300)) for _ in range(4)))
            elif r == 1:
                parts.append(f"{s.choice(WORDS)}.{s.choice(WORDS)}@{s.choice(WORDS)}.org")
            elif r == 2:
                parts.append(f"20{s.below(30):02d}-{1 + s.below(12):02d}-{1 + s.below(28):02d}"
                             + (f"T{s.below(24):02d}:{s.below(60):02d}" if s.below(2) else ""))
            elif r == 3:
                w = s.choice(["b", "i", "em", "span"])
                parts.append(f"<{w} class=x>{s.choice(WORDS)} {s.choice(WORDS)}</{w}>")
            elif r == 4:
                parts.append("{" + f"{s.choice(WORDS)}: {s.below(100)}" + "}")
            elif r == 5:
                parts.append(f'"{s.choice(WORDS)} {s.choice(WORDS)}"')
            elif r == 6:
                parts.append(f"({s.choice(WORDS)} ({s.below(99)}) {s.choice(WORDS)})")
            elif r == 7:
                parts.append(f"{s.below(640)}px")
            elif r == 8:
                w = s.choice(WORDS)
                parts.append(f"{w} {w}")
            elif r == 9:
                parts.append(f"{s.choice(WORDS)}={s.below(1000)}")
            elif r == 10:
                parts.append("a" * (5 + s.below(12)) + s.choice(["", "b"]))
            elif r == 11:
                parts.append(s.choice(["level", "radar", "noon", "xyzxyz", "abcabc", "!!", "->",
                                       "&&", "Entropy", "DATA", "Huffman"]))
            else:
                parts.append(s.choice(WORDS) + (str(s.below(100)) if s.below(8) == 0 else ""))
        if s.below(20) == 0:
            lines.append("")
        lines.append(" ".join(parts).capitalize() if s.below(3) == 0 else " ".join(parts))
    return "\n".join(lines) + "\n"


class Pcre2(Program):
    def sources(self, b):
        b.copy("src/config.h.generic", "config.h")
        b.copy("src/pcre2.h.generic", "pcre2.h")
        tables = b.copy("src/pcre2_chartables.c.dist", "pcre2_chartables.c")
        flags = ["-I" + b.gen, "-I" + b.path("src"), "-DHAVE_CONFIG_H",
                 "-DPCRE2_CODE_UNIT_WIDTH=8", "-DPCRE2_STATIC"]
        lib = ["auto_possess", "compile", "config", "context", "convert", "dfa_match", "error",
               "extuni", "find_bracket", "jit_compile", "maketables", "match", "match_data",
               "newline", "ord2utf", "pattern_info", "script_run", "serialize",
               "string_utils", "study", "substitute", "substring", "tables", "ucd",
               "valid_utf", "xclass"]
        files = [b.path("src", f"pcre2_{f}.c") for f in lib] + [tables]
        return [(f, flags) for f in files] + [(b.driver("pcre2_main.c"), flags)]

    def inputs(self):
        pats = "".join("\t".join(p) + "\n" for p in PATTERNS)
        return {"patterns": pats.encode(), "text": _text("pcre2/text", 2000).encode(),
                "text2": _text("pcre2/text2", 1000).encode()}


PROGRAM = Pcre2(
    name="pcre2", package="pcre2", domain="regex",
    runs=[Run(["{in:patterns}", "{in:text}"]), Run(["{in:patterns}", "{in:text2}"])])
