; Objects: egopt's object links with clang and runs, and prints what the
; same IR compiled by clang -O0 prints (a differential check), at -O0..-O3.
; The functions exercise GVN, LICM (with a division by a constant hoisted
; and one by a variable kept), phis, switch, GEP offsets (the lowered byte
; offset must give the same address as the original GEP), vector ops,
; speculatable intrinsics and va_arg.
;
; REQUIRES: host-x86_64-linux, clang
; RUN: %clang -O0 -w %s -o %t.ref
; RUN: %t.ref > %t.ref.txt
; RUN: FileCheck %s < %t.ref.txt
; RUN: egopt %s -o %t.o
; RUN: %clang %t.o -o %t.exe
; RUN: %t.exe > %t.out.txt
; RUN: FileCheck %s < %t.out.txt
; RUN: diff %t.ref.txt %t.out.txt
; RUN: egopt -O0 %s -o %t.o0.o && %clang %t.o0.o -o %t.o0.exe && %t.o0.exe | FileCheck %s
; RUN: egopt -O1 %s -o %t.o1.o && %clang %t.o1.o -o %t.o1.exe && %t.o1.exe | FileCheck %s
; RUN: egopt -O3 %s -o %t.o3.o && %clang %t.o3.o -o %t.o3.exe && %t.o3.exe | FileCheck %s
; The lowered IR, compiled by clang, prints the same.
; RUN: egopt --emit=llvm %s -o %t.lowered.ll && %clang -O0 -w %t.lowered.ll -o %t.lowered.exe
; RUN: %t.lowered.exe | FileCheck %s
; Assembly output assembles and links too.
; RUN: egopt --emit=asm %s -o %t.s && %clang %t.s -o %t.asm.exe && %t.asm.exe | FileCheck %s

; CHECK:      loop_sum 2145
; CHECK-NEXT: div -3801 -1
; CHECK-NEXT: switch 110 91 -7
; CHECK-NEXT: gep 1 1 1
; CHECK-NEXT: vector 36 22 23 44
; CHECK-NEXT: intrinsics 3 8 1207959552 5
; CHECK-NEXT: va 60
; CHECK-NEXT: flags 4294967295 255 -1

@.fmt.loop = private constant [13 x i8] c"loop_sum %d\0A\00"
@.fmt.div = private constant [11 x i8] c"div %d %d\0A\00"
@.fmt.switch = private constant [17 x i8] c"switch %d %d %d\0A\00"
@.fmt.gep = private constant [14 x i8] c"gep %d %d %d\0A\00"
@.fmt.vec = private constant [20 x i8] c"vector %d %d %d %d\0A\00"
@.fmt.intr = private constant [24 x i8] c"intrinsics %d %d %d %d\0A\00"
@.fmt.va = private constant [7 x i8] c"va %d\0A\00"
@.fmt.flags = private constant [19 x i8] c"flags %lu %lu %ld\0A\00"

%struct.S = type { i8, i32, [10 x i64], { i16, double } }

declare i32 @printf(ptr, ...)
declare void @llvm.va_start.p0(ptr)
declare void @llvm.va_end.p0(ptr)
declare i32 @llvm.umin.i32(i32, i32)
declare i32 @llvm.ctpop.i32(i32)
declare i32 @llvm.fshl.i32(i32, i32, i32)
declare i32 @llvm.abs.i32(i32, i1 immarg)

; The sum over i < 30 of i + 7*9 (invariant), less 12 for each odd i:
; 435 + 30 * 63 - 15 * 12 = 2145.
define internal i32 @loop_sum(i32 %a, i32 %b, i32 %n) noinline {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %latch ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %latch ]
  %inv = mul i32 %a, %b
  %odd = and i32 %i, 1
  %isodd = icmp ne i32 %odd, 0
  br i1 %isodd, label %odd.bb, label %even.bb
odd.bb:
  %t1 = add i32 %i, %inv
  %t1b = sub i32 %t1, 12
  br label %latch
even.bb:
  %t2 = add i32 %i, %inv
  br label %latch
latch:
  %t = phi i32 [ %t1b, %odd.bb ], [ %t2, %even.bb ]
  %s.next = add i32 %s, %t
  %i.next = add nuw i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i32 %s.next
}

; Division by a variable guarded against zero, division by constants:
; 20 * (1000 / 7) + sum(i % 3) + 20 * (1000 / -3) = 2840 + 19 - 6660.
define internal i32 @div(i32 %a, i32 %d, i32 %n, ptr %out) noinline {
entry:
  %nz = icmp ne i32 %d, 0
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %latch ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %latch ]
  %c = udiv i32 %a, 7
  %r = srem i32 %i, 3
  %s1 = add i32 %s, %c
  %s2 = add i32 %s1, %r
  br i1 %nz, label %dodiv, label %latch
dodiv:
  %q = sdiv i32 %a, %d
  %s3 = add i32 %s2, %q
  br label %latch
latch:
  %s.next = phi i32 [ %s2, %loop ], [ %s3, %dodiv ]
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  %m = sdiv i32 -7, 4
  store i32 %m, ptr %out
  ret i32 %s.next
}

