; A select reaching a phi along an edge that decides its condition is the
; arm that condition picks: in @chain (zlib's `while (p && --n != 0)` after
; simplifycfg) the back edge is taken only when %more holds, so the counter
; phi receives %n.dec, and the select goes. In @or_false the false edge of
; `c || d` implies !c. In @preheader the select sits in a loop's preheader
; below its guard: every path to it takes the guard's false edge, where the
; compare with the inverse predicate is false, so the select's condition
; holds. In @unrelated the edge says nothing about the select's condition,
; so it stays.
;
; RUN: egopt --no-cfg-cleanup --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-cfg-cleanup --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; With the loop passes, the selects of the two loops are decided right after
; rotation (docs/pipeline.md); without them, by the skeleton.
; RUN: egopt --no-cfg-cleanup --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-cfg-cleanup --no-interprocedural --no-loop-passes --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=SKELETON < %t.json
; STATS: "edge_selects": 1
; STATS: "rotated_edge_selects": 2
; SKELETON: "edge_selects": 3

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare i1 @more(i32)
declare void @effect()

; CHECK-LABEL: define {{.*}}@chain(
; CHECK:         %n = phi i32 [ %start, %entry ], [ %[[DEC:[^ ]+]], %loop ]
; CHECK:         %[[DEC]] = add i32 %n, -1
; CHECK-NOT:     select
; CHECK:         ret
define i32 @chain(i32 %start) {
entry:
  br label %loop
loop:
  %n = phi i32 [ %start, %entry ], [ %n.next, %loop ]
  %p = call i1 @more(i32 %n)
  %ne = icmp ne i32 %n, 1
  %go = select i1 %p, i1 %ne, i1 false
  %n.dec = add i32 %n, -1
  %n.next = select i1 %p, i32 %n.dec, i32 %n
  br i1 %go, label %loop, label %exit
exit:
  ret i32 %n
}

; CHECK-LABEL: define {{.*}}@or_false(
; CHECK:         phi i32 [ %y, %entry ], [ %a, %other ]
define i32 @or_false(i1 %c, i1 %d, i32 %x, i32 %y, i32 %a) {
entry:
  %s = select i1 %c, i32 %x, i32 %y
  %either = select i1 %c, i1 true, i1 %d
  br i1 %either, label %other, label %join
other:
  call void @effect()
  br label %join
join:
  %r = phi i32 [ %s, %entry ], [ %a, %other ]
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@preheader(
; CHECK:         phi i32 [ %x, %{{[^ ]+}} ]
; CHECK-NOT:     select
; CHECK:         ret
define i32 @preheader(i32 %n, i32 %x) {
entry:
  %empty = icmp eq i32 %n, 0
  br i1 %empty, label %exit, label %ph
ph:
  %nonempty = icmp ne i32 %n, 0
  %first = select i1 %nonempty, i32 %x, i32 7
  br label %loop
loop:
  %v = phi i32 [ %first, %ph ], [ %v.next, %loop ]
  %i = phi i32 [ 0, %ph ], [ %i.next, %loop ]
  call void @effect()
  %v.next = mul i32 %v, 3
  %i.next = add i32 %i, 1
  %again = icmp ult i32 %i.next, %n
  br i1 %again, label %loop, label %exit
exit:
  %r = phi i32 [ 0, %entry ], [ %v.next, %loop ]
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@unrelated(
; CHECK:         select i1 %c, i32 %x, i32 %y
define i32 @unrelated(i1 %c, i1 %d, i32 %x, i32 %y) {
entry:
  %s = select i1 %c, i32 %x, i32 %y
  br i1 %d, label %join, label %other
other:
  call void @effect()
  br label %join
join:
  %r = phi i32 [ %s, %entry ], [ 0, %other ]
  ret i32 %r
}
