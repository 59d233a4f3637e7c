; Where a pure value goes inside its use's block. By default just before the
; use. When a call lies between the place the source computed the value and
; the use, the value is built at the source's place instead (after all its
; operands): otherwise the call's result and every operand would have to
; live across the later calls, in callee-saved registers or stack slots
; (zstd's Huffman encoder: one `>>` and `|` per symbol, between calls).
;
; This file tests what happens without rewrite rules (--no-builtin-rules).
; RUN: egopt --no-builtin-rules --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-builtin-rules --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-builtin-rules --stats --emit=llvm %s -o %t.2.ll 2>&1 | FileCheck %s --check-prefix=STATS
; STATS: {{^ *[1-9][0-9]* values built where the source computed them, before a call}}

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare i64 @bits(i64)
declare void @sink(i64)

; Each shift right after the call that gives its amount, as in the source;
; at the store, all three amounts would be live across the calls.
; CHECK-LABEL: define {{.*}}@shift_chain(
; CHECK-NEXT:    %n1 = {{(tail )?}}call i64 @bits(i64 1)
; CHECK-NEXT:    %c1 = lshr i64 %c0, %n1
; CHECK-NEXT:    %n2 = {{(tail )?}}call i64 @bits(i64 2)
; CHECK-NEXT:    %c2 = lshr i64 %c1, %n2
; CHECK-NEXT:    %n3 = {{(tail )?}}call i64 @bits(i64 3)
; CHECK-NEXT:    %c3 = lshr i64 %c2, %n3
; CHECK-NEXT:    store i64 %c3, ptr %p, align 8
; CHECK-NEXT:    ret void
; CHECK-NEXT:  }
define void @shift_chain(i64 %c0, ptr %p) {
  %n1 = call i64 @bits(i64 1)
  %c1 = lshr i64 %c0, %n1
  %n2 = call i64 @bits(i64 2)
  %c2 = lshr i64 %c1, %n2
  %n3 = call i64 @bits(i64 3)
  %c3 = lshr i64 %c2, %n3
  store i64 %c3, ptr %p, align 8
  ret void
}

; No call in between: the value is built at its use, after the volatile
; store (negative case).
; CHECK-LABEL: define {{.*}}@no_call_between(
; CHECK-NEXT:    store volatile i64 0, ptr %p, align 8
; CHECK-NEXT:    %x = add i64 %a, 1
; CHECK-NEXT:    store i64 %x, ptr %p, align 8
; CHECK-NEXT:    ret void
; CHECK-NEXT:  }
define void @no_call_between(i64 %a, ptr %p) {
  %x = add i64 %a, 1
  store volatile i64 0, ptr %p, align 8
  store i64 %x, ptr %p, align 8
  ret void
}

; An intrinsic is not a call that clobbers registers: the value stays at
; its use.
; CHECK-LABEL: define {{.*}}@intrinsic_between(
; CHECK-NEXT:    {{(tail )?}}call void @llvm.assume(i1 %c)
; CHECK-NEXT:    %x = add i64 %a, 1
; CHECK-NEXT:    store i64 %x, ptr %p, align 8
define void @intrinsic_between(i64 %a, i1 %c, ptr %p) {
  %x = add i64 %a, 1
  call void @llvm.assume(i1 %c)
  store i64 %x, ptr %p, align 8
  ret void
}

; The source's place is in another block than the use: the value goes to
; the use (the block that computed it does not reach every use).
; CHECK-LABEL: define {{.*}}@other_block(
; CHECK:       then:
; CHECK-NEXT:    {{(tail )?}}call void @sink(i64 0)
; CHECK-NEXT:    %x = add i64 %a, 1
; CHECK-NEXT:    {{(tail )?}}call void @sink(i64 %x)
define void @other_block(i64 %a, i1 %c) {
entry:
  %x = add i64 %a, 1
  br i1 %c, label %then, label %done
then:
  call void @sink(i64 0)
  call void @sink(i64 %x)
  br label %done
done:
  ret void
}

declare void @llvm.assume(i1)
