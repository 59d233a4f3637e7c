; Value names: IR output keeps the names of local values; machine-code output
; drops them (the driver's context discards names for --emit=obj/asm: a
; bitcode input's are not read, a text input's stay as parsed), and the object
; is the same either way.
;
; RUN: egopt -O2 --no-loop-passes --emit=llvm %s -o - | FileCheck %s
; RUN: llvm-as %s -o %t.bc
; RUN: egopt -O2 --no-loop-passes --emit=llvm %t.bc -o - | FileCheck %s
; RUN: egopt -O2 %s -o %t.text.o
; RUN: egopt -O2 %t.bc -o %t.bc.o
; RUN: cmp %t.text.o %t.bc.o
; RUN: egopt -O2 --emit=asm %s -o %t.text.s
; RUN: egopt -O2 --emit=asm %t.bc -o %t.bc.s
; RUN: cmp %t.text.s %t.bc.s

target triple = "x86_64-pc-linux-gnu"

; CHECK-LABEL: define i32 @sum_to(i32 %limit)
; CHECK: loop.body:
; CHECK: %counter = phi i32
; CHECK: %counter.next = add {{(nsw )?}}i32 %counter, 1
; CHECK: loop.exit:
define i32 @sum_to(i32 %limit) {
entry:
  br label %loop.body

loop.body:
  %counter = phi i32 [ 0, %entry ], [ %counter.next, %loop.body ]
  %total = phi i32 [ 0, %entry ], [ %total.next, %loop.body ]
  %total.next = add i32 %total, %counter
  %counter.next = add i32 %counter, 1
  %done = icmp sge i32 %counter.next, %limit
  br i1 %done, label %loop.exit, label %loop.body

loop.exit:
  ret i32 %total.next
}
