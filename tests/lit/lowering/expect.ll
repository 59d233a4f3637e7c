; __builtin_expect (llvm.expect) becomes branch weights at -O1 and up, as
; in LLVM's pipelines (LowerExpectIntrinsic), so block placement knows the
; likely path; llvm.is.constant and llvm.objectsize are folded before the
; e-graph (LowerConstantIntrinsics), so the branches they guard fold too.
; RUN: egopt -O2 --emit=llvm %s -o - | FileCheck %s
; RUN: egopt -O1 --emit=llvm %s -o - | FileCheck %s
; RUN: egopt -O0 --emit=llvm %s -o - | FileCheck %s --check-prefix=O0

target triple = "x86_64-unknown-linux-gnu"

declare i64 @llvm.expect.i64(i64, i64)
declare i1 @llvm.is.constant.i32(i32)
declare void @cold()
declare void @hot()

; CHECK-LABEL: define void @likely(
; CHECK-NOT: llvm.expect
; CHECK: br i1 {{.*}}, !prof ![[W:[0-9]+]]
; CHECK-LABEL: define {{.*}}i32 @not_constant(
; CHECK-NEXT: {{.*}}:
; CHECK-NEXT: ret i32 7
; CHECK: ![[W]] = !{!"branch_weights", {{.*}}i32 1, i32 2000}
; O0-LABEL: define void @likely(
; O0: call i64 @llvm.expect.i64
define void @likely(i64 %x) {
  %e = call i64 @llvm.expect.i64(i64 %x, i64 0)
  %c = icmp ne i64 %e, 0
  br i1 %c, label %rare, label %common
rare:
  call void @cold()
  ret void
common:
  call void @hot()
  ret void
}

define i32 @not_constant(i32 %x) {
  %c = call i1 @llvm.is.constant.i32(i32 %x)
  br i1 %c, label %folded, label %general
folded:
  ret i32 1
general:
  ret i32 7
}
