; va_arg, and the aggregate operations extractvalue and insertvalue, are
; skeleton (aggregates do not enter the e-graph); their scalar operands and
; results connect to the lifted code.
;
; RUN: egopt --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt %s -o %t.o
; RUN: egopt --stats %s -o %t.o 2>&1 | FileCheck %s --check-prefix=STATS
; STATS-DAG: {{^ +1 +skeleton: va_arg$}}
; STATS-DAG: {{^ +4 +skeleton: insertvalue$}}
; STATS-DAG: {{^ +3 +skeleton: extractvalue$}}

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @llvm.va_start.p0(ptr)
declare void @llvm.va_end.p0(ptr)

; CHECK-LABEL: define {{.*}}@va(i32 %n, ...)
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %ap = alloca [24 x i8], align 16
; CHECK-NEXT:    call void @llvm.va_start.p0(ptr %ap)
; CHECK-NEXT:    %v = va_arg ptr %ap, i32
; CHECK-NEXT:    call void @llvm.va_end.p0(ptr %ap)
; CHECK-NEXT:    %[[W:[^ ]+]] = add i32 %v, %n
; CHECK-NEXT:    ret i32 %[[W]]
define i32 @va(i32 %n, ...) {
entry:
  %ap = alloca [24 x i8], align 16
  call void @llvm.va_start.p0(ptr %ap)
  %v = va_arg ptr %ap, i32
  call void @llvm.va_end.p0(ptr %ap)
  %w = add i32 %v, %n
  ret i32 %w
}

; CHECK-LABEL: define {{.*}}@aggregates(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[A2:[^ ]+]] = add i32 %a, 5
; CHECK-NEXT:    %s0 = insertvalue { i32, i64 } poison, i32 %[[A2]], 0
; CHECK-NEXT:    %[[B2:[^ ]+]] = mul i64 %b, 9
; CHECK-NEXT:    %s1 = insertvalue { i32, i64 } %s0, i64 %[[B2]], 1
; CHECK-NEXT:    %e = extractvalue { i32, i64 } %s1, 0
; CHECK-NEXT:    %[[E2:[^ ]+]] = add i32 %e, 1
; CHECK-NEXT:    %s2 = insertvalue { i32, i64 } %s1, i32 %[[E2]], 0
; CHECK-NEXT:    ret { i32, i64 } %s2
define { i32, i64 } @aggregates(i32 %a, i64 %b) {
entry:
  %a2 = add i32 %a, 5
  %s0 = insertvalue { i32, i64 } poison, i32 %a2, 0
  %b2 = mul i64 %b, 9
  %s1 = insertvalue { i32, i64 } %s0, i64 %b2, 1
  %e = extractvalue { i32, i64 } %s1, 0
  %e2 = add i32 %e, 1
  %s2 = insertvalue { i32, i64 } %s1, i32 %e2, 0
  ret { i32, i64 } %s2
}

; Nested aggregates and arrays.
; CHECK-LABEL: define {{.*}}@nested(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %inner = extractvalue { [2 x i8], i1 } %agg, 0
; CHECK-NEXT:    %x = extractvalue { [2 x i8], i1 } %agg, 0, 1
; CHECK-NEXT:    %[[X2:[^ ]+]] = shl i8 %x, 1
; CHECK-NEXT:    %r = insertvalue [2 x i8] %inner, i8 %[[X2]], 0
; CHECK-NEXT:    ret [2 x i8] %r
define [2 x i8] @nested({ [2 x i8], i1 } %agg) {
entry:
  %inner = extractvalue { [2 x i8], i1 } %agg, 0
  %x = extractvalue { [2 x i8], i1 } %agg, 0, 1
  %x2 = shl i8 %x, 1
  %r = insertvalue [2 x i8] %inner, i8 %x2, 0
  ret [2 x i8] %r
}
