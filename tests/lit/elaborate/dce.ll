; DCE: e-classes that no skeleton instruction needs are never materialized.
; Skeleton instructions stay even when their results are unused.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)
declare i32 @effect(i32)
declare float @llvm.sqrt.f32(float)

; CHECK-LABEL: define {{.*}}@dead_pure(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[L:[^ ]+]] = add i32 %a, 1
; CHECK-NEXT:    ret i32 %[[L]]
; CHECK-NEXT:  }
define i32 @dead_pure(i32 %a, i32 %b, float %f, ptr %p) {
entry:
  %d1 = mul i32 %a, %b
  %d2 = xor i32 %d1, -1
  %d3 = icmp eq i32 %d2, 0
  %d4 = select i1 %d3, i32 %a, i32 %b
  %d5 = fadd float %f, 1.0
  %d6 = call float @llvm.sqrt.f32(float %d5)
  %d7 = getelementptr i32, ptr %p, i32 %d4
  %d8 = ptrtoint ptr %d7 to i64
  %d9 = udiv i32 %a, 3
  %live = add i32 %a, 1
  ret i32 %live
}

; A chain only used by a dead chain is dead too; skeleton instructions with
; effects stay, dead or not: calls, loads (volatile), stores. An unused
; division by a variable has no effect (division by zero is undefined, not
; a trap LLVM must keep), so it is deleted before lifting.
; CHECK-LABEL: define {{.*}}@keep_skeleton(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[R:[^ ]+]] = {{(tail )?}}call i32 @effect(i32 %a)
; CHECK-NEXT:    %[[V:[^ ]+]] = load volatile i32, ptr %p, align 4
; CHECK-NEXT:    %[[S:[^ ]+]] = shl i32 %a, 2
; CHECK-NEXT:    store i32 %[[S]], ptr %p, align 4
; CHECK-NEXT:    ret void
; CHECK-NEXT:  }
define void @keep_skeleton(i32 %a, i32 %b, ptr %p) {
entry:
  %r = call i32 @effect(i32 %a)
  %r.dead = add i32 %r, 1
  %v = load volatile i32, ptr %p, align 4
  %v.dead = mul i32 %v, %v
  %q = sdiv i32 %a, %b
  %q.dead = and i32 %q, 3
  %s = shl i32 %a, 2
  store i32 %s, ptr %p, align 4
  ret void
}

; Phi inputs are skeleton uses, materialized in the incoming block: where
; the source computed them when a call lies between there and the block's
; end (elaborate/placement.ll); a pure user of the phi that nothing needs is
; dropped.
; CHECK-LABEL: define {{.*}}@phi_inputs(
; CHECK:       then:
; CHECK-NEXT:    %[[T:[^ ]+]] = add i32 %a, 7
; CHECK-NEXT:    {{(tail )?}}call void @use(i32 0)
; CHECK-NEXT:    br label %join
; CHECK:       join:
; CHECK-NEXT:    %p = phi i32 [ %[[T]], %then ], [ %a, %entry ]
; CHECK-NOT:     mul
; CHECK:         ret i32 %p
define i32 @phi_inputs(i32 %a, i1 %c) {
entry:
  br i1 %c, label %then, label %join
then:
  %t = add i32 %a, 7
  call void @use(i32 0)
  br label %join
join:
  %p = phi i32 [ %t, %then ], [ %a, %entry ]
  %dead = mul i32 %p, %p
  ret i32 %p
}
