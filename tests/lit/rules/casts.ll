; The `casts` rule file (passes/rewrite/rules/casts.rules): zext/sext/trunc chains,
; trunc of an operation on zext'ed operands, compares of two extensions,
; sext of a non-negative value. Rules whose right-hand side types do not fit
; a match are declined (the negative cases below). Only that pass runs, with
; `knownbits` where a condition needs the known bits of a value. Each
; function's whole body is checked line by line, through its closing brace.
;
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=casts -o - %s | FileCheck %s
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=casts %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=casts -o /dev/null --stats-json=%t.json %s && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=casts,compare,bitwise -o - %s | FileCheck %s --check-prefix=CHAIN

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; zext-zext, sext-sext, sext-zext
; (icmp-eq-zext-zero, the other compares against 0 and and-zext-i1 have an
; integer literal on the left-hand side: see also literal-widths.ll.)
; CHECK-LABEL: define {{.*}}@zext_zext(
; CHECK-NEXT:    %r = zext i8 %x to i64
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @zext_zext(i8 %x) {
  %a = zext i8 %x to i16
  %r = zext i16 %a to i64
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@sext_sext(
; CHECK-NEXT:    %r = sext i1 %x to i32
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @sext_sext(i1 %x) {
  %a = sext i1 %x to i8
  %r = sext i8 %a to i32
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@sext_zext(
; CHECK-NEXT:    %r = zext i16 %x to i64
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @sext_zext(i16 %x) {
  %a = zext i16 %x to i32
  %r = sext i32 %a to i64
  ret i64 %r
}

; trunc-trunc
; CHECK-LABEL: define {{.*}}@trunc_trunc(
; CHECK-NEXT:    %r = trunc i64 %x to i8
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @trunc_trunc(i64 %x) {
  %a = trunc i64 %x to i32
  %r = trunc i32 %a to i8
  ret i8 %r
}

; trunc-zext-same, trunc-sext-same
; CHECK-LABEL: define {{.*}}@trunc_zext_same(
; CHECK-NEXT:    ret i16 %x
; CHECK-NEXT: }
define i16 @trunc_zext_same(i16 %x) {
  %a = zext i16 %x to i64
  %r = trunc i64 %a to i16
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@trunc_sext_same(
; CHECK-NEXT:    ret i8 %x
; CHECK-NEXT: }
define i8 @trunc_sext_same(i8 %x) {
  %a = sext i8 %x to i32
  %r = trunc i32 %a to i8
  ret i8 %r
}

; trunc-zext-wide (-same and -narrow are declined: their types do not fit).
; The union happens (see STATS), but zext+trunc cost what one zext does
; (a trunc is free), and the extractor keeps the earlier form.
; CHECK-LABEL: define {{.*}}@trunc_zext_wide(
; CHECK-NEXT:    %a = zext i8 %x to i64
; CHECK-NEXT:    %r = trunc i64 %a to i32
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @trunc_zext_wide(i8 %x) {
  %a = zext i8 %x to i64
  %r = trunc i64 %a to i32
  ret i32 %r
}

; trunc-zext-narrow
; CHECK-LABEL: define {{.*}}@trunc_zext_narrow(
; CHECK-NEXT:    %r = trunc i32 %x to i8
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @trunc_zext_narrow(i32 %x) {
  %a = zext i32 %x to i64
  %r = trunc i64 %a to i8
  ret i8 %r
}

; trunc-sext-wide (a union, see STATS, kept as is like trunc-zext-wide),
; trunc-sext-narrow
; CHECK-LABEL: define {{.*}}@trunc_sext_wide(
; CHECK-NEXT:    %a = sext i16 %x to i64
; CHECK-NEXT:    %r = trunc i64 %a to i32
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @trunc_sext_wide(i16 %x) {
  %a = sext i16 %x to i64
  %r = trunc i64 %a to i32
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@trunc_sext_narrow(
; CHECK-NEXT:    %r = trunc i16 %x to i1
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @trunc_sext_narrow(i16 %x) {
  %a = sext i16 %x to i32
  %r = trunc i32 %a to i1
  ret i1 %r
}

; sext-nonneg: (nonneg ?x); the known bits of an lshr make the sign zero
; CHECK-LABEL: define {{.*}}@sext_nonneg(
; CHECK-NEXT:    %a = lshr i32 %x, 1
; CHECK-NEXT:    %r = zext nneg i32 %a to i64
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @sext_nonneg(i32 %x) {
  %a = lshr i32 %x, 1
  %r = sext i32 %a to i64
  ret i64 %r
}

; negative: the sign of ?x is unknown
; CHECK-LABEL: define {{.*}}@sext_unknown_sign(
; CHECK-NEXT:    %r = sext i32 %x to i64
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @sext_unknown_sign(i32 %x) {
  %r = sext i32 %x to i64
  ret i64 %r
}

; trunc-add-zext, trunc-sub-zext, trunc-mul-zext, trunc-and-zext,
; trunc-or-zext, trunc-xor-zext
; CHECK-LABEL: define {{.*}}@trunc_add_zext(
; CHECK-NEXT:    %r = add i8 %x, %y
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @trunc_add_zext(i8 %x, i8 %y) {
  %a = zext i8 %x to i32
  %b = zext i8 %y to i32
  %s = add i32 %a, %b
  %r = trunc i32 %s to i8
  ret i8 %r
}

; CHECK-LABEL: define {{.*}}@trunc_sub_zext(
; CHECK-NEXT:    %r = sub i16 %x, %y
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @trunc_sub_zext(i16 %x, i16 %y) {
  %a = zext i16 %x to i64
  %b = zext i16 %y to i64
  %s = sub i64 %a, %b
  %r = trunc i64 %s to i16
  ret i16 %r
}

; CHECK-LABEL: define {{.*}}@trunc_mul_zext(
; CHECK-NEXT:    %r = mul i32 %x, %y
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @trunc_mul_zext(i32 %x, i32 %y) {
  %a = zext i32 %x to i64
  %b = zext i32 %y to i64
  %s = mul i64 %a, %b
  %r = trunc i64 %s to i32
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@trunc_and_zext(
; CHECK-NEXT:    %r = and i8 %x, %y
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @trunc_and_zext(i8 %x, i8 %y) {
  %a = zext i8 %x to i16
  %b = zext i8 %y to i16
  %s = and i16 %a, %b
  %r = trunc i16 %s to i8
  ret i8 %r
}

; CHECK-LABEL: define {{.*}}@trunc_or_zext(
; CHECK-NEXT:    %r = or i1 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @trunc_or_zext(i1 %x, i1 %y) {
  %a = zext i1 %x to i32
  %b = zext i1 %y to i32
  %s = or i32 %a, %b
  %r = trunc i32 %s to i1
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@trunc_xor_zext(
; CHECK-NEXT:    %r = xor i16 %x, %y
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @trunc_xor_zext(i16 %x, i16 %y) {
  %a = zext i16 %x to i32
  %b = zext i16 %y to i32
  %s = xor i32 %a, %b
  %r = trunc i32 %s to i16
  ret i16 %r
}

; negative: the operands are zext'ed from types other than the result's
; CHECK-LABEL: define {{.*}}@trunc_add_zext_wider(
; CHECK-NEXT:    %a = zext i16 %x to i32
; CHECK-NEXT:    %b = zext i16 %y to i32
; CHECK-NEXT:    %s = add i32 %a, %b
; CHECK-NEXT:    %r = trunc i32 %s to i8
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @trunc_add_zext_wider(i16 %x, i16 %y) {
  %a = zext i16 %x to i32
  %b = zext i16 %y to i32
  %s = add i32 %a, %b
  %r = trunc i32 %s to i8
  ret i8 %r
}

; trunc-add-const: (const ?c)
; CHECK-LABEL: define {{.*}}@trunc_add_const(
; CHECK-NEXT:    %r = add i8 %x, 44
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @trunc_add_const(i8 %x) {
  %a = zext i8 %x to i32
  %s = add i32 %a, 300
  %r = trunc i32 %s to i8
  ret i8 %r
}

; trunc-and-const: (const ?c). A union (see STATS); the i64 `and` and the
; i16 one cost the same, the earlier form stays.
; CHECK-LABEL: define {{.*}}@trunc_and_const(
; CHECK-NEXT:    %a = and i64 %x, 65535
; CHECK-NEXT:    %r = trunc i64 %a to i16
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @trunc_and_const(i64 %x) {
  %a = and i64 %x, 65535
  %r = trunc i64 %a to i16
  ret i16 %r
}

; icmp-*-zext / icmp-*-sext: (same-type ?x ?y)
; CHECK-LABEL: define {{.*}}@icmp_eq_zext(
; CHECK-NEXT:    %r = icmp eq i8 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_eq_zext(i8 %x, i8 %y) {
  %a = zext i8 %x to i32
  %b = zext i8 %y to i32
  %r = icmp eq i32 %a, %b
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_ult_zext(
; CHECK-NEXT:    %r = icmp ult i16 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_ult_zext(i16 %x, i16 %y) {
  %a = zext i16 %x to i64
  %b = zext i16 %y to i64
  %r = icmp ult i64 %a, %b
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_uge_zext(
; CHECK-NEXT:    %r = icmp uge i32 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_uge_zext(i32 %x, i32 %y) {
  %a = zext i32 %x to i64
  %b = zext i32 %y to i64
  %r = icmp uge i64 %a, %b
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_slt_sext(
; CHECK-NEXT:    %r = icmp slt i8 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_slt_sext(i8 %x, i8 %y) {
  %a = sext i8 %x to i16
  %b = sext i8 %y to i16
  %r = icmp slt i16 %a, %b
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_sge_sext(
; CHECK-NEXT:    %r = icmp sge i32 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_sge_sext(i32 %x, i32 %y) {
  %a = sext i32 %x to i64
  %b = sext i32 %y to i64
  %r = icmp sge i64 %a, %b
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_ult_sext(
; CHECK-NEXT:    %r = icmp ult i16 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_ult_sext(i16 %x, i16 %y) {
  %a = sext i16 %x to i32
  %b = sext i16 %y to i32
  %r = icmp ult i32 %a, %b
  ret i1 %r
}

; negative: same-type fails (i8 and i16 extended to i32)
; CHECK-LABEL: define {{.*}}@icmp_eq_zext_mixed(
; CHECK-NEXT:    %a = zext i8 %x to i32
; CHECK-NEXT:    %b = zext i16 %y to i32
; CHECK-NEXT:    %r = icmp eq i32 %a, %b
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_eq_zext_mixed(i8 %x, i16 %y) {
  %a = zext i8 %x to i32
  %b = zext i16 %y to i32
  %r = icmp eq i32 %a, %b
  ret i1 %r
}

; negative: a signed compare of zext'ed values is not rewritten
; CHECK-LABEL: define {{.*}}@icmp_slt_zext(
; CHECK-NEXT:    %a = zext i8 %x to i32
; CHECK-NEXT:    %b = zext i8 %y to i32
; CHECK-NEXT:    %r = icmp slt i32 %a, %b
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_slt_zext(i8 %x, i8 %y) {
  %a = zext i8 %x to i32
  %b = zext i8 %y to i32
  %r = icmp slt i32 %a, %b
  ret i1 %r
}

; and-zext-i1 (is-i1 ?b): its positive case is in literal-widths.ll.
; negative: ?b is an i8, the mask keeps only its low bit
; CHECK-LABEL: define {{.*}}@and_zext_i8(
; CHECK-NEXT:    %a = zext i8 %b to i32
; CHECK-NEXT:    %r = and i32 %a, 1
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @and_zext_i8(i8 %b) {
  %a = zext i8 %b to i32
  %r = and i32 %a, 1
  ret i32 %r
}

; STATS: "rewrite_declined": {{[1-9][0-9]*}}
; and-zext-zext: `(a > 0) & (b == c)` written with C's `&` on ints: one
; i1 `and`, extended once (codegen then splits it into two branches).
; CHECK-LABEL: define {{.*}}@and_zext_zext(
; CHECK-NEXT:    %a = icmp sgt i32 %x, 0
; CHECK-NEXT:    %b = icmp eq i32 %y, %z
; CHECK-NEXT:    %[[AND:[^ ]+]] = and i1 %a, %b
; CHECK-NEXT:    %r = zext i1 %[[AND]] to i32
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @and_zext_zext(i32 %x, i32 %y, i32 %z) {
  %a = icmp sgt i32 %x, 0
  %za = zext i1 %a to i32
  %b = icmp eq i32 %y, %z
  %zb = zext i1 %b to i32
  %r = and i32 %za, %zb
  ret i32 %r
}

; or-zext-zext, from i8 to i64
; CHECK-LABEL: define {{.*}}@or_zext_zext(
; CHECK-NEXT:    %[[OR:[^ ]+]] = or i8 %a, %b
; CHECK-NEXT:    %r = zext i8 %[[OR]] to i64
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @or_zext_zext(i8 %a, i8 %b) {
  %za = zext i8 %a to i64
  %zb = zext i8 %b to i64
  %r = or i64 %za, %zb
  ret i64 %r
}

; xor-zext-zext
; CHECK-LABEL: define {{.*}}@xor_zext_zext(
; CHECK-NEXT:    %[[X:[^ ]+]] = xor i16 %a, %b
; CHECK-NEXT:    %r = zext i16 %[[X]] to i32
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @xor_zext_zext(i16 %a, i16 %b) {
  %za = zext i16 %a to i32
  %zb = zext i16 %b to i32
  %r = xor i32 %za, %zb
  ret i32 %r
}

; negative: the operands come from two types
; CHECK-LABEL: define {{.*}}@and_zext_two_types(
; CHECK-NEXT:    %za = zext i8 %a to i32
; CHECK-NEXT:    %zb = zext i16 %b to i32
; CHECK-NEXT:    %r = and i32 %za, %zb
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @and_zext_two_types(i8 %a, i16 %b) {
  %za = zext i8 %a to i32
  %zb = zext i16 %b to i32
  %r = and i32 %za, %zb
  ret i32 %r
}

; and-trunc-sub-high: a shift amount `trunc(64 - n) & 63` (zstd's bit
; reader) is `trunc(-n) & 63`: a negate instead of a move and a subtract.
; CHECK-LABEL: define {{.*}}@and_trunc_sub_high(
; CHECK-NEXT:    %[[N:[^ ]+]] = sub i64 0, %n
; CHECK-NEXT:    %[[T:[^ ]+]] = trunc i64 %[[N]] to i32
; CHECK-NEXT:    %r = and i32 %[[T]], 63
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @and_trunc_sub_high(i64 %n) {
  %s = sub nsw i64 64, %n
  %t = trunc i64 %s to i32
  %r = and i32 %t, 63
  ret i32 %r
}

; negative: 96 has bit 5 set, inside the mask
; CHECK-LABEL: define {{.*}}@and_trunc_sub_low_bit(
; CHECK-NEXT:    %s = sub i64 96, %n
; CHECK-NEXT:    %t = trunc i64 %s to i32
; CHECK-NEXT:    %r = and i32 %t, 63
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @and_trunc_sub_low_bit(i64 %n) {
  %s = sub i64 96, %n
  %t = trunc i64 %s to i32
  %r = and i32 %t, 63
  ret i32 %r
}

; trunc-select-const: a narrowed select of two constants is a select of the
; narrowed constants. Alone it costs what the original does (a trunc is
; free) and the original stays; with compare and bitwise, Rust's
; `trunc (select (x == 0), 0, 1) to i1` becomes `x != 0` (CHAIN).
; CHECK-LABEL: define {{.*}}@trunc_select_const(
; CHECK-NEXT:    %s = select i1 %c, i32 300, i32 7
; CHECK-NEXT:    %r = trunc i32 %s to i8
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @trunc_select_const(i1 %c) {
  %s = select i1 %c, i32 300, i32 7
  %r = trunc i32 %s to i8
  ret i8 %r
}

; CHAIN-LABEL: define {{.*}}@trunc_tag_chain(
; CHAIN-NEXT:    %r = icmp ne i32 %x, 0
; CHAIN-NEXT:    ret i1 %r
; CHAIN-NEXT: }
define i1 @trunc_tag_chain(i32 %x) {
  %c = icmp eq i32 %x, 0
  %tag = select i1 %c, i64 0, i64 1
  %r = trunc nuw i64 %tag to i1
  ret i1 %r
}

; negative: one arm is not a constant
; CHECK-LABEL: define {{.*}}@trunc_select_var(
; CHECK-NEXT:    %s = select i1 %c, i32 300, i32 %x
; CHECK-NEXT:    %r = trunc i32 %s to i8
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @trunc_select_var(i1 %c, i32 %x) {
  %s = select i1 %c, i32 300, i32 %x
  %r = trunc i32 %s to i8
  ret i8 %r
}

; STATS: "rule_unions": {
; STATS-DAG: "trunc-zext-wide": 1
; STATS-DAG: "trunc-sext-wide": 1
; STATS-DAG: "trunc-and-const": 1
; STATS-DAG: "trunc-select-const": 2
; STATS-DAG: "sext-nonneg": {{[1-9]}}
; STATS: "materialized"
