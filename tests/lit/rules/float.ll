; The `float` rule file (passes/rewrite/rules/float.rules): IEEE-exact rewrites of
; fneg pairs, sign moved out of fmul/fdiv, compares of a value with itself
; and of negations, and fcmp ord/uno under nnan. Only that pass runs. Each
; function's whole body is checked line by line, through its closing brace.
;
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=float -o - %s | FileCheck %s
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=float %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-reassociate --emit=llvm --rule-sets=float -o /dev/null --stats-json=%t.json %s && FileCheck %s --check-prefix=STATS < %t.json

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare void @use1(i1)

; fneg-fneg
; CHECK-LABEL: define {{.*}}@fneg_fneg(
; CHECK-NEXT:    ret double %x
; CHECK-NEXT: }
define double @fneg_fneg(double %x) {
  %a = fneg double %x
  %r = fneg double %a
  ret double %r
}

; fsub-fneg, fadd-fneg-r, fadd-fneg-l
; CHECK-LABEL: define {{.*}}@fsub_fneg(
; CHECK-NEXT:    %r = fadd float %x, %y
; CHECK-NEXT:    ret float %r
; CHECK-NEXT: }
define float @fsub_fneg(float %x, float %y) {
  %n = fneg float %y
  %r = fsub float %x, %n
  ret float %r
}

; CHECK-LABEL: define {{.*}}@fadd_fneg_r(
; CHECK-NEXT:    %r = fsub double %x, %y
; CHECK-NEXT:    ret double %r
; CHECK-NEXT: }
define double @fadd_fneg_r(double %x, double %y) {
  %n = fneg double %y
  %r = fadd double %x, %n
  ret double %r
}

; CHECK-LABEL: define {{.*}}@fadd_fneg_l(
; CHECK-NEXT:    %r = fsub half %y, %x
; CHECK-NEXT:    ret half %r
; CHECK-NEXT: }
define half @fadd_fneg_l(half %x, half %y) {
  %n = fneg half %x
  %r = fadd half %n, %y
  ret half %r
}

; fmul-fneg-fneg, fdiv-fneg-fneg
; CHECK-LABEL: define {{.*}}@fmul_fneg_fneg(
; CHECK-NEXT:    %r = fmul float %x, %y
; CHECK-NEXT:    ret float %r
; CHECK-NEXT: }
define float @fmul_fneg_fneg(float %x, float %y) {
  %nx = fneg float %x
  %ny = fneg float %y
  %r = fmul float %nx, %ny
  ret float %r
}

; CHECK-LABEL: define {{.*}}@fdiv_fneg_fneg(
; CHECK-NEXT:    %r = fdiv double %x, %y
; CHECK-NEXT:    ret double %r
; CHECK-NEXT: }
define double @fdiv_fneg_fneg(double %x, double %y) {
  %nx = fneg double %x
  %ny = fneg double %y
  %r = fdiv double %nx, %ny
  ret double %r
}

; fneg-fmul, fneg-fdiv: the sign moves out; a second negation then cancels
; CHECK-LABEL: define {{.*}}@fneg_fmul(
; CHECK-NEXT:    %r = fmul float %x, %y
; CHECK-NEXT:    ret float %r
; CHECK-NEXT: }
define float @fneg_fmul(float %x, float %y) {
  %nx = fneg float %x
  %m = fmul float %nx, %y
  %r = fneg float %m
  ret float %r
}

; CHECK-LABEL: define {{.*}}@fneg_fdiv(
; CHECK-NEXT:    %r = fdiv double %x, %y
; CHECK-NEXT:    ret double %r
; CHECK-NEXT: }
define double @fneg_fdiv(double %x, double %y) {
  %nx = fneg double %x
  %d = fdiv double %nx, %y
  %r = fneg double %d
  ret double %r
}

; negative: fsub of a value that is not a negation stays
; CHECK-LABEL: define {{.*}}@fsub_plain(
; CHECK-NEXT:    %r = fsub float %x, %y
; CHECK-NEXT:    ret float %r
; CHECK-NEXT: }
define float @fsub_plain(float %x, float %y) {
  %r = fsub float %x, %y
  ret float %r
}

