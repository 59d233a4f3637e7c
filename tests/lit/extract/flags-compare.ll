; A test against zero is read from the flags of the instruction that computed
; its operand (x86 `dec; jne`), so when TTI prices two compares alike the
; extractor takes the one against zero (docs/extraction.md, "Ties"). constfold
; makes `x - 1 != 0` and `x != 1` one e-class.
;
; Without the loop passes, so that the checks read the extractor's output:
; the vectorizer would widen @countdown, and the InstCombine run after it
; inverts the remainder loop's branch (`icmp eq`, still against zero;
; tests/lit/loops/loop-passes.ll, @countdown_widened).
;
; RUN: egopt --emit=llvm --rule-sets=constfold --no-loop-passes %s -o - | FileCheck %s
; RUN: egopt --emit=llvm --rule-sets=constfold --no-loop-passes %s -o %t.ll && opt -passes=verify -disable-output %t.ll

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; The decrement is built anyway (the phi needs it): comparing it with zero
; costs nothing more than comparing the counter with 1, and wins the tie.
; CHECK-LABEL: define {{.*}}@countdown(
; CHECK:         %dec = add i32 %i, -1
; CHECK-NEXT:    %c = icmp ne i32 %dec, 0
; CHECK:         br i1 %c
define i32 @countdown(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ %n, %entry ], [ %dec, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s2, %loop ]
  %s2 = add i32 %s, %i
  %dec = add i32 %i, -1
  %c = icmp ne i32 %dec, 0
  br i1 %c, label %loop, label %exit
exit:
  ret i32 %s2
}

; Negative: nothing else needs `x - 1`, so the compare with 1 is cheaper by a
; whole add, and the preference for zero does not outweigh it.
; CHECK-LABEL: define {{.*}}@not_shared(
; CHECK-NEXT:    %c = icmp ne i32 %x, 1
; CHECK-NEXT:    ret i1 %c
define i1 @not_shared(i32 %x) {
  %dec = add i32 %x, -1
  %c = icmp ne i32 %dec, 0
  ret i1 %c
}

; Equality with another constant: `x + 4 == 5` and `x == 1` cost alike and
; neither is a test against zero, so the first-found form (the rewritten
; compare, which needs no add) is kept even though the add is built anyway.
; CHECK-LABEL: define {{.*}}@nonzero_shared(
; CHECK:         %c = icmp eq i32 %x, 1
define i32 @nonzero_shared(i32 %x) {
  %a = add i32 %x, 4
  %c = icmp eq i32 %a, 5
  %r = select i1 %c, i32 %a, i32 0
  ret i32 %r
}
