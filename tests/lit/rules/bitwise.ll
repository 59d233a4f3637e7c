; The `bitwise` rule file (passes/rewrite/rules/bitwise.rules): idempotence,
; absorption, complements, De Morgan, distribution, disjoint `or`, and
; inverted compares. Only that pass runs. Each function's whole body is
; checked line by line, through its closing brace, so a removed instruction
; cannot remain.
;
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=bitwise -o - %s | FileCheck %s
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=bitwise %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=bitwise -o /dev/null --stats-json=%t.json %s && FileCheck %s --check-prefix=STATS < %t.json

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)

; and-self, or-self, xor-self
; CHECK-LABEL: define {{.*}}@and_self(
; CHECK-NEXT:    ret i8 %x
; CHECK-NEXT: }
define i8 @and_self(i8 %x) {
  %r = and i8 %x, %x
  ret i8 %r
}

; CHECK-LABEL: define {{.*}}@or_self(
; CHECK-NEXT:    ret i16 %x
; CHECK-NEXT: }
define i16 @or_self(i16 %x) {
  %r = or i16 %x, %x
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@xor_self(
; CHECK-NEXT:    call void @use(i32 0)
; CHECK-NEXT:    ret void
; CHECK-NEXT: }
define void @xor_self(i32 %x) {
  %r = xor i32 %x, %x
  call void @use(i32 %r)
  ret void
}

; and-zero, and-ones, or-zero, or-ones, xor-zero at i1
; CHECK-LABEL: define {{.*}}@and_zero_i1(
; CHECK-NEXT:    ret i1 false
; CHECK-NEXT: }
define i1 @and_zero_i1(i1 %x) {
  %r = and i1 %x, false
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@and_ones_i1(
; CHECK-NEXT:    ret i1 %x
; CHECK-NEXT: }
define i1 @and_ones_i1(i1 %x) {
  %r = and i1 %x, true
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@or_zero_i1(
; CHECK-NEXT:    ret i1 %x
; CHECK-NEXT: }
define i1 @or_zero_i1(i1 %x) {
  %r = or i1 %x, false
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@or_ones_i1(
; CHECK-NEXT:    ret i1 true
; CHECK-NEXT: }
define i1 @or_ones_i1(i1 %x) {
  %r = or i1 %x, true
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@xor_zero_i1(
; CHECK-NEXT:    ret i1 %x
; CHECK-NEXT: }
define i1 @xor_zero_i1(i1 %x) {
  %r = xor i1 %x, false
  ret i1 %r
}

; xor-xor-cancel, xor-xor-cancel-l
; CHECK-LABEL: define {{.*}}@xor_xor_cancel(
; CHECK-NEXT:    ret i64 %x
; CHECK-NEXT: }
define i64 @xor_xor_cancel(i64 %x, i64 %y) {
  %a = xor i64 %x, %y
  %r = xor i64 %a, %y
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@xor_xor_cancel_l(
; CHECK-NEXT:    ret i32 %x
; CHECK-NEXT: }
define i32 @xor_xor_cancel_l(i32 %x, i32 %y) {
  %a = xor i32 %y, %x
  %r = xor i32 %a, %y
  ret i32 %r
}

; and-not-self, or-not-self, xor-not-self at i1 (not is xor with true)
; CHECK-LABEL: define {{.*}}@and_not_self_i1(
; CHECK-NEXT:    ret i1 false
; CHECK-NEXT: }
define i1 @and_not_self_i1(i1 %x) {
  %n = xor i1 %x, true
  %r = and i1 %x, %n
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@or_not_self_l_i1(
; CHECK-NEXT:    ret i1 true
; CHECK-NEXT: }
define i1 @or_not_self_l_i1(i1 %x) {
  %n = xor i1 %x, true
  %r = or i1 %n, %x
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@xor_not_self_i1(
; CHECK-NEXT:    ret i1 true
; CHECK-NEXT: }
define i1 @xor_not_self_i1(i1 %x) {
  %n = xor i1 %x, true
  %r = xor i1 %x, %n
  ret i1 %r
}

; and-absorb-or, and-absorb-or-r, or-absorb-and, or-absorb-and-r
; CHECK-LABEL: define {{.*}}@and_absorb_or(
; CHECK-NEXT:    ret i32 %x
; CHECK-NEXT: }
define i32 @and_absorb_or(i32 %x, i32 %y) {
  %o = or i32 %x, %y
  %r = and i32 %x, %o
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@and_absorb_or_r(
; CHECK-NEXT:    ret i8 %x
; CHECK-NEXT: }
define i8 @and_absorb_or_r(i8 %x, i8 %y) {
  %o = or i8 %y, %x
  %r = and i8 %x, %o
  ret i8 %r
}

; CHECK-LABEL: define {{.*}}@or_absorb_and(
; CHECK-NEXT:    ret i16 %x
; CHECK-NEXT: }
define i16 @or_absorb_and(i16 %x, i16 %y) {
  %a = and i16 %x, %y
  %r = or i16 %x, %a
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@or_absorb_and_r(
; CHECK-NEXT:    ret i64 %x
; CHECK-NEXT: }
define i64 @or_absorb_and_r(i64 %x, i64 %y) {
  %a = and i64 %y, %x
  %r = or i64 %x, %a
  ret i64 %r
}

; and-and-self, or-or-self
; CHECK-LABEL: define {{.*}}@and_and_self(
; CHECK-NEXT:    %a = and i32 %x, %y
; CHECK-NEXT:    ret i32 %a
; CHECK-NEXT: }
define i32 @and_and_self(i32 %x, i32 %y) {
  %a = and i32 %x, %y
  %r = and i32 %a, %x
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@or_or_self(
; CHECK-NEXT:    %a = or i8 %x, %y
; CHECK-NEXT:    ret i8 %a
; CHECK-NEXT: }
define i8 @or_or_self(i8 %x, i8 %y) {
  %a = or i8 %x, %y
  %r = or i8 %a, %x
  ret i8 %r
}

; demorgan-and, demorgan-or, not-not at i1
; CHECK-LABEL: define {{.*}}@demorgan_and_i1(
; CHECK-NEXT:    %[[V1:[0-9]+]] = or i1 %x, %y
; CHECK-NEXT:    %r = xor i1 %[[V1]], true
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @demorgan_and_i1(i1 %x, i1 %y) {
  %nx = xor i1 %x, true
  %ny = xor i1 %y, true
  %r = and i1 %nx, %ny
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@not_not_i1(
; CHECK-NEXT:    ret i1 %x
; CHECK-NEXT: }
define i1 @not_not_i1(i1 %x) {
  %a = xor i1 %x, true
  %r = xor i1 %a, true
  ret i1 %r
}

; and-or-distrib, or-and-distrib, xor-and-distrib
; CHECK-LABEL: define {{.*}}@and_or_distrib(
; CHECK-NEXT:    %[[V1:[0-9]+]] = or i32 %y, %z
; CHECK-NEXT:    %r = and i32 %x, %[[V1]]
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @and_or_distrib(i32 %x, i32 %y, i32 %z) {
  %a = and i32 %x, %y
  %b = and i32 %x, %z
  %r = or i32 %a, %b
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@or_and_distrib(
; CHECK-NEXT:    %[[V1:[0-9]+]] = and i16 %y, %z
; CHECK-NEXT:    %r = or i16 %x, %[[V1]]
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @or_and_distrib(i16 %x, i16 %y, i16 %z) {
  %a = or i16 %x, %y
  %b = or i16 %x, %z
  %r = and i16 %a, %b
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@xor_and_distrib(
; CHECK-NEXT:    %[[V1:[0-9]+]] = xor i64 %y, %z
; CHECK-NEXT:    %r = and i64 %x, %[[V1]]
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @xor_and_distrib(i64 %x, i64 %y, i64 %z) {
  %a = and i64 %x, %y
  %b = and i64 %x, %z
  %r = xor i64 %a, %b
  ret i64 %r
}

; or-xor-and: (x | y) - (x & y) == x ^ y
; CHECK-LABEL: define {{.*}}@or_xor_and(
; CHECK-NEXT:    %r = xor i32 %x, %y
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @or_xor_and(i32 %x, i32 %y) {
  %o = or i32 %x, %y
  %a = and i32 %x, %y
  %r = sub i32 %o, %a
  ret i32 %r
}

; or-disjoint: (no-common-bits ?x ?y) from known bits. The `or disjoint`
; e-node costs what the plain `or` does; at equal cost extraction prefers the
; e-node with more flags, so the flag reaches the output.
; CHECK-LABEL: define {{.*}}@or_disjoint(
; CHECK-NEXT:    %a = and i32 %x, 240
; CHECK-NEXT:    %b = and i32 %y, 15
; CHECK-NEXT:    %r = or disjoint i32 %a, %b
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @or_disjoint(i32 %x, i32 %y) {
  %a = and i32 %x, 240
  %b = and i32 %y, 15
  %r = or i32 %a, %b
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@or_disjoint_shl(
; CHECK-NEXT:    %a = shl i64 %x, 8
; CHECK-NEXT:    %b = and i64 %y, 255
; CHECK-NEXT:    %r = or disjoint i64 %a, %b
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @or_disjoint_shl(i64 %x, i64 %y) {
  %a = shl i64 %x, 8
  %b = and i64 %y, 255
  %r = or i64 %a, %b
  ret i64 %r
}

; negative: the masks overlap in bit 4, so no `disjoint`
; CHECK-LABEL: define {{.*}}@or_not_disjoint(
; CHECK-NEXT:    %a = and i32 %x, 240
; CHECK-NEXT:    %b = and i32 %y, 31
; CHECK-NEXT:    %r = or i32 %a, %b
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @or_not_disjoint(i32 %x, i32 %y) {
  %a = and i32 %x, 240
  %b = and i32 %y, 31
  %r = or i32 %a, %b
  ret i32 %r
}

; not-icmp-*: inverting a compare
; CHECK-LABEL: define {{.*}}@not_icmp_eq(
; CHECK-NEXT:    %r = icmp ne i32 %a, %b
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @not_icmp_eq(i32 %a, i32 %b) {
  %c = icmp eq i32 %a, %b
  %r = xor i1 %c, true
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@not_icmp_ult(
; CHECK-NEXT:    %r = icmp uge i8 %a, %b
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @not_icmp_ult(i8 %a, i8 %b) {
  %c = icmp ult i8 %a, %b
  %r = xor i1 %c, true
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@not_icmp_sle(
; CHECK-NEXT:    %r = icmp sgt i64 %a, %b
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @not_icmp_sle(i64 %a, i64 %b) {
  %c = icmp sle i64 %a, %b
  %r = xor i1 %c, true
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@not_icmp_sgt(
; CHECK-NEXT:    %r = icmp sle i16 %a, %b
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @not_icmp_sgt(i16 %a, i16 %b) {
  %c = icmp sgt i16 %a, %b
  %r = xor i1 %c, true
  ret i1 %r
}

; negative: xor with a value that is not `true` is not a `not`
; CHECK-LABEL: define {{.*}}@xor_icmp_not_not(
; CHECK-NEXT:    %c = icmp ult i32 %a, %b
; CHECK-NEXT:    %r = xor i1 %c, %m
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @xor_icmp_not_not(i32 %a, i32 %b, i1 %m) {
  %c = icmp ult i32 %a, %b
  %r = xor i1 %c, %m
  ret i1 %r
}

; and-mask-sub-high: only the 6 low bits of 64 - n survive `& 63`, and
; 64's are zero: a negate (`sub 0`, one instruction) replaces the subtract
; from a constant (a move and a subtract). The source's nsw is dropped.
; CHECK-LABEL: define {{.*}}@and_mask_sub_high(
; CHECK-NEXT:    %[[N:[^ ]+]] = sub i64 0, %n
; CHECK-NEXT:    %r = and i64 %[[N]], 63
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @and_mask_sub_high(i64 %n) {
  %s = sub nsw i64 64, %n
  %r = and i64 %s, 63
  ret i64 %r
}

; The same at i8 with a 3-bit mask and 24 (low 3 bits zero).
; CHECK-LABEL: define {{.*}}@and_mask_sub_high_i8(
; CHECK-NEXT:    %[[N:[^ ]+]] = sub i8 0, %n
; CHECK-NEXT:    %r = and i8 %[[N]], 7
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @and_mask_sub_high_i8(i8 %n) {
  %s = sub i8 24, %n
  %r = and i8 %s, 7
  ret i8 %r
}

; negative: 65 has a low bit set under the mask
; CHECK-LABEL: define {{.*}}@and_mask_sub_low_bit(
; CHECK-NEXT:    %s = sub i64 65, %n
; CHECK-NEXT:    %r = and i64 %s, 63
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @and_mask_sub_low_bit(i64 %n) {
  %s = sub i64 65, %n
  %r = and i64 %s, 63
  ret i64 %r
}

; negative: 48 is not a low-bit mask (a carry into its bits depends on 64)
; CHECK-LABEL: define {{.*}}@and_not_low_mask(
; CHECK-NEXT:    %s = sub i64 64, %n
; CHECK-NEXT:    %r = and i64 %s, 48
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @and_not_low_mask(i64 %n) {
  %s = sub i64 64, %n
  %r = and i64 %s, 48
  ret i64 %r
}

; STATS: "rule_unions": {
; STATS-DAG: "or-disjoint": 3
; STATS-DAG: "and-mask-sub-high": 2
; STATS-DAG: "xor-xor-cancel-l": 1
; STATS: "materialized"