; fcmp-*-self: oeq and ole become ord, une becomes uno; olt, ogt, one are
; false, ueq true. (oeq x,x and ord x,x are one e-class, spelled `oeq` in
; the output at equal cost; ole x,x joins it and reuses it.)
; CHECK-LABEL: define {{.*}}@fcmp_self(
; CHECK-NEXT:    %oeq = fcmp {{oeq|ord}} double %x, %x
; CHECK-NEXT:    call void @use1(i1 %oeq)
; CHECK-NEXT:    %une = fcmp uno double %x, %x
; CHECK-NEXT:    call void @use1(i1 %une)
; CHECK-NEXT:    call void @use1(i1 %oeq)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 false)
; CHECK-NEXT:    call void @use1(i1 true)
; CHECK-NEXT:    ret void
; CHECK-NEXT: }
define void @fcmp_self(double %x) {
  %oeq = fcmp oeq double %x, %x
  call void @use1(i1 %oeq)
  %une = fcmp une double %x, %x
  call void @use1(i1 %une)
  %ole = fcmp ole double %x, %x
  call void @use1(i1 %ole)
  %olt = fcmp olt double %x, %x
  call void @use1(i1 %olt)
  %ogt = fcmp ogt double %x, %x
  call void @use1(i1 %ogt)
  %one = fcmp one double %x, %x
  call void @use1(i1 %one)
  %ueq = fcmp ueq double %x, %x
  call void @use1(i1 %ueq)
  ret void
}

; negative: oeq of two values is not ord
; CHECK-LABEL: define {{.*}}@fcmp_oeq_two(
; CHECK-NEXT:    %r = fcmp oeq float %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @fcmp_oeq_two(float %x, float %y) {
  %r = fcmp oeq float %x, %y
  ret i1 %r
}

; fcmp-olt-fneg, fcmp-ogt-fneg, fcmp-oeq-fneg
; CHECK-LABEL: define {{.*}}@fcmp_olt_fneg(
; CHECK-NEXT:    %r = fcmp ogt float %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @fcmp_olt_fneg(float %x, float %y) {
  %nx = fneg float %x
  %ny = fneg float %y
  %r = fcmp olt float %nx, %ny
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@fcmp_ogt_fneg(
; CHECK-NEXT:    %r = fcmp olt double %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @fcmp_ogt_fneg(double %x, double %y) {
  %nx = fneg double %x
  %ny = fneg double %y
  %r = fcmp ogt double %nx, %ny
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@fcmp_oeq_fneg(
; CHECK-NEXT:    %r = fcmp oeq double %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @fcmp_oeq_fneg(double %x, double %y) {
  %nx = fneg double %x
  %ny = fneg double %y
  %r = fcmp oeq double %nx, %ny
  ret i1 %r
}

; fcmp-ord-nnan, fcmp-uno-nnan: only with nnan
; CHECK-LABEL: define {{.*}}@fcmp_ord_nnan(
; CHECK-NEXT:    ret i1 true
; CHECK-NEXT: }
define i1 @fcmp_ord_nnan(double %x, double %y) {
  %r = fcmp nnan ord double %x, %y
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@fcmp_ord_no_nnan(
; CHECK-NEXT:    %r = fcmp ord double %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @fcmp_ord_no_nnan(double %x, double %y) {
  %r = fcmp ord double %x, %y
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@fcmp_uno_nnan(
; CHECK-NEXT:    ret i1 false
; CHECK-NEXT: }
define i1 @fcmp_uno_nnan(float %x, float %y) {
  %r = fcmp nnan ninf uno float %x, %y
  ret i1 %r
}

; CHECK-LABEL: define {{.*}}@fcmp_uno_no_nnan(
; CHECK-NEXT:    %r = fcmp ninf uno float %x, %y
; CHECK-NEXT:    ret i1 %r
; CHECK-NEXT: }
define i1 @fcmp_uno_no_nnan(float %x, float %y) {
  %r = fcmp ninf uno float %x, %y
  ret i1 %r
}

; STATS: "rule_unions": {
; STATS-DAG: "fcmp-oeq-self": 1
; STATS-DAG: "fcmp-ole-self": 1
; STATS-DAG: "fcmp-ord-nnan": 1
; STATS-DAG: "fcmp-uno-nnan": 1
; STATS: "materialized"
