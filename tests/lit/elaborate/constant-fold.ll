; Integer constant folding (an e-class analysis): a class whose value is a
; known integer is elaborated as that constant, with LLVM's semantics for
; wrapping, shifts, division by constants, compares, casts and selects. No
; instruction is materialized for it.
;
; RUN: egopt --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: %if host-x86_64-linux && clang %{ egopt %s -o %t.o && %clang %t.o -o %t.exe && %t.exe | FileCheck %s --check-prefix=EXEC %}

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; The uses store what they get: an argument nobody reads would be passed as
; poison (dead-argument elimination, a pre-pass).
@sink = global i64 0
define void @use32(i32 %x) noinline optnone {
  store volatile i32 %x, ptr @sink
  ret void
}
define void @use64(i64 %x) noinline optnone {
  store volatile i64 %x, ptr @sink
  ret void
}
define void @use8(i8 %x) noinline optnone {
  store volatile i8 %x, ptr @sink
  ret void
}
define void @use1(i1 %x) noinline optnone {
  store volatile i1 %x, ptr @sink
  ret void
}

; CHECK-LABEL: define {{.*}}@folds(
; CHECK-NEXT:  entry:
; (2 + 3) * 7 - 1 = 34
; CHECK-NEXT:    call void @use32(i32 34)
; -7 / 2 = -3 (sdiv truncates), -7 % 2 = -1, 0xFFFFFFF9 / 2 = 2147483644
; CHECK-NEXT:    call void @use32(i32 -3)
; CHECK-NEXT:    call void @use32(i32 -1)
; CHECK-NEXT:    call void @use32(i32 2147483644)
; -16 >> 2: ashr -4, lshr 1073741820
; CHECK-NEXT:    call void @use32(i32 -4)
; CHECK-NEXT:    call void @use32(i32 1073741820)
; wrapping without flags: 2147483647 + 1
; CHECK-NEXT:    call void @use32(i32 -2147483648)
; trunc 300 to i8 = 44; sext i8 -56 to i64; zext i8 200 to i64
; CHECK-NEXT:    call void @use8(i8 44)
; CHECK-NEXT:    call void @use64(i64 -56)
; CHECK-NEXT:    call void @use64(i64 200)
; compares and a select on a folded condition
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use32(i32 11)
; (a select on a known false condition with an unknown arm: not folded yet;
; either form is right)
; CHECK:         call void @use32(i32 {{%a|%sel2}})
; i64 arithmetic beyond 32 bits: 3000000000 * 4 = 12000000000
; CHECK-NEXT:    call void @use64(i64 12000000000)
; a folded value combined with an argument: only the unknown part remains
; CHECK-NEXT:    %[[M:[^ ]+]] = mul i32 %a, 12
; CHECK-NEXT:    call void @use32(i32 %[[M]])
; CHECK-NEXT:    ret void
define void @folds(i32 %a) {
entry:
  %s = add i32 2, 3
  %m = mul i32 %s, 7
  %r = sub i32 %m, 1
  call void @use32(i32 %r)
  %n = sub i32 0, 7
  %q = sdiv i32 %n, 2
  call void @use32(i32 %q)
  %rem = srem i32 %n, 2
  call void @use32(i32 %rem)
  %uq = udiv i32 %n, 2
  call void @use32(i32 %uq)
  %n16 = sub i32 0, 16
  %as = ashr i32 %n16, 2
  call void @use32(i32 %as)
  %ls = lshr i32 %n16, 2
  call void @use32(i32 %ls)
  %big = add i32 2147483647, 0
  %wrap = add i32 %big, 1
  call void @use32(i32 %wrap)
  %w300 = add i32 150, 150
  %t = trunc i32 %w300 to i8
  call void @use8(i8 %t)
  %t200 = add i8 100, 100
  %sx = sext i8 %t200 to i64
  call void @use64(i64 %sx)
  %zx = zext i8 %t200 to i64
  call void @use64(i64 %zx)
  %c1 = icmp slt i32 %n, %r
  call void @use1(i1 %c1)
  %c2 = icmp ult i32 %n, %r
  call void @use1(i1 %c2)
  %sel = select i1 %c1, i32 11, i32 %a
  call void @use32(i32 %sel)
  %sel2 = select i1 %c2, i32 11, i32 %a
  call void @use32(i32 %sel2)
  %l = add i64 1500000000, 1500000000
  %l4 = mul i64 %l, 4
  call void @use64(i64 %l4)
  %three = add i32 1, 2
  %twelve = shl i32 %three, 2
  %am = mul i32 %a, %twelve
  call void @use32(i32 %am)
  ret void
}

; Operations that are poison on these constants (add nsw overflowing, a
; shift by the width or more): the analysis declines to fold them; what is
; elaborated (IRBuilder folds constants too, poison or a refinement of it)
; is valid IR.
; CHECK-LABEL: define {{.*}}@poison_declined(
; CHECK:         call void @use32(
; CHECK:         call void @use32(
; CHECK:         ret void
define void @poison_declined() {
entry:
  %big = add i32 2147483647, 0
  %ov = add nsw i32 %big, 1
  %x = xor i32 %ov, 0
  call void @use32(i32 %x)
  %sh = shl i32 1, 40
  call void @use32(i32 %sh)
  ret void
}

; The folded program computes what the unfolded one does.
; EXEC: 34 -3 -1 2147483644 -4 1073741820 44 -56 200 1
@.fmt = private constant [35 x i8] c"%d %d %d %u %d %u %u %ld %lu %d\0A\00\00\00"
declare i32 @printf(ptr, ...)
define i32 @main() {
entry:
  %s = add i32 2, 3
  %m = mul i32 %s, 7
  %r = sub i32 %m, 1
  %n = sub i32 0, 7
  %q = sdiv i32 %n, 2
  %rem = srem i32 %n, 2
  %uq = udiv i32 %n, 2
  %n16 = sub i32 0, 16
  %as = ashr i32 %n16, 2
  %ls = lshr i32 %n16, 2
  %w300 = add i32 150, 150
  %t = trunc i32 %w300 to i8
  %tz = zext i8 %t to i32
  %t200 = add i8 100, 100
  %sx = sext i8 %t200 to i64
  %zx = zext i8 %t200 to i64
  %c1 = icmp slt i32 %n, %r
  %c1z = zext i1 %c1 to i32
  call i32 (ptr, ...) @printf(ptr @.fmt, i32 %r, i32 %q, i32 %rem, i32 %uq, i32 %as, i32 %ls, i32 %tz, i64 %sx, i64 %zx, i32 %c1z)
  ret i32 0
}
