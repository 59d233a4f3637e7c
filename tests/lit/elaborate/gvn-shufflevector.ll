; GVN: two identical shufflevectors (same operands, same mask) are one
; computation, like every other pure operation.
;
; RUN: egopt --emit=llvm %s -o %t.ll
; RUN: opt -passes=verify -disable-output %t.ll
; RUN: FileCheck %s < %t.ll

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @usev(<4 x i32>)

; CHECK-LABEL: define {{.*}}@same_shuffle(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[S:[^ ]+]] = shufflevector <4 x i32> %a, <4 x i32> %b, <4 x i32> <i32 0, i32 4, i32 1, i32 5>
; CHECK-NEXT:    call void @usev(<4 x i32> %[[S]])
; CHECK-NEXT:    call void @usev(<4 x i32> %[[S]])
; CHECK-NEXT:    ret void
define void @same_shuffle(<4 x i32> %a, <4 x i32> %b) {
entry:
  %x = shufflevector <4 x i32> %a, <4 x i32> %b, <4 x i32> <i32 0, i32 4, i32 1, i32 5>
  call void @usev(<4 x i32> %x)
  %y = shufflevector <4 x i32> %a, <4 x i32> %b, <4 x i32> <i32 0, i32 4, i32 1, i32 5>
  call void @usev(<4 x i32> %y)
  ret void
}
