"""TinyScheme, a small Scheme interpreter (tinyscheme 1.42.svn.2020.06.04, Debian
`tinyscheme`).

Built as Debian builds its `tinyscheme` (scheme.c alone, STANDALONE, with the
feature flags of debian/Makefile: USE_MATH, USE_PLIST, no ASCII names) except:
- dynamic loading is off (USE_DL=0: no dynload.c, no dlopen);
- the init file compiled in is /dev/null: the package's own init.scm (macros,
  cXXr, string and char procedures, ...) is an input of the workload, loaded
  explicitly as the first file of every run, so no run depends on the current
  directory or on TINYSCHEMEINIT;
- cell segments of 25000 cells instead of 5000 (CELL_SEGSIZE, a knob of
  scheme-private.h): with the default 10 x 5000 cells the runs spend most of
  their time in the collector and larger data runs out of memory;
- a bug of this svn snapshot is fixed in a generated copy of scheme.c:
  string-ref, string-set!, vector-ref and vector-set! test `is_integer(x)`
  the wrong way round and reject every exact index (so string->list of
  init.scm fails too).

The workload runs three Scheme programs generated here:
  lists.scm    list processing: merge sort and quicksort of generated numbers,
               map/filter/fold written in Scheme, association lists, a vector
               prime sieve, tail-recursive loops (named let, do) and deep
               non-tail recursion (Ackermann, tree recursion);
  closures.scm closures (counters, accumulators, composed functions),
               a binary search tree of strings, string building,
               string->list / list->string, char operations, string ports,
               call/cc for early exits, and macros;
  interp.scm   a small metacircular evaluator (environments as association
               lists) running generated expressions, quasiquote-built code
               run through eval, and symbolic differentiation/simplification.
Integers stay small (modulo arithmetic): TinyScheme's integers are C longs.
init.scm is read from the fetched package under build/corpus/src.
"""

import os
import re

from corpuslib.common import CORPUS, Error
from corpuslib.inputs import Stream, words, fill
from corpuslib.model import Program, Run
from corpuslib.sources import source_dir

