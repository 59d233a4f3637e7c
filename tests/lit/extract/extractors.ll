; Extraction: the DAG extractor is the default, --extractor=greedy picks the
; tree-greedy one, and --compare-extractors reports both selections' DAG
; costs (TTI costs times loop weights) on the same e-graphs.
;
; RUN: egopt --emit=llvm --compare-extractors --stats-json=%t.json %s -o %t.ll
; RUN: opt -passes=verify -disable-output %t.ll
; RUN: FileCheck %s --check-prefix=JSON < %t.json
; RUN: egopt --emit=llvm --extractor=greedy --stats-json=%t.greedy.json %s -o %t.greedy.ll
; RUN: opt -passes=verify -disable-output %t.greedy.ll
; RUN: FileCheck %s --check-prefix=GREEDY < %t.greedy.json
; RUN: not egopt --extractor=tree %s -o %t.bad 2>&1 | FileCheck %s --check-prefix=BAD
; RUN: not ls %t.bad
;
; In @loop, x86-64's costs, in sixteenths of TTI's units: the invariant
; multiply is hoisted (weight 1, cost 16); the add and the increment run in
; the loop (8 x 16 each), and so does the compare (8 x 16): 16 + 3 x 128.
; JSON:      "dag_cost": 400,
; JSON-NEXT: "greedy_dag_cost": 400,
; JSON-NEXT: "dag_extractor_dag_cost": 400,
; GREEDY:     "dag_cost": 400,
; GREEDY-NOT: greedy_dag_cost
; BAD: egopt: error: for the --extractor option: Cannot find option named 'tree'!

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)

define void @loop(i32 %a, i32 %b, i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %inv = mul i32 %a, %b
  %var = add i32 %i, %inv
  call void @use(i32 %var)
  %next = add nuw i32 %i, 1
  %done = icmp eq i32 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}
