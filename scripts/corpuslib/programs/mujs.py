"""MuJS, a small embeddable JavaScript interpreter (mujs 1.3.2, Debian `mujs`).

Built from its source list (js*.c, utf.c, regexp.c; not the one.c amalgamation,
which would include the same files) plus its shell main.c, without readline
(main.c then uses its own fgets-based stand-in), as the Makefile's `mujs`.

The workload runs three JavaScript programs generated here, each printing its
results:
  numeric.js  a prime sieve, recursive fib, Collatz lengths, integer matrix
              products, sorting numbers with a comparator, bit operations and
              number formatting (toFixed, toString(radix), exponent form);
  text.js     word frequencies of generated text (object property churn),
              string building, split/join/replace, sorting strings, regular
              expressions through mujs's own regexp engine (match, replace with
              a callback, exec loops), a small tokenizer/evaluator of arithmetic;
  data.js     JSON.stringify / JSON.parse round trips of generated nested data,
              objects used as maps with deletes, closures, prototypes and
              exceptions, array methods (map, filter, reduce, splice, slice).
Nothing reads the clock or Math.random.
"""


from corpuslib.inputs import Stream, words, fill
from corpuslib.model import Program, Run

SOURCES = ["jsarray", "jsboolean", "jsbuiltin", "jscompile", "jsdate", "jsdtoa", "jsdump",
           "jserror", "jsfunction", "jsgc", "jsintern", "jslex", "jsmath", "jsnumber",
           "jsobject", "json", "jsparse", "jsproperty", "jsregexp", "jsrepr", "jsrun", "jsstate",
           "jsstring", "jsvalue", "regexp", "utf", "main"]

NUMERIC = r"""
function sieve(n) {
    var s = [], i, j, count = 0, sum = 0;
    for (i = 0; i <= n; i++) s[i] = true;
    s[0] = s[1] = false;
    for (i = 2; i * i <= n; i++)
        if (s[i]) for (j = i * i; j <= n; j += i) s[j] = false;
    for (i = 0; i <= n; i++) if (s[i]) { count++; sum = (sum + i) % 1000000007; }
    return [count, sum];
}
print("sieve", sieve(@SIEVE@).join(" "));

function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
print("fib", fib(@FIB@));

function collatz(limit) {
    var best = 0, bestN = 0, total = 0;
    for (var n = 1; n < limit; n++) {
        var x = n, len = 1;
        while (x != 1) { x = (x % 2) ? 3 * x + 1 : x / 2; len++; }
        total += len;
        if (len > best) { best = len; bestN = n; }
    }
    return bestN + " " + best + " " + total;
}
print("collatz", collatz(@COLLATZ@));

function matmul(a, b, n) {
    var c = [];
    for (var i = 0; i < n; i++) {
        var row = [];
        for (var j = 0; j < n; j++) {
            var s = 0;
            for (var k = 0; k < n; k++) s = (s + a[i][k] * b[k][j]) % 65521;
            row.push(s);
        }
        c.push(row);
    }
    return c;
}
var N = @MAT@, A = [], B = [];
for (var i = 0; i < N; i++) {
    A.push([]); B.push([]);
    for (var j = 0; j < N; j++) { A[i].push((i * 7 + j * 13) % 101); B[i].push((i * 3 + j * 5 + 1) % 97); }
}
var C = matmul(A, B, N);
C = matmul(C, A, N);
var tr = 0;
for (i = 0; i < N; i++) tr += C[i][i];
print("matrix", tr, C[1][2], C[N - 1][0]);

var nums = [@NUMS@];
var sorted = nums.slice().sort(function (a, b) { return a - b; });
print("sorted", sorted.slice(0, 8).join(","), sorted[sorted.length - 1]);
var desc = nums.slice().sort(function (a, b) { return (b % 1000) - (a % 1000) || a - b; });
print("desc", desc.slice(0, 8).join(","));

var h = 0x12345678;
for (i = 0; i < @BITS@; i++) {
    // mujs shifts a C int: keep << within range (a signed overflow is UB in C)
    h ^= (h & 0x3ffff) << 13; h ^= h >>> 17; h ^= (h & 0x3ffffff) << 5;
    h = (h + i) | 0;
}
print("xorshift", h, (h >>> 0).toString(16), (h >>> 0).toString(2).length);

var fmt = [];
for (i = 1; i < 40; i++) {
    var x = Math.sqrt(i) * Math.pow(10, i % 9 - 4);
    fmt.push(x.toFixed(3) + "|" + x.toPrecision(5) + "|" + x.toExponential(2) + "|" + String(x));
}
print(fmt.join("\n"));
var acc = 0;
for (i = 1; i < @FLOAT@; i++) acc += Math.sin(i) * Math.cos(i / 3) + Math.floor(Math.log(i) * 10) / 10;
print("float", acc.toFixed(6), Math.round(acc * 1000));
"""