LISTS = r"""
(define (iota n) (let loop ((i (- n 1)) (acc '())) (if (< i 0) acc (loop (- i 1) (cons i acc)))))
(define (my-map f l) (if (null? l) '() (cons (f (car l)) (my-map f (cdr l)))))
(define (my-filter p l)
  (let loop ((l l) (acc '()))
    (cond ((null? l) (reverse acc))
          ((p (car l)) (loop (cdr l) (cons (car l) acc)))
          (else (loop (cdr l) acc)))))
(define (fold f acc l) (if (null? l) acc (fold f (f acc (car l)) (cdr l))))
(define (split l)
  (if (or (null? l) (null? (cdr l))) (cons l '())
      (let ((r (split (cddr l))))
        (cons (cons (car l) (car r)) (cons (cadr l) (cdr r))))))
(define (merge a b less?)
  (cond ((null? a) b) ((null? b) a)
        ((less? (car b) (car a)) (cons (car b) (merge a (cdr b) less?)))
        (else (cons (car a) (merge (cdr a) b less?)))))
(define (msort l less?)
  (if (or (null? l) (null? (cdr l))) l
      (let ((p (split l))) (merge (msort (car p) less?) (msort (cdr p) less?) less?))))
(define (qsort l)
  (if (null? l) '()
      (let ((p (car l)))
        (append (qsort (my-filter (lambda (x) (< x p)) (cdr l)))
                (list p)
                (qsort (my-filter (lambda (x) (>= x p)) (cdr l)))))))
(define (take l n) (if (or (= n 0) (null? l)) '() (cons (car l) (take (cdr l) (- n 1)))))

(define data '(@NUMS@))
(define sorted (msort data <))
(display "msort ") (display (take sorted 10)) (display " ") (display (list-tail sorted (- (length sorted) 3))) (newline)
(display "qsort-equal ") (display (equal? sorted (qsort data))) (newline)
(define by-digits (msort data (lambda (a b) (< (modulo a 97) (modulo b 97)))))
(display "by-mod ") (display (take by-digits 8)) (newline)
(display "fold ") (display (fold (lambda (a x) (modulo (+ (* a 31) x) 1000003)) 7 sorted)) (newline)
(display "squares ") (display (fold + 0 (my-map (lambda (x) (modulo (* x x) 1009)) data))) (newline)

(define (sieve n)
  (let ((v (make-vector (+ n 1) #t)))
    (vector-set! v 0 #f) (vector-set! v 1 #f)
    (do ((i 2 (+ i 1))) ((> (* i i) n))
      (if (vector-ref v i)
          (do ((j (* i i) (+ j i))) ((> j n)) (vector-set! v j #f))))
    (let loop ((i n) (acc '()))
      (if (< i 0) acc (loop (- i 1) (if (vector-ref v i) (cons i acc) acc))))))
(define primes (sieve @SIEVE@))
(display "primes ") (display (length primes)) (display " ") (display (list-tail primes (- (length primes) 5))) (newline)

(define (count-words ws)
  (let loop ((ws ws) (al '()))
    (if (null? ws) al
        (let ((e (assq (car ws) al)))
          (if e (begin (set-cdr! e (+ (cdr e) 1)) (loop (cdr ws) al))
              (loop (cdr ws) (cons (cons (car ws) 1) al)))))))
(define words '(@WORDS@))
(define counts (count-words words))
(define top (msort counts (lambda (a b) (or (> (cdr a) (cdr b))
                                             (and (= (cdr a) (cdr b))
                                                  (string<? (symbol->string (car a)) (symbol->string (car b))))))))
(display "words ") (display (length words)) (display " ") (display (take top 8)) (newline)

(define (ack m n)
  (cond ((= m 0) (+ n 1)) ((= n 0) (ack (- m 1) 1)) (else (ack (- m 1) (ack m (- n 1))))))
(display "ack ") (display (ack 2 @ACK@)) (newline)
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(display "fib ") (display (fib @FIB@)) (newline)
(define (tak x y z) (if (not (< y x)) z (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))
(display "tak ") (display (tak 12 8 2)) (newline)
(define (hanoi n from to via acc)
  (if (= n 0) acc (hanoi (- n 1) via to from (+ 1 (hanoi (- n 1) from via to acc)))))
(display "hanoi ") (display (hanoi 12 'a 'b 'c 0)) (newline)

(define (flatten t) (cond ((null? t) '()) ((pair? t) (append (flatten (car t)) (flatten (cdr t)))) (else (list t))))
(define (build-tree d n) (if (= d 0) n (list (build-tree (- d 1) (* 2 n)) n (build-tree (- d 1) (+ 1 (* 2 n))))))
(define tree (build-tree 9 1))
(display "flatten ") (display (length (flatten tree))) (display " ") (display (fold + 0 (flatten tree))) (newline)
(define vec (list->vector (iota 500)))
(let loop ((i 0))
  (if (< i 499)
      (let ((j (modulo (* i 7919) 500)))
        (let ((t (vector-ref vec i))) (vector-set! vec i (vector-ref vec j)) (vector-set! vec j t))
        (loop (+ i 1)))))
(display "vector ") (display (take (vector->list vec) 12)) (newline)
(display "exact ") (display (list (exact->inexact (/ 1 3)) (* 1.5 2.25) (sqrt 1024) (expt 2 20) (round 2.5) (truncate -3.7) (atan 1 1))) (newline)
"""

