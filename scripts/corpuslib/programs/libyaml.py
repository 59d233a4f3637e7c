"""libyaml: the YAML 1.1 parser and emitter library (libyaml 0.2.5, Debian
`libyaml`).

Built from src/*.c (api, reader, scanner, parser, loader, writer, emitter,
dumper: its Makefile.am's libyaml_la_SOURCES) with the version macros its
configure defines, and a driver of ours (drivers/libyaml_main.c) with four
modes: scan (tokens), parse (events), emit (parse and re-emit the events: a
reformatter, in block, canonical, unicode, narrow-width, CRLF and UTF-16
variants) and load (compose node graphs with yaml_parser_load and dump them
with yaml_emitter_dump).

Workload: generated multi-document YAML streams (block and flow mappings and
sequences, nested to depth 6, plain, single- and double-quoted scalars with
escapes and non-ASCII text, literal and folded block scalars, anchors and
aliases, tags and %TAG/%YAML directives, comments) are scanned, parsed,
reformatted, loaded and dumped; reformatted output is parsed again (also a
UTF-16 one, through the reader's decoder), and a stream with a syntax error
checks the error path.
"""

from corpuslib.inputs import WORDS, Stream
from corpuslib.model import Program, Run

UNI = ["é", "ü", "ß", "ø", "λ", "Ж", "日本", "語", "€", "✓"]


class YamlGen:
    def __init__(self, seed):
        self.s = Stream(seed)
        self.anchors = []
        self.n_anchor = 0

    def word(self):
        s = self.s
        w = s.choice(WORDS)
        r = s.below(10)
        if r == 0:
            return w + str(s.below(1000))
        if r == 1:
            return w + s.choice(UNI)
        return w

    def plain(self):
        s = self.s
        r = s.below(8)
        if r == 0:
            return str(s.below(100000) - 5000)
        if r == 1:
            return f"{s.below(1000)}.{s.below(100):02d}"
        if r == 2:
            return s.choice(["true", "false", "null", "~", "yes", "no"])
        return " ".join(self.word() for _ in range(1 + s.below(6)))

    def single(self):
        words = [self.word() for _ in range(1 + self.s.below(6))]
        if self.s.below(3) == 0:
            words.insert(self.s.below(len(words)), "it''s")
        if self.s.below(4) == 0:
            words.insert(self.s.below(len(words)), ": # - [x] {y}")
        return "'" + " ".join(words) + "'"

    def double(self):
        s = self.s
        parts = []
        for _ in range(1 + s.below(7)):
            r = s.below(9)
            if r == 0:
                parts.append(s.choice(["\\n", "\\t", "\\\"", "\\\\", "\\x41", "\\u00e9",
                                       "\\U0001F600", "\\0", "\\e", "\\/", "\\_"]))
            elif r == 1:
                parts.append(s.choice(UNI))
            else:
                parts.append(self.word())
        return '"' + " ".join(parts) + '"'

    def key(self):
        r = self.s.below(12)
        if r == 0:
            return self.double()
        if r == 1:
            return self.single()
        return self.word().replace(" ", "_") + ("_" + str(self.s.below(100)) if r == 2 else "")

    def scalar(self):
        r = self.s.below(10)
        if r < 6:
            v = self.plain()
        elif r < 8:
            v = self.double()
        else:
            v = self.single()
        return self.props() + v

    def props(self):
        """An optional anchor and tag for a node."""
        s = self.s
        out = ""
        if s.below(14) == 0:
            self.n_anchor += 1
            a = f"a{self.n_anchor}"
            self.anchors.append(a)
            out += f"&{a} "
        r = s.below(20)
        if r == 0:
            out += "!!str "
        elif r == 1:
            out += "!e!thing "
        elif r == 2:
            out += "!local "
        elif r == 3:
            out += "!<tag:yaml.org,2002:str> "
        return out

    def value_inline(self):
        """A value written after `key: ` or `- ` that fits on the line."""
        s = self.s
        if self.anchors and s.below(16) == 0:
            return "*" + s.choice(self.anchors)
        if s.below(8) == 0:
            return self.flow(2)
        return self.scalar() + (" # " + self.word() if s.below(12) == 0 else "")

    def flow(self, depth):
        s = self.s
        if depth == 0 or s.below(3) == 0:
            r = s.below(4)
            return self.double() if r == 0 else self.single() if r == 1 else self.plain()
        if s.below(2) == 0:
            return "[" + ", ".join(self.flow(depth - 1) for _ in range(s.below(5))) + "]"
        return "{" + ", ".join(f"{self.key()}: {self.flow(depth - 1)}"
                               for _ in range(s.below(5))) + "}"

    def block_scalar(self, ind):
        s = self.s
        head = s.choice(["|", ">", "|-", ">-", "|+", ">+", "|2"])
        pad = " " * (ind + (2 if head == "|2" else 0))
        lines = []
        for _ in range(1 + s.below(5)):
            if s.below(6) == 0:
                lines.append("")
            else:
                extra = "  " if lines and s.below(5) == 0 else ""
                lines.append(pad + extra + " ".join(self.word() for _ in range(1 + s.below(9))))
        if lines[0] == "":
            lines[0] = pad + "start"  # the first line sets the indentation
        return head, lines

    def mapping(self, ind, depth, out):
        s = self.s
        pad = " " * ind
        for _ in range(1 + s.below(6)):
            if s.below(15) == 0:
                out.append(pad + "# " + " ".join(self.word() for _ in range(3)))
            k = self.key()
            r = s.below(10)
            if depth > 0 and r < 3:
                out.append(f"{pad}{k}:" + (" " + self.props().strip() if s.below(6) == 0 else ""))
                self.mapping(ind + 2, depth - 1, out)
            elif depth > 0 and r < 5:
                out.append(f"{pad}{k}:")
                self.sequence(ind + (2 if s.below(2) else 0), depth - 1, out)
            elif r == 5:
                head, lines = self.block_scalar(ind + 2)
                out.append(f"{pad}{k}: {head}")
                out.extend(lines)
            else:
                out.append(f"{pad}{k}: {self.value_inline()}")

    def sequence(self, ind, depth, out):
        s = self.s
        pad = " " * ind
        for _ in range(1 + s.below(6)):
            r = s.below(10)
            if depth > 0 and r < 3:
                # A compact mapping: the first pair on the dash's line.
                sub = []
                self.mapping(ind + 2, depth - 1, sub)
                while sub[0].lstrip().startswith("#"):
                    sub.pop(0)
                out.append(pad + "- " + sub[0][ind + 2:])
                out.extend(sub[1:])
            elif depth > 0 and r < 4:
                out.append(pad + "-")
                self.sequence(ind + 2, depth - 1, out)
            else:
                out.append(f"{pad}- {self.value_inline()}")

    def document(self, out):
        s = self.s
        self.anchors = []
        r = s.below(6)
        if r == 0:
            out.append("%YAML 1.1")
        out.append("%TAG !e! tag:example.com,2000:app/")
        out.append("--- # document")
        if s.below(3) == 0:
            self.sequence(0, 5, out)
        else:
            self.mapping(0, 5, out)
        if s.below(3) == 0:
            out.append("...")

    def stream(self, ndocs):
        out = ["# generated YAML stream"]
        for _ in range(ndocs):
            self.document(out)
        return "\n".join(out) + "\n"


