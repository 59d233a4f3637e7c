; Loop idiom recognition (docs/loop-passes.md): at -O2, after
; the loops are rotated, a loop that fills memory a byte at a time becomes a
; memset, and the loop left without effect is deleted. In @zero_bytes the
; length is the loop's count. In @builder (Rust's `GenericArray::default()`
; after inlining) the loop also counts the bytes written in a field just
; past the array; the field does not overlap the bytes, so the fill becomes
; a memset of the 64 bytes. The skeleton's loop promotion then keeps the
; count in a register, the count after the loop is its start plus 64, and
; the loop, left only counting, goes (DeadLoops.h). --no-loop-passes keeps
; the loops.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-interprocedural --no-loop-passes --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; STATS-DAG: "loop_exit_values": 1
; STATS-DAG: "dead_loops": 1
; OFF-NOT: @llvm.memset

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(ptr)

; CHECK-LABEL: define {{.*}}@zero_bytes(
; CHECK:         call void @llvm.memset.p0.i64(ptr {{.*}}%p, i8 0, i64 %n, i1 false)
; CHECK-NOT:     store i8
; CHECK-NOT:     phi
; CHECK:       }
define void @zero_bytes(ptr %p, i64 %n) {
entry:
  %empty = icmp eq i64 %n, 0
  br i1 %empty, label %done, label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %a = getelementptr inbounds i8, ptr %p, i64 %i
  store i8 0, ptr %a
  %i.next = add nuw i64 %i, 1
  %more = icmp ult i64 %i.next, %n
  br i1 %more, label %loop, label %done
done:
  ret void
}

; CHECK-LABEL: define {{.*}}@builder(
; CHECK:         call void @llvm.memset.p0.i64(ptr {{.*}}%buf, i8 0, i64 64, i1 false)
; CHECK-NOT:     store i8 0
; CHECK-NOT:     phi
; CHECK:         %[[END:[^ ]+]] = add i64 %{{[^ ]+}}, 64
; CHECK-NEXT:    store i64 %[[END]], ptr %count
; CHECK:       }
define void @builder() {
entry:
  %buf = alloca [72 x i8], align 8
  %count = getelementptr inbounds i8, ptr %buf, i64 64
  store i64 0, ptr %count
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i.next, %loop ]
  %a = getelementptr inbounds nuw i8, ptr %buf, i64 %i
  store i8 0, ptr %a
  %c = load i64, ptr %count
  %c.next = add i64 %c, 1
  store i64 %c.next, ptr %count
  %last = icmp eq i64 %i, 63
  %i.next = add nuw i64 %i, 1
  br i1 %last, label %done, label %loop
done:
  call void @use(ptr %buf)
  ret void
}
