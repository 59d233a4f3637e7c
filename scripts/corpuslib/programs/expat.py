"""Expat, the stream-oriented XML parser library, and its xmlwf tool (expat
2.5.0 with Debian's security patches, Debian `expat`).

Built from lib/xmlparse.c, xmltok.c and xmlrole.c (xmltok_impl.c and
xmltok_ns.c are included by xmltok.c) and xmlwf's sources as its Makefile.am
lists them on Linux (xmlwf.c, xmlfile.c, codepage.c, unixfilemap.c), with an
expat_config.h written here as configure would on Debian (XML_DTD, XML_NS,
XML_CONTEXT_BYTES 1024, mmap, getrandom). For determinism xmlwf's parsers
get a fixed hash salt: xmlwf.c is compiled with XML_ParserCreate(NS) renamed
to wrappers of ours (drivers/expat_salt.c) that call XML_SetHashSalt, so no
run depends on getrandom, the time or the process id.

Workload: xmlwf over generated XML documents (a DTD internal subset with
element, attribute-list, entity, parameter-entity and notation declarations;
nested elements with attributes, defaulted attributes, namespaces and their
redeclarations, internal general entities with markup, character
references, CDATA sections, comments, processing instructions, UTF-8 text)
writing canonical (with and without namespace processing and notations),
meta (-m) and copy (-c) output files; also an ISO-8859-1 and a UTF-16
document, a document pulling in external parsed entities (-x), plain
parsing with read() instead of mmap (-r -t), standard input, and a
malformed document (exit code 2, an error message).
"""

from corpuslib.inputs import WORDS, Stream
from corpuslib.model import Program, Run

CONFIG = """\
/* expat_config.h for the corpus: what expat's configure finds on Debian
   (glibc, Linux), written by scripts/corpuslib/programs/expat.py. */
#ifndef EXPAT_CONFIG_H
#define EXPAT_CONFIG_H 1
#define BYTEORDER 1234
#define HAVE_DLFCN_H 1
#define HAVE_FCNTL_H 1
#define HAVE_GETPAGESIZE 1
#define HAVE_GETRANDOM 1
#define HAVE_INTTYPES_H 1
#define HAVE_MEMORY_H 1
#define HAVE_MMAP 1
#define HAVE_STDINT_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRINGS_H 1
#define HAVE_STRING_H 1
#define HAVE_SYSCALL_GETRANDOM 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_UNISTD_H 1
#define PACKAGE "expat"
#define PACKAGE_BUGREPORT "expat-bugs@libexpat.org"
#define PACKAGE_NAME "expat"
#define PACKAGE_STRING "expat 2.5.0"
#define PACKAGE_TARNAME "expat"
#define PACKAGE_URL ""
#define PACKAGE_VERSION "2.5.0"
#define STDC_HEADERS 1
#define XML_CONTEXT_BYTES 1024
#define XML_DEV_URANDOM 1
#define XML_DTD 1
#define XML_NS 1
#endif
"""

DTD = """\
<!DOCTYPE catalog [
  <!ELEMENT catalog ANY>
  <!ELEMENT item (title, note*)>
  <!ATTLIST item id ID #IMPLIED status (new|used|old) "new" lang CDATA #FIXED "en">
  <!ATTLIST entry kind CDATA "plain" rank NMTOKEN "0">
  <!ATTLIST image src ENTITY #REQUIRED>
  <!ENTITY company "Example &amp; Sons">
  <!ENTITY sig "<sig><name>&company;</name><year>2025</year></sig>">
  <!ENTITY nbsp "&#160;">
  <!ENTITY % notedecl "<!ATTLIST note author CDATA 'anonymous'>">
  %notedecl;
  <!NOTATION gif SYSTEM "image/gif">
  <!NOTATION png PUBLIC "-//EXAMPLE//NOTATION PNG//EN" "image/png">
  <!ENTITY logo SYSTEM "logo.gif" NDATA gif>
  <!-- comments in the DTD -->
  <?dtd-pi some data?>
]>
"""

