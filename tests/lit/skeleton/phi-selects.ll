; Phis that repeat a dominating phi's decisions (docs/skeleton.md, "Phis
; that repeat a decision"): a macro like libyaml's WIDTH, `(c & 0x80) == 0
; ? 1 : (c & 0xE0) == 0xC0 ? 2 : ...`, leaves a chain of branches and a phi
; each time it is expanded. A phi reached from its immediate dominator only
; through branches on lifted conditions, across blocks that compute only
; lifted values, is a function of those conditions and its incoming values;
; a second phi of the same function, in a block the first dominates, is the
; first. Its chain is left with nothing to compute, and simplifycfg removes
; it after the e-graph.
;
; RUN: egopt --no-loop-passes --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-loop-passes --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-loop-passes --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-builtin-rules --no-loop-passes --no-interprocedural --stats-json=%t.norules.json %s -o %t.o && FileCheck %s --check-prefix=NORULES < %t.norules.json
; STATS: "phi_selects_folded": 1
; NORULES: "phi_selects_folded": 0,

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i8)
declare void @g()
declare i32 @expensive(i32)

; The width of the character at %p, twice: both loads read the byte after
; the character at the first width, and the second chain is gone.
; CHECK-LABEL: define {{.*}}@width_twice(
; CHECK:         %[[W:[^ ]+]] = phi i64
; CHECK-NEXT:    %[[Q:[^ ]+]] = getelementptr inbounds i8, ptr %p, i64 %[[W]]
; CHECK-NEXT:    load i8, ptr %[[Q]]
; CHECK-NOT:     phi
; CHECK:       again:
; CHECK-NEXT:    load i8, ptr %[[Q]]
; CHECK:         ret void
define void @width_twice(ptr %p) {
entry:
  %c = load i8, ptr %p
  %ascii = icmp sgt i8 %c, -1
  br i1 %ascii, label %w1, label %two.test
two.test:
  %hi3 = and i8 %c, -32
  %two = icmp eq i8 %hi3, -64
  br i1 %two, label %w1, label %three.test
three.test:
  %hi4 = and i8 %c, -16
  %three = icmp eq i8 %hi4, -32
  %w34 = select i1 %three, i64 3, i64 0
  br label %w1
w1:
  %width1 = phi i64 [ 1, %entry ], [ 2, %two.test ], [ %w34, %three.test ]
  %q1 = getelementptr inbounds i8, ptr %p, i64 %width1
  %b1 = load i8, ptr %q1
  call void @use(i8 %b1)
  %space = icmp eq i8 %b1, 32
  br i1 %space, label %done, label %again
again:
  br i1 %ascii, label %w2, label %two.test2
two.test2:
  %hi3.2 = and i8 %c, -32
  %two.2 = icmp eq i8 %hi3.2, -64
  br i1 %two.2, label %w2, label %three.test2
three.test2:
  %hi4.2 = and i8 %c, -16
  %three.2 = icmp eq i8 %hi4.2, -32
  %w34.2 = select i1 %three.2, i64 3, i64 0
  br label %w2
w2:
  %width2 = phi i64 [ 1, %again ], [ 2, %two.test2 ], [ %w34.2, %three.test2 ]
  %q2 = getelementptr inbounds i8, ptr %p, i64 %width2
  %b2 = load i8, ptr %q2
  call void @use(i8 %b2)
  br label %done
done:
  ret void
}

; Sibling diamonds: neither phi's block dominates the other's; both keep
; their chains (simplifycfg merges the two phis into the exit's after).
; CHECK-LABEL: define {{.*}}@siblings(
; CHECK:         udiv i32 %y, 7
; CHECK:         udiv i32 %y, 7
; CHECK:         ret i32
define i32 @siblings(i1 %c, i1 %d, i32 %x) {
entry:
  %y = call i32 @expensive(i32 %x)
  br i1 %d, label %left, label %right
left:
  call void @g()
  br i1 %c, label %l.then, label %l.join
l.then:
  %l.y = udiv i32 %y, 7
  %l.z = udiv i32 %l.y, 9
  %l.w = mul i32 %l.z, %l.y
  %l.v = udiv i32 %l.w, 11
  br label %l.join
l.join:
  %a = phi i32 [ %l.v, %l.then ], [ 7, %left ]
  br label %exit
right:
  br i1 %c, label %r.then, label %r.join
r.then:
  %r.y = udiv i32 %y, 7
  %r.z = udiv i32 %r.y, 9
  %r.w = mul i32 %r.z, %r.y
  %r.v = udiv i32 %r.w, 11
  br label %r.join
r.join:
  %b = phi i32 [ %r.v, %r.then ], [ 7, %right ]
  br label %exit
exit:
  %r = phi i32 [ %a, %l.join ], [ %b, %r.join ]
  ret i32 %r
}

; A call on the second way: the block is part of the skeleton, and the
; second phi stays.
; CHECK-LABEL: define {{.*}}@call_between(
; CHECK:         phi i32
; CHECK:         phi i32
; CHECK:         ret i32
define i32 @call_between(i1 %c, i32 %x) {
entry:
  %y = call i32 @expensive(i32 %x)
  br i1 %c, label %then, label %join
then:
  %z = udiv i32 %y, 7
  %z2 = udiv i32 %z, 9
  %z3 = mul i32 %z2, %z
  %z4 = udiv i32 %z3, 11
  br label %join
join:
  %a = phi i32 [ %z4, %then ], [ 7, %entry ]
  call void @g()
  br i1 %c, label %then2, label %join2
then2:
  call void @g()
  %w = udiv i32 %y, 7
  %w2 = udiv i32 %w, 9
  %w3 = mul i32 %w2, %w
  %w4 = udiv i32 %w3, 11
  br label %join2
join2:
  %b = phi i32 [ %w4, %then2 ], [ 7, %join ]
  %s = add i32 %a, %b
  ret i32 %s
}