define internal i32 @sw(i32 %a, i32 %b) noinline {
entry:
  %k = and i32 %a, 7
  switch i32 %k, label %def [ i32 0, label %c0
                              i32 1, label %c1
                              i32 5, label %c1 ]
c0:
  %v0 = add i32 %b, 10
  br label %join
c1:
  %v1 = sub i32 %b, 10
  br label %join
def:
  %v2 = sub i32 0, %k
  br label %join
join:
  %p = phi i32 [ %v0, %c0 ], [ %v1, %c1 ], [ %v2, %def ]
  ret i32 %p
}

; 1 when the GEP and the hand-computed address agree.
define internal i32 @gep_check(ptr %p, i64 %i, i32 %j) noinline {
entry:
  %g = getelementptr inbounds %struct.S, ptr %p, i64 %i, i32 2, i32 %j
  %base = ptrtoint ptr %p to i64
  %si = mul i64 %i, 104
  %jj = sext i32 %j to i64
  %sj = mul i64 %jj, 8
  %o1 = add i64 %base, %si
  %o2 = add i64 %o1, 8
  %o3 = add i64 %o2, %sj
  %gi = ptrtoint ptr %g to i64
  %eq = icmp eq i64 %gi, %o3
  %r = zext i1 %eq to i32
  ret i32 %r
}

define internal i32 @gep_const(ptr %p) noinline {
entry:
  %g = getelementptr %struct.S, ptr %p, i64 2, i32 3, i32 1
  %d = ptrtoint ptr %g to i64
  %b = ptrtoint ptr %p to i64
  %diff = sub i64 %d, %b
  %ok = icmp eq i64 %diff, 304
  %r = zext i1 %ok to i32
  ret i32 %r
}

define internal <4 x i32> @vec(<4 x i32> %v, i32 %x, i32 %idx) noinline {
entry:
  %e = extractelement <4 x i32> %v, i32 2
  %s = add i32 %e, %x
  %ins = insertelement <4 x i32> %v, i32 %s, i32 %idx
  %sh = shufflevector <4 x i32> %ins, <4 x i32> %v, <4 x i32> <i32 0, i32 5, i32 1, i32 7>
  %sum = add <4 x i32> %sh, <i32 1, i32 2, i32 3, i32 4>
  ret <4 x i32> %sum
}

define internal i32 @va_sum(i32 %n, ...) noinline {
entry:
  %ap = alloca [24 x i8], align 16
  call void @llvm.va_start.p0(ptr %ap)
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  %v = va_arg ptr %ap, i32
  %s.next = add i32 %s, %v
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  call void @llvm.va_end.p0(ptr %ap)
  ret i32 %s.next
}

define i32 @main() {
entry:
  %l = call i32 @loop_sum(i32 7, i32 9, i32 30)
  call i32 (ptr, ...) @printf(ptr @.fmt.loop, i32 %l)
  %m = alloca i32
  %d = call i32 @div(i32 1000, i32 -3, i32 20, ptr %m)
  %mv = load i32, ptr %m
  call i32 (ptr, ...) @printf(ptr @.fmt.div, i32 %d, i32 %mv)
  %s0 = call i32 @sw(i32 8, i32 100)
  %s1 = call i32 @sw(i32 13, i32 101)
  %s2 = call i32 @sw(i32 7, i32 0)
  call i32 (ptr, ...) @printf(ptr @.fmt.switch, i32 %s0, i32 %s1, i32 %s2)
  %arr = alloca [4 x %struct.S], align 8
  %g1 = call i32 @gep_check(ptr %arr, i64 2, i32 5)
  %g2 = call i32 @gep_check(ptr %arr, i64 -1, i32 -3)
  %g3 = call i32 @gep_const(ptr %arr)
  call i32 (ptr, ...) @printf(ptr @.fmt.gep, i32 %g1, i32 %g2, i32 %g3)
  %v = call <4 x i32> @vec(<4 x i32> <i32 9, i32 20, i32 30, i32 40>, i32 5, i32 0)
  %v0 = extractelement <4 x i32> %v, i32 0
  %v1 = extractelement <4 x i32> %v, i32 1
  %v2 = extractelement <4 x i32> %v, i32 2
  %v3 = extractelement <4 x i32> %v, i32 3
  call i32 (ptr, ...) @printf(ptr @.fmt.vec, i32 %v0, i32 %v1, i32 %v2, i32 %v3)
  %i0 = call i32 @llvm.umin.i32(i32 3, i32 17)
  %i1 = call i32 @llvm.ctpop.i32(i32 255)
  %i2 = call i32 @llvm.fshl.i32(i32 9, i32 1, i32 27)
  %i3 = call i32 @llvm.abs.i32(i32 -5, i1 true)
  call i32 (ptr, ...) @printf(ptr @.fmt.intr, i32 %i0, i32 %i1, i32 %i2, i32 %i3)
  %va = call i32 (i32, ...) @va_sum(i32 3, i32 10, i32 20, i32 30)
  call i32 (ptr, ...) @printf(ptr @.fmt.va, i32 %va)
  %z = zext i32 -1 to i64
  %t = trunc i64 %z to i8
  %tz = zext i8 %t to i64
  %sx = sext i8 %t to i64
  call i32 (ptr, ...) @printf(ptr @.fmt.flags, i64 %z, i64 %tz, i64 %sx)
  ret i32 0
}
