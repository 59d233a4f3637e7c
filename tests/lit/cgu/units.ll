; Codegen units: with --cgus=3 --min-cgu-size=1 the module is split into
; three units, optimized and compiled in parallel, and joined with
; `ld.lld -r`. Internal symbols used across units are renamed and made
; hidden for the split, so that the units link; the joined object still
; does not export them, and --emit=llvm/bc link the units back into one
; module where they are internal again, under their own names.
;
; REQUIRES: ld.lld
; RUN: egopt --no-interprocedural --cgus=3 --min-cgu-size=1 --stats %s -o %t.o 2> %t.stats
; RUN: FileCheck %s --check-prefix=STATS < %t.stats
; STATS: {{^ +3 codegen units$}}
; STATS: unit 0: estimate
; STATS: unit 1: estimate
; STATS: unit 2: estimate
;
; The joined object defines every function once; the cross-unit internal
; symbols are hidden, and not exported from a shared library.
; RUN: llvm-nm %t.o | FileCheck %s --check-prefix=NM
; NM-DAG: {{ [Tt] }}main
; NM-DAG: {{ [Tt] }}entry_a
; NM-DAG: {{ [Tt] }}entry_b
; NM-DAG: {{ [Tt] }}entry_c
; NM-DAG: {{ [Tt] }}helper
; NM-DAG: {{ [Dd] }}counter
; RUN: llvm-readelf -s %t.o | FileCheck %s --check-prefix=VIS
; VIS-NOT: {{GLOBAL +DEFAULT .* (helper|counter|twice)}}
; RUN: %if clang %{ %clang -shared %t.o -o %t.so && llvm-nm -D --defined-only %t.so | FileCheck %s --check-prefix=DYN %}
; DYN-NOT: helper
; DYN-NOT: counter
; DYN-NOT: twice
; DYN: entry_a
;
; Linked and run: the same output as with one unit and as clang -O0.
; RUN: %if host-x86_64-linux && clang %{ %clang %t.o -o %t.exe && %t.exe | FileCheck %s --check-prefix=EXEC %}
; RUN: %if host-x86_64-linux && clang %{ egopt --no-interprocedural --cgus=1 %s -o %t.one.o && %clang %t.one.o -o %t.one.exe && %t.one.exe | FileCheck %s --check-prefix=EXEC %}
; RUN: %if host-x86_64-linux && clang %{ %clang -O0 -w %s -o %t.ref.exe && %t.ref.exe | FileCheck %s --check-prefix=EXEC %}
; EXEC: a=59 b=135 c=92 counter=16
;
; --emit=llvm: one module; the internal symbols are internal again.
; RUN: egopt --no-interprocedural --cgus=3 --min-cgu-size=1 --emit=llvm %s -o %t.ll
; RUN: opt -passes=verify -disable-output %t.ll
; RUN: FileCheck %s --check-prefix=IR < %t.ll
; IR-NOT: egopt.
; IR-DAG: @counter = internal global i32 5
; IR-DAG: @table = internal constant [4 x i32] [i32 1, i32 2, i32 3, i32 4]
; IR-DAG: define internal i32 @helper(i32 %x)
; IR-DAG: define internal i32 @twice(i32 %x)
; IR-DAG: define i32 @entry_a(i32 %a)
; IR-DAG: define i32 @entry_b(i32 %a)
; IR-DAG: define i32 @entry_c(i32 %a)
; IR-DAG: define i32 @main()
; IR-NOT: egopt.
;
; --emit=bc: the same module, as bitcode.
; RUN: egopt --no-interprocedural --cgus=3 --min-cgu-size=1 --emit=bc %s -o %t.bc
; RUN: llvm-dis %t.bc -o - | FileCheck %s --check-prefix=IR
;
; --emit=asm: one assembly file with every function.
; RUN: egopt --no-interprocedural --cgus=3 --min-cgu-size=1 --emit=asm %s -o %t.s
; RUN: FileCheck %s --check-prefix=ASM < %t.s
; ASM-DAG: {{^}}entry_a:
; ASM-DAG: {{^}}entry_b:
; ASM-DAG: {{^}}entry_c:
; ASM-DAG: {{^}}main:
; ASM-DAG: {{^}}helper:
; RUN: %if host-x86_64-linux && clang %{ %clang %t.s -o %t.s.exe && %t.s.exe | FileCheck %s --check-prefix=EXEC %}
;
; More units than functions: no more units than there are functions.
; RUN: egopt --no-interprocedural --cgus=64 --min-cgu-size=1 --stats %s -o %t.many.o 2>&1 | FileCheck %s --check-prefix=MANY
; MANY: {{^ +[1-6] codegen units$}}
; RUN: %if host-x86_64-linux && clang %{ %clang %t.many.o -o %t.many.exe && %t.many.exe | FileCheck %s --check-prefix=EXEC %}
;
; By default (auto, minimum size 4000), a module this small is one unit.
; RUN: egopt --no-interprocedural --stats %s -o %t.auto.o 2>&1 | FileCheck %s --check-prefix=AUTO
; AUTO: {{^ +1 codegen units$}}

@counter = internal global i32 5
@table = internal constant [4 x i32] [i32 1, i32 2, i32 3, i32 4]
@.fmt = private constant [27 x i8] c"a=%d b=%d c=%d counter=%d\0A\00"

declare i32 @printf(ptr, ...)

define internal i32 @helper(i32 %x) noinline {
entry:
  %c = load i32, ptr @counter
  %n = add i32 %c, %x
  store i32 %n, ptr @counter
  %i = and i32 %x, 3
  %p = getelementptr [4 x i32], ptr @table, i32 0, i32 %i
  %t = load i32, ptr %p
  %r = mul i32 %n, %t
  ret i32 %r
}

define internal i32 @twice(i32 %x) noinline {
entry:
  %a = call i32 @helper(i32 %x)
  %x1 = add i32 %x, 1
  %b = call i32 @helper(i32 %x1)
  %r = add i32 %a, %b
  ret i32 %r
}

define i32 @entry_a(i32 %a) noinline {
entry:
  %t = call i32 @twice(i32 %a)
  %r = sub i32 %t, 2
  ret i32 %r
}

define i32 @entry_b(i32 %a) noinline {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  %h = call i32 @helper(i32 %i)
  %s.next = add i32 %s, %h
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %a
  br i1 %done, label %exit, label %loop
exit:
  ret i32 %s.next
}

define i32 @entry_c(i32 %a) noinline {
entry:
  %c = load i32, ptr @counter
  %m = mul i32 %a, 7
  %r = add i32 %c, %m
  %t = getelementptr [4 x i32], ptr @table, i32 0, i32 3
  %v = load i32, ptr %t
  %r2 = mul i32 %r, %v
  ret i32 %r2
}

define i32 @main() {
entry:
  %a = call i32 @entry_a(i32 2)
  %b = call i32 @entry_b(i32 4)
  %c = call i32 @entry_c(i32 1)
  %k = load i32, ptr @counter
  call i32 (ptr, ...) @printf(ptr @.fmt, i32 %a, i32 %b, i32 %c, i32 %k)
  ret i32 0
}
