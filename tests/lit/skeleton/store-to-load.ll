; Store-to-load forwarding (docs/skeleton.md): a simple load whose nearest
; clobber (MemorySSA) is a simple store of the same type to a must-alias
; address is replaced by the stored value before lifting, so the e-graph
; sees that value (here: constant folding and GVN across the load).
; Never across a clobbering call or a may-alias store; never a volatile or
; atomic load; never a store of another type or size.
;
; This file tests what happens without rewrite rules (--no-builtin-rules).
; RUN: egopt --no-builtin-rules --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-builtin-rules --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-builtin-rules --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; STATS: "loads_from_stores": 6

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use(i32)
declare void @usef(float)
declare void @clobber()
declare void @reader() memory(read)
declare void @reader2() memory(read)

; The stored constant reaches the compare, which folds.
; CHECK-LABEL: define {{.*}}@constant(
; CHECK-NEXT:    store i32 7, ptr %p
; CHECK-NEXT:    ret i1 true
define i1 @constant(ptr %p) {
  store i32 7, ptr %p
  %v = load i32, ptr %p
  %c = icmp eq i32 %v, 7
  ret i1 %c
}

; The loaded value is %a's class: `%v + 1` and `%a + 1` are one class.
; CHECK-LABEL: define {{.*}}@value(
; CHECK:         %[[A:[^ ]+]] = add i32 %x, 1
; CHECK-NEXT:    store i32 %[[A]], ptr %p
; CHECK-NEXT:    call void @reader()
; CHECK-NEXT:    %[[B:[^ ]+]] = add i32 %[[A]], 1
; CHECK-NEXT:    call void @use(i32 %[[B]])
; CHECK-NEXT:    call void @use(i32 %[[B]])
; CHECK-NEXT:    ret void
define void @value(ptr %p, i32 %x) {
  %a = add i32 %x, 1
  store i32 %a, ptr %p
  call void @reader()
  %v = load i32, ptr %p
  %b1 = add i32 %v, 1
  %b2 = add i32 %a, 1
  call void @use(i32 %b1)
  call void @use(i32 %b2)
  ret void
}

; Two getelementptrs of one address, and a store through a noalias pointer
; in between (alias analysis: it cannot write *%p).
; CHECK-LABEL: define {{.*}}@offsets(
; CHECK-NOT:     load
; CHECK:         ret i32 %x
define i32 @offsets(ptr noalias %p, ptr noalias %q, i32 %x) {
  %f1 = getelementptr inbounds i32, ptr %p, i64 3
  store i32 %x, ptr %f1
  store i32 0, ptr %q
  %f2 = getelementptr inbounds i8, ptr %p, i64 12
  %v = load i32, ptr %f2
  ret i32 %v
}

; A dominating store reaches loads in later blocks when no path clobbers
; (the calls only read memory).
; CHECK-LABEL: define {{.*}}@blocks(
; CHECK-NOT:     load
; CHECK:         ret i32 %x
define i32 @blocks(ptr %p, i32 %x, i1 %c) {
entry:
  store i32 %x, ptr %p
  br i1 %c, label %a, label %b
a:
  call void @reader()
  br label %join
b:
  call void @reader2()
  br label %join
join:
  %v = load i32, ptr %p
  ret i32 %v
}

; Chains: a forwarded load stored again is forwarded again.
; CHECK-LABEL: define {{.*}}@chain(
; CHECK-NEXT:    store i32 %x, ptr %p
; CHECK-NEXT:    store i32 %x, ptr %q
; CHECK-NEXT:    ret i32 %x
define i32 @chain(ptr %p, ptr %q, i32 %x) {
  store i32 %x, ptr %p
  %v = load i32, ptr %p
  store i32 %v, ptr %q
  %w = load i32, ptr %q
  ret i32 %w
}

; Negative: a call that may write, a store through a pointer that may alias,
; a volatile load, an atomic load, a store of another type or size.
; CHECK-LABEL: define {{.*}}@kept(
; CHECK:         call void @clobber()
; CHECK-NEXT:    %[[V1:[^ ]+]] = load i32, ptr %p
; CHECK-NEXT:    call void @use(i32 %[[V1]])
; CHECK-NEXT:    store i32 1, ptr %p
; CHECK-NEXT:    store i32 2, ptr %q
; CHECK-NEXT:    %[[V2:[^ ]+]] = load i32, ptr %p
; CHECK-NEXT:    call void @use(i32 %[[V2]])
; CHECK-NEXT:    store i32 1, ptr %p
; CHECK-NEXT:    %[[V3:[^ ]+]] = load volatile i32, ptr %p
; CHECK-NEXT:    call void @use(i32 %[[V3]])
; CHECK-NEXT:    store i32 1, ptr %p
; CHECK-NEXT:    %[[V4:[^ ]+]] = load atomic i32, ptr %p seq_cst
; CHECK-NEXT:    call void @use(i32 %[[V4]])
; CHECK-NEXT:    store float 1.0
; CHECK-NEXT:    %[[V5:[^ ]+]] = load i32, ptr %p
; CHECK-NEXT:    call void @use(i32 %[[V5]])
; CHECK-NEXT:    store i8 3, ptr %p
; CHECK-NEXT:    %[[V6:[^ ]+]] = load i32, ptr %p
; CHECK-NEXT:    call void @use(i32 %[[V6]])
; CHECK-NEXT:    ret void
define void @kept(ptr %p, ptr %q) {
  store i32 1, ptr %p
  call void @clobber()
  %v1 = load i32, ptr %p
  call void @use(i32 %v1)
  store i32 1, ptr %p
  store i32 2, ptr %q
  %v2 = load i32, ptr %p
  call void @use(i32 %v2)
  store i32 1, ptr %p
  %v3 = load volatile i32, ptr %p
  call void @use(i32 %v3)
  store i32 1, ptr %p
  %v4 = load atomic i32, ptr %p seq_cst, align 4
  call void @use(i32 %v4)
  store float 1.0, ptr %p
  %v5 = load i32, ptr %p
  call void @use(i32 %v5)
  store i8 3, ptr %p
  %v6 = load i32, ptr %p
  call void @use(i32 %v6)
  ret void
}
