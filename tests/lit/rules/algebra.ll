; The `algebra` rule file (passes/rewrite/rules/algebra.rules): identities of
; wrapping integer arithmetic. Only that pass runs, so what changes is its
; doing (integer constant folding is an analysis and always on). Each
; function's whole body is checked line by line, through its closing brace,
; so a removed instruction cannot remain.
;
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=algebra -o - %s | FileCheck %s
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=algebra %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-reassociate --no-interprocedural --emit=llvm --rule-sets=algebra -o /dev/null --stats-json=%t.json %s && FileCheck %s --check-prefix=STATS < %t.json

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)
declare void @use8(i8)

; add-zero, sub-zero (at i1, `false` is the zero)
; CHECK-LABEL: define {{.*}}@add_zero_i1(
; CHECK-NEXT:    ret i1 %x
; CHECK-NEXT: }
define i1 @add_zero_i1(i1 %x) {
  %r = add i1 %x, false
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@sub_zero_i1(
; CHECK-NEXT:    ret i1 %x
; CHECK-NEXT: }
define i1 @sub_zero_i1(i1 %x) {
  %r = sub i1 %x, false
  ret i1 %r
}

; sub-self
; CHECK-LABEL: define {{.*}}@sub_self_i32(
; CHECK-NEXT:    call void @use(i32 0)
; CHECK-NEXT:    ret void
; CHECK-NEXT: }
define void @sub_self_i32(i32 %x) {
  %r = sub i32 %x, %x
  call void @use(i32 %r)
  ret void
}

; CHECK-LABEL: define {{.*}}@sub_self_i64(
; CHECK-NEXT:    ret i64 0
; CHECK-NEXT: }
define i64 @sub_self_i64(i64 %x) {
  %r = sub nsw i64 %x, %x
  ret i64 %r
}

; mul-zero and mul-minus-one at i1 (`true` is -1). mul-minus-one's
; (sub 0 ?x) costs what the multiply does, so the multiply stays (see STATS).
; CHECK-LABEL: define {{.*}}@mul_zero_i1(
; CHECK-NEXT:    ret i1 false
; CHECK-NEXT: }
define i1 @mul_zero_i1(i1 %x) {
  %r = mul i1 %x, false
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@mul_minus_one_i1(
; CHECK-NEXT:    %r = mul i1 %x, true
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @mul_minus_one_i1(i1 %x) {
  %r = mul i1 %x, true
  ret i1 %r
}

; add-self: x + x == x << 1 (the union happens, see STATS; the add is as
; cheap as the shift and stays)
; CHECK-LABEL: define {{.*}}@add_self_i16(
; CHECK-NEXT:    %r = add i16 %x, %x
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @add_self_i16(i16 %x) {
  %r = add i16 %x, %x
  ret i16 %r
}

; add-sub-cancel-r / add-sub-cancel-l
; CHECK-LABEL: define {{.*}}@add_sub_cancel_r(
; CHECK-NEXT:    ret i32 %x
; CHECK-NEXT: }
define i32 @add_sub_cancel_r(i32 %x, i32 %y) {
  %a = add i32 %x, %y
  %r = sub i32 %a, %y
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@add_sub_cancel_l(
; CHECK-NEXT:    ret i8 %y
; CHECK-NEXT: }
define i8 @add_sub_cancel_l(i8 %x, i8 %y) {
  %a = add nuw i8 %x, %y
  %r = sub i8 %a, %x
  ret i8 %r
}

; sub-add-cancel
; CHECK-LABEL: define {{.*}}@sub_add_cancel(
; CHECK-NEXT:    ret i64 %x
; CHECK-NEXT: }
define i64 @sub_add_cancel(i64 %x, i64 %y) {
  %s = sub i64 %x, %y
  %r = add i64 %s, %y
  ret i64 %r
}

; sub-sub-cancel
; CHECK-LABEL: define {{.*}}@sub_sub_cancel(
; CHECK-NEXT:    ret i16 %y
; CHECK-NEXT: }
define i16 @sub_sub_cancel(i16 %x, i16 %y) {
  %s = sub i16 %x, %y
  %r = sub i16 %x, %s
  ret i16 %r
}

; sub-of-add-l: x - (x + y) == 0 - y
; CHECK-LABEL: define {{.*}}@sub_of_add_l(
; CHECK-NEXT:    %r = sub i32 0, %y
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @sub_of_add_l(i32 %x, i32 %y) {
  %a = add i32 %x, %y
  %r = sub i32 %x, %a
  ret i32 %r
}

; factor-mul-add / factor-mul-sub
; CHECK-LABEL: define {{.*}}@factor_mul_add(
; CHECK-NEXT:    %[[V1:[0-9]+]] = add i32 %y, %z
; CHECK-NEXT:    %r = mul i32 %x, %[[V1]]
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @factor_mul_add(i32 %x, i32 %y, i32 %z) {
  %a = mul i32 %x, %y
  %b = mul i32 %x, %z
  %r = add i32 %a, %b
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@factor_mul_sub(
; CHECK-NEXT:    %[[V1:[0-9]+]] = sub i64 %y, %z
; CHECK-NEXT:    %r = mul i64 %x, %[[V1]]
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @factor_mul_sub(i64 %x, i64 %y, i64 %z) {
  %a = mul i64 %x, %y
  %b = mul i64 %x, %z
  %r = sub i64 %a, %b
  ret i64 %r
}

; factor-mul-add-self: (const ?c)
; CHECK-LABEL: define {{.*}}@factor_mul_add_self(
; CHECK-NEXT:    %r = mul i16 %x, 6
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @factor_mul_add_self(i16 %x) {
  %m = mul i16 %x, 5
  %r = add i16 %m, %x
  ret i16 %r
}

; negative: ?c is not a constant
; CHECK-LABEL: define {{.*}}@factor_mul_add_self_var(
; CHECK-NEXT:    %m = mul i16 %x, %c
; CHECK-NEXT:    %r = add i16 %m, %x
; CHECK-NEXT:    ret i16 %r
; CHECK-NEXT: }
define i16 @factor_mul_add_self_var(i16 %x, i16 %c) {
  %m = mul i16 %x, %c
  %r = add i16 %m, %x
  ret i16 %r
}

; factor-mul-sub-self
; CHECK-LABEL: define {{.*}}@factor_mul_sub_self(
; CHECK-NEXT:    %r = mul i8 %x, 6
; CHECK-NEXT:    ret i8 %r
; CHECK-NEXT: }
define i8 @factor_mul_sub_self(i8 %x) {
  %m = mul i8 %x, 7
  %r = sub i8 %m, %x
  ret i8 %r
}

; factor-shl-add-self: (const ?c) (ult-bits ?c). The union happens (see
; STATS) but the shift and add are cheaper than a multiply, so they stay.
; CHECK-LABEL: define {{.*}}@factor_shl_add_self(
; CHECK-NEXT:    %m = shl i64 %x, 3
; CHECK-NEXT:    %r = add i64 %m, %x
; CHECK-NEXT:    ret i64 %r
; CHECK-NEXT: }
define i64 @factor_shl_add_self(i64 %x) {
  %m = shl i64 %x, 3
  %r = add i64 %m, %x
  ret i64 %r
}

; mul-neg-neg at i1
; CHECK-LABEL: define {{.*}}@mul_neg_neg_i1(
; CHECK-NEXT:    %r = mul i1 %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @mul_neg_neg_i1(i1 %x, i1 %y) {
  %nx = sub i1 false, %x
  %ny = sub i1 false, %y
  %r = mul i1 %nx, %ny
  ret i1 %r
}

; mul-neg-const: (mul (sub 0 ?x) ?c) => (mul ?x ($neg ?c))
; CHECK-LABEL: define {{.*}}@mul_neg_const_i1(
; CHECK-NEXT:    ret i1 %x
; CHECK-NEXT: }
define i1 @mul_neg_const_i1(i1 %x) {
  %nx = sub i1 false, %x
  %r = mul i1 %nx, true
  ret i1 %r
}

; freeze-const: (const ?c)
; CHECK-LABEL: define {{.*}}@freeze_const(
; CHECK-NEXT:    ret i32 42
; CHECK-NEXT: }
define i32 @freeze_const() {
  %r = freeze i32 42
  ret i32 %r
}

; negative: freeze of an argument stays
; CHECK-LABEL: define {{.*}}@freeze_arg(
; CHECK-NEXT:    %r = freeze i32 %x
; CHECK-NEXT:    ret i32 %r
; CHECK-NEXT: }
define i32 @freeze_arg(i32 %x) {
  %r = freeze i32 %x
  ret i32 %r
}

; freeze-freeze
; CHECK-LABEL: define {{.*}}@freeze_freeze(
; CHECK-NEXT:    %a = freeze i8 %x
; CHECK-NEXT:    ret i8 %a
; CHECK-NEXT: }
define i8 @freeze_freeze(i8 %x) {
  %a = freeze i8 %x
  %r = freeze i8 %a
  ret i8 %r
}

; STATS: "rule_unions": {
; STATS-DAG: "factor-shl-add-self": 1
; STATS-DAG: "factor-mul-add-self": 1
; STATS-DAG: "add-self": 1
; STATS-DAG: "mul-minus-one": {{[1-9]}}
; STATS-DAG: "freeze-freeze": 1
; STATS: "materialized"