NAMES = ["item", "entry", "title", "note", "section", "para", "list", "value", "ref", "data"]
ATTRS = ["id", "name", "kind", "rank", "href", "type", "size", "lang2", "code", "flag"]
UNI = ["é", "ü", "ß", "ø", "λ", "Ж", "日本", "語", "€", "✓", "😀"]


class XmlGen:
    def __init__(self, seed, unicode=True):
        self.s = Stream(seed)
        self.uni = UNI if unicode else ["é", "ü", "ß", "ø", "£", "½", "Ä"]
        self.n = 0

    def word(self):
        s = self.s
        w = s.choice(WORDS)
        if s.below(12) == 0:
            w += s.choice(self.uni)
        return w

    def text(self, entities):
        s = self.s
        out = []
        for _ in range(1 + s.below(10)):
            r = s.below(30)
            if r == 0:
                out.append("&amp;")
            elif r == 1:
                out.append("&lt;&gt;")
            elif r == 2:
                out.append(s.choice(["&#65;", "&#x3b1;", "&#233;", "&#x20AC;", "&quot;", "&apos;"]))
            elif r == 3 and entities:
                out.append(s.choice(["&company;", "&sig;", "&nbsp;"]))
            elif r == 4:
                out.append("\n" + " " * s.below(6))
            elif r == 5:
                out.append("\t")
            else:
                out.append(self.word())
        return " ".join(out)

    def attr_value(self, entities):
        s = self.s
        r = s.below(12)
        if r == 0:
            return str(s.below(100000))
        if r == 1 and entities:
            return "by &company;"
        if r == 2:
            return "a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#x9;tab&#10;nl"
        if r == 3:
            return "line\nbreak  and   spaces"
        return " ".join(self.word() for _ in range(1 + s.below(4)))

    def name(self, ns):
        s = self.s
        n = s.choice(NAMES)
        if ns and s.below(4) == 0:
            n = s.choice(["x", "y"]) + ":" + n
        return n

    def element(self, depth, out, ns, entities, ind=0):
        s = self.s
        name = self.name(ns)
        attrs = []
        used = set()
        for _ in range(s.below(5)):
            a = s.choice(ATTRS)
            if ns and s.below(5) == 0:
                a = "y:" + a
            if a in used:
                continue
            used.add(a)
            q = s.choice(['"', "'"])
            v = self.attr_value(entities)
            if q == "'":
                v = v.replace("'", "&apos;")
            else:
                v = v.replace('"', "&quot;")
            attrs.append(f"{a}={q}{v}{q}")
        if ns and s.below(25) == 0:
            attrs.append('xmlns:x="urn:example:x-%d"' % s.below(5))
        if ns and s.below(40) == 0:
            attrs.append('xmlns="urn:example:inner"')
        head = "<" + name + "".join(" " + a for a in attrs)
        pad = "\n" + " " * ind
        if depth == 0 or s.below(8) == 0:
            if s.below(3) == 0:
                out.append(pad + head + "/>")
            else:
                out.append(pad + head + ">" + self.text(entities) + f"</{name}>")
            return
        out.append(pad + head + ">")
        for _ in range(1 + s.below(6)):
            r = s.below(16)
            if r == 0:
                out.append("<![CDATA[ raw <markup> & " + self.word() + " ]] > ]]>")
            elif r == 1:
                out.append("<!-- " + self.word() + " - comment -->")
            elif r == 2:
                out.append(f"<?proc-{s.below(3)} {self.word()} data?>")
            elif r == 3 and entities:
                out.append('<image src="logo"/>')
            elif r < 7:
                out.append(self.text(entities))
            else:
                self.element(depth - 1, out, ns, entities, ind + 1)
        out.append(pad + f"</{name}>")

    def document(self, n_top, depth, ns=True, entities=True, decl='<?xml version="1.0" '
                 'encoding="UTF-8" standalone="no"?>'):
        out = [decl + "\n"]
        if entities:
            out.append(DTD)
        root = '<catalog xmlns="urn:example:catalog" xmlns:x="urn:example:x" ' \
               'xmlns:y="http://example.org/y" version="1.0">' if ns else "<catalog>"
        out.append(root)
        for _ in range(n_top):
            self.element(depth, out, ns, entities, 1)
        out.append("\n</catalog>\n")
        return "".join(out)


