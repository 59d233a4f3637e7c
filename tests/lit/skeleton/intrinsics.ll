; Speculatable intrinsics without memory effects (llvm.umin, llvm.ctpop,
; llvm.fshl, llvm.abs, llvm.fabs, ...) are pure: they are lifted into the
; e-graph, so equal calls are merged (GVN), invariant ones leave loops (LICM)
; and unused ones disappear (DCE). Immediate arguments (llvm.abs's i1) stay
; constants.
;
; RUN: egopt --no-loop-passes --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-loop-passes --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-loop-passes --stats %s -o %t.o 2>&1 | FileCheck %s --check-prefix=STATS
; Only the call to @use is a skeleton call.
; STATS: {{^ +1 +skeleton: call$}}

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)
declare i32 @llvm.umin.i32(i32, i32)
declare i32 @llvm.umax.i32(i32, i32)
declare i32 @llvm.ctpop.i32(i32)
declare i32 @llvm.fshl.i32(i32, i32, i32)
declare i32 @llvm.abs.i32(i32, i1 immarg)
declare float @llvm.fabs.f32(float)
declare i32 @llvm.smax.i32(i32, i32)

; CHECK-LABEL: define {{.*}}@lifted(
; CHECK:       entry:
; CHECK-NEXT:    %[[M:[^ ]+]] = call i32 @llvm.umin.i32(i32 %a, i32 %b)
; CHECK-NEXT:    %[[C:[^ ]+]] = call i32 @llvm.ctpop.i32(i32 %[[M]])
; CHECK-NEXT:    %[[F:[^ ]+]] = call i32 @llvm.fshl.i32(i32 %a, i32 %b, i32 %[[C]])
; CHECK-NEXT:    %[[AB:[^ ]+]] = call i32 @llvm.abs.i32(i32 %[[F]], i1 true)
; CHECK-NEXT:    %[[S:[^ ]+]] = add i32 %[[AB]], %[[M]]
; CHECK-NEXT:    %[[MX:[^ ]+]] = call i32 @llvm.umax.i32(i32 %a, i32 %b)
; CHECK-NEXT:    %[[S2:[^ ]+]] = add i32 %[[S]], %[[MX]]
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i32
; CHECK-NEXT:    %[[T:[^ ]+]] = add i32 %i, %[[S2]]
; CHECK-NEXT:    call void @use(i32 %[[T]])
; CHECK-NOT:     call i32 @llvm.
; CHECK:       exit:
; CHECK-NEXT:    ret i32 %[[T]]
define i32 @lifted(i32 %a, i32 %b, i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %m = call i32 @llvm.umin.i32(i32 %a, i32 %b)
  %c = call i32 @llvm.ctpop.i32(i32 %m)
  %f = call i32 @llvm.fshl.i32(i32 %a, i32 %b, i32 %c)
  %ab = call i32 @llvm.abs.i32(i32 %f, i1 true)
  %m2 = call i32 @llvm.umin.i32(i32 %a, i32 %b)
  %s = add i32 %ab, %m2
  ; Same operands, another intrinsic: not merged with umin.
  %mx = call i32 @llvm.umax.i32(i32 %a, i32 %b)
  %s2 = add i32 %s, %mx
  %t = add i32 %s2, %i
  call void @use(i32 %t)
  %dead = call float @llvm.fabs.f32(float 1.0)
  %dead2 = call i32 @llvm.smax.i32(i32 %t, i32 0)
  %i.next = add i32 %i, 1
  %d = icmp eq i32 %i.next, %n
  br i1 %d, label %exit, label %loop
exit:
  ret i32 %t
}

; llvm.abs with a different immediate is a different computation.
; CHECK-LABEL: define {{.*}}@abs_flags(
; CHECK-DAG:     call i32 @llvm.abs.i32(i32 %a, i1 true)
; CHECK-DAG:     call i32 @llvm.abs.i32(i32 %a, i1 false)
; CHECK:         ret i32
define i32 @abs_flags(i32 %a) {
entry:
  %x = call i32 @llvm.abs.i32(i32 %a, i1 true)
  %y = call i32 @llvm.abs.i32(i32 %a, i1 false)
  %s = xor i32 %x, %y
  ret i32 %s
}

; Fast-math flags on a lifted intrinsic call are kept.
; CHECK-LABEL: define {{.*}}@fmf_intrinsic(
; CHECK:         call nnan ninf float @llvm.fabs.f32(float %x)
define float @fmf_intrinsic(float %x) {
entry:
  %r = call nnan ninf float @llvm.fabs.f32(float %x)
  ret float %r
}
