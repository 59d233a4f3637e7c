; Terminators and phis are skeleton: br, switch (with its case values and
; branch weights), indirectbr (with blockaddress), callbr, ret and
; unreachable stay; their pure operands are elaborated before them. A phi's
; inputs are materialized at the end of the incoming block.
;
; RUN: egopt --no-cfg-cleanup --no-loop-passes --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-cfg-cleanup --no-loop-passes --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-cfg-cleanup --no-loop-passes --no-interprocedural %s -o %t.o

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)

; CHECK-LABEL: define {{.*}}@switch_phi(
; CHECK:       entry:
; CHECK-NEXT:    %[[K:[^ ]+]] = and i32 %a, 7
; CHECK-NEXT:    switch i32 %[[K]], label %def [
; CHECK-NEXT:      i32 0, label %c0
; CHECK-NEXT:      i32 1, label %c1
; CHECK-NEXT:      i32 5, label %c1
; CHECK-NEXT:    ], !prof ![[PROF:[0-9]+]]
; CHECK:       c0:
; CHECK-NEXT:    %[[V0:[^ ]+]] = add i32 %b, 10
; CHECK-NEXT:    call void @use(i32 %[[V0]])
; CHECK-NEXT:    br label %join
; CHECK:       c1:
; CHECK-NEXT:    %[[V1:[^ ]+]] = sub i32 %b, 10
; CHECK-NEXT:    call void @use(i32 %b)
; CHECK-NEXT:    br label %join
; CHECK:       def:
; CHECK-NEXT:    call void @use(i32 %b)
; CHECK-NEXT:    unreachable
; CHECK:       join:
; CHECK-NEXT:    %p = phi i32 [ %[[V0]], %c0 ], [ %[[V1]], %c1 ]
; CHECK-NEXT:    %[[Q:[^ ]+]] = mul i32 %p, 3
; CHECK-NEXT:    ret i32 %[[Q]]
define i32 @switch_phi(i32 %a, i32 %b) {
entry:
  %k = and i32 %a, 7
  switch i32 %k, label %def [ i32 0, label %c0
                              i32 1, label %c1
                              i32 5, label %c1 ], !prof !0
c0:
  %v0 = add i32 %b, 10
  call void @use(i32 %v0)
  br label %join
c1:
  %v1 = sub i32 %b, 10
  call void @use(i32 %b)
  br label %join
def:
  call void @use(i32 %b)
  unreachable
join:
  %p = phi i32 [ %v0, %c0 ], [ %v1, %c1 ]
  %q = mul i32 %p, 3
  ret i32 %q
}

; A loop's phi: the latch's input is computed in the latch; the exit
; condition is elaborated before the conditional branch (with its
; !prof and !llvm.loop metadata).
; CHECK-LABEL: define {{.*}}@loop_phi(
; CHECK:       loop:
; CHECK-NEXT:    %i = phi i32 [ 0, %entry ], [ %[[NEXT:[^ ]+]], %loop ]
; CHECK-NEXT:    %s = phi i32 [ 0, %entry ], [ %[[SNEXT:[^ ]+]], %loop ]
; CHECK-NEXT:    call void @use(i32 %s)
; CHECK-NEXT:    %[[NEXT]] = add nuw nsw i32 %i, 1
; CHECK-NEXT:    %[[C:[^ ]+]] = icmp ult i32 %[[NEXT]], %n
; CHECK-NEXT:    %[[SQ:[^ ]+]] = mul i32 %i, %i
; CHECK-NEXT:    %[[SNEXT]] = add i32 %s, %[[SQ]]
; CHECK-NEXT:    br i1 %[[C]], label %loop, label %exit, !prof ![[BW:[0-9]+]], !llvm.loop ![[LOOP:[0-9]+]]
; CHECK:       exit:
; CHECK-NEXT:    ret i32 %[[SNEXT]]
define i32 @loop_phi(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s.next, %loop ]
  call void @use(i32 %s)
  %sq = mul i32 %i, %i
  %s.next = add i32 %s, %sq
  %i.next = add nuw nsw i32 %i, 1
  %c = icmp ult i32 %i.next, %n
  br i1 %c, label %loop, label %exit, !prof !1, !llvm.loop !2
exit:
  ret i32 %s.next
}

; indirectbr: its address is loaded through a pure address computation,
; elaborated first; the destinations and the blockaddress constants stay.
; CHECK-LABEL: define {{.*}}@indirect_branch(
; CHECK:       entry:
; CHECK-NEXT:    %[[IDX:[^ ]+]] = zext i1 %c to i64
; CHECK-NEXT:    %[[OFF:[^ ]+]] = mul nsw i64 %[[IDX]], 8
; CHECK-NEXT:    %[[SLOT:[^ ]+]] = getelementptr inbounds i8, ptr @targets, i64 %[[OFF]]
; CHECK-NEXT:    %t = load ptr, ptr %[[SLOT]], align 8
; (simplifycfg, a pre-pass, merges the two returns into one block.)
; CHECK-NEXT:    indirectbr ptr %t, [label %l1, label %[[L2:[^ ]+]]]
; CHECK:       l1:
; CHECK-NEXT:    %[[U:[^ ]+]] = add i32 %a, 1
; CHECK-NEXT:    call void @use(i32 %[[U]])
@targets = internal constant [2 x ptr] [ptr blockaddress(@indirect_branch, %l1), ptr blockaddress(@indirect_branch, %l2)]
define i32 @indirect_branch(i1 %c, i32 %a) {
entry:
  %idx = zext i1 %c to i64
  %slot = getelementptr inbounds [2 x ptr], ptr @targets, i64 0, i64 %idx
  %t = load ptr, ptr %slot, align 8
  indirectbr ptr %t, [label %l1, label %l2]
l1:
  %u = add i32 %a, 1
  call void @use(i32 %u)
  ret i32 %u
l2:
  ret i32 0
}

; A ret of a pure value; unreachable after a noreturn call.
; CHECK-LABEL: define {{.*}}@ret_value(
; CHECK:         %[[R:[^ ]+]] = zext i32 %a to i64
; CHECK-NEXT:    ret i64 %[[R]]
; CHECK:       dead.end:
; CHECK-NEXT:    call void @abort()
; CHECK-NEXT:    unreachable
declare void @abort() noreturn
define i64 @ret_value(i32 %a, i1 %c) {
entry:
  br i1 %c, label %ok, label %dead.end
ok:
  %r = zext i32 %a to i64
  ret i64 %r
dead.end:
  call void @abort()
  unreachable
}

; callbr (asm goto) stays, with both destinations; the values that use its
; result are placed in its successors.
; CHECK-LABEL: define {{.*}}@asm_goto(
; CHECK:       entry:
; CHECK-NEXT:    %r = callbr i32 asm "jmp ${1:l}", "=r,!i"()
; CHECK-NEXT:            to label %normal [label %indirect]
; CHECK:       normal:
; CHECK:         %[[Y:[^ ]+]] = add i32 %r, %{{[^ ]+}}
; CHECK-NEXT:    call void @use(i32 %[[Y]])
; CHECK:       indirect:
; CHECK:         call void @use(
define i32 @asm_goto(i32 %a) {
entry:
  %x = add i32 %a, 1
  %r = callbr i32 asm "jmp ${1:l}", "=r,!i"() to label %normal [label %indirect]
normal:
  %y = add i32 %r, %x
  call void @use(i32 %y)
  ret i32 %y
indirect:
  %z = mul i32 %x, 3
  call void @use(i32 %z)
  ret i32 0
}

; CHECK-DAG: ![[PROF]] = !{!"branch_weights", i32 1, i32 2, i32 3, i32 4}
; CHECK-DAG: ![[BW]] = !{!"branch_weights", i32 100, i32 1}
; CHECK-DAG: ![[LOOP]] = distinct !{![[LOOP]], ![[UNROLL:[0-9]+]]}
; CHECK-DAG: ![[UNROLL]] = !{!"llvm.loop.unroll.disable"}

!0 = !{!"branch_weights", i32 1, i32 2, i32 3, i32 4}
!1 = !{!"branch_weights", i32 100, i32 1}
!2 = distinct !{!2, !3}
!3 = !{!"llvm.loop.unroll.disable"}
