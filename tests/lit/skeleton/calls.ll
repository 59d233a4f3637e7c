; Calls are skeleton: callee, calling convention, tail-call kind, function,
; return and parameter attributes, operand bundles and metadata all survive;
; the pure arguments are rewritten. Intrinsics that may touch memory
; (llvm.memcpy, llvm.memset, llvm.assume, ...) are calls like any other.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural %s -o %t.o

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare i32 @callee(ptr, i32)
declare fastcc i64 @fast(i64)
declare void @llvm.memcpy.p0.p0.i64(ptr noalias writeonly, ptr noalias readonly, i64, i1 immarg)
declare void @llvm.memset.p0.i64(ptr writeonly, i8, i64, i1 immarg)
declare void @llvm.assume(i1)
declare void @use(i32)

; CHECK-LABEL: define {{.*}}@attributes_and_metadata(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[A:[^ ]+]] = getelementptr inbounds i8, ptr %p, i64 4
; CHECK-NEXT:    %[[X:[^ ]+]] = shl i32 %x, 1
; CHECK-NEXT:    %r = tail call noundef range(i32 0, 10) i32 @callee(ptr nonnull align 4 dereferenceable(8) %[[A]], i32 signext %[[X]]) #[[ATTRS:[0-9]+]], !annotation ![[ANN:[0-9]+]], !srcloc ![[SRCLOC:[0-9]+]]
; The call's range (0 to 9) makes the sign extension a zero extension.
; CHECK-NEXT:    %[[W:[^ ]+]] = zext nneg i32 %r to i64
; CHECK-NEXT:    %f = notail call fastcc i64 @fast(i64 %[[W]]) [ "deopt"(i32 %[[X]]) ]
; CHECK-NEXT:    %[[T:[^ ]+]] = trunc i64 %f to i32
; CHECK-NEXT:    {{(tail )?}}call void asm sideeffect "nop # $0", "r,~{dirflag},~{fpsr},~{flags}"(i32 %[[T]]) #[[ATTRS]], !srcloc ![[ASMLOC:[0-9]+]]
; CHECK-NEXT:    ret i32 %[[T]]
define i32 @attributes_and_metadata(ptr %p, i32 %x) {
entry:
  %a = getelementptr inbounds i32, ptr %p, i64 1
  %x2 = shl i32 %x, 1
  %r = tail call noundef range(i32 0, 10) i32 @callee(ptr nonnull align 4 dereferenceable(8) %a, i32 signext %x2) #0, !srcloc !0, !annotation !1
  %w = sext i32 %r to i64
  %f = notail call fastcc i64 @fast(i64 %w) [ "deopt"(i32 %x2) ]
  %t = trunc i64 %f to i32
  call void asm sideeffect "nop # $0", "r,~{dirflag},~{fpsr},~{flags}"(i32 %t) #0, !srcloc !2
  ret i32 %t
}

; llvm.memcpy and llvm.memset are not speculatable: they stay, with their
; parameter attributes (align, ...) and immediate arguments; their length
; operands are elaborated before them.
; CHECK-LABEL: define {{.*}}@mem_intrinsics(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %a = alloca [64 x i8], align 16
; CHECK-NEXT:    %[[LEN:[^ ]+]] = shl i64 %n, 2
; CHECK-NEXT:    {{(tail )?}}call void @llvm.memcpy.p0.p0.i64(ptr align 16 %a, ptr align 1 %src, i64 %[[LEN]], i1 false)
; CHECK-NEXT:    {{(tail )?}}call void @llvm.memset.p0.i64(ptr align 1 %dst, i8 0, i64 %[[LEN]], i1 true)
; CHECK-NEXT:    {{(tail )?}}call void @llvm.memcpy.p0.p0.i64(ptr align 1 %dst, ptr align 16 %a, i64 %[[LEN]], i1 true)
; CHECK-NEXT:    ret void
define void @mem_intrinsics(ptr %dst, ptr %src, i64 %n) {
entry:
  %a = alloca [64 x i8], align 16
  %len = shl i64 %n, 2
  call void @llvm.memcpy.p0.p0.i64(ptr align 16 %a, ptr align 1 %src, i64 %len, i1 false)
  %len2 = shl i64 %n, 2
  call void @llvm.memset.p0.i64(ptr align 1 %dst, i8 0, i64 %len2, i1 true)
  call void @llvm.memcpy.p0.p0.i64(ptr align 1 %dst, ptr align 16 %a, i64 %len, i1 true)
  ret void
}

; llvm.assume keeps its condition (a pure value) and its bundles.
; CHECK-LABEL: define {{.*}}@assume(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[C:[^ ]+]] = icmp ult i32 %x, 100
; CHECK-NEXT:    {{(tail )?}}call void @llvm.assume(i1 %[[C]])
; CHECK-NEXT:    {{(tail )?}}call void @llvm.assume(i1 true) [ "nonnull"(ptr %p), "align"(ptr %p, i64 8) ]
; CHECK-NEXT:    ret i32 %x
define i32 @assume(i32 %x, ptr %p) {
entry:
  %c = icmp ult i32 %x, 100
  call void @llvm.assume(i1 %c)
  call void @llvm.assume(i1 true) [ "nonnull"(ptr %p), "align"(ptr %p, i64 8) ]
  ret i32 %x
}

; An indirect call through a computed (pure) function pointer.
; CHECK-LABEL: define {{.*}}@indirect(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[IDX:[^ ]+]] = sext i32 %i to i64
; CHECK-NEXT:    %[[OFF:[^ ]+]] = mul i64 %[[IDX]], 8
; CHECK-NEXT:    %[[SLOT:[^ ]+]] = getelementptr i8, ptr %table, i64 %[[OFF]]
; CHECK-NEXT:    %fn = load ptr, ptr %[[SLOT]], align 8
; CHECK-NEXT:    %r = {{(tail )?}}call i32 %fn(ptr %table, i32 %i)
define i32 @indirect(ptr %table, i32 %i) {
entry:
  %slot = getelementptr ptr, ptr %table, i32 %i
  %fn = load ptr, ptr %slot, align 8
  %r = call i32 %fn(ptr %table, i32 %i)
  ret i32 %r
}

; CHECK: attributes #[[ATTRS]] = { nounwind willreturn }
; CHECK-DAG: ![[SRCLOC]] = !{i64 1234}
; CHECK-DAG: ![[ANN]] = !{!"keep me"}
; CHECK-DAG: ![[ASMLOC]] = !{i64 5678}

attributes #0 = { nounwind willreturn }

!0 = !{i64 1234}
!1 = !{!"keep me"}
!2 = !{i64 5678}
