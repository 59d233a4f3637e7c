; A loop-carried value computed from this iteration's data and used in the
; next, as a shift over an array of words carries the bits it shifts out
; (LoopPolicy.cpp, orderRecurrences; docs/loop-passes.md, "Recurrences").
; LLVM's vectorizer widens such a recurrence only when the value is computed
; before the phi's uses; the elaborator places it last, after the store. It is
; moved before the `or` that reads the phi, and the loop is widened. A value
; that reads memory stays where it is; an induction is not moved.
;
; RUN: egopt --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-loop-passes --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; STATS: "vectorized_functions": 1,
; STATS: "recurrences_ordered": 1,

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-LABEL: define {{.*}}@shift_right(
; CHECK:         vector.body:
; CHECK:         %vector.recur = phi <2 x i64>
; CHECK:         shufflevector <2 x i64> %vector.recur
; OFF-LABEL:   define {{.*}}@shift_right(
; OFF-NOT:       vector.body
; OFF:           ret void
define void @shift_right(ptr noalias %a, i64 %n, i64 %s) {
entry:
  %empty = icmp eq i64 %n, 0
  %t = sub i64 64, %s
  br i1 %empty, label %exit, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %carry = phi i64 [ 0, %entry ], [ %next, %loop ]
  %p = getelementptr inbounds i64, ptr %a, i64 %i
  %x = load i64, ptr %p
  %lo = lshr i64 %x, %s
  %v = or i64 %lo, %carry
  store i64 %v, ptr %p
  %next = shl i64 %x, %t
  %i.next = add nuw i64 %i, 1
  %done = icmp eq i64 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

; The carried value is a load of the next word, after the store to this one:
; moving it would read before the store. The loop stays scalar.
; CHECK-LABEL: define {{.*}}@carry_reload(
; CHECK-NOT:     vector.body
; CHECK:         ret void
define void @carry_reload(ptr %a, ptr %b, i64 %n) {
entry:
  %empty = icmp eq i64 %n, 0
  br i1 %empty, label %exit, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %carry = phi i64 [ 0, %entry ], [ %next, %loop ]
  %p = getelementptr inbounds i64, ptr %a, i64 %i
  %x = load i64, ptr %p
  %v = add i64 %x, %carry
  %q = getelementptr inbounds i64, ptr %b, i64 %i
  store i64 %v, ptr %q
  %next = load i64, ptr %p
  %i.next = add nuw i64 %i, 1
  %done = icmp eq i64 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}
