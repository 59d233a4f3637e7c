; The switches that turn stages off, for measuring what each buys
; (bench/harness's ablation, docs/benchmarking.md). `--no-egraph` leaves the
; pre-passes' and the skeleton's form (the load is forwarded, nothing
; folds): no rule, no GVN, no extraction. `--no-skeleton` keeps the
; e-graph but skips the skeleton's optimizations (here: store-to-load
; forwarding), which then leaves the load, so the compare cannot fold.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s --check-prefix=ALL
; RUN: egopt --no-interprocedural --no-egraph --emit=llvm -o - %s | FileCheck %s --check-prefix=NOEG
; RUN: egopt --no-interprocedural --no-skeleton --emit=llvm -o - %s | FileCheck %s --check-prefix=NOSK
; RUN: egopt --no-interprocedural --no-egraph --no-skeleton --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --no-skeleton --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; STATS: "loads_from_stores": 0

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; ALL-LABEL: define {{.*}}@forward(
; ALL-NEXT:    store i32 7, ptr %p
; ALL-NEXT:    ret i32 %x
; NOEG-LABEL: define {{.*}}@forward(
; NOEG-NEXT:     store i32 7, ptr %p
; NOEG-NEXT:     %c = icmp eq i32 7, 7
; NOEG-NEXT:     %y = mul i32 %x, 1
; NOSK-LABEL: define {{.*}}@forward(
; NOSK-NEXT:     store i32 7, ptr %p
; NOSK-NEXT:     %[[V:[^ ]+]] = load i32, ptr %p
; NOSK-NEXT:     %[[C:[^ ]+]] = icmp eq i32 %[[V]], 7
; NOSK-NEXT:     %[[R:[^ ]+]] = select i1 %[[C]], i32 %x, i32 0
; NOSK-NEXT:     ret i32 %[[R]]
define i32 @forward(ptr %p, i32 %x) {
  store i32 7, ptr %p
  %v = load i32, ptr %p
  %c = icmp eq i32 %v, 7
  %y = mul i32 %x, 1
  %r = select i1 %c, i32 %y, i32 0
  ret i32 %r
}
