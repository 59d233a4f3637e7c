; The `shifts` rule file (passes/rewrite/rules/shifts.rules): shifts by or of 0,
; strength reduction of multiplication and division by powers of two, shift
; pairs that make masks, nsw/nuw/exact round trips. Only that pass runs
; (the known bits and ranges its conditions read are analyses, always on).
; Each function's whole body is checked line by line, through its closing
; brace. (Rules with an integer literal on the left-hand side: see also
; literal-widths.ll.)
;
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=shifts -o - %s | FileCheck %s
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=shifts %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=shifts -o /dev/null --stats-json=%t.json %s && FileCheck %s --check-prefix=STATS < %t.json

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; shl-zero, lshr-zero, ashr-zero at i1
; CHECK-LABEL: define {{.*}}@shl_zero_i1(
; CHECK-NEXT:    ret i1 %x
; CHECK-NEXT: }
define i1 @shl_zero_i1(i1 %x) {
  %r = shl i1 %x, false
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@lshr_zero_i1(
; CHECK-NEXT:    ret i1 %x
; CHECK-NEXT: }
define i1 @lshr_zero_i1(i1 %x) {
  %r = lshr i1 %x, false
  ret i1 %r
}

; mul-pow2: (pow2 ?c). It fires at each width (three unions, see STATS), but
; the target's cost of a multiply by a power of two is that of the shift,
; and the extractor keeps the earlier form.
; CHECK-LABEL: define {{.*}}@mul_pow2_i32(
; CHECK-NEXT:    %r = mul i32 %x, 8
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @mul_pow2_i32(i32 %x) {
  %r = mul i32 %x, 8
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@mul_pow2_i64(
; CHECK-NEXT:    %r = mul i64 %x, 1099511627776
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @mul_pow2_i64(i64 %x) {
  %r = mul i64 %x, 1099511627776
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@mul_pow2_i8(
; CHECK-NEXT:    %r = mul nsw i8 %x, 2
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @mul_pow2_i8(i8 %x) {
  %r = mul nsw i8 %x, 2
  ret i8 %r
}

; negative: 12 is not a power of two
; CHECK-LABEL: define {{.*}}@mul_not_pow2(
; CHECK-NEXT:    %r = mul i32 %x, 12
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @mul_not_pow2(i32 %x) {
  %r = mul i32 %x, 12
  ret i32 %r
}

; (mul-shl-one: see literal-widths.ll.)

; udiv-pow2, urem-pow2: (pow2 ?c). Both fire (see STATS); as with
; mul-pow2, the costs tie and the division stays.
; CHECK-LABEL: define {{.*}}@udiv_pow2(
; CHECK-NEXT:    %r = udiv i32 %x, 16
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @udiv_pow2(i32 %x) {
  %r = udiv i32 %x, 16
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@urem_pow2(
; CHECK-NEXT:    %r = urem i16 %x, 64
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @urem_pow2(i16 %x) {
  %r = urem i16 %x, 64
  ret i16 %r
}

; negative: not a power of two
; CHECK-LABEL: define {{.*}}@udiv_not_pow2(
; CHECK-NEXT:    %r = udiv i32 %x, 10
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @udiv_not_pow2(i32 %x) {
  %r = udiv i32 %x, 10
  ret i32 %r
}

; An exact division by a power of two is not rewritten to `ashr exact`: with
; flags ignored the two differ (-1 /s 4 is 0, -1 >>s 2 is -1), so the shift
; would take facts only the division has (docs/rules.md, "Facts"). Code
; generation makes it one shift.
; CHECK-LABEL: define {{.*}}@sdiv_exact_pow2(
; CHECK-NEXT:    %r = sdiv exact i32 %x, 4
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @sdiv_exact_pow2(i32 %x) {
  %r = sdiv exact i32 %x, 4
  ret i32 %r
}

; without `exact` and with an unknown sign: no shift
; CHECK-LABEL: define {{.*}}@sdiv_pow2_not_exact(
; CHECK-NEXT:    %r = sdiv i32 %x, 4
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @sdiv_pow2_not_exact(i32 %x) {
  %r = sdiv i32 %x, 4
  ret i32 %r
}

; negative: the signed minimum is a power of two but negative
; CHECK-LABEL: define {{.*}}@sdiv_exact_smin(
; CHECK-NEXT:    %r = sdiv exact i8 %x, -128
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @sdiv_exact_smin(i8 %x) {
  %r = sdiv exact i8 %x, -128
  ret i8 %r
}

; sdiv-pow2-nonneg, srem-pow2-nonneg: (nonneg ?x) from known bits
; CHECK-LABEL: define {{.*}}@sdiv_pow2_nonneg(
; CHECK-NEXT:    %x = lshr i64 %a, 1
; CHECK-NEXT:    %r = lshr i64 %x, 3
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @sdiv_pow2_nonneg(i64 %a) {
  %x = lshr i64 %a, 1
  %r = sdiv i64 %x, 8
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@srem_pow2_nonneg(
; CHECK-NEXT:    %x = and i32 %a, 1023
; CHECK-NEXT:    %r = and i32 %x, 31
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @srem_pow2_nonneg(i32 %a) {
  %x = and i32 %a, 1023
  %r = srem i32 %x, 32
  ret i32 %r
}

; negative: the dividend's sign is unknown
; CHECK-LABEL: define {{.*}}@srem_pow2_unknown_sign(
; CHECK-NEXT:    %r = srem i32 %x, 32
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @srem_pow2_unknown_sign(i32 %x) {
  %r = srem i32 %x, 32
  ret i32 %r
}

; shl-lshr-mask, lshr-shl-mask: (const ?c) (ult-bits ?c)
; CHECK-LABEL: define {{.*}}@shl_lshr_mask(
; CHECK-NEXT:    %r = and i32 %x, -16
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @shl_lshr_mask(i32 %x) {
  %a = lshr i32 %x, 4
  %r = shl i32 %a, 4
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@lshr_shl_mask(
; CHECK-NEXT:    %r = and i8 %x, 31
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @lshr_shl_mask(i8 %x) {
  %a = shl i8 %x, 3
  %r = lshr i8 %a, 3
  ret i8 %r
}

; negative: two different shift amounts
; CHECK-LABEL: define {{.*}}@shl_lshr_other(
; CHECK-NEXT:    %a = lshr i32 %x, 4
; CHECK-NEXT:    %r = shl i32 %a, 3
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @shl_lshr_other(i32 %x) {
  %a = lshr i32 %x, 4
  %r = shl i32 %a, 3
  ret i32 %r
}

; A shift pair that cancels only because of a flag (shl nsw, shl nuw, lshr
; exact, ashr exact) is kept: the cancellation is a refinement only, and the
; value it would name (%x) may have other users that must not take the
; pair's facts (docs/rules.md, "Facts").
; CHECK-LABEL: define {{.*}}@ashr_shl_nsw(
; CHECK-NEXT:    %a = shl nsw i32 %x, 5
; CHECK-NEXT:    %r = ashr i32 %a, 5
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @ashr_shl_nsw(i32 %x) {
  %a = shl nsw i32 %x, 5
  %r = ashr i32 %a, 5
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@ashr_shl_no_nsw(
; CHECK-NEXT:    %a = shl i32 %x, 5
; CHECK-NEXT:    %r = ashr i32 %a, 5
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @ashr_shl_no_nsw(i32 %x) {
  %a = shl i32 %x, 5
  %r = ashr i32 %a, 5
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@lshr_shl_nuw(
; CHECK-NEXT:    %a = shl nuw i16 %x, %c
; CHECK-NEXT:    %r = lshr i16 %a, %c
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @lshr_shl_nuw(i16 %x, i16 %c) {
  %a = shl nuw i16 %x, %c
  %r = lshr i16 %a, %c
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@lshr_shl_nsw_only(
; CHECK-NEXT:    %a = shl nsw i16 %x, %c
; CHECK-NEXT:    %r = lshr i16 %a, %c
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @lshr_shl_nsw_only(i16 %x, i16 %c) {
  %a = shl nsw i16 %x, %c
  %r = lshr i16 %a, %c
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@shl_lshr_exact(
; CHECK-NEXT:    %a = lshr exact i64 %x, %c
; CHECK-NEXT:    %r = shl i64 %a, %c
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @shl_lshr_exact(i64 %x, i64 %c) {
  %a = lshr exact i64 %x, %c
  %r = shl i64 %a, %c
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@shl_lshr_not_exact(
; CHECK-NEXT:    %a = lshr i64 %x, %c
; CHECK-NEXT:    %r = shl i64 %a, %c
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @shl_lshr_not_exact(i64 %x, i64 %c) {
  %a = lshr i64 %x, %c
  %r = shl i64 %a, %c
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@shl_ashr_exact(
; CHECK-NEXT:    %a = ashr exact i8 %x, %c
; CHECK-NEXT:    %r = shl i8 %a, %c
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @shl_ashr_exact(i8 %x, i8 %c) {
  %a = ashr exact i8 %x, %c
  %r = shl i8 %a, %c
  ret i8 %r
}

; CHECK-LABEL: define {{.*}}@shl_ashr_not_exact(
; CHECK-NEXT:    %a = ashr i8 %x, %c
; CHECK-NEXT:    %r = shl i8 %a, %c
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @shl_ashr_not_exact(i8 %x, i8 %c) {
  %a = ashr i8 %x, %c
  %r = shl i8 %a, %c
  ret i8 %r
}

; ashr-nonneg: (nonneg ?x)
; CHECK-LABEL: define {{.*}}@ashr_nonneg(
; CHECK-NEXT:    %x = and i32 %a, 2147483647
; CHECK-NEXT:    %r = lshr i32 %x, %y
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @ashr_nonneg(i32 %a, i32 %y) {
  %x = and i32 %a, 2147483647
  %r = ashr i32 %x, %y
  ret i32 %r
}

; negative: the sign is unknown
; CHECK-LABEL: define {{.*}}@ashr_unknown_sign(
; CHECK-NEXT:    %r = ashr i32 %x, %y
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @ashr_unknown_sign(i32 %x, i32 %y) {
  %r = ashr i32 %x, %y
  ret i32 %r
}

; shl-and-const, lshr-and-const: (const ?m) (const ?c) (ult-bits ?c). Both
; fire (see STATS); the costs tie and the earlier form stays.
; CHECK-LABEL: define {{.*}}@shl_and_const(
; CHECK-NEXT:    %a = and i32 %x, 255
; CHECK-NEXT:    %r = shl i32 %a, 8
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @shl_and_const(i32 %x) {
  %a = and i32 %x, 255
  %r = shl i32 %a, 8
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@lshr_and_const(
; CHECK-NEXT:    %a = and i64 %x, 65280
; CHECK-NEXT:    %r = lshr i64 %a, 8
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @lshr_and_const(i64 %x) {
  %a = and i64 %x, 65280
  %r = lshr i64 %a, 8
  ret i64 %r
}

; negative: the shift amount is not a constant
; CHECK-LABEL: define {{.*}}@shl_and_var(
; CHECK-NEXT:    %a = and i32 %x, 255
; CHECK-NEXT:    %r = shl i32 %a, %c
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @shl_and_var(i32 %x, i32 %c) {
  %a = and i32 %x, 255
  %r = shl i32 %a, %c
  ret i32 %r
}

; STATS: "rule_unions": {
; STATS-DAG: "mul-pow2": 3
; STATS-DAG: "udiv-pow2": 1
; STATS-DAG: "urem-pow2": 1
; STATS-DAG: "shl-and-const": 1
; STATS-DAG: "lshr-and-const": 1
; STATS-DAG: "sdiv-pow2-nonneg": 1
; STATS-DAG: "srem-pow2-nonneg": 1
; STATS: "materialized"
