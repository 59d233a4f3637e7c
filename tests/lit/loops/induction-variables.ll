; Induction-variable simplification after rotation (docs/loop-passes.md):
; FLAC's residual filter indexes `data[i - 12]` ... `data[i]` with
; an `int i`. Widened to 64 bits, the counter is one i64 phi and each access
; one address plus a constant offset, with no sign extension per access (the
; vectorizer's cost model saw twelve of them per iteration and widened a
; loop LLVM leaves scalar). --no-loop-passes keeps the i32 counter.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --no-loop-passes --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-LABEL: define {{.*}}@residual(
; CHECK:       loop:
; CHECK:         phi i64
; CHECK-NOT:     sext
; CHECK:         br i1
; OFF-LABEL:   define {{.*}}@residual(
; OFF:         loop:
; OFF:           phi i32
; OFF:           sext i32
define void @residual(ptr noalias %data, ptr noalias %res, i32 %n, i32 %c0, i32 %c1) {
entry:
  %empty = icmp sle i32 %n, 0
  br i1 %empty, label %exit, label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %im1 = sub nsw i32 %i, 1
  %im1.x = sext i32 %im1 to i64
  %p1 = getelementptr inbounds i32, ptr %data, i64 %im1.x
  %d1 = load i32, ptr %p1
  %im2 = sub nsw i32 %i, 2
  %im2.x = sext i32 %im2 to i64
  %p2 = getelementptr inbounds i32, ptr %data, i64 %im2.x
  %d2 = load i32, ptr %p2
  %i.x = sext i32 %i to i64
  %p0 = getelementptr inbounds i32, ptr %data, i64 %i.x
  %d0 = load i32, ptr %p0
  %m1 = mul nsw i32 %d1, %c0
  %m2 = mul nsw i32 %d2, %c1
  %sum = add nsw i32 %m1, %m2
  %r = sub nsw i32 %d0, %sum
  %q = getelementptr inbounds i32, ptr %res, i64 %i.x
  store i32 %r, ptr %q
  %i.next = add nsw i32 %i, 1
  %more = icmp slt i32 %i.next, %n
  br i1 %more, label %loop, label %exit
exit:
  ret void
}
