; Stack copies of constant tables (docs/skeleton.md): an alloca written only
; by one memcpy of its whole size from a constant global, and otherwise only
; read, is the global. In @table_lookup (Rust's local copy of a constant
; table, indexed by a variable) the load reads @table and the copy and
; lifetime markers go; in @constant_index the load at a constant offset then
; folds to the table's entry (constant loads). The slot stays when it is
; written again (@written), escapes (@escapes), is copied from a global that
; is not constant (@mutable_source) or only in part (@partial), or a load
; claims more alignment than the global has (@overaligned_read).
;
; RUN: egopt --no-interprocedural --no-builtin-rules --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --no-builtin-rules --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --no-builtin-rules --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-interprocedural --no-skeleton --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; STATS: "constant_copies": 2
; OFF-LABEL: define {{.*}}@table_lookup(
; OFF: alloca

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@table = private unnamed_addr constant [8 x i16] [i16 3, i16 5, i16 7, i16 9, i16 11, i16 13, i16 15, i16 17], align 2
@mutable = global [8 x i16] [i16 3, i16 5, i16 7, i16 9, i16 11, i16 13, i16 15, i16 17], align 2

declare void @escape(ptr)

; CHECK-LABEL: define {{.*}}@table_lookup(
; CHECK-NOT:     alloca
; CHECK-NOT:     memcpy
; CHECK:         getelementptr {{.*}}@table
; CHECK:         load i16
define i16 @table_lookup(i64 %i) {
  %slot = alloca [16 x i8], align 2
  call void @llvm.lifetime.start.p0(ptr %slot)
  call void @llvm.memcpy.p0.p0.i64(ptr align 2 %slot, ptr align 2 @table, i64 16, i1 false)
  %p = getelementptr inbounds i16, ptr %slot, i64 %i
  %v = load i16, ptr %p, align 2
  call void @llvm.lifetime.end.p0(ptr %slot)
  ret i16 %v
}

; CHECK-LABEL: define {{.*}}@constant_index(
; CHECK-NEXT:    ret i16 7
define i16 @constant_index() {
  %slot = alloca [16 x i8], align 2
  call void @llvm.memcpy.p0.p0.i64(ptr align 2 %slot, ptr align 2 @table, i64 16, i1 false)
  %p = getelementptr inbounds i8, ptr %slot, i64 4
  %v = load i16, ptr %p, align 2
  ret i16 %v
}

; CHECK-LABEL: define {{.*}}@written(
; CHECK:         alloca
define i16 @written(i64 %i) {
  %slot = alloca [16 x i8], align 2
  call void @llvm.memcpy.p0.p0.i64(ptr align 2 %slot, ptr align 2 @table, i64 16, i1 false)
  store i16 1, ptr %slot, align 2
  %p = getelementptr inbounds i16, ptr %slot, i64 %i
  %v = load i16, ptr %p, align 2
  ret i16 %v
}

; CHECK-LABEL: define {{.*}}@escapes(
; CHECK:         alloca
define void @escapes() {
  %slot = alloca [16 x i8], align 2
  call void @llvm.memcpy.p0.p0.i64(ptr align 2 %slot, ptr align 2 @table, i64 16, i1 false)
  call void @escape(ptr %slot)
  ret void
}

; CHECK-LABEL: define {{.*}}@mutable_source(
; CHECK:         alloca
define i16 @mutable_source(i64 %i) {
  %slot = alloca [16 x i8], align 2
  call void @llvm.memcpy.p0.p0.i64(ptr align 2 %slot, ptr align 2 @mutable, i64 16, i1 false)
  %p = getelementptr inbounds i16, ptr %slot, i64 %i
  %v = load i16, ptr %p, align 2
  ret i16 %v
}

; CHECK-LABEL: define {{.*}}@partial(
; CHECK:         alloca
define i16 @partial(i64 %i) {
  %slot = alloca [32 x i8], align 2
  call void @llvm.memcpy.p0.p0.i64(ptr align 2 %slot, ptr align 2 @table, i64 16, i1 false)
  %p = getelementptr inbounds i16, ptr %slot, i64 %i
  %v = load i16, ptr %p, align 2
  ret i16 %v
}

; CHECK-LABEL: define {{.*}}@overaligned_read(
; CHECK:         alloca
define i64 @overaligned_read(i64 %i) {
  %slot = alloca [16 x i8], align 8
  call void @llvm.memcpy.p0.p0.i64(ptr align 8 %slot, ptr align 2 @table, i64 16, i1 false)
  %p = getelementptr inbounds i64, ptr %slot, i64 %i
  %v = load i64, ptr %p, align 8
  ret i64 %v
}
