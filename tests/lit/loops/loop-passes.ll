; LLVM's loop passes around the e-graph (docs/loop-passes.md): at
; -O2 a loop with a small constant trip count is fully unrolled before
; lifting, and the e-graph folds the copies' induction values into constant
; offsets; after lowering, LLVM's loop vectorizer runs on loops it can widen.
; --no-loop-passes and -O1 run neither.
;
; RUN: egopt --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-loop-passes --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; RUN: egopt -O1 --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)

; Eight iterations of a body that LLVM's -O2 size limit (150) finds too big
; in this unsimplified form; under egopt's own limit for small counted loops
; (200, passes/llvm/include/egopt/llvm/SmallLoopUnroll.h) it is unrolled.
; SROA then runs again: the array indexed by the induction variable, now by
; constants, becomes values (no alloca left).
; CHECK-LABEL: define {{.*}}@streams(
; CHECK-NOT:     alloca
; CHECK-NOT:     phi
; CHECK:         ret i64
; OFF-LABEL: define {{.*}}@streams(
; OFF:           alloca [8 x i64]
; OFF:           phi i32
define i64 @streams(ptr %in) {
entry:
  %st = alloca [8 x i64], align 16
  call void @llvm.memset.p0.i64(ptr %st, i8 0, i64 64, i1 false)
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %ix = sext i32 %i to i64
  %sp = getelementptr inbounds [8 x i64], ptr %st, i64 0, i64 %ix
  %s = load i64, ptr %sp
  %ip = getelementptr inbounds i64, ptr %in, i64 %ix
  %v = load i64, ptr %ip
  %m = mul i64 %v, 5
  %a = add i64 %m, 7
  %sh = shl i64 %s, 2
  %x = xor i64 %a, %sh
  %sr = lshr i64 %s, 3
  %o = or i64 %x, %sr
  %t = trunc i64 %o to i32
  %z = zext i32 %t to i64
  %q = mul i64 %z, 3
  %w = sub i64 %q, %v
  %w1 = and i64 %w, 4095
  %e1 = mul i64 %w1, 9
  %e2 = xor i64 %e1, %s
  %e3 = lshr i64 %e2, 5
  %e4 = add i64 %e3, %v
  %e5 = shl i64 %e4, 1
  %e6 = or i64 %e5, %m
  %e7 = sub i64 %e6, %sh
  %e8 = mul i64 %e7, 11
  %w2 = and i64 %e8, 65535
  store i64 %w2, ptr %sp
  %i.next = add nsw i32 %i, 1
  %c = icmp slt i32 %i.next, 8
  br i1 %c, label %loop, label %exit
exit:
  %p0 = load i64, ptr %st
  %p7p = getelementptr inbounds i8, ptr %st, i64 56
  %p7 = load i64, ptr %p7p
  %r = add i64 %p0, %p7
  ret i64 %r
}
; Sixteen iterations of the same body: over both limits, the loop stays (the
; vectorizer widens it: one of the six vectorized functions in STATS).
; CHECK-LABEL: define {{.*}}@streams16(
; CHECK:         alloca [16 x i64]
; CHECK:         phi i{{32|64}}
define i64 @streams16(ptr %in) {
entry:
  %st = alloca [16 x i64], align 16
  call void @llvm.memset.p0.i64(ptr %st, i8 0, i64 128, i1 false)
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %ix = sext i32 %i to i64
  %sp = getelementptr inbounds [16 x i64], ptr %st, i64 0, i64 %ix
  %s = load i64, ptr %sp
  %ip = getelementptr inbounds i64, ptr %in, i64 %ix
  %v = load i64, ptr %ip
  %m = mul i64 %v, 5
  %a = add i64 %m, 7
  %sh = shl i64 %s, 2
  %x = xor i64 %a, %sh
  %sr = lshr i64 %s, 3
  %o = or i64 %x, %sr
  %t = trunc i64 %o to i32
  %z = zext i32 %t to i64
  %q = mul i64 %z, 3
  %w = sub i64 %q, %v
  %w1 = and i64 %w, 4095
  %e1 = mul i64 %w1, 9
  %e2 = xor i64 %e1, %s
  %e3 = lshr i64 %e2, 5
  %e4 = add i64 %e3, %v
  %e5 = shl i64 %e4, 1
  %e6 = or i64 %e5, %m
  %e7 = sub i64 %e6, %sh
  %e8 = mul i64 %e7, 11
  %w2 = and i64 %e8, 65535
  store i64 %w2, ptr %sp
  %i.next = add nsw i32 %i, 1
  %c = icmp slt i32 %i.next, 16
  br i1 %c, label %loop, label %exit
exit:
  %p0 = load i64, ptr %st
  %p7p = getelementptr inbounds i8, ptr %st, i64 56
  %p7 = load i64, ptr %p7p
  %r = add i64 %p0, %p7
  ret i64 %r
}
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

; Four iterations: unrolled, no loop left, the loads at constant offsets.
; CHECK-LABEL: define {{.*}}@sum4(
; CHECK-NOT:     phi
; CHECK:         load i32, ptr %p
; CHECK:         getelementptr inbounds{{( nuw)?}} i8, ptr %p, i64 4
; CHECK:         getelementptr inbounds{{( nuw)?}} i8, ptr %p, i64 8
; CHECK:         getelementptr inbounds{{( nuw)?}} i8, ptr %p, i64 12
; CHECK-NOT:     phi
; CHECK:         ret i32
; OFF-LABEL: define {{.*}}@sum4(
; OFF:           phi i64
define i32 @sum4(ptr %p) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s2, %loop ]
  %a = getelementptr inbounds i32, ptr %p, i64 %i
  %v = load i32, ptr %a
  %s2 = add i32 %s, %v
  %i.next = add nuw nsw i64 %i, 1
  %c = icmp ult i64 %i.next, 4
  br i1 %c, label %loop, label %exit
exit:
  ret i32 %s2
}

; A search loop: its other exit is taken early, but the latch's exit count
; is a constant (8), which is what LLVM's unroller goes by; hinted and
; fully unrolled, no loop left.
; CHECK-LABEL: define {{.*}}@find8(
; CHECK-NOT:     %i.next
; CHECK:         getelementptr inbounds i8, ptr %p, i64 28
; CHECK-NOT:     %i.next
; CHECK:         ret i64
; OFF-LABEL: define {{.*}}@find8(
; OFF:           %i.next = add
define i64 @find8(ptr %p, i32 %x) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %latch ]
  %a = getelementptr inbounds i32, ptr %p, i64 %i
  %v = load i32, ptr %a
  %hit = icmp eq i32 %v, %x
  br i1 %hit, label %found, label %latch
latch:
  %i.next = add nuw nsw i64 %i, 1
  %c = icmp ult i64 %i.next, 8
  br i1 %c, label %loop, label %exit
found:
  ret i64 %i
exit:
  ret i64 -1
}

; zlib's slide_hash: widened, and InstCombine, run after the vectorizer on
; the functions it changed, makes the widened `m >= w ? m - w : 0` one
; saturating subtraction per vector.
; CHECK-LABEL: define {{.*}}@slide(
; CHECK:         load <{{[0-9]+}} x i16>
; CHECK-NEXT:    load <{{[0-9]+}} x i16>
; CHECK-NEXT:    call <{{[0-9]+}} x i16> @llvm.usub.sat
; CHECK:         store <{{[0-9]+}} x i16>
; OFF-LABEL: define {{.*}}@slide(
; OFF-NOT:       x i16>
; OFF:           ret void
define void @slide(ptr %p, i32 %n, i16 %w) {
entry:
  %empty = icmp eq i32 %n, 0
  br i1 %empty, label %exit, label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %idx = zext i32 %i to i64
  %a = getelementptr inbounds i16, ptr %p, i64 %idx
  %m = load i16, ptr %a
  %ge = icmp uge i16 %m, %w
  %d = sub i16 %m, %w
  %r = select i1 %ge, i16 %d, i16 0
  store i16 %r, ptr %a
  %i.next = add nuw i32 %i, 1
  %c = icmp ult i32 %i.next, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; slide_hash as zlib writes it: down the array, on the value widened to
; unsigned. The vectorizer reverses the lanes after the load and before the
; store; VectorCombine drops both reversals around the element-wise body.
; CHECK-LABEL: define {{.*}}@slide_down(
; CHECK:       vector.body:
; CHECK-NOT:     shufflevector <{{[0-9]+}} x i16>
; CHECK:         load <8 x i16>
; CHECK-NEXT:    zext <8 x i16> {{.*}} to <8 x i32>
; CHECK-NOT:     shufflevector <{{[0-9]+}} x i16>
; CHECK:         call <8 x i32> @llvm.usub.sat.v8i32
; CHECK-NEXT:    trunc nuw <8 x i32> {{.*}} to <8 x i16>
; CHECK-NEXT:    store <8 x i16>
; CHECK:       middle.block:
; OFF-LABEL: define {{.*}}@slide_down(
; OFF-NOT:       x i16>
; OFF:           ret void
define void @slide_down(ptr %p, i32 %n, i32 %w) {
entry:
  %empty = icmp eq i32 %n, 0
  %end = zext i32 %n to i64
  %top = getelementptr inbounds i16, ptr %p, i64 %end
  br i1 %empty, label %exit, label %loop
loop:
  %q = phi ptr [ %top, %entry ], [ %a, %loop ]
  %k = phi i32 [ %n, %entry ], [ %k.next, %loop ]
  %a = getelementptr inbounds i16, ptr %q, i64 -1
  %m16 = load i16, ptr %a
  %m = zext i16 %m16 to i32
  %ge = icmp uge i32 %m, %w
  %d = sub i32 %m, %w
  %r = select i1 %ge, i32 %d, i32 0
  %r16 = trunc i32 %r to i16
  store i16 %r16, ptr %a
  %k.next = add i32 %k, -1
  %c = icmp ne i32 %k.next, 0
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; InstCombine, run after the vectorizer, sees the whole function, scalar
; code included. The remainder loop's exit test, which the extractor chose to
; read from the decrement's flags (`dec; jne`, tests/lit/extract/
; flags-compare.ll), keeps comparing the decrement with zero; InstCombine
; only inverts the branch. (The remainder loop is then unrolled with a
; prologue: runtime-unroll.ll. The loop reads an array, or induction-variable
; simplification would replace the sum by its closed form.)
; CHECK-LABEL: define {{.*}}@countdown_widened(
; CHECK:       vector.body:
; CHECK:         add <4 x i32>
; CHECK:       scalar.ph:
; CHECK:         %[[DEC:dec[.a-z]*]] = add i32 %i{{[.a-z]*}}, -1
; CHECK-NEXT:    %c.not{{[.a-z]*}} = icmp eq i32 %[[DEC]], 0
; CHECK:         ret i32
define i32 @countdown_widened(ptr %a, i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ %n, %entry ], [ %dec, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s2, %loop ]
  %idx = zext i32 %i to i64
  %p = getelementptr inbounds i32, ptr %a, i64 %idx
  %v = load i32, ptr %p
  %s2 = add i32 %s, %v
  %dec = add i32 %i, -1
  %c = icmp ne i32 %dec, 0
  br i1 %c, label %loop, label %exit
exit:
  ret i32 %s2
}

; A trip count nobody knows and a call in the body: left as it is.
; CHECK-LABEL: define {{.*}}@calls(
; CHECK:         phi i{{32|64}}
; CHECK:         call void @use(
; CHECK-NOT:     x i32>
; CHECK:         ret void
define void @calls(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  call void @use(i32 %i)
  %i.next = add i32 %i, 1
  %c = icmp ult i32 %i.next, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; A copy and a fill move data without computing it: left scalar (LLVM's own
; pipeline would make them memcpy and memset calls, not vector loops). The
; loop metadata the vectorizer's hint needed is gone again.
; CHECK-LABEL: define {{.*}}@copy(
; CHECK-NOT:     x i8>
; CHECK-NOT:     !llvm.loop
; CHECK:         ret void
define void @copy(ptr noalias %d, ptr noalias %s, i64 %n) {
entry:
  %empty = icmp eq i64 %n, 0
  br i1 %empty, label %exit, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %src = getelementptr inbounds i8, ptr %s, i64 %i
  %dst = getelementptr inbounds i8, ptr %d, i64 %i
  %v = load i8, ptr %src
  store i8 %v, ptr %dst
  %i.next = add nuw i64 %i, 1
  %c = icmp ult i64 %i.next, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; CHECK-LABEL: define {{.*}}@fill(
; CHECK-NOT:     x i8>
; CHECK:         ret void
define void @fill(ptr %d, i64 %n) {
entry:
  %empty = icmp eq i64 %n, 0
  br i1 %empty, label %exit, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %dst = getelementptr inbounds i8, ptr %d, i64 %i
  store i8 -1, ptr %dst
  %i.next = add nuw i64 %i, 1
  %c = icmp ult i64 %i.next, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; A copy within one array by a constant distance needs no runtime check
; (lmdb's `mdb_node_add` moves its index slots up one): widened, as LLVM's
; own pipeline does. A copy between pointers that may overlap would need one
; and stays scalar.
; CHECK-LABEL: define {{.*}}@shift_up(
; CHECK:         load <8 x i16>
; CHECK:         ret void
define void @shift_up(ptr %p, i64 %lo, i64 %hi) {
entry:
  %empty = icmp ule i64 %hi, %lo
  br i1 %empty, label %exit, label %loop
loop:
  %i = phi i64 [ %hi, %entry ], [ %i.prev, %loop ]
  %i.prev = add i64 %i, -1
  %src = getelementptr inbounds i16, ptr %p, i64 %i.prev
  %dst = getelementptr inbounds i16, ptr %p, i64 %i
  %v = load i16, ptr %src
  store i16 %v, ptr %dst
  %c = icmp ugt i64 %i.prev, %lo
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; CHECK-LABEL: define {{.*}}@copy_may_alias(
; CHECK-NOT:     x i8>
; CHECK:         ret void
define void @copy_may_alias(ptr %d, ptr %s, i64 %n) {
entry:
  %empty = icmp eq i64 %n, 0
  br i1 %empty, label %exit, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %src = getelementptr inbounds i8, ptr %s, i64 %i
  %dst = getelementptr inbounds i8, ptr %d, i64 %i
  %v = load i8, ptr %src
  store i8 %v, ptr %dst
  %i.next = add nuw i64 %i, 1
  %c = icmp ult i64 %i.next, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; It computes what it stores, but %d and %s may overlap: widening needs a
; runtime alias check. Every access walks memory one element at a time, so
; the loop is widened behind the check.
; CHECK-LABEL: define {{.*}}@add_may_alias(
; CHECK:       vector.memcheck:
; CHECK:         add <{{[0-9]+}} x i32>
; CHECK:         ret void
define void @add_may_alias(ptr %d, ptr %s, i64 %n) {
entry:
  %empty = icmp eq i64 %n, 0
  br i1 %empty, label %exit, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %src = getelementptr inbounds i32, ptr %s, i64 %i
  %dst = getelementptr inbounds i32, ptr %d, i64 %i
  %v = load i32, ptr %src
  %w = add i32 %v, 7
  store i32 %w, ptr %dst
  %i.next = add nuw i64 %i, 1
  %c = icmp ult i64 %i.next, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; The same every other element (the real halves of complex numbers): a
; strided access behind a runtime check, left scalar.
; CHECK-LABEL: define {{.*}}@add_may_alias_strided(
; CHECK-NOT:     x i32>
; CHECK:         ret void
define void @add_may_alias_strided(ptr %d, ptr %s, i64 %n) {
entry:
  %empty = icmp eq i64 %n, 0
  br i1 %empty, label %exit, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %src = getelementptr inbounds [2 x i32], ptr %s, i64 %i
  %dst = getelementptr inbounds [2 x i32], ptr %d, i64 %i
  %v = load i32, ptr %src
  %w = add i32 %v, 7
  store i32 %w, ptr %dst
  %i.next = add nuw i64 %i, 1
  %c = icmp ult i64 %i.next, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; The same with noalias pointers: no check needed, widened.
; CHECK-LABEL: define {{.*}}@add_noalias(
; CHECK:         add <{{[0-9]+}} x i32>
; CHECK:         ret void
define void @add_noalias(ptr noalias %d, ptr noalias %s, i64 %n) {
entry:
  %empty = icmp eq i64 %n, 0
  br i1 %empty, label %exit, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %src = getelementptr inbounds i32, ptr %s, i64 %i
  %dst = getelementptr inbounds i32, ptr %d, i64 %i
  %v = load i32, ptr %src
  %w = add i32 %v, 7
  store i32 %w, ptr %dst
  %i.next = add nuw i64 %i, 1
  %c = icmp ult i64 %i.next, %n
  br i1 %c, label %loop, label %exit
exit:
  ret void
}

; Hinted: streams, sum4, find8; the unroller runs on their functions only.
; The other twelve functions with loops (unknown trip counts, or streams16's
; 16 iterations, too many to be worth LLVM's analysis and too big for its
; threshold) skip it.
; STATS: "loops_hinted": 3,
; STATS: "unroller_ran": 3,
; STATS: "unroller_skipped": 12,
; STATS: "vectorized_functions": 7,
