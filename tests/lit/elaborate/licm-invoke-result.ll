; LICM must not hoist a value above the definition of one of its operands.
; Here the loop header is the normal destination of an invoke, and the
; invariant `mul %r, 3` uses the invoke's result, which exists only on the
; invoke's normal edge: the mul cannot go into the invoke's block.
;
; RUN: egopt --emit=llvm %s -o %t.ll
; RUN: opt -passes=verify -disable-output %t.ll
; RUN: FileCheck %s < %t.ll

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)
declare i32 @may_throw(i32)
declare i32 @__gxx_personality_v0(...)

; CHECK-LABEL: define {{.*}}@invoke_into_loop(
; CHECK-DAG:     %r = invoke i32 @may_throw(i32 %a)
; CHECK-DAG:     mul i32 %r, 3
; CHECK:       }
define void @invoke_into_loop(i32 %a, i32 %n) personality ptr @__gxx_personality_v0 {
entry:
  %r = invoke i32 @may_throw(i32 %a) to label %loop unwind label %lpad
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %inv = mul i32 %r, 3
  %v = add i32 %inv, %i
  call void @use(i32 %v)
  %i.next = add i32 %i, 1
  %d = icmp eq i32 %i.next, %n
  br i1 %d, label %exit, label %loop
exit:
  ret void
lpad:
  %lp = landingpad { ptr, i32 } cleanup
  call void @use(i32 -1)
  resume { ptr, i32 } %lp
}
