; Overflow intrinsics whose operands' ranges at the call rule the overflow
; out (docs/skeleton.md): the overflow bit is false and the value a plain
; operation with nsw or nuw. In @range_step (Rust's `Range<i32>::next`
; stepping with `checked_add`) the guard `i < n` bounds i below INT_MAX, so
; i + 1 cannot wrap and the branch to the panic goes. In @bounded_mul the
; guard bounds x below 1000, so x * 1000 fits. In @pair_returned the pair is
; returned whole and is rebuilt from the operation and `false`. The others
; stay: @step_two's i + 2 can wrap when i = INT_MAX - 1 < n, and
; @unguarded has no guard at all.
;
; RUN: egopt --no-loop-passes --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-loop-passes --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-loop-passes --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-loop-passes --no-interprocedural --no-skeleton --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; STATS: "overflow_checks_removed": 3
; OFF: @llvm.sadd.with.overflow.i32(i32 %i, i32 1)

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @panic() noreturn
declare void @use(i32)

; CHECK-LABEL: define {{.*}}@range_step(
; CHECK-NOT:     with.overflow
; CHECK-NOT:     @panic
; CHECK:         add nsw i32 %i, 1
; CHECK:       }
define i32 @range_step(i32 %n) {
entry:
  br label %head
head:
  %i = phi i32 [ 0, %entry ], [ %next, %step ]
  %lt = icmp slt i32 %i, %n
  br i1 %lt, label %step, label %done
step:
  %r = call { i32, i1 } @llvm.sadd.with.overflow.i32(i32 %i, i32 1)
  %next = extractvalue { i32, i1 } %r, 0
  %ov = extractvalue { i32, i1 } %r, 1
  br i1 %ov, label %fail, label %head
fail:
  call void @panic()
  unreachable
done:
  ret i32 %i
}

; CHECK-LABEL: define {{.*}}@bounded_mul(
; CHECK-NOT:     with.overflow
; CHECK:         mul nuw {{.*}}i32 %x, 1000
; CHECK:       }
define i32 @bounded_mul(i32 %x) {
entry:
  %small = icmp ult i32 %x, 1000
  br i1 %small, label %then, label %else
then:
  %r = call { i32, i1 } @llvm.umul.with.overflow.i32(i32 %x, i32 1000)
  %v = extractvalue { i32, i1 } %r, 0
  %ov = extractvalue { i32, i1 } %r, 1
  br i1 %ov, label %fail, label %ok
ok:
  ret i32 %v
fail:
  call void @panic()
  unreachable
else:
  ret i32 0
}

; CHECK-LABEL: define {{.*}}@pair_returned(
; CHECK-NOT:     with.overflow
; CHECK:         %[[SUM:[^ ]+]] = add nuw i32 %x, 3
; CHECK:         insertvalue { i32, i1 } {{.*}}, i32 %[[SUM]], 0
define { i32, i1 } @pair_returned(i32 %x) {
entry:
  %small = icmp ult i32 %x, 7
  br i1 %small, label %then, label %else
then:
  call void @use(i32 %x)
  %r = call { i32, i1 } @llvm.uadd.with.overflow.i32(i32 %x, i32 3)
  ret { i32, i1 } %r
else:
  ret { i32, i1 } zeroinitializer
}

; CHECK-LABEL: define {{.*}}@step_two(
; CHECK:         @llvm.sadd.with.overflow.i32(i32 %i, i32 2)
define void @step_two(i32 %i, i32 %n) {
entry:
  %lt = icmp slt i32 %i, %n
  br i1 %lt, label %step, label %done
step:
  %r = call { i32, i1 } @llvm.sadd.with.overflow.i32(i32 %i, i32 2)
  %v = extractvalue { i32, i1 } %r, 0
  %ov = extractvalue { i32, i1 } %r, 1
  br i1 %ov, label %fail, label %ok
ok:
  call void @use(i32 %v)
  br label %done
fail:
  call void @panic()
  unreachable
done:
  ret void
}

; CHECK-LABEL: define {{.*}}@unguarded(
; CHECK:         @llvm.sadd.with.overflow.i32(i32 %x, i32 1)
define i32 @unguarded(i32 %x) {
entry:
  %r = call { i32, i1 } @llvm.sadd.with.overflow.i32(i32 %x, i32 1)
  %v = extractvalue { i32, i1 } %r, 0
  %ov = extractvalue { i32, i1 } %r, 1
  br i1 %ov, label %fail, label %ok
ok:
  ret i32 %v
fail:
  call void @panic()
  unreachable
}
