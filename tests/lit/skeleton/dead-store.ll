; Dead stores (docs/skeleton.md): a simple store overwritten later in its
; block by a store of the same size to a must-alias address, with nothing in
; between that may read the location, unwind or not return, is erased.
; Stores to other locations in between do not keep it.
;
; This file tests what happens without rewrite rules (--no-builtin-rules).
; RUN: egopt --no-interprocedural --no-builtin-rules --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --no-builtin-rules --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --no-builtin-rules --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; STATS: "dead_stores": 3

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)
declare void @clobber()
declare void @pure_call() memory(none) nounwind willreturn

; CHECK-LABEL: define {{.*}}@overwritten(
; CHECK-NEXT:    store i32 %y, ptr %q
; CHECK-NEXT:    %g = getelementptr inbounds i8, ptr %p, i64 0
; CHECK-NEXT:    store i32 %x, ptr %g
; CHECK-NEXT:    ret void
define void @overwritten(ptr %p, ptr %q, i32 %x, i32 %y) {
  store i32 1, ptr %p
  store i32 %y, ptr %q
  call void @pure_call()
  %g = getelementptr inbounds i8, ptr %p, i64 0
  store i32 %x, ptr %g
  ret void
}

; Two overwrites in a row: only the last store stays.
; CHECK-LABEL: define {{.*}}@twice(
; CHECK-NEXT:    store i64 3, ptr %p
; CHECK-NEXT:    ret void
define void @twice(ptr %p) {
  store i64 1, ptr %p
  store i64 2, ptr %p
  store i64 3, ptr %p
  ret void
}

; Negative: a load of the location, a call that may read it, a volatile
; first store, a later store that writes fewer bytes, a store in another
; block (only the block is scanned).
; CHECK-LABEL: define {{.*}}@kept(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    store i32 1, ptr %p
; CHECK-NEXT:    %[[V:[^ ]+]] = load i32, ptr %q
; CHECK-NEXT:    store i32 2, ptr %p
; CHECK-NEXT:    call void @clobber()
; CHECK-NEXT:    store i32 3, ptr %p
; CHECK-NEXT:    store volatile i32 4, ptr %p
; CHECK-NEXT:    store i32 5, ptr %p
; CHECK-NEXT:    store i16 6, ptr %p
; CHECK-NEXT:    call void @use(i32 %[[V]])
; CHECK-NEXT:    store i32 7, ptr %p
; CHECK-NEXT:    br i1 %c
define void @kept(ptr %p, ptr %q, i1 %c) {
entry:
  store i32 1, ptr %p
  %v = load i32, ptr %q
  store i32 2, ptr %p
  call void @clobber()
  store i32 3, ptr %p
  store volatile i32 4, ptr %p
  store i32 5, ptr %p
  store i16 6, ptr %p
  call void @use(i32 %v)
  store i32 7, ptr %p
  br i1 %c, label %then, label %exit
then:
  store i32 8, ptr %p
  call void @clobber()
  br label %exit
exit:
  ret void
}
