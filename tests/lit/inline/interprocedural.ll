; The interprocedural pre-passes (docs/pipeline.md, "Pre-passes"). Dead
; arguments: @to_boolean never reads %state (mujs's `jsV_toboolean` and its
; `js_State *J`), so @caller passes poison and need not keep %state alive
; across its call to @slot; @helper is local and loses its unread argument.
; IPSCCP: @is_little_endian returns a constant, so @pick's branch folds, and
; the result no caller reads goes too.
;
; RUN: egopt --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF

; CHECK-LABEL: define {{.*}}@caller(
; CHECK:         call i32 @to_boolean(ptr poison, ptr
; OFF-LABEL:   define {{.*}}@caller(
; OFF:           call i32 @to_boolean(ptr %state, ptr

; CHECK-LABEL: define {{.*}}@caller2(
; CHECK:         call {{.*}}i32 @helper(i32 %b)
; OFF-LABEL:   define {{.*}}@caller2(
; OFF:           call {{.*}}i32 @helper(i32 %a, i32 %b)

; CHECK-LABEL: define internal void @is_little_endian(
; CHECK-LABEL: define {{.*}}@pick(
; CHECK-NOT:     br i1
; CHECK:         ret i32 %a

declare ptr @slot(ptr, i32)

define i32 @to_boolean(ptr %state, ptr %v) noinline {
  %b = load i8, ptr %v
  %z = zext i8 %b to i32
  ret i32 %z
}

define i32 @caller(ptr %state, i32 %i) {
  %v = call ptr @slot(ptr %state, i32 %i)
  %r = call i32 @to_boolean(ptr %state, ptr %v)
  ret i32 %r
}

define internal i32 @helper(i32 %unused, i32 %x) noinline {
  %y = mul i32 %x, %x
  ret i32 %y
}

define i32 @caller2(i32 %a, i32 %b) {
  %r = call i32 @helper(i32 %a, i32 %b)
  %s = call i32 @helper(i32 %b, i32 %a)
  %t = add i32 %r, %s
  ret i32 %t
}

define internal i32 @is_little_endian() noinline {
  ret i32 1
}

define i32 @pick(i32 %a, i32 %b) {
  %e = call i32 @is_little_endian()
  %c = icmp ne i32 %e, 0
  br i1 %c, label %little, label %big
little:
  ret i32 %a
big:
  ret i32 %b
}
