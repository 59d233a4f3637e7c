; The `compare` rule file (passes/rewrite/rules/compare.rules): reflexive compares,
; compares of a sum or a mask, i1 compares, select identities, and the one
; canonical form of each min/max shape. Only that pass runs. Each function's
; whole body is checked line by line, through its closing brace.
; (Wider cases of rules with an integer literal on the left-hand side are
; also in literal-widths.ll.)
;
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=compare -o - %s | FileCheck %s
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=compare %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=compare -o /dev/null --stats-json=%t.json %s && FileCheck %s --check-prefix=STATS < %t.json

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use1(i1)

; icmp-*-self
; CHECK-LABEL: define {{.*}}@icmp_self_i32(
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    ret void
; CHECK-NEXT: }
define void @icmp_self_i32(i32 %x) {
  %eq = icmp eq i32 %x, %x
  call void @use1(i1 %eq)
  %ne = icmp ne i32 %x, %x
  call void @use1(i1 %ne)
  %ule = icmp ule i32 %x, %x
  call void @use1(i1 %ule)
  %uge = icmp uge i32 %x, %x
  call void @use1(i1 %uge)
  %sle = icmp sle i32 %x, %x
  call void @use1(i1 %sle)
  ret void
}

; CHECK-LABEL: define {{.*}}@icmp_self_i8(
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    ret void
; CHECK-NEXT: }
define void @icmp_self_i8(i8 %x) {
  %sge = icmp sge i8 %x, %x
  call void @use1(i1 %sge)
  %ult = icmp ult i8 %x, %x
  call void @use1(i1 %ult)
  %ugt = icmp ugt i8 %x, %x
  call void @use1(i1 %ugt)
  %slt = icmp slt i8 %x, %x
  call void @use1(i1 %slt)
  %sgt = icmp sgt i8 %x, %x
  call void @use1(i1 %sgt)
  ret void
}

