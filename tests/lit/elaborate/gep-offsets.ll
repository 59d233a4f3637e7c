; A getelementptr is lifted as `ptradd base, offset`, its offset the sum of
; the scaled indices (lift/lib/Lifter.cpp, liftGEP). The getelementptr's
; no-wrap flags say how that offset is computed (LangRef): with `nuw` no
; index times its scale wraps unsigned, with `nusw` (implied by `inbounds`)
; none wraps signed. The scaling `mul` keeps them; without flags it has none.
; An index given twice has its scales added (collectOffset): signed products
; that did not wrap apart may wrap added, so that `mul` gets no `nsw`.
;
; RUN: egopt --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

; CHECK-LABEL: define i64 @len_nuw(
; CHECK-NEXT:    {{%.*}} = mul nuw nsw i64 %n, 8
; CHECK-NEXT:    %end = getelementptr inbounds nuw i8, ptr %p
define i64 @len_nuw(ptr %p, i64 %n) {
  %end = getelementptr inbounds nuw i64, ptr %p, i64 %n
  %a = ptrtoint ptr %end to i64
  %b = ptrtoint ptr %p to i64
  %d = sub i64 %a, %b
  ret i64 %d
}

; CHECK-LABEL: define i64 @len_inbounds(
; CHECK-NEXT:    {{%.*}} = mul nsw i64 %n, 8
; CHECK-NEXT:    %end = getelementptr inbounds i8, ptr %p
define i64 @len_inbounds(ptr %p, i64 %n) {
  %end = getelementptr inbounds i64, ptr %p, i64 %n
  %a = ptrtoint ptr %end to i64
  %b = ptrtoint ptr %p to i64
  %d = sub i64 %a, %b
  ret i64 %d
}

; CHECK-LABEL: define i64 @len_plain(
; CHECK-NEXT:    {{%.*}} = mul i64 %n, 8
; CHECK-NEXT:    %end = getelementptr i8, ptr %p
define i64 @len_plain(ptr %p, i64 %n) {
  %end = getelementptr i64, ptr %p, i64 %n
  %a = ptrtoint ptr %end to i64
  %b = ptrtoint ptr %p to i64
  %d = sub i64 %a, %b
  ret i64 %d
}

; CHECK-LABEL: define i64 @twice(
; CHECK-NEXT:    {{%.*}} = mul i64 %n, 40
; CHECK-NEXT:    %end = getelementptr inbounds i8, ptr %p
define i64 @twice(ptr %p, i64 %n) {
  %end = getelementptr inbounds [4 x i64], ptr %p, i64 %n, i64 %n
  %a = ptrtoint ptr %end to i64
  %b = ptrtoint ptr %p to i64
  %d = sub i64 %a, %b
  ret i64 %d
}
