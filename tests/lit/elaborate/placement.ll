; Where a pure value goes inside its use's block. By default just before the
; use. When a call lies between the place the source computed the value and
; the use, the value is built at the source's place instead (after all its
; operands): otherwise the call's result and every operand would have to
; live across the later calls, in callee-saved registers or stack slots
; (zstd's Huffman encoder: one `>>` and `|` per symbol, between calls).
; Also at the source's place: a value that consumes a load or a call's
; result of its block, or a value itself built at its source's place, so
; that a chain over loaded values does not keep them all live to its end.
;
; This file tests what happens without rewrite rules (--no-builtin-rules).
; RUN: egopt --no-builtin-rules --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-builtin-rules --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-builtin-rules --stats --emit=llvm %s -o %t.2.ll 2>&1 | FileCheck %s --check-prefix=STATS
; STATS: {{^ *[1-9][0-9]* values built where the source computed them$}}

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

; A sum of products of loaded values, built as the source wrote it: each
; product after its load, each sum after its product. Built at the store,
; the three loads would come first and stay live together.
; CHECK-LABEL: define {{.*}}@load_chain(
; CHECK-NEXT:    %x0 = load i32, ptr %x, align 4
; CHECK-NEXT:    %m0 = mul i32 %x0, %c0
; CHECK-NEXT:    %a1 = getelementptr inbounds nuw i8, ptr %x, i64 4
; CHECK-NEXT:    %x1 = load i32, ptr %a1, align 4
; CHECK-NEXT:    %m1 = mul i32 %x1, %c1
; CHECK-NEXT:    %s1 = add i32 %m0, %m1
; CHECK-NEXT:    %a2 = getelementptr inbounds nuw i8, ptr %x, i64 8
; CHECK-NEXT:    %x2 = load i32, ptr %a2, align 4
; CHECK-NEXT:    %m2 = mul i32 %x2, %c2
; CHECK-NEXT:    %s2 = add i32 %s1, %m2
; CHECK-NEXT:    store i32 %s2, ptr %p, align 4
define void @load_chain(ptr %x, ptr %p, i32 %c0, i32 %c1, i32 %c2) {
  %x0 = load i32, ptr %x, align 4
  %m0 = mul i32 %x0, %c0
  %a1 = getelementptr inbounds i8, ptr %x, i64 4
  %x1 = load i32, ptr %a1, align 4
  %m1 = mul i32 %x1, %c1
  %s1 = add i32 %m0, %m1
  %a2 = getelementptr inbounds i8, ptr %x, i64 8
  %x2 = load i32, ptr %a2, align 4
  %m2 = mul i32 %x2, %c2
  %s2 = add i32 %s1, %m2
  store i32 %s2, ptr %p, align 4
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
