; Phis in a cycle that only pass one value around (a pointer reset to its
; start on every path of a loop) are that value, once the e-graph has run:
; both pointer phis of @reset go, and the load reads p+16 directly. In @moves
; the pointer really changes, so its phis stay.
;
; RUN: egopt --no-loop-passes --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-loop-passes --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-loop-passes --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; STATS: "phis_folded": 2

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @effect()

; CHECK-LABEL: define {{.*}}@reset(
; CHECK-NOT:     phi ptr
; CHECK:         %[[S:[^ ]+]] = getelementptr i8, ptr %p, i64 16
; CHECK-NOT:     phi ptr
; CHECK:         load i8, ptr %[[S]]
; CHECK-NOT:     phi ptr
; CHECK:         ret i64
define i64 @reset(ptr %p, i64 %n) {
entry:
  %start = getelementptr i8, ptr %p, i64 16
  br label %loop
loop:
  %s = phi ptr [ %start, %entry ], [ %s.next, %latch ]
  %i = phi i64 [ 0, %entry ], [ %i.next, %latch ]
  %v = load i8, ptr %s
  %c = icmp eq i8 %v, 0
  br i1 %c, label %a, label %b
a:
  call void @effect()
  %far = getelementptr i8, ptr %p, i64 32
  %again = getelementptr i8, ptr %far, i64 -16
  br label %latch
b:
  br label %latch
latch:
  %s.next = phi ptr [ %again, %a ], [ %s, %b ]
  %i.next = add i64 %i, 1
  %done = icmp eq i64 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i64 %i.next
}

; CHECK-LABEL: define {{.*}}@moves(
; CHECK:         phi ptr
define i64 @moves(ptr %p, i64 %n) {
entry:
  br label %loop
loop:
  %s = phi ptr [ %p, %entry ], [ %s.next, %loop ]
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %v = load i8, ptr %s
  %s.next = getelementptr i8, ptr %s, i64 1
  %i.next = add i64 %i, 1
  %done = icmp eq i64 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i64 %i.next
}
