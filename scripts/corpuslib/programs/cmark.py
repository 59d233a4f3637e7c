"""cmark, the CommonMark reference implementation in C (cmark 0.30.2, Debian
`cmark`): the library (src/*.c) and its `cmark` command line tool (main.c).

Built from src/ without cmake: the headers cmake would generate (config.h,
cmark_export.h, cmark_version.h) are written here, with what cmake finds on
Linux (stdbool.h, __builtin_expect, __attribute__) and an empty export
macro (a static build).

The workload converts generated Markdown documents: doc.md (about 400 KB:
ATX and setext headings, paragraphs with emphasis, strong emphasis, code
spans, links, images, autolinks, entities, backslash escapes and hard breaks,
nested bullet and ordered lists, tight and loose, block quotes, fenced and
indented code blocks, thematic breaks, HTML blocks and inline HTML, link
reference definitions, pipe "tables" of text (paragraphs to CommonMark)) and
nested.md (deeply nested quotes, lists, brackets and runs of emphasis
delimiters) to HTML (plain, and with --smart --sourcepos), to XML, to man
(wrapped at 72), to CommonMark (wrapped at 60) and to LaTeX; a last run reads
the CommonMark output back from standard input and converts it to HTML.
"""

from corpuslib.inputs import Stream, WORDS
from corpuslib.model import Program, Run

LIB = ["blocks", "buffer", "cmark", "cmark_ctype", "commonmark", "houdini_href_e",
       "houdini_html_e", "houdini_html_u", "html", "inlines", "iterator", "latex", "man",
       "node", "references", "render", "scanners", "utf8", "xml", "main"]

CONFIG_H = """#ifndef CMARK_CONFIG_H
#define CMARK_CONFIG_H
/* What cmake's config.h.in gives on Linux (written by the corpus build). */
#include <stdbool.h>
#define HAVE_STDBOOL_H
#define HAVE___BUILTIN_EXPECT
#define HAVE___ATTRIBUTE__
#define CMARK_ATTRIBUTE(list) __attribute__ (list)
#ifndef CMARK_INLINE
#define CMARK_INLINE inline
#endif
#endif
"""

EXPORT_H = """#ifndef CMARK_EXPORT_H
#define CMARK_EXPORT_H
/* A static build: no visibility attributes (written by the corpus build). */
#define CMARK_EXPORT
#define CMARK_NO_EXPORT
#endif
"""

VERSION_H = """#ifndef CMARK_VERSION_H
#define CMARK_VERSION_H
#define CMARK_VERSION ((0 << 16) | (30 << 8) | 2)
#define CMARK_VERSION_STRING "0.30.2"
#endif
"""


