; Scoped GVN in elaboration: equal pure computations are one e-class (by
; hash-consing), materialized once per dominating scope.
;
; RUN: egopt --no-cfg-cleanup --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-cfg-cleanup --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)
declare void @use64(i64)

; Same block: one add feeds both calls.
; CHECK-LABEL: define {{.*}}@same_block(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[X:[^ ]+]] = add i32 %a, %b
; CHECK-NEXT:    call void @use(i32 %[[X]])
; CHECK-NEXT:    call void @use(i32 %[[X]])
; CHECK-NEXT:    ret void
define void @same_block(i32 %a, i32 %b) {
entry:
  %x = add i32 %a, %b
  %y = add i32 %a, %b
  call void @use(i32 %x)
  call void @use(i32 %y)
  ret void
}

; A whole expression tree, computed twice: one copy of each node.
; CHECK-LABEL: define {{.*}}@same_tree(
; CHECK:         %[[M:[^ ]+]] = mul i64 %a, %b
; CHECK-NEXT:    %[[S:[^ ]+]] = sub i64 %[[M]], %a
; CHECK-NEXT:    %[[X:[^ ]+]] = xor i64 %[[S]], 255
; CHECK-NEXT:    call void @use64(i64 %[[X]])
; CHECK-NEXT:    call void @use64(i64 %[[X]])
; CHECK-NOT:     mul
; CHECK:         ret void
define void @same_tree(i64 %a, i64 %b) {
entry:
  %m1 = mul i64 %a, %b
  %s1 = sub i64 %m1, %a
  %x1 = xor i64 %s1, 255
  call void @use64(i64 %x1)
  %m2 = mul i64 %a, %b
  %s2 = sub i64 %m2, %a
  %x2 = xor i64 %s2, 255
  call void @use64(i64 %x2)
  ret void
}

; The copy in %then is dominated by the one in %entry: it is reused.
; CHECK-LABEL: define {{.*}}@dominating(
; CHECK:       entry:
; CHECK-NEXT:    %[[X:[^ ]+]] = mul i32 %a, %b
; CHECK-NEXT:    call void @use(i32 %[[X]])
; CHECK-NEXT:    br i1 %c, label %then, label %exit
; CHECK:       then:
; CHECK-NEXT:    call void @use(i32 %[[X]])
; CHECK-NEXT:    br label %exit
; CHECK:       exit:
; CHECK-NEXT:    ret void
define void @dominating(i32 %a, i32 %b, i1 %c) {
entry:
  %x = mul i32 %a, %b
  call void @use(i32 %x)
  br i1 %c, label %then, label %exit
then:
  %y = mul i32 %a, %b
  call void @use(i32 %y)
  br label %exit
exit:
  ret void
}

; Several levels down the dominator tree.
; CHECK-LABEL: define {{.*}}@deep(
; CHECK:       entry:
; CHECK-NEXT:    %[[X:[^ ]+]] = shl i32 %a, 3
; CHECK-NEXT:    call void @use(i32 %[[X]])
; CHECK:       l1:
; CHECK-NOT:     shl
; CHECK:       l2:
; CHECK-NEXT:    call void @use(i32 %[[X]])
; CHECK-NOT:     shl
; CHECK:         ret void
define void @deep(i32 %a, i1 %c, i1 %d) {
entry:
  %x = shl i32 %a, 3
  call void @use(i32 %x)
  br i1 %c, label %l1, label %exit
l1:
  call void @use(i32 1)
  br i1 %d, label %l2, label %exit
l2:
  %y = shl i32 %a, 3
  call void @use(i32 %y)
  br label %exit
exit:
  ret void
}

; Neither branch of the diamond dominates the other: each keeps its copy,
; and nothing is placed in %entry or %join.
; CHECK-LABEL: define {{.*}}@diamond(
; CHECK:       entry:
; CHECK-NEXT:    br i1 %c, label %left, label %right
; CHECK:       left:
; CHECK-NEXT:    %[[L:[^ ]+]] = xor i32 %a, %b
; CHECK-NEXT:    call void @use(i32 %[[L]])
; CHECK-NEXT:    br label %join
; CHECK:       right:
; CHECK-NEXT:    %[[R:[^ ]+]] = xor i32 %a, %b
; CHECK-NEXT:    call void @use(i32 %[[R]])
; CHECK-NEXT:    call void @use(i32 0)
; CHECK-NEXT:    br label %join
; CHECK:       join:
; CHECK-NEXT:    ret void
define void @diamond(i32 %a, i32 %b, i1 %c) {
entry:
  br i1 %c, label %left, label %right
left:
  %x = xor i32 %a, %b
  call void @use(i32 %x)
  br label %join
right:
  %y = xor i32 %a, %b
  call void @use(i32 %y)
  call void @use(i32 0)
  br label %join
join:
  ret void
}

; A copy in one branch does not serve the join block; the join gets its own.
; CHECK-LABEL: define {{.*}}@branch_then_join(
; CHECK:       left:
; CHECK-NEXT:    %[[L:[^ ]+]] = or i32 %a, %b
; CHECK-NEXT:    call void @use(i32 %[[L]])
; CHECK:       join:
; CHECK-NEXT:    %[[J:[^ ]+]] = or i32 %a, %b
; CHECK-NEXT:    call void @use(i32 %[[J]])
; CHECK-NEXT:    ret void
define void @branch_then_join(i32 %a, i32 %b, i1 %c) {
entry:
  br i1 %c, label %left, label %join
left:
  %x = or i32 %a, %b
  call void @use(i32 %x)
  br label %join
join:
  %y = or i32 %a, %b
  call void @use(i32 %y)
  ret void
}

; Different flags, types or predicates are different computations.
; CHECK-LABEL: define {{.*}}@not_equal(
; CHECK-DAG:     add nsw i32 %a, %b
; CHECK-DAG:     add i32 %a, %b
; CHECK-DAG:     icmp slt i32 %a, %b
; CHECK-DAG:     icmp ult i32 %a, %b
; CHECK-DAG:     zext i32 %a to i64
; CHECK-DAG:     sext i32 %a to i64
; CHECK:         ret void
define void @not_equal(i32 %a, i32 %b) {
entry:
  %x = add nsw i32 %a, %b
  %y = add i32 %a, %b
  call void @use(i32 %x)
  call void @use(i32 %y)
  %c1 = icmp slt i32 %a, %b
  %c2 = icmp ult i32 %a, %b
  %z1 = zext i1 %c1 to i32
  %z2 = zext i1 %c2 to i32
  call void @use(i32 %z1)
  call void @use(i32 %z2)
  %w1 = zext i32 %a to i64
  %w2 = sext i32 %a to i64
  call void @use64(i64 %w1)
  call void @use64(i64 %w2)
  ret void
}
