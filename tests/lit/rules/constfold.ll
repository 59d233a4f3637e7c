; The `constfold` rule file (passes/rewrite/rules/constfold.rules): constants moved
; to the right of commutative operators and compares, chains of constants
; combined, compares of x+a / x^a against a constant, selects on a constant.
; Only that pass runs. Each function's whole body is checked line by line,
; through its closing brace.
;
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=constfold -o - %s | FileCheck %s
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=constfold %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=constfold -o /dev/null --stats-json=%t.json %s && FileCheck %s --check-prefix=STATS < %t.json

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; add-const-right, mul-const-right, and-const-right, or-const-right,
; xor-const-right. On their own they fire (see STATS) but change no cost,
; and the extractor keeps the earlier form; with a second constant, the
; moved one is combined (the *_chain functions).
; CHECK-LABEL: define {{.*}}@add_const_right(
; CHECK-NEXT:    %r = add i32 7, %x
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @add_const_right(i32 %x) {
  %r = add i32 7, %x
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@mul_const_right(
; CHECK-NEXT:    %r = mul i8 3, %x
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @mul_const_right(i8 %x) {
  %r = mul i8 3, %x
  ret i8 %r
}

; CHECK-LABEL: define {{.*}}@and_const_right(
; CHECK-NEXT:    %r = and i16 255, %x
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @and_const_right(i16 %x) {
  %r = and i16 255, %x
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@or_const_right(
; CHECK-NEXT:    %r = or i64 4096, %x
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @or_const_right(i64 %x) {
  %r = or i64 4096, %x
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@xor_const_right(
; CHECK-NEXT:    %r = xor i32 -1, %x
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @xor_const_right(i32 %x) {
  %r = xor i32 -1, %x
  ret i32 %r
}

; icmp-*-const-right: the predicate is swapped (sge and eq: a union, see
; STATS, at the same cost; the earlier form stays)
; CHECK-LABEL: define {{.*}}@icmp_ult_const_right(
; CHECK-NEXT:    %r = icmp ugt i32 %x, 10
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_ult_const_right(i32 %x) {
  %r = icmp ult i32 10, %x
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_sge_const_right(
; CHECK-NEXT:    %r = icmp sge i8 -5, %x
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_sge_const_right(i8 %x) {
  %r = icmp sge i8 -5, %x
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_eq_const_right(
; CHECK-NEXT:    %r = icmp eq i64 100, %x
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_eq_const_right(i64 %x) {
  %r = icmp eq i64 100, %x
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@add_const_right_chain(
; CHECK-NEXT:    %r = add i32 %x, 12
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @add_const_right_chain(i32 %x) {
  %a = add i32 5, %x
  %r = add i32 7, %a
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@mul_const_right_chain(
; CHECK-NEXT:    %r = mul i16 %x, 21
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @mul_const_right_chain(i16 %x) {
  %a = mul i16 3, %x
  %r = mul i16 %a, 7
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@and_const_right_chain(
; CHECK-NEXT:    %r = and i8 %x, 48
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @and_const_right_chain(i8 %x) {
  %a = and i8 -16, %x
  %r = and i8 60, %a
  ret i8 %r
}

; CHECK-LABEL: define {{.*}}@xor_const_right_chain(
; CHECK-NEXT:    %r = xor i64 %x, 6
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @xor_const_right_chain(i64 %x) {
  %a = xor i64 3, %x
  %r = xor i64 %a, 5
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@icmp_eq_const_right_chain(
; CHECK-NEXT:    %r = icmp eq i32 %x, 7
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_eq_const_right_chain(i32 %x) {
  %a = add i32 5, %x
  %r = icmp eq i32 12, %a
  ret i1 %r
}

; negative: no constant operand, nothing moves
; CHECK-LABEL: define {{.*}}@add_no_const(
; CHECK-NEXT:    %r = add i32 %y, %x
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @add_no_const(i32 %x, i32 %y) {
  %r = add i32 %y, %x
  ret i32 %r
}

; sub-const-to-add (a union, see STATS; `add x, -3` costs the same, the
; earlier form stays; sub_const_chain shows it combined)
; CHECK-LABEL: define {{.*}}@sub_const_to_add(
; CHECK-NEXT:    %r = sub i16 %x, 3
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @sub_const_to_add(i16 %x) {
  %r = sub i16 %x, 3
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@sub_const_chain(
; CHECK-NEXT:    %r = add i16 %x, 7
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @sub_const_chain(i16 %x) {
  %a = sub i16 %x, 3
  %r = add i16 %a, 10
  ret i16 %r
}

; add-add-const, mul-mul-const, and-and-const, or-or-const, xor-xor-const
; CHECK-LABEL: define {{.*}}@add_add_const(
; CHECK-NEXT:    %r = add i32 %x, 11
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @add_add_const(i32 %x) {
  %a = add i32 %x, 5
  %r = add i32 %a, 6
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@mul_mul_const(
; CHECK-NEXT:    %r = mul i64 %x, 15
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @mul_mul_const(i64 %x) {
  %a = mul i64 %x, 3
  %r = mul i64 %a, 5
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@and_and_const(
; CHECK-NEXT:    %r = and i8 %x, 12
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @and_and_const(i8 %x) {
  %a = and i8 %x, 60
  %r = and i8 %a, 15
  ret i8 %r
}

; CHECK-LABEL: define {{.*}}@or_or_const(
; CHECK-NEXT:    %r = or i16 %x, 257
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @or_or_const(i16 %x) {
  %a = or i16 %x, 256
  %r = or i16 %a, 1
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@xor_xor_const(
; CHECK-NEXT:    %r = xor i32 %x, 6
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @xor_xor_const(i32 %x) {
  %a = xor i32 %x, 12
  %r = xor i32 %a, 10
  ret i32 %r
}

; negative: the inner operand is not a constant
; CHECK-LABEL: define {{.*}}@add_add_var(
; CHECK-NEXT:    %a = add i32 %x, %y
; CHECK-NEXT:    %r = add i32 %a, 6
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @add_add_var(i32 %x, i32 %y) {
  %a = add i32 %x, %y
  %r = add i32 %a, 6
  ret i32 %r
}

; const-sub-add: 10 - (x + 3) == 7 - x
; CHECK-LABEL: define {{.*}}@const_sub_add(
; CHECK-NEXT:    %r = sub i32 7, %x
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @const_sub_add(i32 %x) {
  %a = add i32 %x, 3
  %r = sub i32 10, %a
  ret i32 %r
}

; const-sub-sub: (64 - x) - y == 64 - (x + y), nsw dropped. It wins when
; x + y is computed anyway (one subtract instead of two).
; CHECK-LABEL: define {{.*}}@const_sub_sub(
; CHECK-NEXT:    %s = add i64 %x, %y
; CHECK-NEXT:    %[[R:[^ ]+]] = sub i64 64, %s
; CHECK-NEXT:    %o = xor i64 %[[R]], %s
; CHECK-NEXT:    ret i64 %o
; CHECK-NEXT: }
define i64 @const_sub_sub(i64 %x, i64 %y) {
  %s = add i64 %x, %y
  %a = sub nsw i64 64, %x
  %r = sub nsw i64 %a, %y
  %o = xor i64 %r, %s
  ret i64 %o
}

; negative: the first operand is not a constant
; CHECK-LABEL: define {{.*}}@var_sub_sub(
; CHECK-NEXT:    %a = sub i64 %w, %x
; CHECK-NEXT:    %r = sub i64 %a, %y
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @var_sub_sub(i64 %w, i64 %x, i64 %y) {
  %a = sub i64 %w, %x
  %r = sub i64 %a, %y
  ret i64 %r
}

; add-const-sub: (10 - x) + 5 == 15 - x
; CHECK-LABEL: define {{.*}}@add_const_sub(
; CHECK-NEXT:    %r = sub i8 15, %x
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @add_const_sub(i8 %x) {
  %a = sub i8 10, %x
  %r = add i8 %a, 5
  ret i8 %r
}

; mul-add-const: (x + 2) * 3 == x * 3 + 6 (a union, see STATS; the same
; cost, the earlier form stays)
; CHECK-LABEL: define {{.*}}@mul_add_const(
; CHECK-NEXT:    %a = add i64 %x, 2
; CHECK-NEXT:    %r = mul i64 %a, 3
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @mul_add_const(i64 %x) {
  %a = add i64 %x, 2
  %r = mul i64 %a, 3
  ret i64 %r
}

; icmp-eq-add-const, icmp-ne-add-const, icmp-eq-xor-const, icmp-ne-xor-const
; CHECK-LABEL: define {{.*}}@icmp_eq_add_const(
; CHECK-NEXT:    %r = icmp eq i32 %x, 7
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_eq_add_const(i32 %x) {
  %a = add i32 %x, 5
  %r = icmp eq i32 %a, 12
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_ne_add_const(
; CHECK-NEXT:    %r = icmp ne i8 %x, 56
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_ne_add_const(i8 %x) {
  %a = add i8 %x, 100
  %r = icmp ne i8 %a, -100
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_eq_xor_const(
; CHECK-NEXT:    %r = icmp eq i16 %x, 6
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_eq_xor_const(i16 %x) {
  %a = xor i16 %x, 5
  %r = icmp eq i16 %a, 3
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_ne_xor_const(
; CHECK-NEXT:    %r = icmp ne i64 %x, 240
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_ne_xor_const(i64 %x) {
  %a = xor i64 %x, 255
  %r = icmp ne i64 %a, 15
  ret i1 %r
}

; negative: an unsigned compare of x+a is not rewritten (it would be wrong
; across the wrap)
; CHECK-LABEL: define {{.*}}@icmp_ult_add_const(
; CHECK-NEXT:    %a = add i32 %x, 5
; CHECK-NEXT:    %r = icmp ult i32 %a, 12
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_ult_add_const(i32 %x) {
  %a = add i32 %x, 5
  %r = icmp ult i32 %a, 12
  ret i1 %r
}

; select-true, select-false
; CHECK-LABEL: define {{.*}}@select_true(
; CHECK-NEXT:    ret i32 %x
; CHECK-NEXT: }
define i32 @select_true(i32 %x, i32 %y) {
  %r = select i1 true, i32 %x, i32 %y
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@select_false(
; CHECK-NEXT:    ret i8 %y
; CHECK-NEXT: }
define i8 @select_false(i8 %x, i8 %y) {
  %r = select i1 false, i8 %x, i8 %y
  ret i8 %r
}

; STATS: "rule_unions": {
; STATS-DAG: "add-const-right": {{[1-9]}}
; STATS-DAG: "mul-const-right": {{[1-9]}}
; STATS-DAG: "and-const-right": {{[1-9]}}
; STATS-DAG: "or-const-right": 1
; STATS-DAG: "xor-const-right": {{[1-9]}}
; STATS-DAG: "icmp-sge-const-right": 1
; STATS-DAG: "icmp-eq-const-right": {{[1-9]}}
; STATS-DAG: "sub-const-to-add": {{[1-9]}}
; STATS-DAG: "mul-add-const": 1
; STATS-DAG: "const-sub-sub": 1
; STATS: "materialized"
