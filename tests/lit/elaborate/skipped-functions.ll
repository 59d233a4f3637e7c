; Functions the e-graph leaves alone: optnone ones (kept exactly, duplicate
; computations included) and ones with a musttail call (nothing may come
; between the call and its ret). Other functions of the module are lifted.
;
; RUN: egopt --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt %s -o %t.o
; RUN: egopt --stats %s -o %t.o 2>&1 | FileCheck %s --check-prefix=STATS
; STATS: {{^ +3 functions defined$}}
; STATS: {{^ +1 functions lifted into the e-graph$}}
; STATS: {{^ +2 functions kept as they were}}

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)
declare i32 @tail_target(i32)

; CHECK-LABEL: define {{.*}}@kept(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %x = add i32 %a, %b
; CHECK-NEXT:    %y = add i32 %a, %b
; CHECK-NEXT:    %dead = mul i32 %a, %b
; CHECK-NEXT:    call void @use(i32 %x)
; CHECK-NEXT:    call void @use(i32 %y)
; CHECK-NEXT:    ret void
define void @kept(i32 %a, i32 %b) noinline optnone {
entry:
  %x = add i32 %a, %b
  %y = add i32 %a, %b
  %dead = mul i32 %a, %b
  call void @use(i32 %x)
  call void @use(i32 %y)
  ret void
}

; CHECK-LABEL: define {{.*}}@with_musttail(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %x = add i32 %a, 1
; CHECK-NEXT:    %y = add i32 %a, 1
; CHECK-NEXT:    call void @use(i32 %y)
; CHECK-NEXT:    %r = musttail call i32 @tail_target(i32 %x)
; CHECK-NEXT:    ret i32 %r
define i32 @with_musttail(i32 %a) {
entry:
  %x = add i32 %a, 1
  %y = add i32 %a, 1
  call void @use(i32 %y)
  %r = musttail call i32 @tail_target(i32 %x)
  ret i32 %r
}

; CHECK-LABEL: define {{.*}}@lifted(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[X:[^ ]+]] = add i32 %a, %b
; CHECK-NEXT:    call void @use(i32 %[[X]])
; CHECK-NEXT:    call void @use(i32 %[[X]])
; CHECK-NEXT:    ret void
define void @lifted(i32 %a, i32 %b) {
entry:
  %x = add i32 %a, %b
  %y = add i32 %a, %b
  %dead = mul i32 %a, %b
  call void @use(i32 %x)
  call void @use(i32 %y)
  ret void
}
