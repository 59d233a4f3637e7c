; Phi folding (docs/skeleton.md): a phi whose incoming values are all one
; e-class (or the phi itself) is lifted as that class: its users see the
; class and lowering erases the phi. Hash-consing makes `%a + %b` computed in
; both arms one class. A phi with an incoming value from a back edge not yet
; lifted, or with two different classes, stays.
;
; RUN: egopt --no-loop-passes --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-loop-passes --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-loop-passes --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; STATS: "phis_folded": 2

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @f()
declare void @g()
declare void @use(i32)

; CHECK-LABEL: define {{.*}}@same_class(
; CHECK-NOT:     phi
; CHECK:       join:
; CHECK-NEXT:    %[[S:[^ ]+]] = add i32 %a, %b
; CHECK-NEXT:    %[[M:[^ ]+]] = mul i32 %[[S]], 3
; CHECK-NEXT:    ret i32 %[[M]]
define i32 @same_class(i32 %a, i32 %b, i1 %c) {
entry:
  br i1 %c, label %then, label %else
then:
  call void @f()
  %x = add i32 %a, %b
  br label %join
else:
  call void @g()
  %y = add i32 %a, %b
  br label %join
join:
  %p = phi i32 [ %x, %then ], [ %y, %else ]
  %m = mul i32 %p, 3
  ret i32 %m
}

; 2 + 3 and 5 are one class (constant folding): the phi is 5, and its
; skeleton user (the call) takes the constant.
; CHECK-LABEL: define {{.*}}@same_value(
; CHECK-NOT:     phi
; CHECK:         call void @use(i32 5)
define void @same_value(i32 %a, i1 %c) {
entry:
  br i1 %c, label %then, label %else
then:
  call void @f()
  %five = add i32 2, 3
  br label %join
else:
  call void @g()
  br label %join
join:
  %p = phi i32 [ %five, %then ], [ 5, %else ]
  call void @use(i32 %p)
  ret void
}

; Negative: two classes; a loop phi whose back-edge value comes later.
; CHECK-LABEL: define {{.*}}@kept(
; CHECK:         phi i32 [ %a, %then ], [ %b, %else ]
; CHECK:         phi i32 [ 0, %join ], [ %{{[^ ]+}}, %loop ]
define i32 @kept(i32 %a, i32 %b, i1 %c, i32 %n) {
entry:
  br i1 %c, label %then, label %else
then:
  call void @f()
  br label %join
else:
  call void @g()
  br label %join
join:
  %p = phi i32 [ %a, %then ], [ %b, %else ]
  br label %loop
loop:
  %i = phi i32 [ 0, %join ], [ %i1, %loop ]
  call void @use(i32 %i)
  %i1 = add i32 %i, 1
  %done = icmp eq i32 %i1, %n
  br i1 %done, label %exit, label %loop
exit:
  %r = add i32 %p, %i1
  ret i32 %r
}
