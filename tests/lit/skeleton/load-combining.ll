; Load combining (docs/skeleton.md, "Adjacent loads as one word"): bytes at
; p, p+1, ... zero-extended, shifted into place and or-ed are one wide load
; (little-endian), or its byte swap when the shifts run the other way. The
; loads must share a block with nothing that may write memory between them.
; It runs again after the e-graph (and simplifycfg), where bounds checks
; the e-graph removed no longer keep the bytes apart.
;
; RUN: egopt --no-loop-passes --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-loop-passes --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-loop-passes --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-skeleton --no-loop-passes --no-interprocedural --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; STATS-DAG: "loads_combined": 5,
; STATS-DAG: "loads_combined_after_egraph": 1,

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @g()

; The flat form.
; CHECK-LABEL: define {{.*}}@unpack(
; CHECK-NEXT:    %[[W:[^ ]+]] = load i32, ptr %p, align 1
; CHECK-NEXT:    ret i32 %[[W]]
; OFF-LABEL: define {{.*}}@unpack(
; OFF:           load i8
define i32 @unpack(ptr %p) {
  %b0 = load i8, ptr %p
  %p1 = getelementptr inbounds i8, ptr %p, i64 1
  %b1 = load i8, ptr %p1
  %p2 = getelementptr inbounds i8, ptr %p, i64 2
  %b2 = load i8, ptr %p2
  %p3 = getelementptr inbounds i8, ptr %p, i64 3
  %b3 = load i8, ptr %p3
  %z0 = zext i8 %b0 to i32
  %z1 = zext i8 %b1 to i32
  %z2 = zext i8 %b2 to i32
  %z3 = zext i8 %b3 to i32
  %s1 = shl i32 %z1, 8
  %s2 = shl i32 %z2, 16
  %s3 = shl i32 %z3, 24
  %o1 = or i32 %s3, %s2
  %o2 = or i32 %o1, %s1
  %o3 = or i32 %o2, %z0
  ret i32 %o3
}

; tinycdb's cdb_unpack, in Horner's form: `n = buf[3]; n <<= 8; n |= buf[2];`
; and so on.
; CHECK-LABEL: define {{.*}}@unpack_horner(
; CHECK-NEXT:    %[[W:[^ ]+]] = load i32, ptr %p, align 1
; CHECK-NEXT:    ret i32 %[[W]]
define i32 @unpack_horner(ptr %p) {
  %p3 = getelementptr inbounds i8, ptr %p, i64 3
  %b3 = load i8, ptr %p3
  %n3 = zext i8 %b3 to i32
  %s3 = shl i32 %n3, 8
  %p2 = getelementptr inbounds i8, ptr %p, i64 2
  %b2 = load i8, ptr %p2
  %z2 = zext i8 %b2 to i32
  %n2 = or i32 %s3, %z2
  %s2 = shl i32 %n2, 8
  %p1 = getelementptr inbounds i8, ptr %p, i64 1
  %b1 = load i8, ptr %p1
  %z1 = zext i8 %b1 to i32
  %n1 = or i32 %s2, %z1
  %s1 = shl i32 %n1, 8
  %b0 = load i8, ptr %p
  %z0 = zext i8 %b0 to i32
  %n0 = or i32 %s1, %z0
  ret i32 %n0
}

; Big-endian, at an offset: a load of p+4 byte-swapped.
; CHECK-LABEL: define {{.*}}@unpack_be(
; CHECK-NEXT:    %[[Q:[^ ]+]] = getelementptr inbounds i8, ptr %p, i64 4
; CHECK-NEXT:    %[[W:[^ ]+]] = load i32, ptr %[[Q]], align 1
; CHECK-NEXT:    %[[S:[^ ]+]] = {{(tail )?}}call i32 @llvm.bswap.i32(i32 %[[W]])
; CHECK-NEXT:    ret i32 %[[S]]
define i32 @unpack_be(ptr %p) {
  %p4 = getelementptr inbounds i8, ptr %p, i64 4
  %b0 = load i8, ptr %p4
  %p5 = getelementptr inbounds i8, ptr %p, i64 5
  %b1 = load i8, ptr %p5
  %p6 = getelementptr inbounds i8, ptr %p, i64 6
  %b2 = load i8, ptr %p6
  %p7 = getelementptr inbounds i8, ptr %p, i64 7
  %b3 = load i8, ptr %p7
  %z0 = zext i8 %b0 to i32
  %z1 = zext i8 %b1 to i32
  %z2 = zext i8 %b2 to i32
  %z3 = zext i8 %b3 to i32
  %s0 = shl i32 %z0, 24
  %s1 = shl i32 %z1, 16
  %s2 = shl i32 %z2, 8
  %o1 = or i32 %s0, %s1
  %o2 = or i32 %o1, %s2
  %o3 = or i32 %o2, %z3
  ret i32 %o3
}

; Two 16-bit halves into 32 bits.
; CHECK-LABEL: define {{.*}}@halves(
; CHECK-NEXT:    %[[W:[^ ]+]] = load i32, ptr %p, align 2
; CHECK-NEXT:    ret i32 %[[W]]
define i32 @halves(ptr %p) {
  %h0 = load i16, ptr %p, align 2
  %p2 = getelementptr inbounds i8, ptr %p, i64 2
  %h1 = load i16, ptr %p2, align 2
  %z0 = zext i16 %h0 to i32
  %z1 = zext i16 %h1 to i32
  %s1 = shl i32 %z1, 16
  %o = or i32 %s1, %z0
  ret i32 %o
}

; A call between the loads may write the bytes: left alone.
; CHECK-LABEL: define {{.*}}@call_between(
; CHECK:         load i8
; CHECK:         call void @g()
; CHECK:         load i8
define i32 @call_between(ptr %p) {
  %b0 = load i8, ptr %p
  call void @g()
  %p1 = getelementptr inbounds i8, ptr %p, i64 1
  %b1 = load i8, ptr %p1
  %z0 = zext i8 %b0 to i32
  %z1 = zext i8 %b1 to i32
  %s1 = shl i32 %z1, 8
  %o = or i32 %s1, %z0
  ret i32 %o
}

; A gap (bytes 0 and 2): not one word.
; CHECK-LABEL: define {{.*}}@gap(
; CHECK:         load i8
; CHECK:         load i8
define i32 @gap(ptr %p) {
  %b0 = load i8, ptr %p
  %p2 = getelementptr inbounds i8, ptr %p, i64 2
  %b2 = load i8, ptr %p2
  %z0 = zext i8 %b0 to i16
  %z2 = zext i8 %b2 to i16
  %s2 = shl i16 %z2, 8
  %o = or i16 %s2, %z0
  %r = zext i16 %o to i32
  ret i32 %r
}

; A variable index: `p[i - 1]` and `p[i]` are one base, one index and
; offsets -1 and 0.
; CHECK-LABEL: define {{.*}}@index_pair(
; CHECK:         %[[Q:[^ ]+]] = getelementptr {{.*}}i8, ptr %p, i64 %{{.+}}
; CHECK-NEXT:    %[[W:[^ ]+]] = load i16, ptr %[[Q]], align 1
; CHECK-NEXT:    ret i16 %[[W]]
define i16 @index_pair(ptr %p, i64 %i) {
  %lo = sub nsw i64 %i, 1
  %q0 = getelementptr inbounds i8, ptr %p, i64 %lo
  %b0 = load i8, ptr %q0
  %q1 = getelementptr inbounds i8, ptr %p, i64 %i
  %b1 = load i8, ptr %q1
  %z0 = zext i8 %b0 to i16
  %z1 = zext i8 %b1 to i16
  %s1 = shl i16 %z1, 8
  %o = or i16 %s1, %z0
  ret i16 %o
}

; A 32-bit index is sign-extended after the addition (`i + 1` may wrap
; where the address does not): left alone.
; CHECK-LABEL: define {{.*}}@narrow_index(
; CHECK:         load i8
; CHECK:         load i8
define i16 @narrow_index(ptr %p, i32 %i) {
  %hi = add i32 %i, 1
  %q0 = getelementptr inbounds i8, ptr %p, i32 %i
  %b0 = load i8, ptr %q0
  %q1 = getelementptr inbounds i8, ptr %p, i32 %hi
  %b1 = load i8, ptr %q1
  %z0 = zext i8 %b0 to i16
  %z1 = zext i8 %b1 to i16
  %s1 = shl i16 %z1, 8
  %o = or i16 %s1, %z0
  ret i16 %o
}

; Each byte behind its own bounds check, which the e-graph's known bits
; rule out (`x & 32767` and one more are below 33026): when the skeleton
; looks, the loads are in different blocks; after the e-graph, once the
; folded branches are gone, they are one word (miniz_oxide's
; `read_u16_le` in its match finder).
; CHECK-LABEL: define {{.*}}@checked_pair(
; CHECK:         %[[W:[^ ]+]] = load i16, ptr %{{.+}}, align 1
; CHECK-NEXT:    ret i16 %[[W]]
; OFF-LABEL:   define {{.*}}@checked_pair(
; OFF:           load i8
; OFF:           load i8
define i16 @checked_pair(ptr %p, i64 %x) {
entry:
  %m = and i64 %x, 32767
  %i = add nuw nsw i64 %m, 1
  %lo = sub nsw i64 %i, 1
  %c0 = icmp ult i64 %lo, 33026
  br i1 %c0, label %first, label %bad
first:
  %q0 = getelementptr inbounds i8, ptr %p, i64 %lo
  %b0 = load i8, ptr %q0
  %c1 = icmp ult i64 %i, 33026
  br i1 %c1, label %second, label %bad
second:
  %q1 = getelementptr inbounds i8, ptr %p, i64 %i
  %b1 = load i8, ptr %q1
  %z0 = zext i8 %b0 to i16
  %z1 = zext i8 %b1 to i16
  %s1 = shl i16 %z1, 8
  %o = or i16 %z0, %s1
  ret i16 %o
bad:
  call void @g()
  unreachable
}
