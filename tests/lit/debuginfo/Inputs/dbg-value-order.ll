; ModuleID = 'dbg-value-order.c'
source_filename = "dbg-value-order.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

; Function Attrs: noinline nounwind uwtable
define dso_local i32 @f(i32 noundef %0, i32 noundef %1) #0 !dbg !10 {
  %3 = alloca i32, align 4
  %4 = alloca i32, align 4
  %5 = alloca i32, align 4
  %6 = alloca i32, align 4
  store i32 %0, ptr %3, align 4
    #dbg_declare(ptr %3, !15, !DIExpression(), !16)
  store i32 %1, ptr %4, align 4
    #dbg_declare(ptr %4, !17, !DIExpression(), !18)
    #dbg_declare(ptr %5, !19, !DIExpression(), !20)
  %7 = load i32, ptr %3, align 4, !dbg !21
  %8 = load i32, ptr %4, align 4, !dbg !22
  %9 = mul nsw i32 %7, %8, !dbg !23
  %10 = add nsw i32 %9, 7, !dbg !24
  store i32 %10, ptr %5, align 4, !dbg !20
    #dbg_declare(ptr %6, !25, !DIExpression(), !26)
  %11 = load i32, ptr %5, align 4, !dbg !27
  %12 = call i32 @g(i32 noundef %11), !dbg !28
  store i32 %12, ptr %6, align 4, !dbg !26
  %13 = load i32, ptr %6, align 4, !dbg !29
  ret i32 %13, !dbg !30
}

declare i32 @g(i32 noundef) #1

attributes #0 = { noinline nounwind uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { "frame-pointer"="all" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3, !4, !5, !6, !7, !8}
!llvm.ident = !{!9}

!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, producer: "Debian clang version 22.1.8 (1~deb12u1)", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, splitDebugInlining: false, nameTableKind: None)
!1 = !DIFile(filename: "dbg-value-order.c", directory: "/work/main/tests/lit/debuginfo/Inputs", checksumkind: CSK_MD5, checksum: "a9f8cb874e4019233fd0b02f9a83d973")
!2 = !{i32 7, !"Dwarf Version", i32 5}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 1, !"wchar_size", i32 4}
!5 = !{i32 8, !"PIC Level", i32 2}
!6 = !{i32 7, !"PIE Level", i32 2}
!7 = !{i32 7, !"uwtable", i32 2}
!8 = !{i32 7, !"frame-pointer", i32 2}
!9 = !{!"Debian clang version 22.1.8 (1~deb12u1)"}
!10 = distinct !DISubprogram(name: "f", scope: !1, file: !1, line: 5, type: !11, scopeLine: 5, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !0, retainedNodes: !14)
!11 = !DISubroutineType(types: !12)
!12 = !{!13, !13, !13}
!13 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!14 = !{}
!15 = !DILocalVariable(name: "a", arg: 1, scope: !10, file: !1, line: 5, type: !13)
!16 = !DILocation(line: 5, column: 11, scope: !10)
!17 = !DILocalVariable(name: "b", arg: 2, scope: !10, file: !1, line: 5, type: !13)
!18 = !DILocation(line: 5, column: 18, scope: !10)
!19 = !DILocalVariable(name: "x", scope: !10, file: !1, line: 6, type: !13)
!20 = !DILocation(line: 6, column: 7, scope: !10)
!21 = !DILocation(line: 6, column: 11, scope: !10)
!22 = !DILocation(line: 6, column: 15, scope: !10)
!23 = !DILocation(line: 6, column: 13, scope: !10)
!24 = !DILocation(line: 6, column: 17, scope: !10)
!25 = !DILocalVariable(name: "y", scope: !10, file: !1, line: 7, type: !13)
!26 = !DILocation(line: 7, column: 7, scope: !10)
!27 = !DILocation(line: 7, column: 13, scope: !10)
!28 = !DILocation(line: 7, column: 11, scope: !10)
!29 = !DILocation(line: 8, column: 10, scope: !10)
!30 = !DILocation(line: 8, column: 3, scope: !10)
