; Loads of constant memory folded before lifting (docs/skeleton.md): a
; simple load at a constant address in a global constant with a definitive
; initializer takes the value there, and the e-graph folds what follows.
; Not a volatile load, not a global that is not constant, not one whose
; initializer another module may replace (weak), not an address that is
; not constant.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; STATS: "constant_loads": 4

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@table = private constant [4 x i32] [i32 10, i32 20, i32 30, i32 40]
@mutable = global [4 x i32] [i32 10, i32 20, i32 30, i32 40]
@weak = weak constant i32 7
@bytes = private constant [8 x i8] c"\01\02\03\04\05\06\07\08"

; CHECK-LABEL: define {{.*}}@folded(
; CHECK-NEXT:    ret i32 80
define i32 @folded() {
  %p = getelementptr inbounds [4 x i32], ptr @table, i64 0, i64 2
  %a = load i32, ptr %p
  %b = load i32, ptr @table
  %sum = add i32 %a, %b
  ; Two bytes of the i8 array read as one i16: 0x0403 (1027).
  %q = getelementptr inbounds i8, ptr @bytes, i64 2
  %h = load i16, ptr %q
  %hz = zext i16 %h to i32
  %t = sub i32 %hz, 987
  %r = add i32 %sum, %t
  ret i32 %r
}

; A memcpy of 4 bytes out of the table becomes a load of it (small memory
; transfers), which then folds.
; CHECK-LABEL: define {{.*}}@copied(
; CHECK-NEXT:    store i32 20, ptr %d
; CHECK-NEXT:    ret void
define void @copied(ptr %d) {
  %p = getelementptr inbounds i8, ptr @table, i64 4
  call void @llvm.memcpy.p0.p0.i64(ptr %d, ptr %p, i64 4, i1 false)
  ret void
}

; CHECK-LABEL: define {{.*}}@kept(
; CHECK:         load volatile i32, ptr @table
; CHECK:         load i32, ptr @mutable
; CHECK:         load i32, ptr @weak
; CHECK:         load i32, ptr %[[P:[^ ]+]]
define i32 @kept(i64 %i) {
  %v = load volatile i32, ptr @table
  %m = load i32, ptr @mutable
  %w = load i32, ptr @weak
  %p = getelementptr inbounds [4 x i32], ptr @table, i64 0, i64 %i
  %x = load i32, ptr %p
  %s1 = add i32 %v, %m
  %s2 = add i32 %w, %x
  %s = add i32 %s1, %s2
  ret i32 %s
}