CLOSURES = r"""
(define (make-counter)
  (let ((n 0)) (lambda (d) (set! n (+ n d)) n)))
(define counters (let loop ((i 0) (acc '())) (if (= i 20) acc (loop (+ i 1) (cons (make-counter) acc)))))
(define (nth l i) (if (= i 0) (car l) (nth (cdr l) (- i 1))))
(do ((i 0 (+ i 1))) ((= i @COUNT@))
  ((nth counters (modulo i 20)) (modulo i 13)))
(display "counters ") (display (map (lambda (c) (c 0)) counters)) (newline)
(define (compose . fs) (if (null? fs) (lambda (x) x) (lambda (x) ((car fs) ((apply compose (cdr fs)) x)))))
(define inc (lambda (x) (+ x 1)))
(define dbl (lambda (x) (modulo (* x 2) 100003)))
(define f (compose inc dbl inc dbl dbl inc))
(display "compose ") (display (let loop ((i 0) (x 1)) (if (= i @COMPOSE@) x (loop (+ i 1) (f x))))) (newline)

(define (tree-insert t k v less?)
  (cond ((null? t) (list k v '() '()))
        ((less? k (car t)) (list (car t) (cadr t) (tree-insert (caddr t) k v less?) (cadddr t)))
        ((less? (car t) k) (list (car t) (cadr t) (caddr t) (tree-insert (cadddr t) k v less?)))
        (else (list k (+ v (cadr t)) (caddr t) (cadddr t)))))
(define (tree-walk t f) (if (null? t) #t (begin (tree-walk (caddr t) f) (f (car t) (cadr t)) (tree-walk (cadddr t) f))))
(define (tree-depth t) (if (null? t) 0 (+ 1 (max (tree-depth (caddr t)) (tree-depth (cadddr t))))))
(define text (string-append @TEXT@))
(define (split-words s)
  (let loop ((cs (string->list s)) (cur '()) (acc '()))
    (cond ((null? cs) (reverse (if (null? cur) acc (cons (list->string (reverse cur)) acc))))
          ((char-alphabetic? (car cs)) (loop (cdr cs) (cons (car cs) cur) acc))
          (else (loop (cdr cs) '() (if (null? cur) acc (cons (list->string (reverse cur)) acc)))))))
(define ws (split-words text))
(display "split ") (display (length ws)) (newline)
(define t (let loop ((ws ws) (t '())) (if (null? ws) t (loop (cdr ws) (tree-insert t (car ws) 1 string<?)))))
(define out '())
(tree-walk t (lambda (k v) (set! out (cons (string-append k "=" (number->string v)) out))))
(display "tree ") (display (tree-depth t)) (display " ") (display (length out)) (display " ") (display (reverse out)) (newline)

(define (string-reverse s) (list->string (reverse (string->list s))))
(define (capitalize s)
  (if (= (string-length s) 0) s
      (string-append (string (char-upcase (string-ref s 0))) (substring s 1 (string-length s)))))
(define joined (let loop ((ws ws) (i 0) (acc ""))
  (if (or (null? ws) (= i @JOIN@)) acc (loop (cdr ws) (+ i 1) (string-append acc (capitalize (string-reverse (car ws))))))))
(display "joined ") (display (string-length joined)) (display " ") (display (substring joined 0 60)) (newline)
(define (rot13 s)
  (list->string (map (lambda (c)
    (cond ((char-lower-case? c) (integer->char (+ 97 (modulo (+ (- (char->integer c) 97) 13) 26))))
          ((char-upper-case? c) (integer->char (+ 65 (modulo (+ (- (char->integer c) 65) 13) 26))))
          (else c))) (string->list s))))
(display "rot13 ") (display (substring (rot13 joined) 0 60)) (newline)
(define port (open-output-string))
(do ((i 0 (+ i 1))) ((= i @PORT@)) (write (list i (modulo (* i i) 97) "s" #\c) port) (write-char #\space port))
(define written (get-output-string port))
(display "port ") (display (string-length written)) (newline)
(define in (open-input-string written))
(define readback (let loop ((acc 0)) (let ((x (read in))) (if (eof-object? x) acc (loop (+ acc (cadr x)))))))
(display "readback ") (display readback) (newline)

(define (find-first p l) (call-with-current-continuation (lambda (k) (for-each (lambda (x) (if (p x) (k x))) l) #f)))
(display "callcc ") (display (map (lambda (n) (find-first (lambda (x) (= (modulo x n) 0)) '(@NUMS@))) '(7 11 13 17 19 23 1000))) (newline)
(define-macro (swap! a b) `(let ((tmp ,a)) (set! ,a ,b) (set! ,b tmp)))
(define-macro (while c . body) `(let lp () (when ,c ,@body (lp))))
(define x 1) (define y 2) (define steps 0)
(while (< steps @WHILE@) (swap! x y) (set! x (modulo (+ x y) 10007)) (set! steps (+ steps 1)))
(display "macros ") (display (list x y steps)) (newline)
(define syms (map (lambda (w) (string->symbol w)) ws))
(define (uniq l) (let loop ((l l) (acc '())) (if (null? l) (length acc) (loop (cdr l) (if (memq (car l) acc) acc (cons (car l) acc))))))
(display "symbols ") (display (uniq syms)) (newline)
(display "assoc ") (display (assoc "fast" (map (lambda (w) (cons w (string-length w))) ws))) (newline)
"""

