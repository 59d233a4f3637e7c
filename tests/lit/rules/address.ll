; The `address` rule file (passes/rewrite/rules/address.rules): pointer-plus-offset
; chains (a getelementptr is lifted as `ptradd` of a byte offset). Only that
; pass runs. Each function's whole body is checked line by line, through its
; closing brace. (ptradd-zero and ptradd-neg: see literal-widths.ll.)
;
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=address -o - %s | FileCheck %s
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=address %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=address -o /dev/null --stats-json=%t.json %s && FileCheck %s --check-prefix=STATS < %t.json

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; ptradd-ptradd-const: (const ?a) (const ?b); 2*4 + 4 = 12
; CHECK-LABEL: define {{.*}}@ptradd_const_chain(
; CHECK-NEXT:    %b = getelementptr i8, ptr %p, i64 12
; CHECK-NEXT:    ret ptr %b
; CHECK-NEXT: }
define ptr @ptradd_const_chain(ptr %p) {
  %a = getelementptr i32, ptr %p, i64 2
  %b = getelementptr i8, ptr %a, i64 4
  ret ptr %b
}

; three offsets, inbounds (dropped when combined): 3*2 - 8 + 10 = 8
; CHECK-LABEL: define {{.*}}@ptradd_const_chain3(
; CHECK-NEXT:    %c = getelementptr i8, ptr %p, i64 8
; CHECK-NEXT:    ret ptr %c
; CHECK-NEXT: }
define ptr @ptradd_const_chain3(ptr %p) {
  %a = getelementptr inbounds i16, ptr %p, i64 3
  %b = getelementptr inbounds i64, ptr %a, i64 -1
  %c = getelementptr inbounds i8, ptr %b, i64 10
  ret ptr %c
}

; negative: the first offset is not a constant
; CHECK-LABEL: define {{.*}}@ptradd_var_then_const(
; CHECK-NEXT:    %a = getelementptr i8, ptr %p, i64 %x
; CHECK-NEXT:    %b = getelementptr i8, ptr %a, i64 4
; CHECK-NEXT:    ret ptr %b
; CHECK-NEXT: }
define ptr @ptradd_var_then_const(ptr %p, i64 %x) {
  %a = getelementptr i8, ptr %p, i64 %x
  %b = getelementptr i8, ptr %a, i64 4
  ret ptr %b
}

; negative: the second offset is not a constant
; CHECK-LABEL: define {{.*}}@ptradd_const_then_var(
; CHECK-NEXT:    %a = getelementptr i8, ptr %p, i64 8
; CHECK-NEXT:    %b = getelementptr i8, ptr %a, i64 %x
; CHECK-NEXT:    ret ptr %b
; CHECK-NEXT: }
define ptr @ptradd_const_then_var(ptr %p, i64 %x) {
  %a = getelementptr i8, ptr %p, i64 8
  %b = getelementptr i8, ptr %a, i64 %x
  ret ptr %b
}

; STATS: "rule_unions": {
; STATS-NEXT: "ptradd-ptradd-const": 4
; STATS-NEXT: },
