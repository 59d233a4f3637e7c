; Facts of one value must not reach another through a rule that refines
; (docs/rules.md, "Facts"). Each function here was miscompiled before the
; analyses computed facts of flag-free values and the refinement-only rules
; left the catalogue: a rule made `add nsw 1, %a` the plain `add %a, 1`, the
; class of %q, whose range then lost INT_MIN (nsw says the add does not
; wrap); and `lshr (shl nuw %x, 2), 2` became %x, whose known bits then said
; its top two bits were zero. Neither compare may fold to a constant.
; RUN: egopt -O2 --emit=llvm %s -o - | FileCheck %s
; RUN: egopt -O1 --emit=llvm %s -o - | FileCheck %s

; CHECK-LABEL: define {{.*}}@flag_dropped(
; CHECK: icmp eq i32 %a, 2147483647
define i1 @flag_dropped(i32 %a, ptr %out) {
  %p = add nsw i32 1, %a
  store i32 %p, ptr %out
  %q = add i32 %a, 1
  %c = icmp eq i32 %q, -2147483648
  ret i1 %c
}

; CHECK-LABEL: define {{.*}}@cancelled_by_flag(
; CHECK: icmp ugt i32 %x, 1073741824
define i32 @cancelled_by_flag(i32 %x) {
entry:
  %big = icmp ugt i32 %x, 1073741824
  br i1 %big, label %a, label %b
a:
  ret i32 1
b:
  %s = shl nuw i32 %x, 2
  %r = lshr i32 %s, 2
  ret i32 %r
}

; A value that is poison on every execution (the subtraction always
; overflows) gets facts of its wrapped value, INT_MAX, and no rule proves a
; compare of it both true and false (the input of the analysis hang; LLVM
; returns %x too).
; CHECK-LABEL: define {{.*}}@always_poison(
; CHECK-NEXT: {{^}}  ret i32 %x
define i32 @always_poison(i32 %x) {
  %s = sub nsw i32 -2147483648, 1
  %c = icmp slt i32 0, %s
  %y = add nsw i32 %x, 1
  %r = select i1 %c, i32 %x, i32 %y
  ret i32 %r
}
