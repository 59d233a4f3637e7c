; Write-only allocas (docs/skeleton.md): a stack slot whose every use,
; through getelementptrs, writes to it (a store into it, a memcpy or memset
; with it as destination) or marks its lifetime is erased with those uses.
; @copied_in is a temporary whose one reader was pointed at the original by
; the copies-of-copies step (here: it had none). A slot that is read (a load, a
; memcpy out of it), escapes (passed to a call, stored as a value) or is
; written with a volatile access stays.
;
; RUN: egopt --no-interprocedural --no-builtin-rules --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --no-builtin-rules --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --no-builtin-rules --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-interprocedural --no-skeleton --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; STATS: "write_only_allocas": 2
; OFF-LABEL: define {{.*}}@copied_in(
; OFF: alloca

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@table = private unnamed_addr constant [64 x i32] zeroinitializer, align 4

declare void @escape(ptr)

; CHECK-LABEL: define {{.*}}@copied_in(
; CHECK-NOT:     alloca
; CHECK-NOT:     memcpy
; CHECK-NOT:     lifetime
; CHECK:         ret i32 %x
define i32 @copied_in(ptr %src, i32 %x) {
  %slot = alloca [252 x i8], align 4
  call void @llvm.lifetime.start.p0(ptr %slot)
  call void @llvm.memcpy.p0.p0.i64(ptr align 4 %slot, ptr align 4 %src, i64 252, i1 false)
  %tail = getelementptr inbounds i8, ptr %slot, i64 248
  store i32 %x, ptr %tail
  call void @llvm.lifetime.end.p0(ptr %slot)
  ret i32 %x
}

; CHECK-LABEL: define {{.*}}@memset_only(
; CHECK-NOT:     alloca
; CHECK:         ret void
define void @memset_only() {
  %slot = alloca [32 x i8], align 8
  call void @llvm.memset.p0.i64(ptr align 8 %slot, i8 0, i64 32, i1 false)
  ret void
}

; CHECK-LABEL: define {{.*}}@read_back(
; CHECK:         alloca
; CHECK:         memcpy
define i32 @read_back(ptr %src, i64 %i) {
  %slot = alloca [64 x i8], align 4
  call void @llvm.memcpy.p0.p0.i64(ptr align 4 %slot, ptr align 4 %src, i64 64, i1 false)
  %p = getelementptr inbounds i32, ptr %slot, i64 %i
  %v = load i32, ptr %p
  ret i32 %v
}

; CHECK-LABEL: define {{.*}}@copied_out(
; CHECK:         alloca
define void @copied_out(ptr %dst, ptr %src) {
  %slot = alloca [64 x i8], align 4
  call void @llvm.memcpy.p0.p0.i64(ptr align 4 %slot, ptr align 4 %src, i64 64, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr align 4 %dst, ptr align 4 %slot, i64 64, i1 false)
  ret void
}

; CHECK-LABEL: define {{.*}}@escapes(
; CHECK:         alloca
; CHECK:         call void @escape(
define void @escapes() {
  %slot = alloca [64 x i8], align 4
  call void @llvm.memset.p0.i64(ptr align 4 %slot, i8 0, i64 64, i1 false)
  call void @escape(ptr %slot)
  ret void
}

; CHECK-LABEL: define {{.*}}@stored_as_value(
; CHECK:         alloca
define void @stored_as_value(ptr %out) {
  %slot = alloca i32, align 4
  store i32 1, ptr %slot
  store ptr %slot, ptr %out
  ret void
}

; CHECK-LABEL: define {{.*}}@volatile_write(
; CHECK:         alloca
; CHECK:         store volatile
define void @volatile_write() {
  %slot = alloca i32, align 4
  store volatile i32 1, ptr %slot
  ret void
}
