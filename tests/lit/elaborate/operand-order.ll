; Operand order of commutative operators (lower/lib/Elaborator.cpp): the
; operand computed in the deeper loop comes first, as LLVM's Reassociate
; ranks them. x86's two-address instructions overwrite their first operand;
; a loop-invariant first operand (FLAC's `qlp_coeff[j] * data[i - j]`) would
; be copied each iteration to survive (one `movdqa` per multiply once
; widened). Operands of the same depth keep the source's order, and
; non-commutative operators never swap.
;
; RUN: egopt --no-interprocedural --no-loop-passes --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --no-loop-passes --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-LABEL: define {{.*}}@filter(
; CHECK:       loop:
; CHECK:         %[[X:.+]] = load i32, ptr
; CHECK:         %[[Y:.+]] = load i32, ptr
; CHECK-DAG:     mul nsw i32 %[[X]], %c
; CHECK-DAG:     sub i32 %c, %[[Y]]
; CHECK-DAG:     xor i32 %[[X]], %[[Y]]
; CHECK-DAG:     fmul double %f, %d
; CHECK:       exit:
define i32 @filter(ptr %x, ptr %y, i32 %c, double %d, ptr %out, i64 %n) {
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  %f = phi double [ 0.0, %entry ], [ %f.next, %loop ]
  %px = getelementptr inbounds i32, ptr %x, i64 %i
  %py = getelementptr inbounds i32, ptr %y, i64 %i
  %vx = load i32, ptr %px
  %vy = load i32, ptr %py
  %m = mul nsw i32 %c, %vx
  %r = sub i32 %c, %vy
  %f.next = fmul double %d, %f
  %k = xor i32 %vx, %vy
  %t = add i32 %m, %r
  %u = add i32 %t, %k
  %s.next = add i32 %s, %u
  %i.next = add nuw i64 %i, 1
  %done = icmp eq i64 %i.next, %n
  br i1 %done, label %exit, label %loop

exit:
  %fi = fptosi double %f.next to i32
  %res = add i32 %s.next, %fi
  ret i32 %res
}
