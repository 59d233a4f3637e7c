; Each codegen unit reads only its own definitions from the module's bitcode;
; the other units' functions, variables, aliases and ifuncs become
; declarations there. An alias or ifunc cannot be a declaration, so a unit that
; uses one defined elsewhere gets a function or variable declaration of the
; same name; comdat members stay together. The joined program must behave as
; the single-unit one.
;
; REQUIRES: host-x86_64-linux, clang, ld.lld
; RUN: egopt --no-interprocedural --cgus=1 %s -o %t.one.o && %clang %t.one.o -o %t.one.exe
; RUN: %t.one.exe | FileCheck %s
; RUN: egopt --no-interprocedural --cgus=4 --min-cgu-size=1 --stats %s -o %t.o 2> %t.stats
; RUN: FileCheck %s --check-prefix=STATS < %t.stats
; STATS: {{^ +4 codegen units$}}
; RUN: %clang %t.o -o %t.exe
; RUN: %t.exe | FileCheck %s
; CHECK: 42 7 9 100 3
;
; The same at -j1 and -j2, byte for byte.
; RUN: egopt --no-interprocedural --cgus=4 --min-cgu-size=1 -j1 %s -o %t.j1.o
; RUN: egopt --no-interprocedural --cgus=4 --min-cgu-size=1 -j2 %s -o %t.j2.o
; RUN: cmp %t.j1.o %t.j2.o

target triple = "x86_64-unknown-linux-gnu"

$pair = comdat any

@.fmt = private constant [16 x i8] c"%d %d %d %d %d\0A\00"
@table = internal global [2 x ptr] [ptr @seven, ptr @nine]
@counter = global i32 100
@counter_alias = alias i32, ptr @counter
@answer_alias = alias i32 (), ptr @answer
@pick = ifunc i32 (), ptr @resolve_pick

declare i32 @printf(ptr, ...)

define i32 @answer() noinline {
  ret i32 42
}

define internal i32 @seven() noinline {
  ret i32 7
}

define internal i32 @nine() noinline {
  ret i32 9
}

define linkonce_odr i32 @pair_a() noinline comdat($pair) {
  %r = call i32 @pair_b()
  ret i32 %r
}

define linkonce_odr i32 @pair_b() noinline comdat($pair) {
  ret i32 3
}

define internal i32 @three() noinline {
  ret i32 3
}

define internal ptr @resolve_pick() noinline {
  ret ptr @three
}

define i32 @call_table(i32 %i) noinline {
  %slot = getelementptr [2 x ptr], ptr @table, i32 0, i32 %i
  %f = load ptr, ptr %slot
  %r = call i32 %f()
  ret i32 %r
}

define i32 @main() {
  %a = call i32 @answer_alias()
  %b = call i32 @call_table(i32 0)
  %c = call i32 @call_table(i32 1)
  %d = load i32, ptr @counter_alias
  %e = call i32 @pair_a()
  %p = call i32 @pick()
  %s = add i32 %e, %p
  %t = sub i32 %s, 3
  call i32 (ptr, ...) @printf(ptr @.fmt, i32 %a, i32 %b, i32 %c, i32 %d, i32 %t)
  ret i32 0
}