class Libyaml(Program):
    def sources(self, b):
        flags = ["-I" + b.path("include"), "-DYAML_VERSION_MAJOR=0", "-DYAML_VERSION_MINOR=2",
                 "-DYAML_VERSION_PATCH=5", '-DYAML_VERSION_STRING="0.2.5"']
        files = [b.path("src", f + ".c") for f in ("api", "reader", "scanner", "parser",
                                                   "loader", "writer", "emitter", "dumper")]
        return [(f, flags) for f in files] + [(b.driver("libyaml_main.c"), flags)]

    def inputs(self):
        big = YamlGen("libyaml/big").stream(400)
        small = YamlGen("libyaml/small").stream(60)
        lines = YamlGen("libyaml/bad").stream(30).split("\n")
        lines.insert(len(lines) * 2 // 3, "  - key: [unclosed, {flow: seq}")
        return {"big.yaml": big.encode(), "small.yaml": small.encode(),
                "bad.yaml": "\n".join(lines).encode()}


PROGRAM = Libyaml(
    name="libyaml", package="libyaml", domain="parser",
    runs=[
        Run(["scan", "{in:big.yaml}"]),
        Run(["parse", "{in:big.yaml}"]),
        Run(["emit", "{in:big.yaml}"]),
        Run(["parse", "-"], stdin="@2"),
        Run(["emit", "-c", "{in:big.yaml}"]),
        Run(["parse", "-"], stdin="@4"),
        Run(["emit", "-u", "-i", "4", "-w", "40", "{in:small.yaml}"]),
        Run(["emit", "-crlf", "-w", "200", "{in:small.yaml}"]),
        Run(["emit", "-utf16", "{in:small.yaml}"]),
        Run(["scan", "-"], stdin="@8"),
        Run(["load", "{in:big.yaml}"]),
        Run(["load", "-c", "-u", "{in:small.yaml}"]),
        Run(["parse", "{in:bad.yaml}"]),
        Run(["emit", "{in:bad.yaml}"]),
    ])
