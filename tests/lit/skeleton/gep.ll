; getelementptr is lifted as "pointer plus byte offset" and lowered as
; `getelementptr i8` with the offset computed from the DataLayout: constant
; struct and array indices fold into one constant, variable indices are
; sign-extended (or truncated) to the index width and scaled; the no-wrap
; flags (inbounds, nuw, nusw) stay on the byte GEP.
;
; %struct.S on x86-64: i8 at 0, i32 at 4, [10 x i64] at 8, { i16, double }
; at 88 (the double at 96); size 104.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural %s -o %t.o

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%struct.S = type { i8, i32, [10 x i64], { i16, double } }
%packed = type <{ i8, i32, i16 }>

declare void @usep(ptr)

; 104 * 1 + 8 + 8 * 3 = 136; 88 + 8 = 96; packed: 1 + 4 = 5.
; CHECK-LABEL: define {{.*}}@constant_indices(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[F1:[^ ]+]] = getelementptr inbounds i8, ptr %p, i64 136
; CHECK-NEXT:    call void @usep(ptr %[[F1]])
; CHECK-NEXT:    %[[F2:[^ ]+]] = getelementptr i8, ptr %p, i64 96
; CHECK-NEXT:    call void @usep(ptr %[[F2]])
; CHECK-NEXT:    %[[F3:[^ ]+]] = getelementptr inbounds nuw i8, ptr %p, i64 5
; CHECK-NEXT:    call void @usep(ptr %[[F3]])
; CHECK-NEXT:    %[[F4:[^ ]+]] = getelementptr i8, ptr %p, i64 -12
; CHECK-NEXT:    call void @usep(ptr %[[F4]])
; CHECK-NEXT:    ret void
define void @constant_indices(ptr %p) {
entry:
  %f1 = getelementptr inbounds %struct.S, ptr %p, i64 1, i32 2, i64 3
  call void @usep(ptr %f1)
  %f2 = getelementptr %struct.S, ptr %p, i64 0, i32 3, i32 1
  call void @usep(ptr %f2)
  %f3 = getelementptr inbounds nuw %packed, ptr %p, i64 0, i32 2
  call void @usep(ptr %f3)
  %f4 = getelementptr i32, ptr %p, i64 -3
  call void @usep(ptr %f4)
  ret void
}

; %p + 104 * %i + 8 + 8 * sext(%j): the same address as the original GEP,
; its `nuw` and `inbounds` on the scaling (and `nuw` on the sums).
; The second, equal GEP is the same value (GVN).
; CHECK-LABEL: define {{.*}}@variable_indices(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[SI:[^ ]+]] = mul nuw nsw i64 %i, 104
; CHECK-NEXT:    %[[JX:[^ ]+]] = sext i32 %j to i64
; CHECK-NEXT:    %[[SJ:[^ ]+]] = mul nuw nsw i64 %[[JX]], 8
; CHECK-NEXT:    %[[SUM:[^ ]+]] = add nuw i64 %[[SI]], %[[SJ]]
; CHECK-NEXT:    %[[OFF:[^ ]+]] = add nuw i64 %[[SUM]], 8
; CHECK-NEXT:    %[[F:[^ ]+]] = getelementptr inbounds nuw i8, ptr %p, i64 %[[OFF]]
; CHECK-NEXT:    call void @usep(ptr %[[F]])
; CHECK-NEXT:    store i64 0, ptr %[[F]], align 8
; CHECK-NEXT:    ret void
define void @variable_indices(ptr %p, i64 %i, i32 %j) {
entry:
  %f = getelementptr inbounds nuw %struct.S, ptr %p, i64 %i, i32 2, i32 %j
  call void @usep(ptr %f)
  %g = getelementptr inbounds nuw %struct.S, ptr %p, i64 %i, i32 2, i32 %j
  store i64 0, ptr %g, align 8
  ret void
}

; An index of scale 1 is not multiplied; a wider index is truncated to the
; index width; an array of i16 with a negative constant index.
; CHECK-LABEL: define {{.*}}@scales(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[B:[^ ]+]] = getelementptr i8, ptr %p, i64 %i
; CHECK-NEXT:    call void @usep(ptr %[[B]])
; CHECK-NEXT:    %[[T:[^ ]+]] = trunc i128 %w to i64
; CHECK-NEXT:    %[[TS:[^ ]+]] = mul i64 %[[T]], 4
; CHECK-NEXT:    %[[W:[^ ]+]] = getelementptr i8, ptr %p, i64 %[[TS]]
; CHECK-NEXT:    call void @usep(ptr %[[W]])
; CHECK-NEXT:    %[[S:[^ ]+]] = mul i64 %i, 8
; CHECK-NEXT:    %[[O:[^ ]+]] = add i64 %[[S]], -2
; CHECK-NEXT:    %[[A:[^ ]+]] = getelementptr i8, ptr %p, i64 %[[O]]
; CHECK-NEXT:    call void @usep(ptr %[[A]])
; CHECK-NEXT:    ret void
define void @scales(ptr %p, i64 %i, i128 %w) {
entry:
  %b = getelementptr i8, ptr %p, i64 %i
  call void @usep(ptr %b)
  %wi = getelementptr i32, ptr %p, i128 %w
  call void @usep(ptr %wi)
  %a = getelementptr [4 x i16], ptr %p, i64 %i, i64 -1
  call void @usep(ptr %a)
  ret void
}

; A global base, and a GEP into a 32-bit address space (x86-64's ptr32:
; index width 32).
; CHECK-LABEL: define {{.*}}@bases(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[GO:[^ ]+]] = mul nsw i64 %i, 4
; CHECK-NEXT:    %[[G:[^ ]+]] = getelementptr inbounds i8, ptr @table, i64 %[[GO]]
; CHECK-NEXT:    call void @usep(ptr %[[G]])
; CHECK-NEXT:    %[[Q:[^ ]+]] = getelementptr i8, ptr addrspace(270) %q, i32 12
; CHECK-NEXT:    call void @usep270(ptr addrspace(270) %[[Q]])
; CHECK-NEXT:    ret void
@table = global [16 x i32] zeroinitializer
declare void @usep270(ptr addrspace(270))
define void @bases(i64 %i, ptr addrspace(270) %q) {
entry:
  %g = getelementptr inbounds [16 x i32], ptr @table, i64 0, i64 %i
  call void @usep(ptr %g)
  %q3 = getelementptr i32, ptr addrspace(270) %q, i32 3
  call void @usep270(ptr addrspace(270) %q3)
  ret void
}
