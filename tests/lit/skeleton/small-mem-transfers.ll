; memcpy/memmove/memset of 1, 2, 4 or 8 constant bytes become one scalar load
; and store (the copy then takes part in load forwarding: @read_word's value
; is the stored argument). Other lengths, a variable length, a variable
; memset byte and volatile intrinsics stay calls.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; STATS: "small_mem_transfers": 4

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

; CHECK-LABEL: define {{.*}}@copy8(
; CHECK-NEXT:    %[[V:[^ ]+]] = load i64, ptr %s, align 1
; CHECK-NEXT:    store i64 %[[V]], ptr %d, align 1
; CHECK-NEXT:    ret void
define void @copy8(ptr %d, ptr %s) {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 8, i1 false)
  ret void
}

; CHECK-LABEL: define {{.*}}@move2(
; CHECK-NEXT:    %[[V:[^ ]+]] = load i16, ptr %s, align 2
; CHECK-NEXT:    store i16 %[[V]], ptr %d, align 4
define void @move2(ptr align 4 %d, ptr align 2 %s) {
  call void @llvm.memmove.p0.p0.i64(ptr align 4 %d, ptr align 2 %s, i64 2, i1 false)
  ret void
}

; CHECK-LABEL: define {{.*}}@set4(
; CHECK-NEXT:    store i32 -1414812757, ptr %d, align 1
define void @set4(ptr %d) {
  call void @llvm.memset.p0.i64(ptr %d, i8 171, i64 4, i1 false)
  ret void
}

; The word read back through a memcpy is the stored value.
; CHECK-LABEL: define {{.*}}@read_word(
; CHECK:         ret i32 %x
define i32 @read_word(i32 %x, ptr %a, ptr %b) {
  store i32 %x, ptr %a
  call void @llvm.memcpy.p0.p0.i64(ptr %b, ptr %a, i64 4, i1 false)
  %v = load i32, ptr %b
  ret i32 %v
}

; CHECK-LABEL: define {{.*}}@stay(
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}%d, ptr {{.*}}%s, i64 3, i1 false)
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false)
; CHECK:         call void @llvm.memset.p0.i64(ptr {{.*}}%d, i8 %c, i64 4, i1 false)
; CHECK:         call void @llvm.memcpy.p0.p0.i64(ptr {{.*}}%d, ptr {{.*}}%s, i64 4, i1 true)
define void @stay(ptr %d, ptr %s, i64 %n, i8 %c) {
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 3, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 %n, i1 false)
  call void @llvm.memset.p0.i64(ptr %d, i8 %c, i64 4, i1 false)
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %s, i64 4, i1 true)
  ret void
}
