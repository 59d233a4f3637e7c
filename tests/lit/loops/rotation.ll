; Loop rotation (docs/loop-passes.md): at -O2 a loop whose exit
; test is at the top gets it at the bottom, behind a guard before the loop:
; one branch per iteration, and the form the vectorizer needs. Here the
; reduction is then widened. --no-loop-passes and -O1 leave the loop as it
; is: the test in the header, an unconditional branch back.
;
; RUN: egopt --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-loop-passes --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; RUN: egopt -O1 --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; The sum of |a[i]|, FLAC's partition sums in small.
; CHECK-LABEL: define {{.*}}@abs_sum(
; CHECK:       entry:
; CHECK-NEXT:    %[[GUARD:[^ ]+]] = icmp eq i32 %n, 0
; CHECK-NEXT:    br i1 %[[GUARD]], label %exit
; CHECK:       vector.body:
; CHECK:         call <4 x i32> @llvm.abs.v4i32(
; OFF-LABEL: define {{.*}}@abs_sum(
; OFF:         head:
; OFF-NEXT:      %i = phi i32
; OFF:           br i1 %c, label %body, label %exit
; OFF:         body:
; OFF:           br label %head
define i32 @abs_sum(ptr %a, i32 %n) {
entry:
  br label %head

head:
  %i = phi i32 [ 0, %entry ], [ %i.next, %body ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %body ]
  %c = icmp ult i32 %i, %n
  br i1 %c, label %body, label %exit

body:
  %idx = zext i32 %i to i64
  %p = getelementptr inbounds i32, ptr %a, i64 %idx
  %v = load i32, ptr %p, align 4
  %abs = call i32 @llvm.abs.i32(i32 %v, i1 true)
  %s.next = add i32 %s, %abs
  %i.next = add i32 %i, 1
  br label %head

exit:
  ret i32 %s
}

declare i32 @llvm.abs.i32(i32, i1)
