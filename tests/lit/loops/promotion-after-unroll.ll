; Promotion after the late unroller (docs/loop-passes.md): a 16-lag
; autocorrelation, `autoc[j] += data[i] * data[i - j]`, as clang -O2
; -disable-llvm-passes hands it over (TBAA tells `float` from `double`).
; The lag loop is over the pre-passes' unroll limit, so the skeleton sees
; two loops and promotes nothing; the vectorizer widens the lag loop to 8
; pairs and the late unroller unrolls it fully. The sample loop is then
; innermost, and its eight `<2 x double>` sums are kept in registers across
; it: loaded before, carried in phis, stored once after (LLVM's LICM after
; its unroller). Without it, each sample loaded and stored all 16 sums.
;
; RUN: egopt --no-interprocedural --emit=llvm -o - %s | FileCheck %s
; RUN: egopt --no-interprocedural --emit=llvm %s -o %t.ll && opt -passes=verify -disable-output %t.ll
; RUN: egopt --no-interprocedural --stats-json=%t.json %s -o %t.o && FileCheck %s --check-prefix=STATS < %t.json
; STATS-DAG: "loop_promoted": 0
; STATS-DAG: "promoted_after_unrolling": 8

; CHECK-LABEL:   define {{.*}}@acf16(
; CHECK:         .preheader:
; CHECK-COUNT-8:   phi <2 x double>
; CHECK-NOT:       store
; CHECK:           br i1 {{.*}}, label %{{.*}}, label %.preheader
; CHECK-NEXT:    {{^$}}
; CHECK-NEXT:    ._crit_edge:
; CHECK-COUNT-8:   store <2 x double>


target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

define dso_local void @acf16(ptr noundef %0, i32 noundef %1, ptr noundef %2) {
  %4 = alloca ptr, align 8
  %5 = alloca i32, align 4
  %6 = alloca ptr, align 8
  %7 = alloca i32, align 4
  %8 = alloca i32, align 4
  %9 = alloca i32, align 4
  store ptr %0, ptr %4, align 8, !tbaa !9
  store i32 %1, ptr %5, align 4, !tbaa !5
  store ptr %2, ptr %6, align 8, !tbaa !12
  call void @llvm.lifetime.start.p0(ptr %7)
  store i32 16, ptr %7, align 4, !tbaa !5
  br label %10

10:                                               ; preds = %45, %3
  %11 = load i32, ptr %7, align 4, !tbaa !5
  %12 = load i32, ptr %5, align 4, !tbaa !5
  %13 = icmp slt i32 %11, %12
  br i1 %13, label %15, label %14

14:                                               ; preds = %10
  store i32 2, ptr %8, align 4
  call void @llvm.lifetime.end.p0(ptr %7)
  br label %48

15:                                               ; preds = %10
  call void @llvm.lifetime.start.p0(ptr %9)
  store i32 0, ptr %9, align 4, !tbaa !5
  br label %16

16:                                               ; preds = %41, %15
  %17 = load i32, ptr %9, align 4, !tbaa !5
  %18 = icmp slt i32 %17, 16
  br i1 %18, label %20, label %19

19:                                               ; preds = %16
  store i32 5, ptr %8, align 4
  call void @llvm.lifetime.end.p0(ptr %9)
  br label %44

20:                                               ; preds = %16
  %21 = load ptr, ptr %4, align 8, !tbaa !9
  %22 = load i32, ptr %7, align 4, !tbaa !5
  %23 = sext i32 %22 to i64
  %24 = getelementptr inbounds float, ptr %21, i64 %23
  %25 = load float, ptr %24, align 4, !tbaa !14
  %26 = fpext float %25 to double
  %27 = load ptr, ptr %4, align 8, !tbaa !9
  %28 = load i32, ptr %7, align 4, !tbaa !5
  %29 = load i32, ptr %9, align 4, !tbaa !5
  %30 = sub nsw i32 %28, %29
  %31 = sext i32 %30 to i64
  %32 = getelementptr inbounds float, ptr %27, i64 %31
  %33 = load float, ptr %32, align 4, !tbaa !14
  %34 = fpext float %33 to double
  %35 = load ptr, ptr %6, align 8, !tbaa !12
  %36 = load i32, ptr %9, align 4, !tbaa !5
  %37 = sext i32 %36 to i64
  %38 = getelementptr inbounds double, ptr %35, i64 %37
  %39 = load double, ptr %38, align 8, !tbaa !16
  %40 = call double @llvm.fmuladd.f64(double %26, double %34, double %39)
  store double %40, ptr %38, align 8, !tbaa !16
  br label %41

41:                                               ; preds = %20
  %42 = load i32, ptr %9, align 4, !tbaa !5
  %43 = add nsw i32 %42, 1
  store i32 %43, ptr %9, align 4, !tbaa !5
  br label %16, !llvm.loop !18

44:                                               ; preds = %19
  br label %45

45:                                               ; preds = %44
  %46 = load i32, ptr %7, align 4, !tbaa !5
  %47 = add nsw i32 %46, 1
  store i32 %47, ptr %7, align 4, !tbaa !5
  br label %10, !llvm.loop !20

48:                                               ; preds = %14
  ret void
}

declare void @llvm.lifetime.start.p0(ptr captures(none))

declare double @llvm.fmuladd.f64(double, double, double)

declare void @llvm.lifetime.end.p0(ptr captures(none))


!5 = !{!6, !6, i64 0}
!6 = !{!"int", !7, i64 0}
!7 = !{!"omnipotent char", !8, i64 0}
!8 = !{!"Simple C/C++ TBAA"}
!9 = !{!10, !10, i64 0}
!10 = !{!"p1 float", !11, i64 0}
!11 = !{!"any pointer", !7, i64 0}
!12 = !{!13, !13, i64 0}
!13 = !{!"p1 double", !11, i64 0}
!14 = !{!15, !15, i64 0}
!15 = !{!"float", !7, i64 0}
!16 = !{!17, !17, i64 0}
!17 = !{!"double", !7, i64 0}
!18 = distinct !{!18, !19}
!19 = !{!"llvm.loop.mustprogress"}
!20 = distinct !{!20, !19}
