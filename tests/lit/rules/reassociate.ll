; Trees of one associative operator get their normal form before the rules
; (passes/Reassociate.h): coefficients and one constant for add/sub, powers
; for mul, parity for xor, distinct terms for and/or. An inner node used
; twice is a term of its own, not part of the tree. No rule runs here
; (--rule-sets=float has none for integers), so every fold is the normal form's.
; RUN: egopt --no-interprocedural --emit=llvm --rule-sets=float %s -o - | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm --rule-sets=float %s --stats-json=%t.json -o /dev/null
; RUN: FileCheck %s --check-prefix=STATS < %t.json
; Without it, nothing folds.
; RUN: egopt --no-interprocedural --no-reassociate --emit=llvm --rule-sets=float %s -o - | FileCheck %s --check-prefix=OFF

; CHECK-LABEL: define {{.*}}@constants(
; CHECK-NEXT:    %[[R:.*]] = add i32 %x, 10
; CHECK-NEXT:    ret i32 %[[R]]
; OFF-LABEL: define {{.*}}@constants(
; OFF-NEXT:    %a = add i32 %x, 1
define i32 @constants(i32 %x) {
  %a = add i32 %x, 1
  %b = add i32 %a, 2
  %c = add nsw i32 3, %b
  %d = add i32 %c, 4
  ret i32 %d
}

; x + y - x + y + y = 3y
; CHECK-LABEL: define {{.*}}@coefficients(
; CHECK-NEXT:    %[[R:.*]] = mul i32 %y, 3
; CHECK-NEXT:    ret i32 %[[R]]
define i32 @coefficients(i32 %x, i32 %y) {
  %a = add i32 %x, %y
  %b = sub i32 %a, %x
  %c = add i32 %b, %y
  %d = add i32 %c, %y
  ret i32 %d
}

; Only subtracted terms: from the constant.
; CHECK-LABEL: define {{.*}}@negated(
; CHECK-NEXT:    %[[A:.*]] = sub i32 5, %x
; CHECK-NEXT:    %[[R:.*]] = sub i32 %[[A]], %y
; CHECK-NEXT:    ret i32 %[[R]]
define i32 @negated(i32 %x, i32 %y) {
  %a = sub i32 2, %x
  %b = sub i32 %a, %y
  %c = add i32 %b, 3
  ret i32 %c
}

; x*x*x*x*y*y = ((x*x)*y)^2 ... one chain of squarings: 3 multiplies.
; CHECK-LABEL: define {{.*}}@powers(
; CHECK-COUNT-3: mul i32
; CHECK-NOT:     mul i32
; CHECK:         ret i32
define i32 @powers(i32 %x, i32 %y) {
  %a = mul i32 %x, %x
  %b = mul i32 %a, %y
  %c = mul i32 %b, %x
  %d = mul i32 %c, %y
  %e = mul i32 %d, %x
  ret i32 %e
}

; x ^ y ^ x ^ 5 ^ 3 = y ^ 6
; CHECK-LABEL: define {{.*}}@parity(
; CHECK-NEXT:    %[[R:.*]] = xor i32 %y, 6
; CHECK-NEXT:    ret i32 %[[R]]
define i32 @parity(i32 %x, i32 %y) {
  %a = xor i32 %x, %y
  %b = xor i32 %a, %x
  %c = xor i32 %b, 5
  %d = xor i32 %c, 3
  ret i32 %d
}

; x & y & x & 12 & 10 = x & y & 8; x | 0 | y | x = x | y
; CHECK-LABEL: define {{.*}}@distinct(
; CHECK-NEXT:    %[[A:.*]] = and i32 %x, %y
; CHECK-NEXT:    %[[B:.*]] = and i32 %[[A]], 8
; CHECK:         or i32 %x, %y
define i32 @distinct(i32 %x, i32 %y) {
  %a = and i32 %x, %y
  %b = and i32 %a, %x
  %c = and i32 %b, 12
  %d = and i32 %c, 10
  %o = or i32 %x, 0
  %p = or i32 %o, %y
  %q = or i32 %p, %x
  %r = add i32 %d, %q
  ret i32 %r
}

; %a is used twice: it is a term of both trees, and stays.
; CHECK-LABEL: define {{.*}}@shared(
; CHECK-NEXT:    %a = add i32 %x, %y
; CHECK-NEXT:    %[[B:.*]] = add i32 %a, 3
; CHECK-NEXT:    %[[C:.*]] = add i32 %a, 7
; CHECK-NEXT:    %[[R:.*]] = mul i32 %[[B]], %[[C]]
define i32 @shared(i32 %x, i32 %y) {
  %a = add i32 %x, %y
  %b = add i32 %a, 1
  %b2 = add i32 %b, 2
  %c = add i32 %a, 3
  %c2 = add i32 %c, 4
  %r = mul i32 %b2, %c2
  ret i32 %r
}

; STATS: "reassociated_trees": 9
