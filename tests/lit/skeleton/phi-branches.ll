; Branches on a phi of constants (docs/skeleton.md): an edge that brings a
; constant into a block of phis and a switch or br on one of them (or on an
; icmp of one with a constant or a value computed before the block, when
; the constant decides it) goes straight to the successor taken, through
; a copy of the block's other instructions if it has any. In @cleanup_switch
; (clang -O2's cleanup slot after SROA) the loop's break and continue each
; skip the switch; %found, used by the exit's phi, is rebuilt there. In
; @flag_compare two edges are threaded and %v, used past the merge in %end,
; gets phis where its values meet; the edge from %three brings a
; non-constant and keeps the compare. In @copied_block the load and the call
; are copied onto both edges and the loaded value meets in %end (LLVM's
; simplifycfg, a pre-pass, leaves this block: its load is used elsewhere). In
; @noduplicate_call the call must not be copied, so the block stays. In
; @option_tag (Rust's `Range::next`) the phi is tested through a trunc; in
; @option_tag_casts through a zext and a trunc, as SROA leaves it, and the
; unused pair the inlined `next` built is not copied (no copy of the block:
; the edges go straight to the successors). In @option_ref (an iterator
; over `&mut [u32]`: `Option<&mut u32>` is a pointer, None is null) the edge
; that brings null goes to the exit; the other brings a pointer not known
; non-null and keeps the test. In @option_ref_other the phi is compared
; with another pointer, not null, and nothing is threaded. In @best_length
; the phi is compared with a value from outside the block.
;
; RUN: egopt --no-cfg-cleanup --no-loop-passes --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-cfg-cleanup --no-loop-passes --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-cfg-cleanup --no-loop-passes --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --no-cfg-cleanup --no-loop-passes --no-interprocedural --no-skeleton --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; STATS: "phi_branches_threaded": 12
; OFF: switch i32 %dest

; CHECK-LABEL: define {{.*}}@cleanup_switch(
; CHECK-NOT:     switch
; CHECK:       loop:
; CHECK:         br i1 %c, label %exit, label %cont
; CHECK:       cont:
; CHECK:         br label %latch
; CHECK:       exit:
; CHECK-NEXT:    %r = phi i64 [ %i, %loop ], [ %n, %latch ]

; CHECK-LABEL: define {{.*}}@flag_compare(
; CHECK:       one:
; CHECK:         br label %no
; CHECK:       two:
; CHECK:         br i1 %b, label %yes, label %three
; CHECK:       join:
; CHECK-NEXT:    %set = icmp ugt i32 %x, 3
; CHECK:       yes:
; CHECK-NEXT:    %[[VY:[^ ]+]] = phi i32 [ %y, %two ], [ 7, %join ]
; CHECK:       no:
; CHECK-NEXT:    %[[VN:[^ ]+]] = phi i32 [ %x, %one ], [ 7, %join ]
; CHECK:       end:
; CHECK-NEXT:    %[[V:[^ ]+]] = phi i32 [ %[[VN]], %no ], [ %[[VY]], %yes ]
; CHECK-NEXT:    add i32 %[[V]], 1

; CHECK-LABEL: define {{.*}}@copied_block(
; CHECK:       one:
; CHECK-NEXT:    call void @h()
; CHECK-NEXT:    %[[L1:[^ ]+]] = load i32, ptr %p
; CHECK-NEXT:    call void @h()
; CHECK-NEXT:    br label %yes
; CHECK:       two:
; CHECK-NEXT:    call void @k()
; CHECK-NEXT:    %[[L2:[^ ]+]] = load i32, ptr %p
; CHECK-NEXT:    call void @h()
; CHECK-NEXT:    br label %no
; CHECK:       end:
; CHECK-NEXT:    %[[L:[^ ]+]] = phi i32 [ %[[L2]], %no ], [ %[[L1]], %yes ]
; CHECK-NEXT:    add i32 %[[L]], 1

; CHECK-LABEL: define {{.*}}@noduplicate_call(
; CHECK:       join:
; CHECK-NEXT:    %flag = phi i1 [ true, %one ], [ false, %two ]
; CHECK-NEXT:    %ld = load i32, ptr %p
; CHECK-NEXT:    call void @h() #0
; CHECK-NEXT:    br i1 %flag, label %yes, label %no

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @g(i64)
declare void @h()
declare void @k()
declare i64 @count(i64)

; CHECK-LABEL: define {{.*}}@option_tag(
; CHECK:       head:
; CHECK-NEXT:    %i = phi i32 [ 0, %entry ], [ %inc, %body ]
; CHECK-NEXT:    %lt = icmp slt i32 %i, %n
; CHECK-NEXT:    br i1 %lt, label %some, label %done
; CHECK:       some:
; CHECK:         br label %body
; CHECK:       done:
; CHECK-NEXT:    ret i32 %i

; CHECK-LABEL: define {{.*}}@option_tag_casts(
; CHECK:       head:
; CHECK-NEXT:    %i = phi i32 [ 0, %entry ], [ %inc, %body ]
; CHECK-NEXT:    %lt = icmp slt i32 %i, %n
; CHECK-NEXT:    br i1 %lt, label %some, label %done
; CHECK-NOT:   .thread
; CHECK-NOT:     trunc
; CHECK:       done:
; CHECK-NEXT:    ret i32 %i

define i64 @cleanup_switch(ptr %p, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %latch ]
  %a = getelementptr i32, ptr %p, i64 %i
  %v = load i32, ptr %a
  %c = icmp eq i32 %v, 0
  br i1 %c, label %brk, label %cont
cont:
  call void @g(i64 %i)
  br label %cleanup
brk:
  br label %cleanup
cleanup:
  %found = phi i64 [ %n, %cont ], [ %i, %brk ]
  %dest = phi i32 [ 0, %cont ], [ 2, %brk ]
  switch i32 %dest, label %unreachable [
    i32 0, label %latch
    i32 2, label %exit
  ]
latch:
  %i1 = add i64 %i, 1
  %e = icmp ult i64 %i1, %n
  br i1 %e, label %loop, label %exit
unreachable:
  unreachable
exit:
  %r = phi i64 [ %found, %cleanup ], [ %n, %latch ]
  ret i64 %r
}

define i32 @flag_compare(i1 %a, i1 %b, i32 %x, i32 %y) {
entry:
  br i1 %a, label %one, label %two
one:
  call void @h()
  br label %join
two:
  call void @k()
  br i1 %b, label %join, label %three
three:
  call void @g(i64 3)
  br label %join
join:
  %v = phi i32 [ %x, %one ], [ %y, %two ], [ 7, %three ]
  %flag = phi i32 [ 1, %one ], [ 5, %two ], [ %x, %three ]
  %set = icmp ugt i32 %flag, 3
  br i1 %set, label %yes, label %no
yes:
  call void @h()
  br label %end
no:
  call void @k()
  br label %end
end:
  %w = add i32 %v, 1
  ret i32 %w
}

define i32 @copied_block(i1 %a, ptr %p) {
entry:
  br i1 %a, label %one, label %two
one:
  call void @h()
  br label %join
two:
  call void @k()
  br label %join
join:
  %flag = phi i1 [ true, %one ], [ false, %two ]
  %ld = load i32, ptr %p
  call void @h()
  br i1 %flag, label %yes, label %no
yes:
  call void @g(i64 1)
  br label %end
no:
  call void @g(i64 2)
  br label %end
end:
  %r = add i32 %ld, 1
  ret i32 %r
}

define i32 @noduplicate_call(i1 %a, ptr %p) {
entry:
  br i1 %a, label %one, label %two
one:
  call void @h()
  br label %join
two:
  call void @k()
  br label %join
join:
  %flag = phi i1 [ true, %one ], [ false, %two ]
  %ld = load i32, ptr %p
  call void @h() noduplicate
  br i1 %flag, label %yes, label %no
yes:
  call void @g(i64 1)
  br label %end
no:
  call void @g(i64 2)
  br label %end
end:
  %r = add i32 %ld, 1
  ret i32 %r
}

; Rust's `Range::next` after inlining: an `Option` tag, a phi of 0 and 1,
; tested through a trunc to i1. Both edges into %next are threaded.
define i32 @option_tag(i32 %n) {
entry:
  br label %head
head:
  %i = phi i32 [ 0, %entry ], [ %i.next, %body ]
  %lt = icmp slt i32 %i, %n
  br i1 %lt, label %some, label %next
some:
  %inc = add i32 %i, 1
  call void @h()
  br label %next
next:
  %i.next = phi i32 [ %i, %head ], [ %inc, %some ]
  %tag = phi i64 [ 0, %head ], [ 1, %some ]
  %is = trunc i64 %tag to i1
  br i1 %is, label %body, label %done
body:
  call void @k()
  br label %head
done:
  ret i32 %i.next
}

define i32 @option_tag_casts(i32 %n) {
entry:
  br label %head
head:
  %i = phi i32 [ 0, %entry ], [ %i.next, %body ]
  %lt = icmp slt i32 %i, %n
  br i1 %lt, label %some, label %next
some:
  %inc = add i32 %i, 1
  call void @h()
  br label %next
next:
  %i.next = phi i32 [ %i, %head ], [ %inc, %some ]
  %value = phi i32 [ undef, %head ], [ %i, %some ]
  %tag = phi i32 [ 0, %head ], [ 1, %some ]
  %pair.0 = insertvalue { i32, i32 } poison, i32 %tag, 0
  %pair = insertvalue { i32, i32 } %pair.0, i32 %value, 1
  %wide = zext nneg i32 %tag to i64
  %is = trunc nuw i64 %wide to i1
  br i1 %is, label %body, label %done
body:
  call void @k()
  br label %head
done:
  ret i32 %i.next
}

; CHECK-LABEL: define {{.*}}@option_ref(
; CHECK:       head:
; CHECK-NEXT:    %i = phi i64
; CHECK-NEXT:    %lt = icmp ult i64 %i, %n
; CHECK-NEXT:    br i1 %lt, label %some, label %done
; CHECK:       next:
; CHECK-NOT:     phi
; CHECK:         %is.none = icmp eq ptr %at, null
; CHECK:       done:
; CHECK-NEXT:    ret void

; CHECK-LABEL: define {{.*}}@option_ref_other(
; CHECK:       next:
; CHECK:         %item = phi ptr
; CHECK-NEXT:    %is.q = icmp eq ptr %item, %q

define void @option_ref(ptr %base, i64 %n) {
entry:
  br label %head
head:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %lt = icmp ult i64 %i, %n
  br i1 %lt, label %some, label %next
some:
  %at = getelementptr inbounds i32, ptr %base, i64 %i
  %inc = add i64 %i, 1
  call void @h()
  br label %next
next:
  %i.next = phi i64 [ %i, %head ], [ %inc, %some ]
  %item = phi ptr [ null, %head ], [ %at, %some ]
  %is.none = icmp eq ptr %item, null
  br i1 %is.none, label %done, label %body
body:
  store i32 0, ptr %item
  br label %head
done:
  ret void
}

define void @option_ref_other(ptr %base, ptr %q, i64 %n) {
entry:
  br label %head
head:
  %i = phi i64 [ 0, %entry ], [ %i.next, %body ]
  %lt = icmp ult i64 %i, %n
  br i1 %lt, label %some, label %next
some:
  %at = getelementptr inbounds i32, ptr %base, i64 %i
  %inc = add i64 %i, 1
  call void @h()
  br label %next
next:
  %i.next = phi i64 [ %i, %head ], [ %inc, %some ]
  %item = phi ptr [ null, %head ], [ %at, %some ]
  %is.q = icmp eq ptr %item, %q
  br i1 %is.q, label %done, label %body
body:
  store i32 0, ptr %item
  br label %head
done:
  ret void
}

; zstd's match finder: `currentMl = 0; if (match) currentMl = count(...);
; if (currentMl > ml) ...`. The edge that brings 0 goes straight to the
; join: `0 >u ml` never holds, whatever ml is. The other edge brings a
; value and keeps the compare; so does @best_length_signed, where
; `0 >s ml` depends on ml.
; CHECK-LABEL: define {{.*}}@best_length(
; CHECK:       nomatch:
; CHECK-NEXT:    call void @h()
; CHECK-NEXT:    br label %next
; CHECK:       found:
; CHECK-NEXT:    %better = icmp ugt i64 %len, %ml
; CHECK-LABEL: define {{.*}}@best_length_signed(
; CHECK:         %cur = phi i64 [ 0, %nomatch ], [ %len, %match ]

define i64 @best_length(i64 %ml, i1 %m, i64 %x) {
entry:
  br i1 %m, label %match, label %nomatch
match:
  %len = call i64 @count(i64 %x)
  br label %found
nomatch:
  call void @h()
  br label %found
found:
  %cur = phi i64 [ 0, %nomatch ], [ %len, %match ]
  %better = icmp ugt i64 %cur, %ml
  br i1 %better, label %keep, label %next
keep:
  call void @k()
  br label %next
next:
  %r = phi i64 [ %cur, %keep ], [ %ml, %found ]
  ret i64 %r
}

define i64 @best_length_signed(i64 %ml, i1 %m, i64 %x) {
entry:
  br i1 %m, label %match, label %nomatch
match:
  %len = call i64 @count(i64 %x)
  br label %found
nomatch:
  call void @h()
  br label %found
found:
  %cur = phi i64 [ 0, %nomatch ], [ %len, %match ]
  %better = icmp sgt i64 %cur, %ml
  br i1 %better, label %keep, label %next
keep:
  call void @k()
  br label %next
next:
  %r = phi i64 [ %cur, %keep ], [ %ml, %found ]
  ret i64 %r
}
