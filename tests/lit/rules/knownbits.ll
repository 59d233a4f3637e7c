; The `knownbits` rule file (passes/rewrite/rules/knownbits.rules): rules whose
; conditions read the known-bits and range analyses: masks that change
; nothing, signed operations on non-negative values made unsigned, compares
; the ranges decide, nsw/nuw proven on add. Only that pass runs. Each
; function's whole body is checked line by line, through its closing brace.
;
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=knownbits -o - %s | FileCheck %s
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=knownbits %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=knownbits -o /dev/null --stats-json=%t.json %s && FileCheck %s --check-prefix=STATS < %t.json

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use1(i1)

; and-mask-noop: (mask-noop ?x ?m)
; CHECK-LABEL: define {{.*}}@and_mask_noop(
; CHECK-NEXT:    %x = zext i8 %a to i32
; CHECK-NEXT:    ret i32 %x
; CHECK-NEXT: }
define i32 @and_mask_noop(i8 %a) {
  %x = zext i8 %a to i32
  %r = and i32 %x, 511
  ret i32 %r
}

; negative: bits outside the mask may be set
; CHECK-LABEL: define {{.*}}@and_mask_may_clear(
; CHECK-NEXT:    %r = and i32 %x, 511
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @and_mask_may_clear(i32 %x) {
  %r = and i32 %x, 511
  ret i32 %r
}

; or-mask-noop: (or-noop ?x ?m)
; CHECK-LABEL: define {{.*}}@or_mask_noop(
; CHECK-NEXT:    %x = or i16 %a, 255
; CHECK-NEXT:    ret i16 %x
; CHECK-NEXT: }
define i16 @or_mask_noop(i16 %a) {
  %x = or i16 %a, 255
  %r = or i16 %x, 15
  ret i16 %r
}

; sdiv-nonneg, srem-nonneg: (nonneg ?x) (nonneg ?y). A division by a value
; not known to be a non-zero constant is a skeleton instruction (it may
; trap), outside the e-graph, so the divisors here are constants.
; CHECK-LABEL: define {{.*}}@sdiv_nonneg(
; CHECK-NEXT:    %x = zext i16 %a to i32
; CHECK-NEXT:    %r = udiv i32 %x, 7
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @sdiv_nonneg(i16 %a) {
  %x = zext i16 %a to i32
  %r = sdiv i32 %x, 7
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@srem_nonneg(
; CHECK-NEXT:    %x = lshr i64 %a, 1
; CHECK-NEXT:    %r = urem i64 %x, 1000
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @srem_nonneg(i64 %a) {
  %x = lshr i64 %a, 1
  %r = srem i64 %x, 1000
  ret i64 %r
}

; negative: the divisor is negative
; CHECK-LABEL: define {{.*}}@srem_neg_divisor(
; CHECK-NEXT:    %x = lshr i8 %a, 1
; CHECK-NEXT:    %r = srem i8 %x, -3
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @srem_neg_divisor(i8 %a) {
  %x = lshr i8 %a, 1
  %r = srem i8 %x, -3
  ret i8 %r
}

; negative: the dividend's sign is unknown
; CHECK-LABEL: define {{.*}}@sdiv_dividend_unknown(
; CHECK-NEXT:    %r = sdiv i32 %x, 7
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @sdiv_dividend_unknown(i32 %x) {
  %r = sdiv i32 %x, 7
  ret i32 %r
}

; urem-small, udiv-small: (ult ?x ?y)
; CHECK-LABEL: define {{.*}}@urem_small(
; CHECK-NEXT:    %x = zext i8 %a to i32
; CHECK-NEXT:    ret i32 %x
; CHECK-NEXT: }
define i32 @urem_small(i8 %a) {
  %x = zext i8 %a to i32
  %r = urem i32 %x, 300
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@udiv_small(
; CHECK-NEXT:    ret i16 0
; CHECK-NEXT: }
define i16 @udiv_small(i16 %a) {
  %x = and i16 %a, 15
  %r = udiv i16 %x, 16
  ret i16 %r
}

; negative: ?x may be as large as ?y
; CHECK-LABEL: define {{.*}}@udiv_maybe_large(
; CHECK-NEXT:    %x = and i16 %a, 31
; CHECK-NEXT:    %r = udiv i16 %x, 16
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @udiv_maybe_large(i16 %a) {
  %x = and i16 %a, 31
  %r = udiv i16 %x, 16
  ret i16 %r
}

; icmp-slt-nonneg, icmp-sge-nonneg: signed compares of non-negative values
; CHECK-LABEL: define {{.*}}@icmp_slt_nonneg(
; CHECK-NEXT:    %x = lshr i8 %a, 1
; CHECK-NEXT:    %y = lshr i8 %b, 2
; CHECK-NEXT:    %r = icmp ult i8 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_slt_nonneg(i8 %a, i8 %b) {
  %x = lshr i8 %a, 1
  %y = lshr i8 %b, 2
  %r = icmp slt i8 %x, %y
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@icmp_sge_nonneg(
; CHECK-NEXT:    %x = and i32 %a, 65535
; CHECK-NEXT:    %y = and i32 %b, 255
; CHECK-NEXT:    %r = icmp uge i32 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_sge_nonneg(i32 %a, i32 %b) {
  %x = and i32 %a, 65535
  %y = and i32 %b, 255
  %r = icmp sge i32 %x, %y
  ret i1 %r
}

; negative: ?y may be negative
; CHECK-LABEL: define {{.*}}@icmp_slt_unknown(
; CHECK-NEXT:    %x = lshr i8 %a, 1
; CHECK-NEXT:    %r = icmp slt i8 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_slt_unknown(i8 %a, i8 %y) {
  %x = lshr i8 %a, 1
  %r = icmp slt i8 %x, %y
  ret i1 %r
}

; compares the ranges decide
; CHECK-LABEL: define {{.*}}@icmp_known(
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    ret void
; CHECK-NEXT: }
define void @icmp_known(i8 %a, i8 %b) {
  %x = and i8 %a, 15
  %y = or i8 %b, 16
  %ult = icmp ult i8 %x, %y
  call void @use1(i1 %ult)
  %uge = icmp uge i8 %x, %y
  call void @use1(i1 %uge)
  %ugt = icmp ugt i8 %y, %x
  call void @use1(i1 %ugt)
  %ule = icmp ule i8 %y, %x
  call void @use1(i1 %ule)
  %eq = icmp eq i8 %x, %y
  call void @use1(i1 %eq)
  %ne = icmp ne i8 %x, %y
  call void @use1(i1 %ne)
  ret void
}

; CHECK-LABEL: define {{.*}}@icmp_known_signed(
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    ret void
; CHECK-NEXT: }
define void @icmp_known_signed(i32 %a, i32 %b) {
  %x = lshr i32 %a, 1
  %y = or i32 %b, -2147483648
  %slt = icmp slt i32 %y, %x
  call void @use1(i1 %slt)
  %sge = icmp sge i32 %y, %x
  call void @use1(i1 %sge)
  %sgt = icmp sgt i32 %x, %y
  call void @use1(i1 %sgt)
  %sle = icmp sle i32 %x, %y
  call void @use1(i1 %sle)
  ret void
}

; icmp-eq-zero-nonzero, icmp-ne-zero-nonzero: (not-zero ?x)
; CHECK-LABEL: define {{.*}}@icmp_zero_nonzero(
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    ret void
; CHECK-NEXT: }
define void @icmp_zero_nonzero(i64 %a) {
  %x = or i64 %a, 4
  %eq = icmp eq i64 %x, 0
  call void @use1(i1 %eq)
  %ne = icmp ne i64 %x, 0
  call void @use1(i1 %ne)
  ret void
}

; icmp-slt-zero-nonneg, icmp-sgt-minus-one-nonneg, icmp-slt-zero-neg
; CHECK-LABEL: define {{.*}}@icmp_sign_known(
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    ret void
; CHECK-NEXT: }
define void @icmp_sign_known(i16 %a, i16 %b) {
  %x = lshr i16 %a, 3
  %s1 = icmp slt i16 %x, 0
  call void @use1(i1 %s1)
  %s2 = icmp sgt i16 %x, -1
  call void @use1(i1 %s2)
  %n = or i16 %b, -32768
  %s3 = icmp slt i16 %n, 0
  call void @use1(i1 %s3)
  ret void
}

; negative: overlapping ranges decide nothing
; CHECK-LABEL: define {{.*}}@icmp_ult_overlap(
; CHECK-NEXT:    %x = and i8 %a, 31
; CHECK-NEXT:    %y = or i8 %b, 16
; CHECK-NEXT:    %r = icmp ult i8 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @icmp_ult_overlap(i8 %a, i8 %b) {
  %x = and i8 %a, 31
  %y = or i8 %b, 16
  %r = icmp ult i8 %x, %y
  ret i1 %r
}

; add-nsw-proven, add-nuw-proven: (no-signed-wrap-add) (no-unsigned-wrap-add).
; Both fire (see STATS). Flags change no cost; at equal cost extraction
; prefers an e-node with a superset of the flags, so one of the two flagged
; forms (they are not supersets of each other) reaches the output.
; CHECK-LABEL: define {{.*}}@add_nsw_nuw_proven(
; CHECK-NEXT:    %x = zext i16 %a to i32
; CHECK-NEXT:    %y = zext i16 %b to i32
; CHECK-NEXT:    %r = add {{nuw|nsw}} i32 %x, %y
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @add_nsw_nuw_proven(i16 %a, i16 %b) {
  %x = zext i16 %a to i32
  %y = zext i16 %b to i32
  %r = add i32 %x, %y
  ret i32 %r
}

; STATS: "rule_unions": {
; STATS-DAG: "add-nsw-proven": {{[1-9]}}
; STATS-DAG: "add-nuw-proven": {{[1-9]}}
; STATS: "materialized"

; Not a rule: a class whose every bit is known gets its constant
; (KnownBitsAnalysis::modify). The shift leaves the low bit 0.
; CHECK-LABEL: define {{.*}}@all_bits_known(
; CHECK-NEXT:    ret i1 false
; CHECK-NEXT:  }
define i1 @all_bits_known(i32 %x) {
  %w = zext i32 %x to i40
  %s = shl i40 %w, 8
  %t = trunc i40 %s to i1
  ret i1 %t
}

; negative: four bits known of eight, no constant
; CHECK-LABEL: define {{.*}}@some_bits_known(
; CHECK-NEXT:    %s = shl i32 %x, 4
; CHECK-NEXT:    %o = or i32 %s, 5
; CHECK-NEXT:    %t = trunc i32 %o to i8
; CHECK-NEXT:    ret i8 %t
; CHECK-NEXT:  }
define i8 @some_bits_known(i32 %x) {
  %s = shl i32 %x, 4
  %o = or i32 %s, 5
  %t = trunc i32 %o to i8
  ret i8 %t
}
