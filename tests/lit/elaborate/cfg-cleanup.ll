; LLVM's simplifycfg after the e-graph (docs/pipeline.md, "After the
; e-graph"): three tests of one byte, read three times, are a chain on one
; value once the skeleton merges the loads, and simplifycfg makes it a
; switch. The pre-passes' simplifycfg saw three loads and could not.
; --no-cfg-cleanup leaves the chain (one load, three branches).
;
; RUN: egopt --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-cfg-cleanup --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; RUN: egopt --no-cfg-cleanup --stats-json=%t.off.json %s -o %t.o && FileCheck %s --check-prefix=STATS-OFF < %t.off.json
; STATS: "cfg_cleaned_up_functions": 1
; STATS-OFF: "cfg_cleaned_up_functions": 0

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @blank()
declare void @other()

; CHECK-LABEL: define {{.*}}@classify(
; CHECK:         %[[C:.+]] = load i8, ptr %p
; CHECK-NEXT:    switch i8 %[[C]], label %{{.+}} [
; CHECK-DAG:       i8 10, label
; CHECK-DAG:       i8 32, label
; CHECK-DAG:       i8 9, label
; CHECK-NOT:     load
; OFF-LABEL: define {{.*}}@classify(
; OFF:           icmp eq i8 %{{.+}}, 10
; OFF:           icmp eq i8 %{{.+}}, 32
; OFF:           icmp eq i8 %{{.+}}, 9
; OFF-NOT:       switch
define void @classify(ptr %p) {
entry:
  %a = load i8, ptr %p
  %isnl = icmp eq i8 %a, 10
  br i1 %isnl, label %yes, label %next
next:
  %b = load i8, ptr %p
  %issp = icmp eq i8 %b, 32
  br i1 %issp, label %yes, label %next2
next2:
  %c = load i8, ptr %p
  %istab = icmp eq i8 %c, 9
  br i1 %istab, label %yes, label %no
yes:
  call void @blank()
  ret void
no:
  call void @other()
  ret void
}
