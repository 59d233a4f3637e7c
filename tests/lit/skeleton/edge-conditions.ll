; Branches decided by the edge they are entered on, though no constant
; arrives (docs/skeleton.md, "Branches on a phi of constants";
; passes/skeleton/lib/EdgeConditions.h). In @find (a list search that
; breaks on a match, then tests the cursor again) the match leaves the loop
; with %y != %nil known from the loop's own tests (the guard in %entry and
; the latch's %more, on every edge into %loop); the other two exits bring a
; value their own branch found equal to %nil. All three go straight to
; their successor, and %found is gone. In @range the edge from %a2 brings
; %x, below 10 by the test in %entry above it (the edge dominates %a2):
; below 20 too; the edge from %b brings %z, unknown, and keeps the test.
; In @constant_arrives the edge from %zero brings the constant 0, compared
; with %len: `0 <u %len` is not decided by the constant alone, but %len != 0
; by the test in %entry above the edge; the edge from %other keeps the test.
; In @moving_bound the loop's bound is reloaded in the loop (a store
; may change it), so the exit's test against the value loaded before
; the loop is not decided by the loop's tests, and stays.
; The skeleton threads these before lifting; with --no-skeleton the same
; step after lowering (after LLVM's simplifycfg has joined the lowered
; blocks, then simplifycfg again) does, where the e-graph has merged the
; values the branches compare.
;
; RUN: egopt --no-cfg-cleanup --no-loop-passes --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-cfg-cleanup --no-loop-passes --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-skeleton --no-loop-passes --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-skeleton --no-cfg-cleanup --no-loop-passes --no-interprocedural --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF

; CHECK-LABEL: define {{.*}}@find(
; CHECK-NOT:     %found
; CHECK:         %hit = icmp eq ptr %kp, %key
; CHECK-NEXT:    br i1 %hit, label %yes, label %latch
; CHECK:         ret i32
; OFF-LABEL:   define {{.*}}@find(
; OFF:           %found = icmp ne ptr

; CHECK-LABEL: define {{.*}}@moving_bound(
; CHECK:         %found = icmp ne ptr

; CHECK-LABEL: define {{.*}}@range(
; CHECK:       a2:
; CHECK-NEXT:    call void @k()
; CHECK-NEXT:    br label %yes
; CHECK:         %lt = icmp ult i32 %z, 20

; CHECK-LABEL: define {{.*}}@constant_arrives(
; CHECK:       zero:
; CHECK-NEXT:    call void @h()
; CHECK-NEXT:    br label %yes
; CHECK:         %lt = icmp ult i32 %z, %len

declare void @h()
declare void @k()

define i32 @find(ptr %list, ptr %nil, ptr %key) {
entry:
  %empty = icmp eq ptr %list, %nil
  br i1 %empty, label %done, label %loop
loop:
  %y = phi ptr [ %list, %entry ], [ %next, %latch ]
  %kp = load ptr, ptr %y
  %hit = icmp eq ptr %kp, %key
  br i1 %hit, label %done, label %latch
latch:
  %np = getelementptr inbounds i8, ptr %y, i64 8
  %next = load ptr, ptr %np
  %more = icmp ne ptr %next, %nil
  br i1 %more, label %loop, label %done
done:
  %r = phi ptr [ %list, %entry ], [ %y, %loop ], [ %next, %latch ]
  %found = icmp ne ptr %r, %nil
  br i1 %found, label %yes, label %no
yes:
  %vp = getelementptr inbounds i8, ptr %r, i64 16
  %v = load i32, ptr %vp
  ret i32 %v
no:
  ret i32 -1
}

define i32 @moving_bound(ptr %list, ptr %nilp, ptr %key) {
entry:
  %nil = load ptr, ptr %nilp
  %empty = icmp eq ptr %list, %nil
  br i1 %empty, label %done, label %loop
loop:
  %y = phi ptr [ %list, %entry ], [ %next, %latch ]
  %kp = load ptr, ptr %y
  %hit = icmp eq ptr %kp, %key
  br i1 %hit, label %done, label %latch
latch:
  store ptr %key, ptr %y
  %np = getelementptr inbounds i8, ptr %y, i64 8
  %next = load ptr, ptr %np
  %nil.now = load ptr, ptr %nilp
  %more = icmp ne ptr %next, %nil.now
  br i1 %more, label %loop, label %done
done:
  %r = phi ptr [ %list, %entry ], [ %y, %loop ], [ %next, %latch ]
  %found = icmp ne ptr %r, %nil
  br i1 %found, label %yes, label %no
yes:
  %vp = getelementptr inbounds i8, ptr %r, i64 16
  %v = load i32, ptr %vp
  ret i32 %v
no:
  ret i32 -1
}

define i32 @range(i32 %x, i32 %z, i1 %c) {
entry:
  %small = icmp ult i32 %x, 10
  br i1 %small, label %a, label %b
a:
  call void @h()
  br i1 %c, label %a2, label %out
a2:
  call void @k()
  br label %join
b:
  call void @k()
  br label %join
join:
  %p = phi i32 [ %x, %a2 ], [ %z, %b ]
  %lt = icmp ult i32 %p, 20
  br i1 %lt, label %yes, label %no
yes:
  call void @h()
  ret i32 %p
no:
  ret i32 0
out:
  ret i32 1
}

define i32 @constant_arrives(i32 %len, i32 %z, i1 %c) {
entry:
  %empty = icmp eq i32 %len, 0
  br i1 %empty, label %out, label %a
a:
  call void @h()
  br i1 %c, label %zero, label %other
zero:
  call void @h()
  br label %join
other:
  call void @k()
  br label %join
join:
  %n = phi i32 [ 0, %zero ], [ %z, %other ]
  %lt = icmp ult i32 %n, %len
  br i1 %lt, label %yes, label %no
yes:
  call void @h()
  ret i32 %n
no:
  ret i32 0
out:
  ret i32 1
}