TEXT = r"""
var text = @TEXT@;
var list = text.split(/\s+/);
var freq = {};
for (var i = 0; i < list.length; i++) {
    var w = list[i];
    if (w === "") continue;
    freq[w] = (freq[w] || 0) + 1;
}
var keys = Object.keys(freq);
keys.sort(function (a, b) { return freq[b] - freq[a] || (a < b ? -1 : a > b ? 1 : 0); });
var top = [];
for (i = 0; i < 12; i++) top.push(keys[i] + "=" + freq[keys[i]]);
print("words", list.length, keys.length, top.join(" "));

var pairs = {};
for (i = 0; i + 1 < list.length; i++) {
    var k = list[i] + "_" + list[i + 1];
    if (k in pairs) pairs[k]++; else pairs[k] = 1;
    if (i % 7 == 0) delete pairs[list[(i * 31) % list.length] + "_" + list[(i * 31 + 1) % list.length]];
}
var pk = Object.keys(pairs).sort();
print("pairs", pk.length, pk[0], pk[pk.length - 1]);

var sb = "";
for (i = 0; i < @BUILD@; i++) sb += String.fromCharCode(97 + (i * i) % 26) + (i % 10);
var parts = [];
for (i = 0; i < sb.length; i += 37) parts.push(sb.substring(i, i + 11).toUpperCase());
print("build", sb.length, sb.indexOf("q5"), sb.lastIndexOf("z9"), parts.slice(0, 5).join("/"));
print("join", parts.join("").length, parts.reverse().slice(0, 3).join(""));

var caps = text.replace(/\b([a-z])([a-z]*)\b/g, function (m, a, b) { return a.toUpperCase() + b; });
print("caps", caps.length, caps.substring(0, 60));
var vowels = text.match(/[aeiou]+/g);
print("vowels", vowels.length, vowels.slice(0, 10).join(""));
var re = /(\w+)\s+(of|the|and)\s+(\w+)/g, m, n = 0, lens = 0;
while ((m = re.exec(text)) !== null) { n++; lens += m[1].length * 3 + m[3].length; }
print("exec", n, lens);
var lines = text.split("\n");
var emails = [];
for (i = 0; i < lines.length; i++) {
    var ws = lines[i].split(" ");
    if (ws.length > 3) emails.push(ws[0] + "." + ws[1] + "@" + ws[2] + ".example.org");
}
var valid = 0;
for (i = 0; i < emails.length; i++)
    if (/^[a-z]+\.[a-z]+@[a-z]{3,}\.example\.(org|com)$/.test(emails[i])) valid++;
print("emails", emails.length, valid, emails.slice(0, 3).join(" "));
print("replace", text.replace(/(\w)(\w)/g, "$2$1").substring(100, 180));

function tokenize(s) {
    var toks = [], re = /\s*(\d+|[-+*\/()%])/g, m;
    while ((m = re.exec(s)) !== null) toks.push(m[1]);
    return toks;
}
function evaluate(toks) {
    var pos = 0;
    function primary() {
        var t = toks[pos++];
        if (t === "(") { var v = expr(); pos++; return v; }
        if (t === "-") return -primary();
        return parseInt(t, 10);
    }
    function term() {
        var v = primary();
        while (toks[pos] === "*" || toks[pos] === "/" || toks[pos] === "%") {
            var op = toks[pos++], r = primary();
            if (op === "*") v = (v * r) % 1000003;
            else if (r !== 0) v = op === "/" ? Math.floor(v / r) : v % r;
        }
        return v;
    }
    function expr() {
        var v = term();
        while (toks[pos] === "+" || toks[pos] === "-") {
            var op = toks[pos++], r = term();
            v = op === "+" ? v + r : v - r;
        }
        return v;
    }
    return expr();
}
var exprs = [@EXPRS@], total = 0;
for (i = 0; i < exprs.length; i++) total += evaluate(tokenize(exprs[i]));
print("eval", exprs.length, total);
"""

