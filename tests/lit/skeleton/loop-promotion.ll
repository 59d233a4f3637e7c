; Memory a loop keeps in a register (docs/skeleton.md): in @accumulate
; (flac's autocorrelation with its lags unrolled) the two `acc` slots, read
; and written every iteration and touched by nothing else in the loop (the
; samples are floats, the accumulators doubles: TBAA), are loaded before
; the loop, carried in phis, and stored on the exit. The location stays in
; memory when another access in the loop may alias it (@may_alias, no TBAA
; to tell), when its store does not run every iteration (@conditional_store),
; when the loop calls something that may not return (@may_not_return), or
; when the loop is not innermost (@outer: its inner loop is promoted).
; In @rounds (expat's SipHash rounds, `h->v0 += h->v1` as clang emits it)
; each access computes its field's address anew and the loop's exit is
; shared with the path around it: equal addresses are one location, and
; the exit is split so the stores run only after the loop.
; In @filter (flac's residual filter) the coefficient loads, of memory the
; loop never writes (noalias), are hoisted before it; in @filter_may_alias
; the store may write the coefficients, and they stay.
;
; RUN: egopt --no-interprocedural --no-loop-passes --no-builtin-rules --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --no-loop-passes --no-builtin-rules --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --no-loop-passes --no-builtin-rules --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-interprocedural --no-loop-passes --no-skeleton --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; STATS: "loop_promoted": 5
; STATS: "loop_hoisted_loads": 2
; STATS: "loop_promotion_exits_split": 1
; OFF-LABEL: define {{.*}}@accumulate(
; OFF:       loop:
; OFF:         load double

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @maybe_exit()

; CHECK-LABEL: define {{.*}}@accumulate(
; CHECK:       entry:
; CHECK:         load double, ptr %acc,
; CHECK:         load double, ptr %[[A1:[0-9a-z.]+]]
; CHECK:       loop:
; CHECK-NOT:     load double
; CHECK-NOT:     store double
; CHECK:         br i1
; CHECK:       exit:
; CHECK-DAG:     store double {{.*}}, ptr %acc,
; CHECK-DAG:     store double {{.*}}, ptr %[[A1]]
; CHECK:         ret void
define void @accumulate(ptr %data, ptr %acc, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %p = getelementptr inbounds float, ptr %data, i64 %i
  %x = load float, ptr %p, align 4, !tbaa !3
  %d = fpext float %x to double
  %a0 = load double, ptr %acc, align 8, !tbaa !5
  %s0 = fadd double %a0, %d
  store double %s0, ptr %acc, align 8, !tbaa !5
  %acc1 = getelementptr inbounds i8, ptr %acc, i64 8
  %a1 = load double, ptr %acc1, align 8, !tbaa !5
  %m = fmul double %d, %d
  %s1 = fadd double %a1, %m
  store double %s1, ptr %acc1, align 8, !tbaa !5
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit
exit:
  ret void
}

; CHECK-LABEL: define {{.*}}@rounds(
; CHECK:         br i1 %go, label %pre, label %exit
; CHECK:       pre:
; CHECK-COUNT-3: load i64
; CHECK:       loop:
; CHECK-NOT:     load
; CHECK-NOT:     store
; CHECK:         br i1 %done, label %[[OUT:.+]], label %loop
; CHECK:       [[OUT]]:
; CHECK-COUNT-2: store i64
; CHECK-NEXT:    br label %exit
; CHECK:       exit:
; CHECK-NEXT:    ret void
define void @rounds(ptr %h, i32 %n, ptr %key) {
entry:
  %go = icmp sgt i32 %n, 0
  br i1 %go, label %pre, label %exit
pre:
  %k = load i64, ptr %key, align 8, !tbaa !5
  br label %loop
loop:
  %i = phi i32 [ 0, %pre ], [ %i.next, %loop ]
  %pa = getelementptr inbounds i8, ptr %h, i64 0
  %a = load i64, ptr %pa, align 8
  %pb = getelementptr inbounds i8, ptr %h, i64 8
  %b = load i64, ptr %pb, align 8
  %sum = add i64 %a, %b
  %pa2 = getelementptr inbounds i8, ptr %h, i64 0
  store i64 %sum, ptr %pa2, align 8
  %pb2 = getelementptr inbounds i8, ptr %h, i64 8
  %b2 = load i64, ptr %pb2, align 8
  %x0 = xor i64 %b2, %sum
  %x = xor i64 %x0, %k
  %pb3 = getelementptr inbounds i8, ptr %h, i64 8
  store i64 %x, ptr %pb3, align 8
  %i.next = add nsw i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

; CHECK-LABEL: define {{.*}}@may_alias(
; CHECK:       loop:
; CHECK:         load i32, ptr %sum
; CHECK:         store i32 {{.*}}, ptr %sum
define void @may_alias(ptr %data, ptr %sum, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %p = getelementptr inbounds i32, ptr %data, i64 %i
  %x = load i32, ptr %p, align 4
  %s = load i32, ptr %sum, align 4
  %t = add i32 %s, %x
  store i32 %t, ptr %sum, align 4
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit
exit:
  ret void
}

; CHECK-LABEL: define {{.*}}@conditional_store(
; CHECK:       then:
; CHECK:         store i32 {{.*}}, ptr %count
define void @conditional_store(ptr noalias %data, ptr noalias %count, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %latch ]
  %p = getelementptr inbounds i32, ptr %data, i64 %i
  %x = load i32, ptr %p, align 4
  %zero = icmp eq i32 %x, 0
  br i1 %zero, label %then, label %latch
then:
  %c = load i32, ptr %count, align 4
  %c1 = add i32 %c, 1
  store i32 %c1, ptr %count, align 4
  br label %latch
latch:
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit
exit:
  ret void
}

; CHECK-LABEL: define {{.*}}@may_not_return(
; CHECK:       loop:
; CHECK:         store i32 {{.*}}, ptr %sum
define void @may_not_return(ptr noalias %data, ptr noalias %sum, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %p = getelementptr inbounds i32, ptr %data, i64 %i
  %x = load i32, ptr %p, align 4
  %s = load i32, ptr %sum, align 4
  %t = add i32 %s, %x
  store i32 %t, ptr %sum, align 4
  call void @maybe_exit() memory(none)
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit
exit:
  ret void
}

; CHECK-LABEL: define {{.*}}@outer(
; CHECK:       outer.head:
; CHECK:         load i32, ptr %total
; CHECK:       inner:
; CHECK-NOT:     store i32 {{.*}}, ptr %total
; CHECK:         br i1
; CHECK:       outer.latch:
; CHECK:         store i32 {{.*}}, ptr %total
define void @outer(ptr noalias %rows, ptr noalias %total, i64 %n) {
entry:
  br label %outer.head
outer.head:
  %r = phi i64 [ 0, %entry ], [ %r.next, %outer.latch ]
  br label %inner
inner:
  %j = phi i64 [ 0, %outer.head ], [ %j.next, %inner ]
  %idx = add i64 %r, %j
  %p = getelementptr inbounds i32, ptr %rows, i64 %idx
  %x = load i32, ptr %p, align 4
  %s = load i32, ptr %total, align 4
  %t = add i32 %s, %x
  store i32 %t, ptr %total, align 4
  %j.next = add nuw i64 %j, 1
  %more = icmp ult i64 %j.next, 4
  br i1 %more, label %inner, label %outer.latch
outer.latch:
  %r.next = add nuw i64 %r, 4
  %again = icmp ult i64 %r.next, %n
  br i1 %again, label %outer.head, label %exit
exit:
  ret void
}

; CHECK-LABEL: define {{.*}}@filter(
; CHECK:       entry:
; CHECK:         load i32, ptr %coeff,
; CHECK:         load i32, ptr %[[C1:[0-9a-z.]+]]
; CHECK:       loop:
; CHECK-NOT:     load i32, ptr %coeff
; CHECK:         store i32
define void @filter(ptr noalias %data, ptr noalias %coeff, ptr noalias %out, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %p = getelementptr inbounds i32, ptr %data, i64 %i
  %x0 = load i32, ptr %p, align 4
  %p1 = getelementptr inbounds i8, ptr %p, i64 4
  %x1 = load i32, ptr %p1, align 4
  %c0 = load i32, ptr %coeff, align 4
  %c1p = getelementptr inbounds i8, ptr %coeff, i64 4
  %c1 = load i32, ptr %c1p, align 4
  %m0 = mul i32 %x0, %c0
  %m1 = mul i32 %x1, %c1
  %s = add i32 %m0, %m1
  %q = getelementptr inbounds i32, ptr %out, i64 %i
  store i32 %s, ptr %q, align 4
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit
exit:
  ret void
}

; CHECK-LABEL: define {{.*}}@filter_may_alias(
; CHECK:       loop:
; CHECK:         load i32, ptr %coeff
define void @filter_may_alias(ptr %data, ptr %coeff, ptr %out, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %p = getelementptr inbounds i32, ptr %data, i64 %i
  %x0 = load i32, ptr %p, align 4
  %c0 = load i32, ptr %coeff, align 4
  %m0 = mul i32 %x0, %c0
  %q = getelementptr inbounds i32, ptr %out, i64 %i
  store i32 %m0, ptr %q, align 4
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %exit
exit:
  ret void
}

!0 = !{!"root"}
!1 = !{!"float", !0, i64 0}
!2 = !{!"double", !0, i64 0}
!3 = !{!1, !1, i64 0}
!5 = !{!2, !2, i64 0}
