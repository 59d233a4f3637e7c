; An e-graph whose analyses find a conflict (two different constants in one
; class, Analysis.h) is not extracted from: the runner stops with the reason
; `conflict`, and the function keeps the form the pre-passes gave it. The
; other functions are optimized as usual.
; RUN: egopt -O1 --emit=llvm --no-builtin-rules --rules=%S/Inputs/conflicting.rules --stats-json=%t.json %s -o - | FileCheck %s
; RUN: FileCheck %s --check-prefix=STATS < %t.json

; CHECK-LABEL: define {{.*}}@f(
; CHECK-NEXT:    %d = sub i32 %x, %x
; CHECK-NEXT:    %r = add i32 %d, %y
; CHECK-NEXT:    ret i32 %r
define i32 @f(i32 %x, i32 %y) {
  %d = sub i32 %x, %x
  %r = add i32 %d, %y
  ret i32 %r
}

; No subtraction here: nothing conflicts, the e-graph's result is used.
; CHECK-LABEL: define {{.*}}@g(
; CHECK-NEXT:    %r = add i32 %x, 7
; CHECK-NEXT:    ret i32 %r
define i32 @g(i32 %x) {
  %a = add i32 3, 4
  %r = add i32 %x, %a
  ret i32 %r
}

; STATS: "conflict_functions": 1
; STATS: "stop_reasons": {
; STATS-DAG: "conflict": 1
; STATS-DAG: "saturated": 1
