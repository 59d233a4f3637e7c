; Calls to the C library simplified before lifting (docs/skeleton.md): by
; LLVM's LibCallSimplifier, as InstCombine asks it. A call marked
; `nobuiltin`, and every call of a function with "no-builtins" (what
; -fno-builtin gives), stays. A fputs of one byte goes on to fputc: the
; call a simplification made is offered once more.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; STATS: "library_calls": 7
; Off with the other skeleton optimizations:
; RUN: egopt --no-interprocedural --no-skeleton --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; OFF: call i32 @fputs(ptr @hello

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@hello = private constant [6 x i8] c"hello\00"
@x = private constant [2 x i8] c"x\00"
@fmt_s = private constant [3 x i8] c"%s\00"
@line = private constant [4 x i8] c"hi\0A\00"
@empty = private constant [1 x i8] zeroinitializer

declare i32 @fputs(ptr, ptr)
declare i32 @fprintf(ptr, ptr, ...)
declare i32 @printf(ptr, ...)
declare i64 @strlen(ptr)
declare i32 @strcmp(ptr, ptr)

; CHECK-LABEL: define {{.*}}@output(
; CHECK-NEXT:    call i64 @fwrite(ptr @hello, i64 5, i64 1, ptr %f)
; CHECK-NEXT:    call i32 @fputc(i32 120, ptr %f)
; CHECK-NEXT:    call i32 @fputs(ptr %s, ptr %f)
; CHECK-NEXT:    call i32 @puts(ptr {{.*}}@str)
; CHECK-NEXT:    ret void
define void @output(ptr %f, ptr %s) {
  %1 = call i32 @fputs(ptr @hello, ptr %f)
  %2 = call i32 @fputs(ptr @x, ptr %f)
  %3 = call i32 (ptr, ptr, ...) @fprintf(ptr %f, ptr @fmt_s, ptr %s)
  %4 = call i32 (ptr, ...) @printf(ptr @line)
  ret void
}

; A value: the length of a constant string, strcmp against "".
; CHECK-LABEL: define {{.*}}@values(
; CHECK-NEXT:    %[[C:[^ ]+]] = load i8, ptr %s
; CHECK-NEXT:    %[[E:[^ ]+]] = icmp eq i8 %[[C]], 0
; CHECK-NEXT:    %[[Z:[^ ]+]] = zext i1 %[[E]] to i64
; CHECK-NEXT:    %[[R:[^ ]+]] = add nuw{{.*}} i64 %[[Z]], 5
; CHECK-NEXT:    ret i64 %[[R]]
define i64 @values(ptr %s) {
  %n = call i64 @strlen(ptr @hello)
  %c = call i32 @strcmp(ptr %s, ptr @empty)
  %e = icmp eq i32 %c, 0
  %z = zext i1 %e to i64
  %r = add i64 %n, %z
  ret i64 %r
}

; CHECK-LABEL: define {{.*}}@not_builtin(
; CHECK-NEXT:    call i32 @fputs(ptr @hello, ptr %f) #[[NB:[0-9]+]]
; CHECK-NEXT:    call i64 @strlen(ptr @hello) #[[NB]]
define i64 @not_builtin(ptr %f) {
  %1 = call i32 @fputs(ptr @hello, ptr %f) nobuiltin
  %n = call i64 @strlen(ptr @hello) nobuiltin
  ret i64 %n
}

; CHECK-LABEL: define {{.*}}@no_builtins(
; CHECK-NEXT:    call i32 @fputs(ptr @hello, ptr %f)
; CHECK-NEXT:    call i64 @strlen(ptr @hello)
define i64 @no_builtins(ptr %f) "no-builtins" {
  %1 = call i32 @fputs(ptr @hello, ptr %f)
  %n = call i64 @strlen(ptr @hello)
  ret i64 %n
}
