; Funclet-based exception handling (Windows): cleanuppad with a pure
; argument computed before the invoke, cleanupret, the "funclet" operand
; bundle; the pad stays first in its block.
;
; RUN: egopt --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt %s -o %t.obj

target datalayout = "e-m:w-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-windows-msvc"

declare void @use(i32)
declare void @may_throw(i32)
declare i32 @__CxxFrameHandler3(...)

; CHECK-LABEL: define {{.*}}@cleanup(
; CHECK-SAME:    personality ptr @__CxxFrameHandler3
; CHECK:       entry:
; CHECK-NEXT:    %[[Y:[^ ]+]] = mul i32 %a, 7
; CHECK-NEXT:    invoke void @may_throw(i32 %a)
; CHECK-NEXT:            to label %exit unwind label %cleanup
; CHECK:       cleanup:
; CHECK-NEXT:    %cp = cleanuppad within none [i32 %[[Y]]]
; CHECK-NEXT:    call void @use(i32 %[[Y]]) [ "funclet"(token %cp) ]
; CHECK-NEXT:    %[[Z:[^ ]+]] = add i32 %a, 3
; CHECK-NEXT:    call void @use(i32 %[[Z]]) [ "funclet"(token %cp) ]
; CHECK-NEXT:    cleanupret from %cp unwind to caller
define void @cleanup(i32 %a) personality ptr @__CxxFrameHandler3 {
entry:
  %y = mul i32 %a, 7
  invoke void @may_throw(i32 %a) to label %exit unwind label %cleanup
cleanup:
  %cp = cleanuppad within none [i32 %y]
  call void @use(i32 %y) [ "funclet"(token %cp) ]
  %z = add i32 %a, 3
  call void @use(i32 %z) [ "funclet"(token %cp) ]
  cleanupret from %cp unwind to caller
exit:
  ret void
}

; A catchswitch and a catchpad whose arguments are constants.
; CHECK-LABEL: define {{.*}}@catch(
; CHECK:       cs:
; CHECK-NEXT:    %sw = catchswitch within none [label %handler] unwind to caller
; CHECK:       handler:
; CHECK-NEXT:    %cp = catchpad within %sw [ptr null, i32 64, ptr null]
; CHECK-NEXT:    %[[V:[^ ]+]] = sub i32 %a, 9
; CHECK-NEXT:    call void @use(i32 %[[V]]) [ "funclet"(token %cp) ]
; CHECK-NEXT:    catchret from %cp to label %exit
define void @catch(i32 %a) personality ptr @__CxxFrameHandler3 {
entry:
  invoke void @may_throw(i32 %a) to label %exit unwind label %cs
cs:
  %sw = catchswitch within none [label %handler] unwind to caller
handler:
  %cp = catchpad within %sw [ptr null, i32 64, ptr null]
  %v = sub i32 %a, 9
  call void @use(i32 %v) [ "funclet"(token %cp) ]
  catchret from %cp to label %exit
exit:
  ret void
}