DATA = r"""
function makeRecord(i) {
    return {
        id: i,
        name: "item" + i + (i % 3 ? "" : "\"quoted\"\t"),
        price: (i * 37 % 1000) / 8,
        tags: ["t" + (i % 5), "u" + (i % 7)],
        nested: { depth: i % 4, flags: [i % 2 == 0, i % 3 == 0, null], note: "\u00e9\u4e2d" + i }
    };
}
var db = [];
for (var i = 0; i < @RECORDS@; i++) db.push(makeRecord(i));
var s = JSON.stringify(db);
print("json", s.length, s.substring(0, 120));
var back = JSON.parse(s);
var sum = 0, cnt = 0;
for (i = 0; i < back.length; i++) {
    sum += back[i].price * back[i].nested.depth;
    if (back[i].nested.flags[1]) cnt++;
}
print("parsed", back.length, sum, cnt);
var pretty = JSON.stringify(back.slice(0, 30), function (k, v) { return k === "note" ? undefined : v; }, 2);
print("pretty", pretty.length);
print(pretty.substring(0, 300));
for (var round = 0; round < @ROUNDS@; round++) {
    s = JSON.stringify(JSON.parse(s).filter(function (r) { return r.id % (round + 2) != 1; }));
}
print("rounds", s.length);

var map = {};
for (i = 0; i < @MAP@; i++) {
    map["k" + ((i * 7919) % 5003)] = i;
    if (i % 3 == 0) delete map["k" + ((i * 104729) % 5003)];
}
var mk = 0, mv = 0;
for (var k in map) { mk++; mv = (mv + map[k]) % 1000000007; }
print("map", mk, mv);

function Shape(n) { this.n = n; }
Shape.prototype.area = function () { return 0; };
function Square(n, s) { Shape.call(this, n); this.s = s; }
Square.prototype = Object.create(Shape.prototype);
Square.prototype.area = function () { return this.s * this.s; };
function Circle(n, r) { Shape.call(this, n); this.r = r; }
Circle.prototype = Object.create(Shape.prototype);
Circle.prototype.area = function () { return Math.floor(3.14159 * this.r * this.r); };
var shapes = [];
for (i = 0; i < @SHAPES@; i++) shapes.push(i % 3 == 0 ? new Square(i, i % 17) : i % 3 == 1 ? new Circle(i, i % 11) : new Shape(i));
var area = shapes.reduce(function (a, sh) { return a + sh.area(); }, 0);
var sq = shapes.filter(function (sh) { return sh instanceof Square; }).map(function (sh) { return sh.s; });
print("shapes", area, sq.length, sq.slice(0, 10).join(","));

function counter() { var c = 0; return { inc: function (d) { c += d; return c; }, get: function () { return c; } }; }
var counters = [];
for (i = 0; i < 50; i++) counters.push(counter());
for (i = 0; i < @CLOSURE@; i++) counters[i % 50].inc(i % 13);
print("closures", counters.map(function (c) { return c.get(); }).slice(0, 10).join(","));

var errors = 0, msgs = [];
for (i = 0; i < @EXC@; i++) {
    try {
        if (i % 5 == 0) throw new RangeError("bad " + i);
        if (i % 7 == 0) null.x;
        if (i % 11 == 0) throw { code: i };
    } catch (e) {
        errors++;
        if (msgs.length < 6) msgs.push(e instanceof Error ? e.name + ":" + e.message.length : "obj" + e.code);
    } finally {
        errors += 0;
    }
}
print("exceptions", errors, msgs.join(" "));

var arr = [];
for (i = 0; i < @SPLICE@; i++) arr.push(i * 3 % 1001);
for (i = 0; i < 400; i++) {
    var at = (i * 37) % arr.length;
    if (i % 2) arr.splice(at, 3); else arr.splice(at, 0, i, i + 1);
}
print("splice", arr.length, arr.slice(100, 110).join(","), arr.indexOf(500), arr.lastIndexOf(3));
var big = arr.concat(arr.slice(0, 100)).map(function (x) { return x * 2; }).filter(function (x) { return x % 3; });
print("chain", big.length, big.reduce(function (a, b) { return (a * 31 + b) % 1000003; }, 7));
"""




def _js_string(text):
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\n")
        elif ch in "\\\"":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


class Mujs(Program):
    def sources(self, b):
        flags = ["-I" + b.src, "-std=c99"]
        return [(b.path(f + ".c"), flags) for f in SOURCES]

    def inputs(self):
        s = Stream("mujs-numeric")
        nums = ",".join(str(s.below(100000)) for _ in range(3000))
        numeric = fill(NUMERIC, {"SIEVE": 150000, "FIB": 22, "COLLATZ": 15000, "MAT": 30,
                             "NUMS": nums, "BITS": 60000, "FLOAT": 15000})
        s = Stream("mujs-exprs")
        exprs = []
        for _ in range(300):
            e = str(s.below(100))
            for _ in range(2 + s.below(8)):
                op = s.choice("+-*/%")
                t = str(1 + s.below(999))
                if s.below(4) == 0:
                    t = "(" + t + s.choice("+-*") + str(s.below(50)) + ")"
                e += " " + op + " " + t
            exprs.append('"' + e + '"')
        text = fill(TEXT, {"TEXT": _js_string(words("mujs-text", 8000)), "BUILD": 15000,
                       "EXPRS": ",".join(exprs)})
        data = fill(DATA, {"RECORDS": 1500, "ROUNDS": 3, "MAP": 15000, "SHAPES": 5000,
                       "CLOSURE": 20000, "EXC": 3000, "SPLICE": 3000})
        return {"numeric.js": numeric.encode(), "text.js": text.encode(),
                "data.js": data.encode()}


PROGRAM = Mujs(
    name="mujs", package="mujs", domain="interpreter", libs=["-lm"],
    runs=[Run(["{in:numeric.js}"], label="numeric.js"),
          Run(["{in:text.js}"], label="text.js"),
          Run(["{in:data.js}"], label="data.js")])
