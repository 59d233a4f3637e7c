; Branch folding (docs/skeleton.md): after the e-graph run, a conditional br
; or a switch whose condition's class has a known value (constant folding)
; becomes an unconditional br; the successor no longer taken loses its phi
; entry, and blocks left unreachable are deleted. A condition the e-graph
; knows nothing about keeps its branch.
;
; RUN: egopt --no-cfg-cleanup --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-cfg-cleanup --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-cfg-cleanup --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; STATS: "branches_folded": 3
; STATS: "blocks_removed": 5
; RUN: %if host-x86_64-linux && clang %{ %clang %t.o %S/Inputs/branch-fold-main.c -o %t.exe && %t.exe | FileCheck %s --check-prefix=EXEC %}
; EXEC: 10 20 12 7

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @f()
declare void @g()

; (3 * 5 == 15) is true: `else` goes, and the phi keeps one entry.
; CHECK-LABEL: define {{.*}}@br_true(
; CHECK:       entry:
; CHECK-NEXT:    br label %then
; CHECK-NOT:   else:
; CHECK:       join:
; CHECK-NEXT:    %p = phi i32 [ 10, %then ]
define i32 @br_true(i32 %x) {
entry:
  %k = mul i32 3, 5
  %c = icmp eq i32 %k, 15
  br i1 %c, label %then, label %else
then:
  call void @f()
  br label %join
else:
  call void @g()
  br label %join
join:
  %p = phi i32 [ 10, %then ], [ %x, %else ]
  ret i32 %p
}

; A stored constant reaches the compare (store-to-load forwarding), which
; folds to false.
; CHECK-LABEL: define {{.*}}@br_false(
; CHECK:         store i32 0, ptr %q
; CHECK-NEXT:    br label %else
; CHECK-NOT:   then:
define i32 @br_false(ptr %q) {
entry:
  store i32 0, ptr %q
  %v = load i32, ptr %q
  %c = icmp ne i32 %v, 0
  br i1 %c, label %then, label %else
then:
  call void @f()
  br label %join
else:
  call void @g()
  br label %join
join:
  %p = phi i32 [ 11, %then ], [ 20, %else ]
  ret i32 %p
}

; The value loaded is the 6 stored (forwarding; the pre-passes cannot see
; it): the switch takes case 6; the default and cases 1 and 4 go. Cases 6
; and 2 share a block: one edge stays.
; CHECK-LABEL: define {{.*}}@switch_known(
; CHECK:       entry:
; CHECK-NEXT:    store i32 6, ptr %q
; CHECK-NEXT:    br label %c0
; CHECK-NOT:   c1:
; CHECK:       join:
; CHECK-NEXT:    %p = phi i32 [ 12, %c0 ]
define i32 @switch_known(ptr %q, i32 %x) {
entry:
  store i32 6, ptr %q
  %k = load i32, ptr %q
  switch i32 %k, label %def [
    i32 6, label %c0
    i32 2, label %c0
    i32 1, label %c1
    i32 4, label %c4
  ]
c0:
  call void @f()
  br label %join
c1:
  call void @g()
  br label %join
c4:
  call void @f()
  call void @f()
  br label %join
def:
  call void @g()
  call void @g()
  br label %join
join:
  %p = phi i32 [ 12, %c0 ], [ 13, %c1 ], [ 15, %c4 ], [ %x, %def ]
  ret i32 %p
}

; Negative: the condition is unknown.
; CHECK-LABEL: define {{.*}}@unknown(
; CHECK:         br i1 %c, label %then, label %else
define i32 @unknown(i32 %x) {
entry:
  %c = icmp eq i32 %x, 15
  br i1 %c, label %then, label %else
then:
  call void @f()
  br label %join
else:
  call void @g()
  br label %join
join:
  %p = phi i32 [ 1, %then ], [ 7, %else ]
  ret i32 %p
}
