; Straight-line (SLP) vectorization after the e-graph (docs/loop-passes.md): in @pairs two neighbouring doubles get the same multiply
; and add, and become one operation on a <2 x double>. @ints does the same
; on four i32s, which LLVM's SLP vectorizer would widen (`opt
; -passes=slp-vectorizer` does); functions without floating-point values are
; not given to it, so it stays scalar. --no-loop-passes runs neither
; vectorizer.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-interprocedural --no-loop-passes --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; STATS-DAG: "slp_vectorized_functions": 1
; STATS-DAG: "slp_skipped_functions": 1
; OFF-NOT: x double>

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-LABEL: define {{.*}}@pairs(
; CHECK:         fmul <2 x double>
; CHECK:         fadd <2 x double>
; CHECK:         store <2 x double>
define void @pairs(ptr noalias %acc, ptr noalias %x, double %k) {
  %a1 = getelementptr inbounds double, ptr %acc, i64 1
  %x1 = getelementptr inbounds double, ptr %x, i64 1
  %s0 = load double, ptr %acc
  %s1 = load double, ptr %a1
  %v0 = load double, ptr %x
  %v1 = load double, ptr %x1
  %m0 = fmul double %v0, %k
  %m1 = fmul double %v1, %k
  %n0 = fadd double %s0, %m0
  %n1 = fadd double %s1, %m1
  store double %n0, ptr %acc
  store double %n1, ptr %a1
  ret void
}

; CHECK-LABEL: define {{.*}}@ints(
; CHECK-NOT:     <4 x i32>
; CHECK:         ret void
define void @ints(ptr noalias %acc, ptr noalias %x) {
  %a1 = getelementptr inbounds i32, ptr %acc, i64 1
  %a2 = getelementptr inbounds i32, ptr %acc, i64 2
  %a3 = getelementptr inbounds i32, ptr %acc, i64 3
  %x1 = getelementptr inbounds i32, ptr %x, i64 1
  %x2 = getelementptr inbounds i32, ptr %x, i64 2
  %x3 = getelementptr inbounds i32, ptr %x, i64 3
  %s0 = load i32, ptr %acc
  %s1 = load i32, ptr %a1
  %s2 = load i32, ptr %a2
  %s3 = load i32, ptr %a3
  %v0 = load i32, ptr %x
  %v1 = load i32, ptr %x1
  %v2 = load i32, ptr %x2
  %v3 = load i32, ptr %x3
  %n0 = add i32 %s0, %v0
  %n1 = add i32 %s1, %v1
  %n2 = add i32 %s2, %v2
  %n3 = add i32 %s3, %v3
  store i32 %n0, ptr %acc
  store i32 %n1, ptr %a1
  store i32 %n2, ptr %a2
  store i32 %n3, ptr %a3
  ret void
}