class Gen:
    def __init__(self, seed):
        self.s = Stream(seed)
        self.refs = []

    def word(self):
        return self.s.choice(WORDS)

    def inline(self, n):
        s, out = self.s, []
        for _ in range(n):
            k = s.below(40)
            w = self.word()
            if k == 0:
                out.append(f"*{w} {self.word()}*")
            elif k == 1:
                out.append(f"**{w}**")
            elif k == 2:
                out.append(f"_{w}_ and __{self.word()}__")
            elif k == 3:
                out.append(f"`{w}()` ``a ` b``")
            elif k == 4:
                out.append(f"[{w} {self.word()}](http://example.org/{w}?q={s.below(100)} \"{self.word()}\")")
            elif k == 5:
                out.append(f"![{w}](img/{w}.png)")
            elif k == 6:
                out.append(f"<https://{w}.example.com/{s.below(1000)}>")
            elif k == 7:
                out.append("&amp; &copy; &#35; &#x41; &nbsp;")
            elif k == 8:
                out.append(f"\\*{w}\\* \\[x\\]")
            elif k == 9:
                out.append(f"<span class=\"{w}\">{self.word()}</span>")
            elif k == 10 and self.refs:
                out.append(f"[{self.word()}][{s.choice(self.refs)}]")
            elif k == 11:
                out.append(f"\"{w}\" -- '{self.word()}' --- {self.word()}...")
            elif k == 12:
                out.append(f"***{w}*** *a **b** c*")
            elif k == 13:
                out.append(w + "  \n")
            elif k == 14:
                out.append(f"{w}\\\n")
            elif k == 15:
                out.append(f"<{w}@example.net>")
            else:
                out.append(w)
            if s.below(12) == 0:
                out.append("\n")
        return " ".join(out)

    def paragraph(self):
        return self.inline(15 + self.s.below(60)) + "\n"

    def listblock(self, depth, ordered):
        s, out = self.s, []
        loose = s.below(3) == 0
        indent = "   " * depth if ordered else "  " * depth
        for i in range(2 + s.below(5)):
            marker = f"{i + 1}." if ordered else s.choice("-*+")
            item = self.inline(3 + s.below(15)).replace("\n", " ")
            out.append(f"{indent}{marker} {item}\n")
            if depth < 3 and s.below(4) == 0:
                out.append(self.listblock(depth + 1, s.below(2) == 0))
            if loose:
                out.append("\n")
        return "".join(out)

    def quote(self, depth):
        body = self.paragraph()
        if depth < 4 and self.s.below(3) == 0:
            body += "\n" + self.quote(depth + 1)
        return "".join("> " + line + "\n" for line in body.rstrip("\n").split("\n"))

    def code(self):
        s = self.s
        lines = [f"    {self.word()}({s.below(100)}) {{ return {self.word()} < {s.below(9)}; }}"
                 for _ in range(2 + s.below(8))]
        if s.below(2):
            fence = s.choice(["```", "~~~~"])
            return f"{fence} {self.word()}\n" + "\n".join(lines) + f"\n{fence}\n"
        return "\n".join("    " + l for l in lines) + "\n"

    def table(self):
        s = self.s
        cols = 2 + s.below(4)
        rows = ["| " + " | ".join(self.word().title() for _ in range(cols)) + " |",
                "|" + "|".join("---" for _ in range(cols)) + "|"]
        for _ in range(2 + s.below(6)):
            rows.append("| " + " | ".join(f"{self.word()} {s.below(1000)}" for _ in range(cols)) + " |")
        return "\n".join(rows) + "\n"

    def block(self, i):
        s = self.s
        k = s.below(20)
        if k < 2:
            return "#" * (1 + s.below(6)) + " " + self.inline(4) + " " + "#" * s.below(3) + "\n"
        if k == 2:
            t = self.inline(5).replace("\n", " ")
            return t + "\n" + s.choice(["=", "-"]) * (3 + s.below(20)) + "\n"
        if k < 6:
            return self.listblock(0, s.below(2) == 0)
        if k == 6:
            return self.quote(0)
        if k == 7:
            return self.code()
        if k == 8:
            return s.choice(["***", "---", "_ _ _", "* * *"]) + "\n"
        if k == 9:
            w = self.word()
            return f"<div class=\"{w}\">\n<p>{self.word()} &amp; {self.word()}</p>\n</div>\n"
        if k == 10:
            label = f"ref{i}"
            self.refs.append(label)
            return f"[{label}]: http://example.com/{self.word()}/{i} \"{self.word()} title\"\n"
        if k == 11:
            return self.table()
        return self.paragraph()

    def document(self, nblocks):
        return "\n".join(self.block(i) for i in range(nblocks))


def nested(seed):
    s = Stream(seed)
    parts = []
    for d in range(1, 40):
        parts.append("> " * (d % 12) + "quote " + str(d) + "\n")
    parts.append("\n")
    for d in range(30):
        parts.append("  " * d + "- item " + str(d) + "\n")
    parts.append("\n")
    for i in range(200):
        n = 1 + s.below(30)
        parts.append("[" * n + "link" + "](/u)" * s.below(n + 1) + "]" * s.below(n + 1) + "\n")
        parts.append("*" * s.below(8) + "a" + "_" * s.below(8) + "b" + "*" * s.below(8) + "\n")
        parts.append("`" * s.below(5) + "code" + "`" * s.below(5) + " <a href=\"x\"" + ">" * s.below(2) + "\n\n")
    parts.append("**a " * 300 + "\n\n" + "a** " * 300 + "\n")
    return "".join(parts)


class Cmark(Program):
    def sources(self, b):
        b.write("config.h", CONFIG_H)
        b.write("cmark_export.h", EXPORT_H)
        b.write("cmark_version.h", VERSION_H)
        flags = ["-I" + b.gen, "-I" + b.path("src")]
        return [(b.path("src", f + ".c"), flags) for f in LIB]

    def inputs(self):
        return {"doc.md": Gen("cmark-doc").document(2500).encode(),
                "nested.md": nested("cmark-nested").encode()}


PROGRAM = Cmark(
    name="cmark", package="cmark", domain="parser",
    runs=[Run(["{in:doc.md}", "{in:nested.md}"], label="html"),
          Run(["--smart", "--sourcepos", "--unsafe", "{in:doc.md}"],
              label="html --smart --sourcepos --unsafe"),
          Run(["-t", "xml", "{in:doc.md}", "{in:nested.md}"], label="xml"),
          Run(["-t", "man", "--width", "72", "{in:doc.md}"], label="man"),
          Run(["-t", "commonmark", "--width", "60", "{in:doc.md}"], label="commonmark"),
          Run(["-t", "latex", "{in:doc.md}"], label="latex"),
          Run([], stdin="@4", label="html of the commonmark output (stdin)")])
