; Vector element operations (extractelement, insertelement, shufflevector)
; and vector arithmetic are pure: lifted, merged and placed like scalars;
; the shuffle masks (poison lanes included) and vector constants survive.
;
; RUN: egopt --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt %s -o %t.o

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @usev(<4 x i32>)

; CHECK-LABEL: define {{.*}}@vector_ops(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[E:[^ ]+]] = extractelement <4 x i32> %v, i32 2
; CHECK-NEXT:    %[[S:[^ ]+]] = add i32 %[[E]], %x
; CHECK-NEXT:    %[[INS:[^ ]+]] = insertelement <4 x i32> %v, i32 %[[S]], i32 %idx
; CHECK-NEXT:    %[[SH:[^ ]+]] = shufflevector <4 x i32> %[[INS]], <4 x i32> %v, <4 x i32> <i32 0, i32 5, i32 poison, i32 7>
; CHECK-NEXT:    %[[SUM:[^ ]+]] = add <4 x i32> %[[SH]], <i32 1, i32 2, i32 3, i32 4>
; CHECK-NEXT:    ret <4 x i32> %[[SUM]]
define <4 x i32> @vector_ops(<4 x i32> %v, i32 %x, i32 %idx) {
entry:
  %e = extractelement <4 x i32> %v, i32 2
  %s = add i32 %e, %x
  %ins = insertelement <4 x i32> %v, i32 %s, i32 %idx
  %sh = shufflevector <4 x i32> %ins, <4 x i32> %v, <4 x i32> <i32 0, i32 5, i32 poison, i32 7>
  %sum = add <4 x i32> %sh, <i32 1, i32 2, i32 3, i32 4>
  ret <4 x i32> %sum
}

; Equal element operations are merged; the vector compare and select too.
; CHECK-LABEL: define {{.*}}@vector_gvn(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[E:[^ ]+]] = extractelement <4 x i32> %a, i64 1
; CHECK-NEXT:    %[[I:[^ ]+]] = insertelement <4 x i32> %b, i32 %[[E]], i64 0
; CHECK-NEXT:    call void @usev(<4 x i32> %[[I]])
; CHECK-NEXT:    call void @usev(<4 x i32> %[[I]])
; CHECK-NEXT:    %[[C:[^ ]+]] = icmp sgt <4 x i32> %a, %b
; CHECK-NEXT:    %[[M:[^ ]+]] = select <4 x i1> %[[C]], <4 x i32> %a, <4 x i32> %b
; CHECK-NEXT:    call void @usev(<4 x i32> %[[M]])
; CHECK-NEXT:    call void @usev(<4 x i32> %[[M]])
; CHECK-NEXT:    ret void
define void @vector_gvn(<4 x i32> %a, <4 x i32> %b) {
entry:
  %e1 = extractelement <4 x i32> %a, i64 1
  %e2 = extractelement <4 x i32> %a, i64 1
  %i1 = insertelement <4 x i32> %b, i32 %e1, i64 0
  %i2 = insertelement <4 x i32> %b, i32 %e2, i64 0
  call void @usev(<4 x i32> %i1)
  call void @usev(<4 x i32> %i2)
  %c1 = icmp sgt <4 x i32> %a, %b
  %m1 = select <4 x i1> %c1, <4 x i32> %a, <4 x i32> %b
  %c2 = icmp sgt <4 x i32> %a, %b
  %m2 = select <4 x i1> %c2, <4 x i32> %a, <4 x i32> %b
  call void @usev(<4 x i32> %m1)
  call void @usev(<4 x i32> %m2)
  ret void
}

; Floating-point vectors, a splat, and a vector load/store around them.
; CHECK-LABEL: define {{.*}}@float_vectors(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %v = load <2 x double>, ptr %p, align 16
; CHECK-NEXT:    %[[INS:[^ ]+]] = insertelement <2 x double> poison, double %s, i64 0
; CHECK-NEXT:    %[[SPLAT:[^ ]+]] = shufflevector <2 x double> %[[INS]], <2 x double> poison, <2 x i32> zeroinitializer
; CHECK-NEXT:    %[[M:[^ ]+]] = fmul contract <2 x double> %v, %[[SPLAT]]
; CHECK-NEXT:    store <2 x double> %[[M]], ptr %p, align 16
; CHECK-NEXT:    ret void
define void @float_vectors(ptr %p, double %s) {
entry:
  %v = load <2 x double>, ptr %p, align 16
  %ins = insertelement <2 x double> poison, double %s, i64 0
  %splat = shufflevector <2 x double> %ins, <2 x double> poison, <2 x i32> zeroinitializer
  %m = fmul contract <2 x double> %v, %splat
  store <2 x double> %m, ptr %p, align 16
  ret void
}
