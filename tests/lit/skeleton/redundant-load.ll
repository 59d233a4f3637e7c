; Redundant loads (docs/skeleton.md): a simple load from the same address
; (base and constant offset) and of the same type as an earlier load that
; dominates it, with the same nearest clobber (MemorySSA: no write to the
; location in between), is replaced by the earlier load. The earlier load
; keeps only the metadata both had. Never across a may-alias store or a call
; that may write; a volatile load is never merged.
;
; RUN: egopt --no-cfg-cleanup --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-cfg-cleanup --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-cfg-cleanup --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; STATS: "loads_from_loads": 3

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)
declare void @reader() memory(read)
declare void @clobber()

; One load; `%a + 1` and `%b + 1` are one class. The later load had no
; !range, so the kept one loses it.
; CHECK-LABEL: define {{.*}}@same(
; CHECK-NEXT:    %[[A:[^ ]+]] = load i32, ptr %p, align 4{{$}}
; CHECK-NEXT:    call void @reader()
; CHECK-NEXT:    %[[S:[^ ]+]] = add i32 %[[A]], 1
; CHECK-NEXT:    %[[M:[^ ]+]] = mul i32 %[[S]], %[[S]]
; CHECK-NEXT:    ret i32 %[[M]]
define i32 @same(ptr %p) {
  %a = load i32, ptr %p, !range !0
  call void @reader()
  %b = load i32, ptr %p
  %a1 = add i32 %a, 1
  %b1 = add i32 %b, 1
  %m = mul i32 %a1, %b1
  ret i32 %m
}

; Different getelementptrs of one address, in a later block, and a store
; that cannot alias (noalias) in between.
; CHECK-LABEL: define {{.*}}@later(
; CHECK:         load i32
; CHECK-NOT:     load i32
; CHECK:         ret i32
define i32 @later(ptr noalias %p, ptr noalias %q, i1 %c) {
entry:
  %f1 = getelementptr inbounds [4 x i32], ptr %p, i64 0, i64 2
  %a = load i32, ptr %f1
  store i32 5, ptr %q
  br i1 %c, label %then, label %exit
then:
  call void @reader()
  br label %exit
exit:
  %f2 = getelementptr inbounds i8, ptr %p, i64 8
  %b = load i32, ptr %f2
  %s = add i32 %a, %b
  ret i32 %s
}

; Variable indices, as in LZMA's range coder, which reads `probs[i]` in the
; test and again in an arm: each read recomputes `p + zext(i) * 2` with its
; own instructions, here one copy with flags and one without. Structural
; numbering of the address (ExpressionNumbering.h) makes them one key.
; CHECK-LABEL: define {{.*}}@computed(
; CHECK:         load i16
; CHECK-NOT:     load i16
; CHECK:         ret i32
define i32 @computed(ptr %p, i32 %i, i1 %c) {
entry:
  %i1 = zext i32 %i to i64
  %o1 = shl nuw nsw i64 %i1, 1
  %a1 = getelementptr inbounds i8, ptr %p, i64 %o1
  %x = load i16, ptr %a1
  br i1 %c, label %then, label %exit
then:
  %i2 = zext i32 %i to i64
  %o2 = shl i64 %i2, 1
  %a2 = getelementptr i8, ptr %p, i64 %o2
  %y = load i16, ptr %a2
  %yz = zext i16 %y to i32
  br label %exit
exit:
  %r = phi i32 [ %yz, %then ], [ 0, %entry ]
  %xz = zext i16 %x to i32
  %s = add i32 %xz, %r
  ret i32 %s
}

; Negative: the same shape over another index, or a sign extension in
; place of the zero extension, is another address.
; CHECK-LABEL: define {{.*}}@computed_other(
; CHECK-COUNT-3: load i16
; CHECK:         ret i32
define i32 @computed_other(ptr %p, i32 %i, i32 %j) {
  %i1 = zext i32 %i to i64
  %o1 = shl i64 %i1, 1
  %a1 = getelementptr i8, ptr %p, i64 %o1
  %x = load i16, ptr %a1
  %j2 = zext i32 %j to i64
  %o2 = shl i64 %j2, 1
  %a2 = getelementptr i8, ptr %p, i64 %o2
  %y = load i16, ptr %a2
  %i3 = sext i32 %i to i64
  %o3 = shl i64 %i3, 1
  %a3 = getelementptr i8, ptr %p, i64 %o3
  %z = load i16, ptr %a3
  %xz = zext i16 %x to i32
  %yz = zext i16 %y to i32
  %zz = zext i16 %z to i32
  %s = add i32 %xz, %yz
  %t = add i32 %s, %zz
  ret i32 %t
}

; A load in one arm of a diamond does not dominate the load after it.
; CHECK-LABEL: define {{.*}}@not_dominating(
; CHECK:       then:
; CHECK-NEXT:    load i32, ptr %p
; CHECK:       exit:
; CHECK-NEXT:    load i32, ptr %p
define i32 @not_dominating(ptr %p, i1 %c) {
entry:
  br i1 %c, label %then, label %exit
then:
  %a = load i32, ptr %p
  call void @use(i32 %a)
  br label %exit
exit:
  %b = load i32, ptr %p
  ret i32 %b
}

; Negative: a store that may alias, a call that may write, volatile loads.
; A load of another type from the same address is another value.
; CHECK-LABEL: define {{.*}}@kept(
; CHECK-NEXT:    load i32, ptr %p
; CHECK-NEXT:    store i32 0, ptr %q
; CHECK-NEXT:    load i32, ptr %p
; CHECK:         call void @clobber()
; CHECK-NEXT:    load i32, ptr %p
; CHECK:         load volatile i32, ptr %p
; CHECK-NEXT:    load volatile i32, ptr %p
; CHECK:         load float, ptr %p
define void @kept(ptr %p, ptr %q) {
  %a = load i32, ptr %p
  store i32 0, ptr %q
  %b = load i32, ptr %p
  call void @clobber()
  %c = load i32, ptr %p
  call void @use(i32 %a)
  call void @use(i32 %b)
  call void @use(i32 %c)
  %d = load volatile i32, ptr %p
  %e = load volatile i32, ptr %p
  %f = load float, ptr %p
  %g = fptosi float %f to i32
  %s = add i32 %d, %e
  %t = add i32 %s, %g
  call void @use(i32 %t)
  ret void
}

!0 = !{i32 0, i32 100}

