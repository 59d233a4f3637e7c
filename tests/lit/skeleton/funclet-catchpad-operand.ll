; A catchpad's argument computed before the invoke: the EH pad must stay
; first in its block, and the catchswitch block holds nothing but the
; catchswitch, so the value must be placed in a block that dominates the
; catchswitch's block (here %entry, where it was).
;
; RUN: egopt --emit=llvm %s -o %t.ll
; RUN: opt -passes=verify -disable-output %t.ll
; RUN: FileCheck %s < %t.ll

target datalayout = "e-m:w-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-windows-msvc"

declare void @use(i32)
declare void @may_throw(i32)
declare i32 @__CxxFrameHandler3(...)

; CHECK-LABEL: define {{.*}}@f(
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
