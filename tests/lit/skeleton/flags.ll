; Instruction flags survive lifting and lowering: nuw/nsw, exact, disjoint,
; icmp samesign, zext/uitofp nneg, trunc nuw/nsw, fast-math flags on
; arithmetic, compares, selects and fneg.
;
; This file tests what happens without rewrite rules (--no-builtin-rules).
; RUN: egopt --no-builtin-rules --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-builtin-rules --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-builtin-rules %s -o %t.o

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use32(i32)
declare void @use64(i64)
declare void @use1(i1)
declare void @usef(float)
declare void @used(double)

; CHECK-LABEL: define {{.*}}@integer_flags(
; CHECK-DAG:     add nuw nsw i32 %a, %b
; CHECK-DAG:     sub nsw i32 %a, %b
; CHECK-DAG:     mul nuw i32 %a, %b
; CHECK-DAG:     shl nuw nsw i32 %a, 3
; CHECK-DAG:     lshr exact i32 %a, 2
; CHECK-DAG:     ashr exact i32 %b, 1
; CHECK-DAG:     udiv exact i32 %a, 8
; CHECK-DAG:     sdiv exact i32 %b, 4
; CHECK-DAG:     or disjoint i32 %a, 1
; CHECK-DAG:     icmp samesign ult i32 %a, %b
; CHECK-DAG:     icmp samesign sgt i32 %a, 7
; CHECK:         ret void
define void @integer_flags(i32 %a, i32 %b) {
entry:
  %add = add nuw nsw i32 %a, %b
  call void @use32(i32 %add)
  %sub = sub nsw i32 %a, %b
  call void @use32(i32 %sub)
  %mul = mul nuw i32 %a, %b
  call void @use32(i32 %mul)
  %shl = shl nuw nsw i32 %a, 3
  call void @use32(i32 %shl)
  %lshr = lshr exact i32 %a, 2
  call void @use32(i32 %lshr)
  %ashr = ashr exact i32 %b, 1
  call void @use32(i32 %ashr)
  %udiv = udiv exact i32 %a, 8
  call void @use32(i32 %udiv)
  %sdiv = sdiv exact i32 %b, 4
  call void @use32(i32 %sdiv)
  %or = or disjoint i32 %a, 1
  call void @use32(i32 %or)
  %c1 = icmp samesign ult i32 %a, %b
  call void @use1(i1 %c1)
  %c2 = icmp samesign sgt i32 %a, 7
  call void @use1(i1 %c2)
  ret void
}

; Flags are part of an operation's identity: with and without a flag are
; two computations, both kept.
; CHECK-LABEL: define {{.*}}@flags_distinguish(
; CHECK-DAG:     add nuw i32 %a, %b
; CHECK-DAG:     add i32 %a, %b
; CHECK-DAG:     or disjoint i32 %a, %b
; CHECK-DAG:     or i32 %a, %b
; CHECK-DAG:     zext nneg i32 %a to i64
; CHECK-DAG:     zext i32 %a to i64
; CHECK:         ret void
define void @flags_distinguish(i32 %a, i32 %b) {
entry:
  %x1 = add nuw i32 %a, %b
  %x2 = add i32 %a, %b
  call void @use32(i32 %x1)
  call void @use32(i32 %x2)
  %o1 = or disjoint i32 %a, %b
  %o2 = or i32 %a, %b
  call void @use32(i32 %o1)
  call void @use32(i32 %o2)
  %z1 = zext nneg i32 %a to i64
  %z2 = zext i32 %a to i64
  call void @use64(i64 %z1)
  call void @use64(i64 %z2)
  ret void
}

; CHECK-LABEL: define {{.*}}@cast_flags(
; CHECK-DAG:     zext nneg i32 %a to i64
; CHECK-DAG:     trunc nuw i64 %c to i32
; CHECK-DAG:     trunc nsw i64 %c to i16
; CHECK-DAG:     trunc nuw nsw i64 %c to i8
; CHECK-DAG:     uitofp nneg i32 %a to float
; CHECK:         ret void
define void @cast_flags(i32 %a, i64 %c) {
entry:
  %z = zext nneg i32 %a to i64
  call void @use64(i64 %z)
  %t = trunc nuw i64 %c to i32
  call void @use32(i32 %t)
  %t16 = trunc nsw i64 %c to i16
  %t16x = sext i16 %t16 to i32
  call void @use32(i32 %t16x)
  %t8 = trunc nuw nsw i64 %c to i8
  %t8x = zext i8 %t8 to i32
  call void @use32(i32 %t8x)
  %u = uitofp nneg i32 %a to float
  call void @usef(float %u)
  ret void
}

; CHECK-LABEL: define {{.*}}@fast_math(
; CHECK-DAG:     fadd nnan ninf nsz float %f, %g
; CHECK-DAG:     fmul fast float %f, %g
; CHECK-DAG:     fsub reassoc contract float %f, %g
; CHECK-DAG:     fdiv arcp afn float %f, %g
; CHECK-DAG:     frem nnan float %f, %g
; CHECK-DAG:     fneg nsz float %f
; CHECK-DAG:     fcmp reassoc oeq float %f, %g
; CHECK-DAG:     fcmp nnan ninf uno float %f, %g
; CHECK-DAG:     select nnan i1 %c, float %f, float %g
; CHECK-DAG:     fpext float %f to double
; CHECK-DAG:     fadd double
; CHECK:         ret void
define void @fast_math(float %f, float %g, i1 %c) {
entry:
  %a = fadd nnan ninf nsz float %f, %g
  call void @usef(float %a)
  %m = fmul fast float %f, %g
  call void @usef(float %m)
  %s = fsub reassoc contract float %f, %g
  call void @usef(float %s)
  %d = fdiv arcp afn float %f, %g
  call void @usef(float %d)
  %r = frem nnan float %f, %g
  call void @usef(float %r)
  %n = fneg nsz float %f
  call void @usef(float %n)
  %c1 = fcmp reassoc oeq float %f, %g
  call void @use1(i1 %c1)
  %c2 = fcmp nnan ninf uno float %f, %g
  call void @use1(i1 %c2)
  %sel = select nnan i1 %c, float %f, float %g
  call void @usef(float %sel)
  %x = fpext float %f to double
  %y = fadd double %x, 1.5
  call void @used(double %y)
  ret void
}

; Without fast-math flags, no flags appear.
; CHECK-LABEL: define {{.*}}@strict(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[A:[^ ]+]] = fadd float %f, %g
; CHECK-NEXT:    %[[M:[^ ]+]] = fmul float %[[A]], 2.000000e+00
; CHECK-NEXT:    ret float %[[M]]
define float @strict(float %f, float %g) {
entry:
  %a = fadd float %f, %g
  %m = fmul float %a, 2.0
  ret float %m
}
