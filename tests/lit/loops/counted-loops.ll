; Rust's `for i in 0..3` after inlining (CountedLoops.h): `Range::next`
; steps the counter with `checked_add` behind a branch to a panic and returns
; an `Option` whose tag the loop tests through a zext and a trunc. Scalar
; evolution cannot count that loop. Inside the inliner's walk, before the
; full unroller, the guard `i < 3` rules the overflow out and the tag's
; branch is threaded, so the loop is counted and unrolled: three loads, no
; loop. Without the loop passes the loop stays (the skeleton still cleans
; it up before lifting).
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-interprocedural --no-loop-passes --emit=llvm -o - %s | FileCheck %s --check-prefix=NOLOOP
; STATS-DAG: "unroll_overflow_checks_removed": 1
; STATS-DAG: "unroll_phi_branches_threaded": 2

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @panic() noreturn

; CHECK-LABEL: define {{.*}}@sum3(
; CHECK-NOT:     br
; CHECK-COUNT-3: load i32
; CHECK-NOT:     with.overflow
; CHECK:         ret i32
; NOLOOP-LABEL: define {{.*}}@sum3(
; NOLOOP-NOT:    with.overflow
; NOLOOP:        phi
; NOLOOP:        br i1
define i32 @sum3(ptr %p) {
entry:
  br label %head
head:
  %i = phi i32 [ 0, %entry ], [ %i.next, %body ]
  %sum = phi i32 [ 0, %entry ], [ %sum.next, %body ]
  %lt = icmp slt i32 %i, 3
  br i1 %lt, label %step, label %next
step:
  %r = call { i32, i1 } @llvm.sadd.with.overflow.i32(i32 %i, i32 1)
  %inc = extractvalue { i32, i1 } %r, 0
  %ov = extractvalue { i32, i1 } %r, 1
  br i1 %ov, label %fail, label %next
fail:
  call void @panic()
  unreachable
next:
  %i.next = phi i32 [ %i, %head ], [ %inc, %step ]
  %value = phi i32 [ undef, %head ], [ %i, %step ]
  %tag = phi i32 [ 0, %head ], [ 1, %step ]
  %pair.0 = insertvalue { i32, i32 } poison, i32 %tag, 0
  %pair = insertvalue { i32, i32 } %pair.0, i32 %value, 1
  %wide = zext nneg i32 %tag to i64
  %some = trunc nuw i64 %wide to i1
  br i1 %some, label %body, label %done
body:
  %idx = sext i32 %value to i64
  %a = getelementptr inbounds i32, ptr %p, i64 %idx
  %v = load i32, ptr %a
  %sum.next = add i32 %sum, %v
  br label %head
done:
  ret i32 %sum
}
