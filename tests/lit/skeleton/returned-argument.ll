; A call to a function that returns one of its arguments (a `returned`
; parameter, which the function-attribute pre-pass infers) has that
; argument's value: its users take the argument, and a call without effects
; is then deleted. A call with effects stays, its result unused.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; STATS: "returned_arguments": 2
; With the pre-passes, the attribute is inferred for @id's body.
; RUN: egopt --emit=llvm -o - %s | FileCheck %s --check-prefix=IPO
; IPO-LABEL: define {{.*}}@uses_inferred(
; IPO-NEXT:    %r = add i64 %x, 1
; IPO-NEXT:    ret i64 %r

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare i64 @pure_id(i64 returned) memory(none) nounwind willreturn
declare i64 @logging_id(i64 returned)

; CHECK-LABEL: define {{.*}}@pure(
; CHECK-NEXT:    %r = add i64 %x, 1
; CHECK-NEXT:    ret i64 %r
define i64 @pure(i64 %x) {
  %y = call i64 @pure_id(i64 %x)
  %r = add i64 %y, 1
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@effects(
; CHECK-NEXT:    %y = {{(tail )?}}call i64 @logging_id(i64 %x)
; CHECK-NEXT:    %r = add i64 %x, 1
; CHECK-NEXT:    ret i64 %r
define i64 @effects(i64 %x) {
  %y = call i64 @logging_id(i64 %x)
  %r = add i64 %y, 1
  ret i64 %r
}

define internal i64 @id(i64 %v) noinline {
  ret i64 %v
}

define i64 @uses_inferred(i64 %x) {
  %y = call i64 @id(i64 %x)
  %r = add i64 %y, 1
  ret i64 %r
}
