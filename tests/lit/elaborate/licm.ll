; LICM in elaboration: a pure value goes to the block of least loop depth on
; the dominator path between its operands' definitions and its use; values
; that depend on the loop stay in it. Division by a variable is skeleton (it
; may trap) and stays where it was; division by a constant that cannot trap
; is pure and is hoisted.
;
; This file tests what happens without rewrite rules (--no-builtin-rules).
; RUN: egopt --no-builtin-rules --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-builtin-rules --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; The same with --stats: the hoists are counted.
; RUN: egopt --no-builtin-rules --stats --emit=llvm %s -o %t.2.ll 2>&1 | FileCheck %s --check-prefix=STATS
; STATS: {{^ *[1-9][0-9]* values hoisted to a shallower loop \(LICM\)}}

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)

; CHECK-LABEL: define {{.*}}@invariant(
; CHECK:       entry:
; CHECK-NEXT:    %[[INV:[^ ]+]] = mul i32 %a, %b
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i32 [ 0, %entry ], [ %[[NEXT:[^ ]+]], %loop ]
; CHECK-NEXT:    %[[VAR:[^ ]+]] = add i32 %i, %[[INV]]
; CHECK-NEXT:    call void @use(i32 %[[VAR]])
; CHECK-NEXT:    %[[NEXT]] = add nuw i32 %i, 1
; CHECK-NEXT:    %[[DONE:[^ ]+]] = icmp eq i32 %[[NEXT]], %n
; CHECK-NEXT:    br i1 %[[DONE]], label %exit, label %loop
define void @invariant(i32 %a, i32 %b, i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %inv = mul i32 %a, %b
  %var = add i32 %i, %inv
  call void @use(i32 %var)
  %i.next = add nuw i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

; A value computed from a value loaded before the loop is invariant too:
; it goes right after the load's block, the preheader.
; CHECK-LABEL: define {{.*}}@invariant_of_skeleton(
; CHECK:       entry:
; CHECK-NEXT:    %v = load i32, ptr %p, align 4
; CHECK-NEXT:    %[[INV:[^ ]+]] = lshr i32 %v, 3
; CHECK-NEXT:    br label %loop
; CHECK:       loop:
; CHECK-NOT:     lshr
; CHECK:         call void @use(i32 %[[INV]])
; CHECK:       exit:
define void @invariant_of_skeleton(ptr %p, i32 %n) {
entry:
  %v = load i32, ptr %p, align 4
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %inv = lshr i32 %v, 3
  call void @use(i32 %inv)
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

; Division: by a variable, stays in the loop (skeleton); by non-zero
; constants (and not signed -1), hoisted to the preheader.
; CHECK-LABEL: define {{.*}}@division(
; CHECK:       entry:
; CHECK-DAG:     %[[QC:[^ ]+]] = udiv i32 %a, 7
; CHECK-DAG:     %[[RC:[^ ]+]] = srem i32 %a, 3
; CHECK-DAG:     %[[SC:[^ ]+]] = sdiv exact i32 %a, 4
; CHECK-NOT:     {{div|rem}} i32 %a, %d
; CHECK:         br label %loop
; CHECK:       loop:
; CHECK-NEXT:    %i = phi
; CHECK-NEXT:    %q.var = udiv i32 %a, %d
; CHECK-NEXT:    call void @use(i32 %q.var)
; CHECK-NEXT:    %r.var = srem i32 %a, %d
; CHECK-NEXT:    call void @use(i32 %r.var)
; CHECK-NEXT:    %q.minus1 = sdiv i32 %a, -1
; CHECK-NEXT:    call void @use(i32 %q.minus1)
; CHECK-NEXT:    %q.zero = urem i32 %a, 0
; CHECK-NEXT:    call void @use(i32 %q.zero)
; CHECK-NEXT:    call void @use(i32 %[[QC]])
; CHECK-NEXT:    call void @use(i32 %[[RC]])
; CHECK-NEXT:    call void @use(i32 %[[SC]])
; CHECK:         br i1
define void @division(i32 %a, i32 %d, i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %q.var = udiv i32 %a, %d
  call void @use(i32 %q.var)
  %r.var = srem i32 %a, %d
  call void @use(i32 %r.var)
  %q.minus1 = sdiv i32 %a, -1
  call void @use(i32 %q.minus1)
  %q.zero = urem i32 %a, 0
  call void @use(i32 %q.zero)
  %q.const = udiv i32 %a, 7
  call void @use(i32 %q.const)
  %r.const = srem i32 %a, 3
  call void @use(i32 %r.const)
  %s.const = sdiv exact i32 %a, 4
  call void @use(i32 %s.const)
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

; A division by a variable in a conditional block stays in that block, even
; outside loops: hoisting it above the branch could trap.
; CHECK-LABEL: define {{.*}}@guarded_division(
; CHECK:       entry:
; CHECK-NEXT:    %[[NZ:[^ ]+]] = icmp ne i32 %d, 0
; CHECK-NEXT:    br i1 %[[NZ]], label %div, label %exit
; CHECK:       div:
; CHECK-NEXT:    %q = udiv i32 %a, %d
define i32 @guarded_division(i32 %a, i32 %d, i32 %n) {
entry:
  %nz = icmp ne i32 %d, 0
  br i1 %nz, label %div, label %exit
div:
  %q = udiv i32 %a, %d
  call void @use(i32 %q)
  br label %exit
exit:
  ret i32 0
}

; Nested loops: a value invariant in the inner loop only goes to the outer
; loop's body; one invariant in both goes above both.
; CHECK-LABEL: define {{.*}}@nested(
; CHECK:       entry:
; CHECK-NEXT:    %[[ALL:[^ ]+]] = xor i32 %a, 255
; CHECK-NEXT:    br label %outer
; CHECK:       outer:
; CHECK-NEXT:    %i = phi
; CHECK-NEXT:    %[[OUT:[^ ]+]] = shl i32 %i, 2
; CHECK-NEXT:    br label %inner
; CHECK:       inner:
; CHECK-NEXT:    %j = phi
; CHECK-NEXT:    %[[V:[^ ]+]] = add i32 %j, %[[OUT]]
; CHECK-NEXT:    %[[W:[^ ]+]] = add i32 %[[V]], %[[ALL]]
; CHECK-NEXT:    call void @use(i32 %[[W]])
define void @nested(i32 %a, i32 %n, i32 %m) {
entry:
  br label %outer
outer:
  %i = phi i32 [ 0, %entry ], [ %i.next, %outer.latch ]
  br label %inner
inner:
  %j = phi i32 [ 0, %outer ], [ %j.next, %inner ]
  %inv.outer = shl i32 %i, 2
  %inv.all = xor i32 %a, 255
  %v = add i32 %inv.outer, %j
  %w = add i32 %v, %inv.all
  call void @use(i32 %w)
  %j.next = add i32 %j, 1
  %jdone = icmp eq i32 %j.next, %m
  br i1 %jdone, label %outer.latch, label %inner
outer.latch:
  %i.next = add i32 %i, 1
  %idone = icmp eq i32 %i.next, %n
  br i1 %idone, label %exit, label %outer
exit:
  ret void
}

; A computation repeated in a loop and after it: the loop's copy is hoisted
; to the preheader, which dominates the exit, so the exit reuses it.
; CHECK-LABEL: define {{.*}}@hoisted_then_reused(
; CHECK:       entry:
; CHECK-NEXT:    %[[X:[^ ]+]] = mul i32 %a, 13
; CHECK-NEXT:    br label %loop
; CHECK:       exit:
; CHECK-NOT:     mul
; CHECK-NEXT:    ret i32 %[[X]]
define i32 @hoisted_then_reused(i32 %a, i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %x = mul i32 %a, 13
  call void @use(i32 %x)
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  %y = mul i32 %a, 13
  ret i32 %y
}
