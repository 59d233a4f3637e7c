; The range analysis beyond one e-node's operands (RangeAnalysis.cpp,
; PhiRanges.cpp): a select's arms narrowed by its condition (a min, a
; non-zero choice), the min/max intrinsics, a load's !range and a call's
; range, and the phis the skeleton keeps, from their incoming values narrowed
; by the branches on the way. Only the knownbits rule set runs, whose rules
; fold a compare the ranges decide; IPSCCP and the loop passes are off, so
; what folds is the e-graph's doing.
;
; RUN: egopt --no-interprocedural --no-loop-passes --no-reassociate --emit=llvm --rule-sets=knownbits -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --no-loop-passes --no-reassociate --emit=llvm --rule-sets=knownbits %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --no-loop-passes --no-reassociate --emit=llvm --rule-sets=knownbits -o /dev/null --stats-json=%t.json %s && FileCheck %s --check-prefix=STATS < %t.json

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use1(i1)
declare i32 @get()
declare i32 @llvm.umin.i32(i32, i32)

; The true arm is below 258, the false arm is 258: the select is at most
; 258, and may be 258.
; CHECK-LABEL: define {{.*}}@select_min(
; CHECK-NEXT:    %c = icmp ult i32 %x, 258
; CHECK-NEXT:    %m = select i1 %c, i32 %x, i32 258
; CHECK-NEXT:    tail call void @use1(i1 true)
; CHECK-NEXT:    %edge = icmp ult i32 %m, 258
; CHECK-NEXT:    tail call void @use1(i1 %edge)
; CHECK-NEXT:    ret void
define void @select_min(i32 %x) {
  %c = icmp ult i32 %x, 258
  %m = select i1 %c, i32 %x, i32 258
  %in = icmp ult i32 %m, 259
  call void @use1(i1 %in)
  %edge = icmp ult i32 %m, 258
  call void @use1(i1 %edge)
  ret void
}

; x where x is not 0, else 2: never 0.
; CHECK-LABEL: define {{.*}}@select_nonzero(
; CHECK-NEXT:    tail call void @use1(i1 false)
; CHECK-NEXT:    ret void
define void @select_nonzero(i32 %x) {
  %c = icmp ne i32 %x, 0
  %s = select i1 %c, i32 %x, i32 2
  %z = icmp eq i32 %s, 0
  call void @use1(i1 %z)
  ret void
}

; CHECK-LABEL: define {{.*}}@intrinsic_min(
; CHECK-NEXT:    tail call void @use1(i1 true)
; CHECK-NEXT:    ret void
define void @intrinsic_min(i32 %x) {
  %m = call i32 @llvm.umin.i32(i32 %x, i32 100)
  %in = icmp ult i32 %m, 101
  call void @use1(i1 %in)
  ret void
}

; CHECK-LABEL: define {{.*}}@load_range(
; CHECK-NEXT:    tail call void @use1(i1 true)
; CHECK-NEXT:    ret void
define void @load_range(ptr %p) {
  %v = load i8, ptr %p, !range !0
  %in = icmp ult i8 %v, 4
  call void @use1(i1 %in)
  ret void
}

; CHECK-LABEL: define {{.*}}@call_range(
; CHECK-NEXT:    %v = tail call range(i32 0, 10) i32 @get()
; CHECK-NEXT:    tail call void @use1(i1 true)
; CHECK-NEXT:    ret void
define void @call_range() {
  %v = call range(i32 0, 10) i32 @get()
  %in = icmp ult i32 %v, 10
  call void @use1(i1 %in)
  ret void
}

; The phi enters with len0 < umin(n, 258), and comes round with a
; umin(_, lim): it is at most 258, and may be 258.
; CHECK-LABEL: define {{.*}}@phi_guarded(
; CHECK:       loop:
; CHECK-NEXT:    %len = phi i32
; CHECK-NEXT:    %w = zext i32 %len to i64
; CHECK-NEXT:    tail call void @use1(i1 true)
; CHECK-NEXT:    %edge = icmp ult i64 %w, 258
; CHECK-NEXT:    tail call void @use1(i1 %edge)
define void @phi_guarded(i32 %n, i32 %len0) {
entry:
  %lim = call i32 @llvm.umin.i32(i32 %n, i32 258)
  %ok = icmp ult i32 %len0, %lim
  br i1 %ok, label %loop, label %exit

loop:
  %len = phi i32 [ %len0, %entry ], [ %next, %loop ]
  %w = zext i32 %len to i64
  %in = icmp ult i64 %w, 259
  call void @use1(i1 %in)
  %edge = icmp ult i64 %w, 258
  call void @use1(i1 %edge)
  %v = call i32 @get()
  %next = call i32 @llvm.umin.i32(i32 %v, i32 %lim)
  %more = icmp ne i32 %v, 0
  br i1 %more, label %loop, label %exit

exit:
  ret void
}

; A counter bounded by nothing the e-graph knows: its compare stays.
; CHECK-LABEL: define {{.*}}@phi_counter(
; CHECK:         %small = icmp ult i32 %i, 100
; CHECK-NEXT:    tail call void @use1(i1 %small)
define void @phi_counter(i32 %n) {
entry:
  br label %loop

loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %small = icmp ult i32 %i, 100
  call void @use1(i1 %small)
  %i.next = add i32 %i, 1
  %more = icmp ult i32 %i.next, %n
  br i1 %more, label %loop, label %exit

exit:
  ret void
}

!0 = !{i8 0, i8 4}

; The guarded phi, and the counter: `i.next <u n` on the back edge keeps it
; below the largest value, which is true and of no use.
; STATS: "phi_ranges_narrowed": 2
