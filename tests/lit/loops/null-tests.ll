; Rust's slice iterators after inlining (NullTests.h): `next` returns an
; `Option<&mut u64>`, a pointer that is null for `None`, as `select done,
; null, p`, and the loop tests it through `ptrtoint` and the tag's `select`.
; Scalar evolution cannot count that loop. Before the full unroller and again
; after rotation the tests fold: `p` is non-null (the loop's guard says so on
; the way in, a `getelementptr inbounds` by 8 on the back edge), so the loop
; exits on the iterator's own `p == end`, its pointer steps by 8, and the
; runtime unroller unrolls it. The guard keeps one test of the start pointer,
; as LLVM's -O2 does. Over a `[u32; 4]` (@lanes) the loop is counted before
; the full unroller, which unrolls it; what the iterator leaves of itself
; (its `{ptr, ptr}` pair, its length from the pointers) goes, and SROA turns
; the array into values. A list walk's pointer may be null: its test
; stays.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-interprocedural --no-loop-passes --emit=llvm -o - %s | FileCheck %s --check-prefix=NOLOOP
; STATS: "rotated_null_tests_folded": {{[1-9]}}
; STATS: "unroll_null_tests_folded": {{[1-9]}}

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; for d in v.iter_mut() { *d = *d * m + carry; carry = ... }: counted, the
; loop is widened (the carry is a recurrence: recurrences.ll).
; CHECK-LABEL: define {{.*}}@scale(
; CHECK-NOT:     ptrtoint
; CHECK:         icmp eq ptr %start, null
; CHECK:         vector.body
; CHECK-NOT:     null
; CHECK:         ret i64
; NOLOOP-LABEL: define {{.*}}@scale(
; NOLOOP:        br i1
define i64 @scale(ptr %start, i64 %len, i64 %m) {
entry:
  %end = getelementptr inbounds nuw i64, ptr %start, i64 %len
  %range.0 = insertvalue { ptr, ptr } poison, ptr %start, 0
  %range = insertvalue { ptr, ptr } %range.0, ptr %end, 1
  %first = extractvalue { ptr, ptr } %range, 0
  %last = extractvalue { ptr, ptr } %range, 1
  br label %head
head:
  %cur = phi ptr [ %first, %entry ], [ %next.ptr, %body ]
  %carry = phi i64 [ 0, %entry ], [ %carry.next, %body ]
  %done = icmp eq ptr %cur, %last
  %step = getelementptr inbounds nuw i64, ptr %cur, i64 1
  %next.ptr = select i1 %done, ptr %cur, ptr %step
  %item = select i1 %done, ptr null, ptr %cur
  %addr = ptrtoint ptr %item to i64
  %none = icmp eq i64 %addr, 0
  %tag = select i1 %none, i64 0, i64 1
  %some = trunc nuw i64 %tag to i1
  br i1 %some, label %body, label %exit
body:
  %d = load i64, ptr %item, align 8
  %prod = mul i64 %d, %m
  %sum = add i64 %prod, %carry
  store i64 %sum, ptr %item, align 8
  %carry.next = lshr i64 %prod, 32
  br label %head
exit:
  ret i64 %carry
}

; for (x, y) in a.iter_mut().zip(b) { *x -= *y }: the zipped `next` returns
; `a + 8*i`, null when `i` reached the length; `a` is not known non-null, but
; the loop's guard tests it once. The loop left is counted, and widened
; behind a check that a and b do not overlap.
; CHECK-LABEL: define {{.*}}@zip_sub(
; CHECK:         icmp eq ptr %a, null
; CHECK:       vector.memcheck:
; CHECK-NOT:     null
; CHECK:         ret void
define void @zip_sub(ptr %a, ptr %b, i64 %n) {
entry:
  br label %head
head:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %more = icmp ult i64 %i, %n
  %i.inc = add i64 %i, 1
  %i.next = select i1 %more, i64 %i.inc, i64 %i
  %pa = getelementptr inbounds nuw i64, ptr %a, i64 %i
  %pb = getelementptr inbounds nuw i64, ptr %b, i64 %i
  %x = select i1 %more, ptr %pa, ptr null
  %y = select i1 %more, ptr %pb, ptr undef
  %none = icmp eq ptr %x, null
  br i1 %none, label %exit, label %body
body:
  %vx = load i64, ptr %x, align 8
  %vy = load i64, ptr %y, align 8
  %diff = sub i64 %vx, %vy
  store i64 %diff, ptr %x, align 8
  br label %head
exit:
  ret void
}

; while (p) { n++; p = p->next; }: p may be null.
; CHECK-LABEL: define {{.*}}@list_length(
; CHECK:         icmp {{eq|ne}} ptr %{{.*}}, null
; CHECK:         ret i64
define i64 @list_length(ptr %list) {
entry:
  br label %head
head:
  %p = phi ptr [ %list, %entry ], [ %next, %body ]
  %n = phi i64 [ 0, %entry ], [ %n.next, %body ]
  %addr = ptrtoint ptr %p to i64
  %end = icmp eq i64 %addr, 0
  br i1 %end, label %exit, label %body
body:
  %n.next = add i64 %n, 1
  %next = load ptr, ptr %p, align 8
  br label %head
exit:
  ret i64 %n
}

; CHECK-LABEL: define {{.*}}@lanes(
; CHECK-NOT:     alloca
; CHECK:         mul i32 %x, %x
; CHECK:         ret i32
define i32 @lanes(i32 %x) {
entry:
  %acc = alloca [4 x i32], align 4
  call void @llvm.memset.p0.i64(ptr align 4 %acc, i8 0, i64 16, i1 false)
  %end = getelementptr inbounds nuw i8, ptr %acc, i64 16
  %pair.0 = insertvalue { ptr, ptr } poison, ptr %acc, 0
  %pair = insertvalue { ptr, ptr } %pair.0, ptr %end, 1
  %start.int = ptrtoint ptr %acc to i64
  %end.int = ptrtoint ptr %end to i64
  %bytes = sub i64 %end.int, %start.int
  %len = udiv exact i64 %bytes, 4
  br label %head
head:
  %cur = phi ptr [ %acc, %entry ], [ %next, %body ]
  %done = icmp eq ptr %cur, %end
  %step = getelementptr inbounds nuw i8, ptr %cur, i64 4
  %next = select i1 %done, ptr %cur, ptr %step
  %item = select i1 %done, ptr null, ptr %cur
  %addr = ptrtoint ptr %item to i64
  %none = icmp eq i64 %addr, 0
  br i1 %none, label %sum, label %body
body:
  %v = load i32, ptr %item, align 4
  %v2 = add i32 %v, %x
  store i32 %v2, ptr %item, align 4
  br label %head
sum:
  %a0 = load i32, ptr %acc, align 4
  %p1 = getelementptr inbounds nuw i8, ptr %acc, i64 4
  %a1 = load i32, ptr %p1, align 4
  %p2 = getelementptr inbounds nuw i8, ptr %acc, i64 8
  %a2 = load i32, ptr %p2, align 4
  %p3 = getelementptr inbounds nuw i8, ptr %acc, i64 12
  %a3 = load i32, ptr %p3, align 4
  %s01 = mul i32 %a0, %a1
  %s23 = sub i32 %a3, %a2
  %s = add i32 %s01, %s23
  ret i32 %s
}
