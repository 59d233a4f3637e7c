; Module-level inline asm belongs to the module once: with several codegen
; units it must be emitted in one unit only (and once in --emit=llvm).
;
; REQUIRES: host-x86_64-linux, clang, ld.lld
; RUN: egopt --cgus=1 %s -o %t.one.o && %clang %t.one.o -o %t.one.exe
; RUN: %t.one.exe | FileCheck %s
; CHECK: 129
; RUN: egopt --cgus=3 --min-cgu-size=1 --emit=llvm %s -o %t.ll
; RUN: grep -c "asm_answer:" %t.ll | FileCheck %s --check-prefix=ONCE
; ONCE: {{^1$}}
; RUN: egopt --cgus=3 --min-cgu-size=1 %s -o %t.o
; RUN: %clang %t.o -o %t.exe
; RUN: %t.exe | FileCheck %s

target triple = "x86_64-unknown-linux-gnu"

module asm ".globl asm_answer"
module asm "asm_answer:"
module asm "  movl $42, %eax"
module asm "  ret"

declare i32 @asm_answer()
declare i32 @printf(ptr, ...)
@.fmt = private constant [4 x i8] c"%d\0A\00"

define i32 @f1(i32 %x) noinline {
  %r = add i32 %x, 1
  ret i32 %r
}

define i32 @f2(i32 %x) noinline {
  %r = mul i32 %x, 3
  ret i32 %r
}

define i32 @main() {
  %a = call i32 @asm_answer()
  %b = call i32 @f1(i32 %a)
  %c = call i32 @f2(i32 %b)
  call i32 (ptr, ...) @printf(ptr @.fmt, i32 %c)
  ret i32 0
}
