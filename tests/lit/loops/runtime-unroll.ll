; Partial and runtime unrolling after the vectorizers (docs/loop-passes.md): @fnv's byte loop has an unknown trip count, so LLVM's
; unroller repeats its body four times and leaves a remainder loop for the
; last n mod 4 bytes. @calls's loop calls a function: too large for the
; target's loop buffer, it stays one loop. -O1 and --no-loop-passes run no
; unroller.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt -O1 --no-interprocedural --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; RUN: egopt --no-interprocedural --no-loop-passes --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; STATS: "runtime_unrolled_functions": 1

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-LABEL: define {{.*}}@fnv(
; CHECK:         and i64 %n, 3
; CHECK:       loop:
; CHECK-COUNT-4: mul i64 {{.*}}, 1099511628211
; CHECK:         br i1
; CHECK:       loop.epil:
; CHECK:         mul i64 {{.*}}, 1099511628211
; CHECK:         br i1
; CHECK-LABEL: define {{.*}}@calls(
; CHECK-COUNT-1: call i64 @opaque
; CHECK-NOT:     call i64 @opaque
; OFF-LABEL:   define {{.*}}@fnv(
; OFF-COUNT-1: mul i64
; OFF-NOT:     mul i64

define i64 @fnv(i64 %h, ptr %p, i64 %n) {
entry:
  %empty = icmp eq i64 %n, 0
  br i1 %empty, label %exit, label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %acc = phi i64 [ %h, %entry ], [ %mul, %loop ]
  %addr = getelementptr inbounds i8, ptr %p, i64 %i
  %byte = load i8, ptr %addr
  %wide = zext i8 %byte to i64
  %x = xor i64 %acc, %wide
  %mul = mul i64 %x, 1099511628211
  %i.next = add nuw i64 %i, 1
  %done = icmp eq i64 %i.next, %n
  br i1 %done, label %exit, label %loop

exit:
  %r = phi i64 [ %h, %entry ], [ %mul, %loop ]
  ret i64 %r
}

define i64 @calls(ptr %p, i64 %n) {
entry:
  br label %loop

loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %acc = phi i64 [ 0, %entry ], [ %sum, %loop ]
  %v = call i64 @opaque(ptr %p, i64 %i)
  %sum = add i64 %acc, %v
  %i.next = add nuw i64 %i, 1
  %done = icmp uge i64 %i.next, %n
  br i1 %done, label %exit, label %loop

exit:
  ret i64 %sum
}

declare i64 @opaque(ptr, i64)
