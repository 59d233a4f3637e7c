"""cJSON, an ultralightweight JSON parser and printer in C (cjson 1.7.15 with
Debian's patches, Debian `cjson`).

The package has no command line tool: the program is cJSON.c and
cJSON_Utils.c (JSON Pointer, JSON Patch, Merge Patch) with a driver of ours,
drivers/cjson_main.c. For each document given it parses, walks (counts,
depth, a hash of keys and strings, a sum of numbers), prints unformatted and
formatted, re-parses and compares, minifies, duplicates and modifies the
copy (numbers, strings, deleted, inserted, moved and replaced items), diffs
the two trees as JSON Patch and Merge Patch and applies them, follows JSON
Pointers, and prints into preallocated and growing buffers; then it builds a
document with the create/add API. Everything goes to standard output.

The workload (about 2 MB of generated JSON in all): records.json (pages of
records: nested objects, escaped strings, numbers, booleans, nulls),
numbers.json (integers, floats in every notation, matrices), strings.json
(objects of 100 keys; strings with every escape, \\u escapes and
surrogate pairs, raw UTF-8), deep.json (objects and arrays nested hundreds
deep) and broken.json (a truncated document: the error path).
"""

import json

from corpuslib.inputs import Stream, WORDS
from corpuslib.model import Program, Run

ESCAPES = ['\\"', "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u4e2d",
           "\\ud83d\\ude00", "\\u0001", "\u00fc", "\u20ac"]


def _string(s, n):
    parts = []
    for _ in range(n):
        if s.below(5) == 0:
            parts.append(s.choice(ESCAPES))
        else:
            parts.append(s.choice(WORDS))
        parts.append(" " if s.below(3) else "")
    return '"' + "".join(parts) + '"'


def _number(s):
    k = s.below(8)
    if k == 0:
        return str(s.below(1000))
    if k == 1:
        return "-" + str(s.below(1 << 31))
    if k == 2:
        return f"{s.below(100000)}.{s.below(1000):03d}"
    if k == 3:
        return f"{s.below(10)}.{s.below(100000)}e{s.choice(['', '+', '-'])}{s.below(40)}"
    if k == 4:
        return f"-{s.below(1000)}.{s.below(10)}E-{s.below(300)}"
    if k == 5:
        return str(s.below(1 << 30) * (1 << 30))
    if k == 6:
        return "0"
    return f"0.{s.below(10 ** 9):09d}"


def records(n):
    s = Stream("cjson-records")
    out = []
    for i in range(n):
        tags = ", ".join(_string(s, 1) for _ in range(s.below(5)))
        hist = ", ".join(f'{{"day": {s.below(365)}, "amount": {_number(s)}, "ok": '
                         f'{s.choice(["true", "false"])}}}' for _ in range(s.below(4)))
        note = "null" if s.below(3) == 0 else _string(s, 1 + s.below(12))
        out.append(f'{{"id": {i}, "name": {_string(s, 2)}, "email": "user{i}@example.org", '
                   f'"active": {s.choice(["true", "false"])}, "score": {_number(s)}, '
                   f'"tags": [{tags}], "address": {{"street": {_string(s, 3)}, '
                   f'"city": "{s.choice(WORDS)}", "zip": "{s.below(100000):05d}"}}, '
                   f'"history": [{hist}], "note": {note}}}')
    # pages of 100 records: JSON Pointers walk a page's array, not all of them
    pages = [f'"page{p}": [\n' + ",\n".join(out[p * 100:p * 100 + 100]) + "\n]"
             for p in range((n + 99) // 100)]
    return ("{" + ",\n".join(pages) + "\n}\n").encode()


def numbers(n):
    s = Stream("cjson-numbers")
    ints = ", ".join(str(s.below(1 << 20) - (1 << 19)) for _ in range(n))
    floats = ", ".join(_number(s) for _ in range(n))
    rows = []
    for r in range(60):
        rows.append("[" + ", ".join(f"{(r * 31 + c * 17) % 1000 / 8}" for c in range(60)) + "]")
    return (f'{{"ints": [{ints}],\n "floats": [{floats}],\n "matrix": [{", ".join(rows)}],\n'
            f' "special": [0, -0, 1e300, -1e300, 5e-324, 1E+2, 0.1, 123456789012345678901234567890]}}\n').encode()


def strings(n):
    s = Stream("cjson-strings")
    items = []
    for i in range(n):
        key = f"{s.choice(WORDS)}_{i}"
        items.append(f'  {json.dumps(key)}: {_string(s, 1 + s.below(20))}')
    # groups of 100 keys (cJSON looks keys up linearly: one object of
    # thousands of keys makes every lookup, patch and comparison quadratic)
    groups = [f' "group{g}": {{\n' + ",\n".join(items[g * 100:g * 100 + 100]) + "\n }"
              for g in range((n + 99) // 100)]
    return ("{\n" + ",\n".join(groups) + "\n}\n").encode()


def deep(levels, fan):
    s = Stream("cjson-deep")

    def node(d):
        if d == 0:
            return _number(s) if s.below(2) else _string(s, 1)
        kids = []
        for j in range(fan if d % 40 == 0 else 1):
            kids.append(node(d - 1))
        # cJSON_Compare visits an object's members twice (a in b, b in a):
        # its cost doubles with each object level, so most levels are arrays
        if d % 40:
            return "[" + ", ".join(kids + [str(d)]) + "]"
        return "{" + ", ".join(f'"n{d}_{j}": {k}' for j, k in enumerate(kids)) + f', "level": {d}}}'
    return node(levels).encode() + b"\n"


class CJson(Program):
    def sources(self, b):
        flags = ["-I" + b.src]
        return [(b.path("cJSON.c"), flags), (b.path("cJSON_Utils.c"), flags),
                (b.driver("cjson_main.c"), flags)]

    def inputs(self):
        rec = records(5000)
        return {"records.json": rec, "numbers.json": numbers(3000),
                "strings.json": strings(6000), "deep.json": deep(200, 3),
                "broken.json": rec[:len(rec) * 2 // 3]}


PROGRAM = CJson(
    name="cjson", package="cjson", domain="parser", libs=["-lm"],
    runs=[Run(["{in:records.json}", "{in:broken.json}"], label="records.json broken.json"),
          Run(["{in:numbers.json}", "{in:deep.json}"], label="numbers.json deep.json"),
          Run(["{in:strings.json}"], label="strings.json")])
