; A copy of a copy reads the original (docs/skeleton.md): in @move_chain
; (Rust's move of a value through a temporary) the second memcpy reads %a
; instead of %tmp, and %tmp, now only written, goes with its copy and
; lifetime markers. In @offset_copy the second copy reads 8 bytes at offset
; 8 of the first copy's destination: it reads %a + 8. In @copy_of_memset
; (a zeroed `GenericArray` moved) the copy of zeroed bytes is a memset of
; the destination, and the temporary goes. The copy stays as it
; was when something between may write the original (@original_written) or
; the temporary (@temporary_written), when the destination may overlap the
; original (@may_overlap), when the first copy is shorter (@partial) or
; volatile (@volatile_first), and across blocks (@other_block).
;
; RUN: egopt --no-interprocedural --no-builtin-rules --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --no-builtin-rules --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --no-builtin-rules --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-interprocedural --no-skeleton --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; STATS: "mem_copies_forwarded": 3
; OFF-LABEL: define {{.*}}@move_chain(
; OFF: alloca

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @clobber(ptr)
declare void @opaque()

; CHECK-LABEL: define {{.*}}@move_chain(
; CHECK-NOT:     alloca
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}%dst, ptr {{.*}}%a, i64 24, i1 false)
; CHECK-NEXT:    ret void
define void @move_chain(ptr noalias %dst, ptr noalias %a) {
  %tmp = alloca [24 x i8], align 8
  call void @llvm.lifetime.start.p0(ptr %tmp)
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %tmp, ptr align 8 %a, i64 24, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %dst, ptr align 8 %tmp, i64 24, i1 false)
  call void @llvm.lifetime.end.p0(ptr %tmp)
  ret void
}

; CHECK-LABEL: define {{.*}}@offset_copy(
; CHECK-NOT:     alloca
; CHECK:         %[[P:[0-9a-z.]+]] = getelementptr i8, ptr %a, i64 8
; CHECK-NEXT:    call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}%dst, ptr {{.*}}%[[P]], i64 16, i1 false)
define void @offset_copy(ptr noalias %dst, ptr noalias %a) {
  %tmp = alloca [24 x i8], align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %tmp, ptr align 8 %a, i64 24, i1 false)
  %mid = getelementptr inbounds i8, ptr %tmp, i64 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %dst, ptr align 8 %mid, i64 16, i1 false)
  ret void
}

; CHECK-LABEL: define {{.*}}@copy_of_memset(
; CHECK-NOT:     alloca
; CHECK:         call void @llvm.memset.p0.i64(ptr {{.*}}%dst, i8 0, i64 32, i1 false)
; CHECK-NEXT:    ret void
define void @copy_of_memset(ptr noalias %dst) {
  %tmp = alloca [64 x i8], align 8
  call void @llvm.memset.p0.i64(ptr align 8 %tmp, i8 0, i64 64, i1 false)
  %mid = getelementptr inbounds i8, ptr %tmp, i64 16
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %dst, ptr align 8 %mid, i64 32, i1 false)
  ret void
}

; CHECK-LABEL: define {{.*}}@original_written(
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}%dst, ptr {{.*}}%tmp,
define void @original_written(ptr noalias %dst, ptr %a) {
  %tmp = alloca [24 x i8], align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %tmp, ptr align 8 %a, i64 24, i1 false)
  store i64 0, ptr %a
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %dst, ptr align 8 %tmp, i64 24, i1 false)
  ret void
}

; CHECK-LABEL: define {{.*}}@temporary_written(
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}%dst, ptr {{.*}}%tmp,
define void @temporary_written(ptr noalias %dst, ptr noalias %a) {
  %tmp = alloca [24 x i8], align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %tmp, ptr align 8 %a, i64 24, i1 false)
  call void @clobber(ptr %tmp)
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %dst, ptr align 8 %tmp, i64 24, i1 false)
  ret void
}

; CHECK-LABEL: define {{.*}}@may_overlap(
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}%dst, ptr {{.*}}%tmp,
define void @may_overlap(ptr %dst, ptr %a) {
  %tmp = alloca [24 x i8], align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %tmp, ptr align 8 %a, i64 24, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %dst, ptr align 8 %tmp, i64 24, i1 false)
  ret void
}

; CHECK-LABEL: define {{.*}}@partial(
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}%dst, ptr {{.*}}%tmp,
define void @partial(ptr noalias %dst, ptr noalias %a) {
  %tmp = alloca [24 x i8], align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %tmp, ptr align 8 %a, i64 16, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %dst, ptr align 8 %tmp, i64 24, i1 false)
  ret void
}

; CHECK-LABEL: define {{.*}}@volatile_first(
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}%dst, ptr {{.*}}%tmp,
define void @volatile_first(ptr noalias %dst, ptr noalias %a) {
  %tmp = alloca [24 x i8], align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %tmp, ptr align 8 %a, i64 24, i1 true)
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %dst, ptr align 8 %tmp, i64 24, i1 false)
  ret void
}

; CHECK-LABEL: define {{.*}}@other_block(
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}%dst, ptr {{.*}}%tmp,
define void @other_block(ptr noalias %dst, ptr noalias %a, i1 %c) {
entry:
  %tmp = alloca [24 x i8], align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %tmp, ptr align 8 %a, i64 24, i1 false)
  br i1 %c, label %then, label %done
then:
  call void @opaque()
  br label %done
done:
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %dst, ptr align 8 %tmp, i64 24, i1 false)
  ret void
}
