; Memory instructions are skeleton: they stay in place, in order, with their
; alignment, volatility, atomic orderings, sync scopes and metadata; only
; their pure operands are rewritten (to the elaborated values).
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --stats %s -o %t.o 2>&1 | FileCheck %s --check-prefix=STATS
; STATS-DAG: {{^ +4 +skeleton: load$}}
; STATS-DAG: {{^ +3 +skeleton: store$}}
; STATS-DAG: {{^ +1 +skeleton: atomicrmw$}}
; STATS-DAG: {{^ +1 +skeleton: cmpxchg$}}
; STATS-DAG: {{^ +1 +skeleton: fence$}}
; STATS-DAG: {{^ +2 +skeleton: alloca$}}

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-LABEL: define {{.*}}@memory(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[GEP:[^ ]+]] = getelementptr inbounds i8, ptr %p, i64 16
; CHECK-NEXT:    %v = load volatile i32, ptr %[[GEP]], align 8, !tbaa ![[TBAA:[0-9]+]], !range ![[RANGE:[0-9]+]]
; CHECK-NEXT:    %[[SUM:[^ ]+]] = add nsw i32 %v, %x
; CHECK-NEXT:    store i32 %[[SUM]], ptr %p, align 4, !tbaa ![[TBAA]], !nontemporal ![[NT:[0-9]+]]
; CHECK-NEXT:    %old = atomicrmw volatile add ptr %[[GEP]], i32 %[[SUM]] syncscope("singlethread") seq_cst, align 4
; CHECK-NEXT:    %pair = cmpxchg weak ptr %p, i32 %old, i32 %[[SUM]] acq_rel monotonic, align 4
; CHECK-NEXT:    %ok = extractvalue { i32, i1 } %pair, 1
; CHECK-NEXT:    %val = extractvalue { i32, i1 } %pair, 0
; CHECK-NEXT:    fence syncscope("singlethread") release
; CHECK-NEXT:    %at = load atomic i32, ptr %[[GEP]] acquire, align 4
; CHECK-NEXT:    store atomic i32 %at, ptr %p unordered, align 4
; CHECK-NEXT:    %[[SEL:[^ ]+]] = select i1 %ok, i32 %val, i32 %at
; CHECK-NEXT:    ret i32 %[[SEL]]
define i32 @memory(ptr %p, i32 %x) {
entry:
  %gep = getelementptr inbounds i32, ptr %p, i64 4
  %v = load volatile i32, ptr %gep, align 8, !tbaa !0, !range !5
  %sum = add nsw i32 %v, %x
  store i32 %sum, ptr %p, align 4, !tbaa !0, !nontemporal !4
  %old = atomicrmw volatile add ptr %gep, i32 %sum syncscope("singlethread") seq_cst, align 4
  %pair = cmpxchg weak ptr %p, i32 %old, i32 %sum acq_rel monotonic, align 4
  %ok = extractvalue { i32, i1 } %pair, 1
  %val = extractvalue { i32, i1 } %pair, 0
  fence syncscope("singlethread") release
  %at = load atomic i32, ptr %gep acquire, align 4
  store atomic i32 %at, ptr %p unordered, align 4
  %s = select i1 %ok, i32 %val, i32 %at
  ret i32 %s
}

; Stores are not reordered with the loads around them, even when the
; addresses are equal pure values (one e-class): the second load stays.
; CHECK-LABEL: define {{.*}}@no_memory_cse(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %[[A:[^ ]+]] = getelementptr i8, ptr %p, i64 %i
; CHECK-NEXT:    %l1 = load i64, ptr %[[A]], align 1
; CHECK-NEXT:    store i64 %x, ptr %q, align 8
; CHECK-NEXT:    %l2 = load i64, ptr %[[A]], align 1
; CHECK-NEXT:    %[[R:[^ ]+]] = sub i64 %l1, %l2
; CHECK-NEXT:    ret i64 %[[R]]
define i64 @no_memory_cse(ptr %p, ptr %q, i64 %i, i64 %x) {
entry:
  %a1 = getelementptr i8, ptr %p, i64 %i
  %l1 = load i64, ptr %a1, align 1
  store i64 %x, ptr %q, align 8
  %a2 = getelementptr i8, ptr %p, i64 %i
  %l2 = load i64, ptr %a2, align 1
  %r = sub i64 %l1, %l2
  ret i64 %r
}

; Allocas stay (in the entry block, with their alignment and address
; space); an escaping one survives SROA.
; CHECK-LABEL: define {{.*}}@allocas(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    %buf = alloca [32 x i8], align 16
; CHECK-NEXT:    %dyn = alloca i32, i64 %n, align 4
; CHECK-NEXT:    %[[OFF:[^ ]+]] = getelementptr inbounds i8, ptr %buf, i64 8
; CHECK-NEXT:    call void @escape(ptr %[[OFF]], ptr %dyn)
; CHECK-NEXT:    ret void
declare void @escape(ptr, ptr)
define void @allocas(i64 %n) {
entry:
  %buf = alloca [32 x i8], align 16
  %dyn = alloca i32, i64 %n, align 4
  %off = getelementptr inbounds [32 x i8], ptr %buf, i64 0, i64 8
  call void @escape(ptr %off, ptr %dyn)
  ret void
}

; CHECK-DAG: ![[TBAA]] = !{![[INT:[0-9]+]], ![[INT]], i64 0}
; CHECK-DAG: ![[INT]] = !{!"int", ![[CHAR:[0-9]+]], i64 0}
; CHECK-DAG: ![[NT]] = !{i32 1}
; CHECK-DAG: ![[RANGE]] = !{i32 0, i32 100}

!0 = !{!1, !1, i64 0}
!1 = !{!"int", !2, i64 0}
!2 = !{!"omnipotent char", !3, i64 0}
!3 = !{!"Simple C/C++ TBAA"}
!4 = !{i32 1}
!5 = !{i32 0, i32 100}
