; The skeleton and the e-graph inside the inliner's walk (--walk-simplify,
; docs/pipeline.md, "Pre-passes"): @mix's 80 additions of constants fold
; into one before its callers are visited, so the inliner judges a
; three-instruction callee and inlines it into both. Judged unsimplified (the
; default), it costs more than the -O2 threshold and both calls stay.
;
; RUN: egopt --walk-simplify --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --walk-simplify --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --emit=llvm -o - %s | FileCheck %s --check-prefix=OFF
; RUN: egopt --walk-simplify --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; RUN: egopt --walk-simplify -O1 --stats-json=%t1.json %s -o %t1.o && FileCheck %s --check-prefix=O1 < %t1.json
; STATS: "walk_simplified": 3
; O1: "walk_simplified": 0,

; CHECK-LABEL: define i32 @one(
; CHECK-NOT: call
; CHECK: store volatile i32
; CHECK: ret i32
; CHECK-LABEL: define i32 @two(
; CHECK-NOT: call
; CHECK: ret i32

; OFF-LABEL: define i32 @one(
; OFF: call i32 @mix(
; OFF-LABEL: define i32 @two(
; OFF: call i32 @mix(

@g = global i32 0
; callee
define i32 @mix(i32 %x) {
entry:
  %a0 = add i32 %x, 3
  %b0 = add i32 %a0, 3
  %a1 = add i32 %b0, 10
  %b1 = add i32 %a1, 10
  %a2 = add i32 %b1, 17
  %b2 = add i32 %a2, 17
  %a3 = add i32 %b2, 24
  %b3 = add i32 %a3, 24
  %a4 = add i32 %b3, 31
  %b4 = add i32 %a4, 31
  %a5 = add i32 %b4, 38
  %b5 = add i32 %a5, 38
  %a6 = add i32 %b5, 45
  %b6 = add i32 %a6, 45
  %a7 = add i32 %b6, 52
  %b7 = add i32 %a7, 52
  %a8 = add i32 %b7, 59
  %b8 = add i32 %a8, 59
  %a9 = add i32 %b8, 66
  %b9 = add i32 %a9, 66
  %a10 = add i32 %b9, 73
  %b10 = add i32 %a10, 73
  %a11 = add i32 %b10, 80
  %b11 = add i32 %a11, 80
  %a12 = add i32 %b11, 87
  %b12 = add i32 %a12, 87
  %a13 = add i32 %b12, 94
  %b13 = add i32 %a13, 94
  %a14 = add i32 %b13, 101
  %b14 = add i32 %a14, 101
  %a15 = add i32 %b14, 108
  %b15 = add i32 %a15, 108
  %a16 = add i32 %b15, 115
  %b16 = add i32 %a16, 115
  %a17 = add i32 %b16, 122
  %b17 = add i32 %a17, 122
  %a18 = add i32 %b17, 129
  %b18 = add i32 %a18, 129
  %a19 = add i32 %b18, 136
  %b19 = add i32 %a19, 136
  %a20 = add i32 %b19, 143
  %b20 = add i32 %a20, 143
  %a21 = add i32 %b20, 150
  %b21 = add i32 %a21, 150
  %a22 = add i32 %b21, 157
  %b22 = add i32 %a22, 157
  %a23 = add i32 %b22, 164
  %b23 = add i32 %a23, 164
  %a24 = add i32 %b23, 171
  %b24 = add i32 %a24, 171
  %a25 = add i32 %b24, 178
  %b25 = add i32 %a25, 178
  %a26 = add i32 %b25, 185
  %b26 = add i32 %a26, 185
  %a27 = add i32 %b26, 192
  %b27 = add i32 %a27, 192
  %a28 = add i32 %b27, 199
  %b28 = add i32 %a28, 199
  %a29 = add i32 %b28, 206
  %b29 = add i32 %a29, 206
  %a30 = add i32 %b29, 213
  %b30 = add i32 %a30, 213
  %a31 = add i32 %b30, 220
  %b31 = add i32 %a31, 220
  %a32 = add i32 %b31, 227
  %b32 = add i32 %a32, 227
  %a33 = add i32 %b32, 234
  %b33 = add i32 %a33, 234
  %a34 = add i32 %b33, 241
  %b34 = add i32 %a34, 241
  %a35 = add i32 %b34, 248
  %b35 = add i32 %a35, 248
  %a36 = add i32 %b35, 255
  %b36 = add i32 %a36, 255
  %a37 = add i32 %b36, 262
  %b37 = add i32 %a37, 262
  %a38 = add i32 %b37, 269
  %b38 = add i32 %a38, 269
  %a39 = add i32 %b38, 276
  %b39 = add i32 %a39, 276
  store volatile i32 %b39, ptr @g
  ret i32 %b39
}
define i32 @one(i32 %y) {
  %r = call i32 @mix(i32 %y)
  %s = add i32 %r, 1
  ret i32 %s
}
define i32 @two(i32 %y) {
  %r = call i32 @mix(i32 %y)
  %s = mul i32 %r, 3
  ret i32 %s
}
