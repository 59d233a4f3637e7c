; Literals on a rule's left-hand side (`0`, `1`, `-1`) match at every width
; where they fit as a signed value (docs/rules.md), not only at i1: a
; regression test of that (once, the literal's e-node had type 0, i1, so
; add-zero, mul-one, udiv-one, not-not, shl-zero, mul-shl-one, icmp-ult-zero,
; icmp-eq-sub, and-zext-i1, ptradd-zero, ptradd-neg, ... never fired on
; i8..i64). Several passes run; each function is one such rule.
;
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=algebra,bitwise,shifts,compare,casts,address -o - %s | FileCheck %s

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-LABEL: define {{.*}}@add_zero(
; CHECK-NEXT:    ret i32 %x
; CHECK-NEXT: }
define i32 @add_zero(i32 %x) {
  %r = add i32 %x, 0
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@mul_one(
; CHECK-NEXT:    ret i8 %x
; CHECK-NEXT: }
define i8 @mul_one(i8 %x) {
  %r = mul i8 %x, 1
  ret i8 %r
}

; CHECK-LABEL: define {{.*}}@udiv_one(
; CHECK-NEXT:    ret i64 %x
; CHECK-NEXT: }
define i64 @udiv_one(i64 %x) {
  %r = udiv i64 %x, 1
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@or_zero(
; CHECK-NEXT:    ret i16 %x
; CHECK-NEXT: }
define i16 @or_zero(i16 %x) {
  %r = or i16 %x, 0
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@not_not(
; CHECK-NEXT:    ret i32 %x
; CHECK-NEXT: }
define i32 @not_not(i32 %x) {
  %a = xor i32 %x, -1
  %r = xor i32 %a, -1
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@shl_zero(
; CHECK-NEXT:    ret i8 %x
; CHECK-NEXT: }
define i8 @shl_zero(i8 %x) {
  %r = shl i8 %x, 0
  ret i8 %r
}

; CHECK-LABEL: define {{.*}}@mul_shl_one(
; CHECK-NEXT:    %r = shl i16 %x, %y
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @mul_shl_one(i16 %x, i16 %y) {
  %s = shl i16 1, %y
  %r = mul i16 %x, %s
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@icmp_ult_zero(
; CHECK-NEXT:    ret i1 false
; CHECK-NEXT: }
define i1 @icmp_ult_zero(i32 %x) {
  %r = icmp ult i32 %x, 0
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_eq_sub(
; CHECK-NEXT:    %r = icmp eq i64 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_eq_sub(i64 %x, i64 %y) {
  %s = sub i64 %x, %y
  %r = icmp eq i64 %s, 0
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@and_zext_i1(
; CHECK-NEXT:    %a = zext i1 %b to i32
; CHECK-NEXT:    ret i32 %a
; CHECK-NEXT: }
define i32 @and_zext_i1(i1 %b) {
  %a = zext i1 %b to i32
  %r = and i32 %a, 1
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@ptradd_zero(
; CHECK-NEXT:    ret ptr %p
; CHECK-NEXT: }
define ptr @ptradd_zero(ptr %p) {
  %a = getelementptr i8, ptr %p, i64 16
  %b = getelementptr i32, ptr %a, i64 -4
  ret ptr %b
}

; CHECK-LABEL: define {{.*}}@ptradd_neg(
; CHECK-NEXT:    ret ptr %p
; CHECK-NEXT: }
define ptr @ptradd_neg(ptr %p, i64 %x) {
  %a = getelementptr i8, ptr %p, i64 %x
  %n = sub i64 0, %x
  %b = getelementptr i8, ptr %a, i64 %n
  ret ptr %b
}
