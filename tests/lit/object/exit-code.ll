; A tiny main whose exit code is a computed value (6 * 7, hoisted out of a
; loop of 10 rounds and reused after it, less the sum, plus 70: 42),
; checked by exit code, at -O0..-O3, with one and several codegen units.
;
; REQUIRES: host-x86_64-linux, clang
; RUN: egopt %s -o %t.o && %clang %t.o -o %t.exe
; RUN: %exit-code 42 %t.exe
; RUN: egopt -O0 %s -o %t.0.o && %clang %t.0.o -o %t.0.exe && %exit-code 42 %t.0.exe
; RUN: egopt -O1 %s -o %t.1.o && %clang %t.1.o -o %t.1.exe && %exit-code 42 %t.1.exe
; RUN: egopt -O3 %s -o %t.3.o && %clang %t.3.o -o %t.3.exe && %exit-code 42 %t.3.exe
; RUN: egopt --cgus=2 --min-cgu-size=1 %s -o %t.u.o && %clang %t.u.o -o %t.u.exe && %exit-code 42 %t.u.exe
; A wrong exit code is caught.
; RUN: not %exit-code 41 %t.exe

define internal i32 @count(i32 %a, i32 %b, i32 %n) noinline {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %acc = phi i32 [ 0, %entry ], [ %acc.next, %loop ]
  %p = mul i32 %a, %b
  %d = udiv i32 %p, 6
  %acc.next = add i32 %acc, %d
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  %p2 = mul i32 %a, %b
  %r = sub i32 %p2, %acc.next
  ret i32 %r
}

define i32 @main() {
entry:
  ; 6 * 7 - 10 * (42 / 6) = 42 - 70 = -28; + 70 = 42
  %c = call i32 @count(i32 6, i32 7, i32 10)
  %r = add i32 %c, 70
  ret i32 %r
}