INTERP = r"""
(define (lookup var env)
  (let ((b (assq var env))) (if b (cdr b) (error "unbound" var))))
(define (m-eval e env)
  (cond ((number? e) e)
        ((symbol? e) (lookup e env))
        ((eq? (car e) 'quote) (cadr e))
        ((eq? (car e) 'if) (if (m-eval (cadr e) env) (m-eval (caddr e) env) (m-eval (cadddr e) env)))
        ((eq? (car e) 'lambda) (list 'closure (cadr e) (caddr e) env))
        ((eq? (car e) 'let) (m-eval (caddr e) (append (map (lambda (b) (cons (car b) (m-eval (cadr b) env))) (cadr e)) env)))
        (else (m-apply (m-eval (car e) env) (map (lambda (a) (m-eval a env)) (cdr e))))))
(define (bind params args env) (if (null? params) env (cons (cons (car params) (car args)) (bind (cdr params) (cdr args) env))))
(define (m-apply f args)
  (if (procedure? f) (apply f args)
      (m-eval (caddr f) (bind (cadr f) args (cadddr f)))))
(define global (list (cons '+ +) (cons '- -) (cons '* *) (cons '< <) (cons '= =)
                     (cons 'mod modulo) (cons 'cons cons) (cons 'car car) (cons 'cdr cdr) (cons 'null? null?)))
(define (define-global! name e) (set! global (cons (cons name #f) global))
  (set-cdr! (assq name global) (m-eval e global)))
(define-global! 'fib '(lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))
(define-global! 'sum '(lambda (l) (if (null? l) 0 (+ (car l) (sum (cdr l))))))
(define-global! 'range '(lambda (a b) (if (= a b) '() (cons a (range (+ a 1) b)))))
(define-global! 'mapf '(lambda (f l) (if (null? l) '() (cons (f (car l)) (mapf f (cdr l))))))
(display "m-fib ") (display (m-eval '(fib @MFIB@) global)) (newline)
(display "m-sum ") (display (m-eval '(sum (mapf (lambda (x) (mod (* x x) 101)) (range 0 @MRANGE@))) global)) (newline)
(define exprs '(@EXPRS@))
(define (run-all es acc) (if (null? es) acc (run-all (cdr es) (modulo (+ (* acc 7) (m-eval (car es) global)) 1000003))))
(display "m-exprs ") (display (length exprs)) (display " ") (display (run-all exprs 0)) (newline)
(define (make-poly cs) `(lambda (x) ,(let loop ((cs cs)) (if (null? cs) 0 `(+ ,(car cs) (* x ,(loop (cdr cs))))))))
(define poly (eval (make-poly '(3 1 4 1 5 9 2 6))))
(display "poly ") (display (let loop ((i 0) (acc 0)) (if (= i @POLY@) acc (loop (+ i 1) (modulo (+ acc (poly (modulo i 17))) 1000003))))) (newline)
(define (deriv e x)
  (cond ((number? e) 0) ((symbol? e) (if (eq? e x) 1 0))
        ((eq? (car e) '+) (list '+ (deriv (cadr e) x) (deriv (caddr e) x)))
        ((eq? (car e) '*) (list '+ (list '* (cadr e) (deriv (caddr e) x)) (list '* (deriv (cadr e) x) (caddr e))))
        (else 0)))
(define (simplify e)
  (if (pair? e)
      (let ((op (car e)) (a (simplify (cadr e))) (b (simplify (caddr e))))
        (cond ((and (number? a) (number? b)) (if (eq? op '+) (+ a b) (* a b)))
              ((and (eq? op '+) (equal? a 0)) b) ((and (eq? op '+) (equal? b 0)) a)
              ((and (eq? op '*) (or (equal? a 0) (equal? b 0))) 0)
              ((and (eq? op '*) (equal? a 1)) b) ((and (eq? op '*) (equal? b 1)) a)
              (else (list op a b))))
      e))
(define big '(* (+ x 3) (* (+ (* x x) y) (+ (* 2 x) (* y (+ x 1))))))
(define d1 (simplify (deriv big 'x)))
(define d2 (simplify (deriv d1 'x)))
(display "deriv ") (write d1) (newline)
(display "deriv2 ") (write (length (flatten-count d2 '()))) (newline)
"""

