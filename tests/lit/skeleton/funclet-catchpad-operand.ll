; A catchpad's argument computed before the invoke: the EH pad must stay
; first in its block, and the catchswitch block holds nothing but the
; catchswitch, so the value must be placed in a block that dominates the
; catchswitch's block (here %entry, where it was).
;
; XFAIL: *
; BUG: Elaborator::visitBlock (lower/lib/Elaborator.cpp) materializes an
; EH pad's operands before the terminator of the pad block's immediate
; dominator. For a catchpad that block is the catchswitch's block, and its
; terminator is the catchswitch itself (also an EH pad): the new `add` is
; inserted before the catchswitch, which is then no longer first:
;   egopt: error: internal error: function 'f' is invalid after lowering:
;   The unwind destination does not have an exception handling instruction!
;   ... CatchSwitchInst not the first non-PHI instruction in the block.
; (exit code 1, a multi-line message.) The walk up must skip blocks whose
; terminator is an EH pad (catchswitch) and blocks that are EH pads.
; Expected: valid IR, the add in %entry.
;
; RUN: egopt --emit=llvm %s -o %t.ll
; RUN: opt -passes=verify -disable-output %t.ll
; RUN: FileCheck %s < %t.ll

target datalayout = "e-m:w-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-windows-msvc"

declare void @use(i32)
declare void @may_throw(i32)
declare i32 @__CxxFrameHandler3(...)

; CHECK-LABEL: define void @f(
; CHECK:       entry:
; CHECK-NEXT:    %[[Y:[^ ]+]] = add i32 %a, 7
; CHECK:       cs:
; CHECK-NEXT:    %sw = catchswitch within none [label %handler] unwind to caller
; CHECK:       handler:
; CHECK-NEXT:    %cp = catchpad within %sw [ptr null, i32 64, i32 %[[Y]]]
define void @f(i32 %a) personality ptr @__CxxFrameHandler3 {
entry:
  %y = add i32 %a, 7
  invoke void @may_throw(i32 %a) to label %exit unwind label %cs
cs:
  %sw = catchswitch within none [label %handler] unwind to caller
handler:
  %cp = catchpad within %sw [ptr null, i32 64, i32 %y]
  call void @use(i32 %a) [ "funclet"(token %cp) ]
  catchret from %cp to label %exit
exit:
  ret void
}