; negative: two different values
; CHECK-LABEL: define {{.*}}@icmp_ult_two_values(
; CHECK-NEXT:    %r = icmp ult i64 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_ult_two_values(i64 %x, i64 %y) {
  %r = icmp ult i64 %x, %y
  ret i1 %r
}

; icmp-ult-zero, icmp-uge-zero, icmp-ugt-ones, icmp-ule-ones,
; icmp-ugt-zero, icmp-ule-zero at i1
; CHECK-LABEL: define {{.*}}@icmp_bounds_i1(
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    ret void
; CHECK-NEXT: }
define void @icmp_bounds_i1(i1 %x) {
  %a = icmp ult i1 %x, false
  call void @use1(i1 %a)
  %b = icmp uge i1 %x, false
  call void @use1(i1 %b)
  %c = icmp ugt i1 %x, true
  call void @use1(i1 %c)
  %d = icmp ule i1 %x, true
  call void @use1(i1 %d)
  ret void
}

; icmp-eq-add-same, icmp-ne-add-same: (x + y == x) is (y == 0)
; CHECK-LABEL: define {{.*}}@icmp_eq_add_same(
; CHECK-NEXT:    %r = icmp eq i32 %y, 0
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_eq_add_same(i32 %x, i32 %y) {
  %a = add i32 %x, %y
  %r = icmp eq i32 %a, %x
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_ne_add_same(
; CHECK-NEXT:    %r = icmp ne i16 %y, 0
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_ne_add_same(i16 %x, i16 %y) {
  %a = add i16 %x, %y
  %r = icmp ne i16 %a, %x
  ret i1 %r
}

; icmp-eq-and-pow2, icmp-ne-and-pow2: (pow2 ?c). Both fire (see STATS); the
; compare against 0 is chosen: TTI prices both compares alike, and the
; extractor breaks the tie for a test the target reads from flags
; (docs/extraction.md).
; CHECK-LABEL: define {{.*}}@icmp_eq_and_pow2(
; CHECK-NEXT:    %a = and i32 %x, 8
; CHECK-NEXT:    %r = icmp eq i32 %a, 0
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_eq_and_pow2(i32 %x) {
  %a = and i32 %x, 8
  %r = icmp ne i32 %a, 8
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_ne_and_pow2(
; CHECK-NEXT:    %a = and i64 %x, 4294967296
; CHECK-NEXT:    %r = icmp ne i64 %a, 0
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_ne_and_pow2(i64 %x) {
  %a = and i64 %x, 4294967296
  %r = icmp eq i64 %a, 4294967296
  ret i1 %r
}

; negative: 12 is not a power of two
; CHECK-LABEL: define {{.*}}@icmp_eq_and_not_pow2(
; CHECK-NEXT:    %a = and i32 %x, 12
; CHECK-NEXT:    %r = icmp eq i32 %a, 12
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_eq_and_not_pow2(i32 %x) {
  %a = and i32 %x, 12
  %r = icmp eq i32 %a, 12
  ret i1 %r
}

; icmp-i1-eq-true, icmp-i1-ne-false, icmp-i1-eq-false, icmp-i1-ne-true:
; (is-i1 ?x). icmp-i1-eq-false fires (see STATS), but its `xor` costs what
; the compare does and the compare stays.
; CHECK-LABEL: define {{.*}}@icmp_i1_eq_true(
; CHECK-NEXT:    ret i1 %x
; CHECK-NEXT: }
define i1 @icmp_i1_eq_true(i1 %x) {
  %r = icmp eq i1 %x, true
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_i1_ne_false(
; CHECK-NEXT:    ret i1 %x
; CHECK-NEXT: }
define i1 @icmp_i1_ne_false(i1 %x) {
  %r = icmp ne i1 %x, false
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_i1_eq_false(
; CHECK-NEXT:    %r = icmp eq i1 %x, false
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_i1_eq_false(i1 %x) {
  %r = icmp eq i1 %x, false
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_i1_ne_true(
; CHECK-NEXT:    %r = xor i1 %x, true
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_i1_ne_true(i1 %x) {
  %r = icmp ne i1 %x, true
  ret i1 %r
}

; select-same, select-not-cond, select-bool-id, select-bool-not
; CHECK-LABEL: define {{.*}}@select_same(
; CHECK-NEXT:    ret i32 %x
; CHECK-NEXT: }
define i32 @select_same(i1 %c, i32 %x) {
  %r = select i1 %c, i32 %x, i32 %x
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@select_not_cond(
; CHECK-NEXT:    %r = select i1 %c, i8 %y, i8 %x
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @select_not_cond(i1 %c, i8 %x, i8 %y) {
  %n = xor i1 %c, true
  %r = select i1 %n, i8 %x, i8 %y
  ret i8 %r
}

; CHECK-LABEL: define {{.*}}@select_bool_id(
; CHECK-NEXT:    ret i1 %c
; CHECK-NEXT: }
define i1 @select_bool_id(i1 %c) {
  %r = select i1 %c, i1 true, i1 false
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@select_bool_not(
; CHECK-NEXT:    %r = xor i1 %c, true
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @select_bool_not(i1 %c) {
  %r = select i1 %c, i1 false, i1 true
  ret i1 %r
}

; select-eq-same, select-ne-same
; CHECK-LABEL: define {{.*}}@select_eq_same(
; CHECK-NEXT:    ret i16 %y
; CHECK-NEXT: }
define i16 @select_eq_same(i16 %x, i16 %y) {
  %c = icmp eq i16 %x, %y
  %r = select i1 %c, i16 %x, i16 %y
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@select_ne_same(
; CHECK-NEXT:    ret i64 %x
; CHECK-NEXT: }
define i64 @select_ne_same(i64 %x, i64 %y) {
  %c = icmp ne i64 %x, %y
  %r = select i1 %c, i64 %x, i64 %y
  ret i64 %r
}

; negative: the arms are not the compared values
; CHECK-LABEL: define {{.*}}@select_eq_other(
; CHECK-NEXT:    %c = icmp eq i32 %x, %y
; CHECK-NEXT:    %r = select i1 %c, i32 %x, i32 %z
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @select_eq_other(i32 %x, i32 %y, i32 %z) {
  %c = icmp eq i32 %x, %y
  %r = select i1 %c, i32 %x, i32 %z
  ret i32 %r
}

; select-same-cond-t, select-same-cond-f
; CHECK-LABEL: define {{.*}}@select_same_cond_t(
; CHECK-NEXT:    %r = select i1 %c, i32 %x, i32 %z
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @select_same_cond_t(i1 %c, i32 %x, i32 %y, i32 %z) {
  %i = select i1 %c, i32 %x, i32 %y
  %r = select i1 %c, i32 %i, i32 %z
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@select_same_cond_f(
; CHECK-NEXT:    %r = select i1 %c, i8 %x, i8 %z
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @select_same_cond_f(i1 %c, i8 %x, i8 %y, i8 %z) {
  %i = select i1 %c, i8 %y, i8 %z
  %r = select i1 %c, i8 %x, i8 %i
  ret i8 %r
}

; negative: two different conditions
; CHECK-LABEL: define {{.*}}@select_two_conds(
; CHECK-NEXT:    %i = select i1 %d, i8 %y, i8 %z
; CHECK-NEXT:    %r = select i1 %c, i8 %x, i8 %i
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @select_two_conds(i1 %c, i1 %d, i8 %x, i8 %y, i8 %z) {
  %i = select i1 %d, i8 %y, i8 %z
  %r = select i1 %c, i8 %x, i8 %i
  ret i8 %r
}

; min/max forms: two spellings of one min or max become one e-class, so
; both compute the same value and one of them is left
; CHECK-LABEL: define {{.*}}@smin_two_forms(
; CHECK-NEXT:    %c1 = icmp sgt i32 %a, %b
; CHECK-NEXT:    %m1 = select i1 %c1, i32 %b, i32 %a
; CHECK-NEXT:    %r = xor i32 %m1, %m1
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @smin_two_forms(i32 %a, i32 %b) {
  %c1 = icmp sgt i32 %a, %b
  %m1 = select i1 %c1, i32 %b, i32 %a
  %c2 = icmp slt i32 %a, %b
  %m2 = select i1 %c2, i32 %a, i32 %b
  %r = xor i32 %m1, %m2
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@smax_two_forms(
; CHECK-NEXT:    %c1 = icmp sge i16 %a, %b
; CHECK-NEXT:    %m1 = select i1 %c1, i16 %a, i16 %b
; CHECK-NEXT:    %r = sub i16 %m1, %m1
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @smax_two_forms(i16 %a, i16 %b) {
  %c1 = icmp sge i16 %a, %b
  %m1 = select i1 %c1, i16 %a, i16 %b
  %c2 = icmp slt i16 %a, %b
  %m2 = select i1 %c2, i16 %b, i16 %a
  %r = sub i16 %m1, %m2
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@umin_two_forms(
; CHECK-NEXT:    %c1 = icmp ule i64 %a, %b
; CHECK-NEXT:    %m1 = select i1 %c1, i64 %a, i64 %b
; CHECK-NEXT:    %r = sub i64 %m1, %m1
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @umin_two_forms(i64 %a, i64 %b) {
  %c1 = icmp ule i64 %a, %b
  %m1 = select i1 %c1, i64 %a, i64 %b
  %c2 = icmp ugt i64 %a, %b
  %m2 = select i1 %c2, i64 %b, i64 %a
  %r = sub i64 %m1, %m2
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@umax_two_forms(
; CHECK-NEXT:    %c1 = icmp uge i8 %a, %b
; CHECK-NEXT:    %m1 = select i1 %c1, i8 %a, i8 %b
; CHECK-NEXT:    %r = xor i8 %m1, %m1
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @umax_two_forms(i8 %a, i8 %b) {
  %c1 = icmp uge i8 %a, %b
  %m1 = select i1 %c1, i8 %a, i8 %b
  %c2 = icmp ult i8 %a, %b
  %m2 = select i1 %c2, i8 %b, i8 %a
  %r = xor i8 %m1, %m2
  ret i8 %r
}

; negative: a signed min and an unsigned min stay two values
; CHECK-LABEL: define {{.*}}@smin_umin(
; CHECK-NEXT:    %c1 = icmp slt i32 %a, %b
; CHECK-NEXT:    %m1 = select i1 %c1, i32 %a, i32 %b
; CHECK-NEXT:    %c2 = icmp ult i32 %a, %b
; CHECK-NEXT:    %m2 = select i1 %c2, i32 %a, i32 %b
; CHECK-NEXT:    %r = xor i32 %m1, %m2
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @smin_umin(i32 %a, i32 %b) {
  %c1 = icmp slt i32 %a, %b
  %m1 = select i1 %c1, i32 %a, i32 %b
  %c2 = icmp ult i32 %a, %b
  %m2 = select i1 %c2, i32 %a, i32 %b
  %r = xor i32 %m1, %m2
  ret i32 %r
}

; select-to-zext-not: `select c, 0, 1` is also `zext (not c)`; alone the
; select costs less and stays (it fires in @tag_check's chain as well)
; CHECK-LABEL: define {{.*}}@select_zext_not(
; CHECK-NEXT:    %r = select i1 %c, i32 0, i32 1
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @select_zext_not(i1 %c) {
  %r = select i1 %c, i32 0, i32 1
  ret i32 %r
}

; eq-select-const-t, then select-bool-not: Rust's `Option` tag check
; CHECK-LABEL: define {{.*}}@tag_check(
; CHECK-NEXT:    %r = xor i1 %c, true
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @tag_check(i1 %c) {
  %tag = select i1 %c, i64 0, i64 1
  %r = icmp eq i64 %tag, 1
  ret i1 %r
}

; eq-select-const-t with one constant arm: `select c, false, x == 3` is no
; cheaper, and the compare stays
; CHECK-LABEL: define {{.*}}@eq_select_one_const(
; CHECK-NEXT:    %s = select i1 %c, i32 7, i32 %x
; CHECK-NEXT:    %r = icmp eq i32 %s, 3
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @eq_select_one_const(i1 %c, i32 %x) {
  %s = select i1 %c, i32 7, i32 %x
  %r = icmp eq i32 %s, 3
  ret i1 %r
}

; ne-select-const-f (the constant in the false arm)
; CHECK-LABEL: define {{.*}}@ne_select_const_f(
; CHECK-NEXT:    %s = select i1 %c, i32 %x, i32 5
; CHECK-NEXT:    %r = icmp ne i32 %s, 5
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @ne_select_const_f(i1 %c, i32 %x) {
  %s = select i1 %c, i32 %x, i32 5
  %r = icmp ne i32 %s, 5
  ret i1 %r
}

; negative: no constant arm, no rule
; CHECK-LABEL: define {{.*}}@eq_select_no_const(
; CHECK-NEXT:    %s = select i1 %c, i32 %x, i32 %y
; CHECK-NEXT:    %r = icmp eq i32 %s, 0
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @eq_select_no_const(i1 %c, i32 %x, i32 %y) {
  %s = select i1 %c, i32 %x, i32 %y
  %r = icmp eq i32 %s, 0
  ret i1 %r
}

; range-*, outside-*: a value between two constants tested with one compare.
; The bound order and signedness vary; the result is x - a against the width.
; CHECK-LABEL: define {{.*}}@range_uge_ule(
; CHECK-NEXT:    [[D:%.*]] = add i32 %x, -32
; CHECK-NEXT:    %r = icmp ule i32 [[D]], 94
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @range_uge_ule(i32 %x) {
  %lo = icmp uge i32 %x, 32
  %hi = icmp ule i32 %x, 126
  %r = and i1 %lo, %hi
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@range_ult_uge(
; CHECK-NEXT:    [[D:%.*]] = add i32 %x, -32
; CHECK-NEXT:    %r = icmp ult i32 [[D]], 95
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @range_ult_uge(i32 %x) {
  %hi = icmp ult i32 %x, 127
  %lo = icmp uge i32 %x, 32
  %r = and i1 %hi, %lo
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@range_ugt_ult_i8(
; CHECK-NEXT:    [[D:%.*]] = add i8 %x, 55
; CHECK-NEXT:    %r = icmp ult i8 [[D]], 49
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @range_ugt_ult_i8(i8 %x) {
  %lo = icmp ugt i8 %x, 200
  %hi = icmp ult i8 %x, 250
  %r = and i1 %lo, %hi
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@range_sge_sle(
; CHECK-NEXT:    [[D:%.*]] = add i32 %x, 5
; CHECK-NEXT:    %r = icmp ule i32 [[D]], 15
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @range_sge_sle(i32 %x) {
  %lo = icmp sge i32 %x, -5
  %hi = icmp sle i32 %x, 10
  %r = and i1 %lo, %hi
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@range_sle_sgt(
; CHECK-NEXT:    [[D:%.*]] = add i64 %x, -48
; CHECK-NEXT:    %r = icmp ult i64 [[D]], 10
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @range_sle_sgt(i64 %x) {
  %hi = icmp sle i64 %x, 57
  %lo = icmp sgt i64 %x, 47
  %r = and i1 %hi, %lo
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@outside_ult_ugt(
; CHECK-NEXT:    [[D:%.*]] = add i32 %x, -32
; CHECK-NEXT:    %r = icmp ugt i32 [[D]], 94
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @outside_ult_ugt(i32 %x) {
  %lo = icmp ult i32 %x, 32
  %hi = icmp ugt i32 %x, 126
  %r = or i1 %lo, %hi
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@outside_sgt_slt(
; CHECK-NEXT:    [[D:%.*]] = add i16 %x, -65
; CHECK-NEXT:    %r = icmp ugt i16 [[D]], 25
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @outside_sgt_slt(i16 %x) {
  %hi = icmp sgt i16 %x, 90
  %lo = icmp slt i16 %x, 65
  %r = or i1 %hi, %lo
  ret i1 %r
}

; negative: the bounds are the wrong way round (an empty range), no rule
; CHECK-LABEL: define {{.*}}@range_empty(
; CHECK-NEXT:    %lo = icmp uge i32 %x, 100
; CHECK-NEXT:    %hi = icmp ule i32 %x, 50
; CHECK-NEXT:    %r = and i1 %lo, %hi
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @range_empty(i32 %x) {
  %lo = icmp uge i32 %x, 100
  %hi = icmp ule i32 %x, 50
  %r = and i1 %lo, %hi
  ret i1 %r
}

; negative: a bound that is not a constant, no rule
; CHECK-LABEL: define {{.*}}@range_variable(
; CHECK-NEXT:    %lo = icmp uge i32 %x, 32
; CHECK-NEXT:    %hi = icmp ule i32 %x, %b
; CHECK-NEXT:    %r = and i1 %lo, %hi
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @range_variable(i32 %x, i32 %b) {
  %lo = icmp uge i32 %x, 32
  %hi = icmp ule i32 %x, %b
  %r = and i1 %lo, %hi
  ret i1 %r
}

; negative: two values, no rule
; CHECK-LABEL: define {{.*}}@range_two_values(
; CHECK-NEXT:    %lo = icmp uge i32 %x, 32
; CHECK-NEXT:    %hi = icmp ule i32 %y, 126
; CHECK-NEXT:    %r = and i1 %lo, %hi
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @range_two_values(i32 %x, i32 %y) {
  %lo = icmp uge i32 %x, 32
  %hi = icmp ule i32 %y, 126
  %r = and i1 %lo, %hi
  ret i1 %r
}

; STATS: "rule_unions": {
; STATS-DAG: "icmp-eq-and-pow2": 1
; STATS-DAG: "icmp-ne-and-pow2": 1
; STATS-DAG: "icmp-i1-eq-false": 1
; STATS-DAG: "eq-select-const-t": 2
; STATS-DAG: "ne-select-const-f": 1
; STATS-DAG: "select-to-zext-not": 2
; STATS-DAG: "range-uge-ule": 1
; STATS-DAG: "range-ult-uge": 1
; STATS-DAG: "range-ugt-ult": 1
; STATS-DAG: "range-sge-sle": 1
; STATS-DAG: "range-sle-sgt": 1
; STATS-DAG: "outside-ult-ugt": 1
; STATS-DAG: "outside-sgt-slt": 1
; STATS: "materialized"