class Expat(Program):
    nonzero_exit_ok = True  # the malformed document's run exits 2, as xmlwf should

    def sources(self, b):
        b.write("expat_config.h", CONFIG)
        # The Debian source package has expat's tree in expat/.
        flags = ["-I" + b.gen, "-I" + b.path("expat", "lib"), "-DHAVE_EXPAT_CONFIG_H", "-D_GNU_SOURCE"]
        units = [(b.path("expat", "lib", f), flags) for f in ("xmlparse.c", "xmltok.c", "xmlrole.c")]
        wflags = flags + ["-DXML_ParserCreate=corpus_XML_ParserCreate",
                          "-DXML_ParserCreateNS=corpus_XML_ParserCreateNS"]
        units += [(b.path("expat", "xmlwf", f), wflags)
                  for f in ("xmlwf.c", "xmlfile.c", "codepage.c", "unixfilemap.c")]
        units.append((b.driver("expat_salt.c"), flags))
        return units

    def inputs(self):
        big = XmlGen("expat/big").document(500, 6)
        plain = XmlGen("expat/plain").document(250, 5, ns=False)
        latin = XmlGen("expat/latin1", unicode=False).document(
            150, 5, ns=False, decl='<?xml version="1.0" encoding="ISO-8859-1"?>')
        utf16 = XmlGen("expat/utf16").document(150, 5, decl='<?xml version="1.0" '
                                               'encoding="UTF-16"?>')
        parts = {}
        for k in (1, 2):
            g = XmlGen(f"expat/part{k}")
            body = []
            g.element(4, body, False, False)
            parts[f"part{k}.xml"] = ('<?xml version="1.0" encoding="UTF-8"?>\n<part>'
                                     + "".join(body) + "</part>\n").encode()
        ext = ('<?xml version="1.0"?>\n<!DOCTYPE doc [\n'
               '  <!ENTITY part1 SYSTEM "part1.xml">\n  <!ENTITY part2 SYSTEM "part2.xml">\n'
               ']>\n<doc>' + "".join(f"\n<use n='{i}'>&part{1 + i % 2}; text &part1;</use>"
                                     for i in range(40)) + "\n</doc>\n")
        lines = XmlGen("expat/bad").document(60, 4).split("\n")
        lines.insert(len(lines) * 3 // 4, "<broken><item></broken>")
        return {"big.xml": big.encode(), "plain.xml": plain.encode(),
                "latin1.xml": latin.encode("latin-1"), "utf16.xml": utf16.encode("utf-16"),
                "ext.xml": ext.encode(), **parts, "bad.xml": "\n".join(lines).encode()}


def _out(args, name):
    return Run(args + ["-d", "{tmp}", "{in:%s}" % name], outputs=["{tmp}/" + name])


def _stdin(args, name):
    # From standard input: meta output (-m) names the input's path otherwise.
    return Run(args + ["-d", "{tmp}"], stdin=name, outputs=["{tmp}/STDIN"])


PROGRAM = Expat(
    name="expat", package="expat", domain="parser",
    runs=[
        _out([], "big.xml"),
        _out(["-n"], "big.xml"),
        _out(["-c"], "big.xml"),
        _out(["-N", "-p"], "plain.xml"),
        _stdin(["-m"], "plain.xml"),
        _stdin(["-n", "-m"], "utf16.xml"),
        _out([], "latin1.xml"),
        _out(["-n"], "utf16.xml"),
        _out(["-x"], "ext.xml"),
        Run(["-r", "-t", "{in:big.xml}", "{in:part1.xml}", "{in:part2.xml}"]),
        _stdin([], "latin1.xml"),
        Run([], stdin="bad.xml"),
    ])
