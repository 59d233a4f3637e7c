; Exception handling: invoke, landingpad (with its clauses and cleanup
; flag), resume and the function's personality survive; pure values used
; in the landing pad are placed after the landingpad (an EH pad stays first
; in its block) or reused from a dominating block.
;
; RUN: egopt --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt %s -o %t.o

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@typeinfo = external constant ptr

declare void @use(i32)
declare i32 @may_throw(i32)
declare i32 @__gxx_personality_v0(...)
declare i32 @llvm.eh.typeid.for.p0(ptr)

; CHECK-LABEL: define {{.*}}@invoke_landingpad(
; CHECK-SAME:    personality ptr @__gxx_personality_v0
; CHECK:       entry:
; CHECK-NEXT:    %[[X:[^ ]+]] = add i32 %a, 1
; CHECK-NEXT:    %r = invoke i32 @may_throw(i32 %[[X]]) #[[ATTR:[0-9]+]]
; CHECK-NEXT:            to label %ok unwind label %lpad
; CHECK:       ok:
; CHECK-NEXT:    %[[Y:[^ ]+]] = mul i32 %r, %[[X]]
; CHECK-NEXT:    ret i32 %[[Y]]
; CHECK:       lpad:
; CHECK-NEXT:    %lp = landingpad { ptr, i32 }
; CHECK-NEXT:            cleanup
; CHECK-NEXT:            catch ptr @typeinfo
; CHECK-NEXT:            filter [1 x ptr] [ptr @typeinfo]
; CHECK-NEXT:    {{(tail )?}}call void @use(i32 %[[X]])
; CHECK-NEXT:    %[[Z:[^ ]+]] = xor i32 %a, 77
; CHECK-NEXT:    {{(tail )?}}call void @use(i32 %[[Z]])
; CHECK-NEXT:    resume { ptr, i32 } %lp
define i32 @invoke_landingpad(i32 %a) personality ptr @__gxx_personality_v0 {
entry:
  %x = add i32 %a, 1
  %r = invoke i32 @may_throw(i32 %x) #0 to label %ok unwind label %lpad
ok:
  %y = mul i32 %r, %x
  ret i32 %y
lpad:
  %lp = landingpad { ptr, i32 } cleanup catch ptr @typeinfo filter [1 x ptr] [ptr @typeinfo]
  ; Equal to %x (dominates): reused.
  %x2 = add i32 %a, 1
  call void @use(i32 %x2)
  ; Only here: placed after the landingpad.
  %z = xor i32 %a, 77
  call void @use(i32 %z)
  resume { ptr, i32 } %lp
}

; A selector compared with a type id: the compare is placed after the
; landingpad's extractvalue, in the pad's block.
; CHECK-LABEL: define {{.*}}@catch_dispatch(
; CHECK:       lpad:
; CHECK-NEXT:    %lp = landingpad { ptr, i32 }
; CHECK-NEXT:            catch ptr @typeinfo
; CHECK-NEXT:    %sel = extractvalue { ptr, i32 } %lp, 1
; CHECK-NEXT:    %tid = {{(tail )?}}call i32 @llvm.eh.typeid.for.p0(ptr @typeinfo)
; CHECK-NEXT:    %[[M:[^ ]+]] = icmp eq i32 %sel, %tid
; CHECK-NEXT:    br i1 %[[M]], label %caught, label %rethrow
; CHECK:       caught:
; CHECK-NEXT:    %[[NEG:[^ ]+]] = sub i32 0, %a
; CHECK-NEXT:    {{(tail )?}}call void @use(i32 %[[NEG]])
; CHECK:       rethrow:
; CHECK-NEXT:    resume { ptr, i32 } %lp
define i32 @catch_dispatch(i32 %a) personality ptr @__gxx_personality_v0 {
entry:
  %r = invoke i32 @may_throw(i32 %a) to label %ok unwind label %lpad
ok:
  ret i32 %r
lpad:
  %lp = landingpad { ptr, i32 } catch ptr @typeinfo
  %sel = extractvalue { ptr, i32 } %lp, 1
  %tid = call i32 @llvm.eh.typeid.for.p0(ptr @typeinfo)
  %match = icmp eq i32 %sel, %tid
  br i1 %match, label %caught, label %rethrow
caught:
  %neg = sub i32 0, %a
  call void @use(i32 %neg)
  ret i32 -1
rethrow:
  resume { ptr, i32 } %lp
}

; CHECK: attributes #[[ATTR]] = { "some-attr"="1" }
attributes #0 = { "some-attr"="1" }