# flatten-count is defined before INTERP's last line uses it.
INTERP = INTERP.replace('(define big', '''(define (flatten-count e acc)
  (if (pair? e) (append (flatten-count (car e) '()) (flatten-count (cdr e) acc)) (if (null? e) acc (cons e acc))))
(define big''')




def _expr(s, depth):
    if depth == 0 or s.below(3) == 0:
        return str(s.below(50))
    k = s.below(4)
    if k == 0:
        return f"(+ {_expr(s, depth - 1)} {_expr(s, depth - 1)})"
    if k == 1:
        return f"(mod (* {_expr(s, depth - 1)} {_expr(s, depth - 1)}) 9973)"
    if k == 2:
        return f"(if (< {_expr(s, depth - 1)} {_expr(s, depth - 1)}) {_expr(s, depth - 1)} 7)"
    return f"(let ((v {_expr(s, depth - 1)})) (+ v (fib {s.below(8)})))"


class TinyScheme(Program):
    def sources(self, b):
        flags = ["-I" + b.src, "-DUSE_DL=0", "-DUSE_MATH=1", "-DUSE_ASCII_NAMES=0",
                 "-DUSE_PLIST=1", "-DINLINE=inline", "-DCELL_SEGSIZE=25000",
                 '-DInitFile="/dev/null"']
        # string-ref, string-set!, vector-ref and vector-set! of this svn
        # snapshot reject every exact index (an inverted test): fix the four
        # tests in a copy of scheme.c (its headers still come from -I src).
        text = open(b.path("scheme.c"), encoding="utf-8").read()
        bad = re.compile(r"if \(is_integer\(x\)\) \{(\s*Error_1\(sc,\"[a-z!-]+: index must be exact:)")
        text, n = bad.subn(r"if (!is_integer(x)) {\1", text)
        if n != 4:
            raise Error(f"tinyscheme: expected 4 inverted index tests in scheme.c, found {n}")
        return [(b.write("scheme.c", text), flags)]

    def inputs(self):
        src = source_dir(os.path.join(CORPUS, "src"), self.package)
        if src is None:
            raise Error("tinyscheme: its source package (init.scm) is not fetched")
        init = open(os.path.join(src, "init.scm"), "rb").read()
        s = Stream("tinyscheme-lists")
        nums = " ".join(str(s.below(100000)) for _ in range(500))
        wl = " ".join(words("tinyscheme-words", 600).split())
        lists = fill(LISTS, {"NUMS": nums, "SIEVE": 5000, "WORDS": wl, "ACK": 7, "FIB": 17})
        s = Stream("tinyscheme-closures")
        cnums = " ".join(str(1 + s.below(5000)) for _ in range(300))
        text = words("tinyscheme-text", 600).split()
        text = "\n  ".join('"' + " ".join(text[i:i + 10]) + ' "' for i in range(0, len(text), 10))
        closures = fill(CLOSURES, {"COUNT": 2000, "COMPOSE": 1000, "TEXT": text, "JOIN": 300,
                                   "PORT": 500, "NUMS": cnums, "WHILE": 400})
        s = Stream("tinyscheme-interp")
        exprs = " ".join(_expr(s, 5) for _ in range(40))
        interp = fill(INTERP, {"MFIB": 12, "MRANGE": 100, "EXPRS": exprs, "POLY": 5000})
        return {"init.scm": init, "lists.scm": lists.encode(), "closures.scm": closures.encode(),
                "interp.scm": interp.encode()}


PROGRAM = TinyScheme(
    name="tinyscheme", package="tinyscheme", domain="interpreter", libs=["-lm"],
    runs=[Run(["{in:init.scm}", "{in:lists.scm}"], label="lists.scm"),
          Run(["{in:init.scm}", "{in:closures.scm}"], label="closures.scm"),
          Run(["{in:init.scm}", "{in:interp.scm}"], label="interp.scm")])
