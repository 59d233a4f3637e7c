; ModuleID = 'debuginfo.c'
source_filename = "debuginfo.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@table = dso_local global [16 x i32] zeroinitializer, align 16, !dbg !0
@.str = private unnamed_addr constant [11 x i8] c"result %d\0A\00", align 1, !dbg !5

; Function Attrs: noinline nounwind uwtable
define dso_local i32 @sum(i32 noundef %0, i32 noundef %1) #0 !dbg !23 {
  %3 = alloca i32, align 4
  %4 = alloca i32, align 4
  %5 = alloca i32, align 4
  %6 = alloca i32, align 4
  %7 = alloca i32, align 4
  %8 = alloca i32, align 4
  store i32 %0, ptr %3, align 4
    #dbg_declare(ptr %3, !27, !DIExpression(), !28)
  store i32 %1, ptr %4, align 4
    #dbg_declare(ptr %4, !29, !DIExpression(), !30)
    #dbg_declare(ptr %5, !31, !DIExpression(), !32)
  store i32 0, ptr %5, align 4, !dbg !32
    #dbg_declare(ptr %6, !33, !DIExpression(), !35)
  store i32 0, ptr %6, align 4, !dbg !35
  br label %9, !dbg !36

9:                                                ; preds = %29, %2
  %10 = load i32, ptr %6, align 4, !dbg !37
  %11 = load i32, ptr %3, align 4, !dbg !39
  %12 = icmp slt i32 %10, %11, !dbg !40
  br i1 %12, label %13, label %32, !dbg !41

13:                                               ; preds = %9
    #dbg_declare(ptr %7, !42, !DIExpression(), !44)
  %14 = load i32, ptr %4, align 4, !dbg !45
  %15 = mul nsw i32 %14, 3, !dbg !46
  %16 = add nsw i32 %15, 1, !dbg !47
  store i32 %16, ptr %7, align 4, !dbg !44
    #dbg_declare(ptr %8, !48, !DIExpression(), !49)
  %17 = load i32, ptr %6, align 4, !dbg !50
  %18 = load i32, ptr %4, align 4, !dbg !51
  %19 = add nsw i32 %17, %18, !dbg !52
  %20 = and i32 %19, 15, !dbg !53
  store i32 %20, ptr %8, align 4, !dbg !49
  %21 = load i32, ptr %8, align 4, !dbg !54
  %22 = sext i32 %21 to i64, !dbg !55
  %23 = getelementptr inbounds [16 x i32], ptr @table, i64 0, i64 %22, !dbg !55
  %24 = load i32, ptr %23, align 4, !dbg !55
  %25 = load i32, ptr %7, align 4, !dbg !56
  %26 = mul nsw i32 %24, %25, !dbg !57
  %27 = load i32, ptr %5, align 4, !dbg !58
  %28 = add nsw i32 %27, %26, !dbg !58
  store i32 %28, ptr %5, align 4, !dbg !58
  br label %29, !dbg !59

29:                                               ; preds = %13
  %30 = load i32, ptr %6, align 4, !dbg !60
  %31 = add nsw i32 %30, 1, !dbg !60
  store i32 %31, ptr %6, align 4, !dbg !60
  br label %9, !dbg !61, !llvm.loop !62

32:                                               ; preds = %9
  %33 = load i32, ptr %5, align 4, !dbg !65
  ret i32 %33, !dbg !66
}

; Function Attrs: noinline nounwind uwtable
define dso_local i32 @twice(i32 noundef %0, i32 noundef %1) #0 !dbg !67 {
  %3 = alloca i32, align 4
  %4 = alloca i32, align 4
  %5 = alloca i32, align 4
  %6 = alloca i32, align 4
  store i32 %0, ptr %3, align 4
    #dbg_declare(ptr %3, !68, !DIExpression(), !69)
  store i32 %1, ptr %4, align 4
    #dbg_declare(ptr %4, !70, !DIExpression(), !71)
    #dbg_declare(ptr %5, !72, !DIExpression(), !73)
  %7 = load i32, ptr %3, align 4, !dbg !74
  %8 = load i32, ptr %4, align 4, !dbg !75
  %9 = mul nsw i32 %7, %8, !dbg !76
  %10 = add nsw i32 %9, 7, !dbg !77
  store i32 %10, ptr %5, align 4, !dbg !73
    #dbg_declare(ptr %6, !78, !DIExpression(), !79)
  %11 = load i32, ptr %3, align 4, !dbg !80
  %12 = load i32, ptr %4, align 4, !dbg !81
  %13 = mul nsw i32 %11, %12, !dbg !82
  %14 = add nsw i32 %13, 7, !dbg !83
  store i32 %14, ptr %6, align 4, !dbg !79
  %15 = load i32, ptr %5, align 4, !dbg !84
  %16 = load i32, ptr %6, align 4, !dbg !85
  %17 = ashr i32 %16, 1, !dbg !86
  %18 = xor i32 %15, %17, !dbg !87
  ret i32 %18, !dbg !88
}

; Function Attrs: noinline nounwind uwtable
define dso_local i32 @main() #0 !dbg !89 {
  %1 = alloca i32, align 4
  %2 = alloca i32, align 4
  %3 = alloca i32, align 4
  store i32 0, ptr %1, align 4
    #dbg_declare(ptr %2, !92, !DIExpression(), !94)
  store i32 0, ptr %2, align 4, !dbg !94
  br label %4, !dbg !95

4:                                                ; preds = %12, %0
  %5 = load i32, ptr %2, align 4, !dbg !96
  %6 = icmp slt i32 %5, 16, !dbg !98
  br i1 %6, label %7, label %15, !dbg !99

7:                                                ; preds = %4
  %8 = load i32, ptr %2, align 4, !dbg !100
  %9 = load i32, ptr %2, align 4, !dbg !101
  %10 = sext i32 %9 to i64, !dbg !102
  %11 = getelementptr inbounds [16 x i32], ptr @table, i64 0, i64 %10, !dbg !102
  store i32 %8, ptr %11, align 4, !dbg !103
  br label %12, !dbg !102

12:                                               ; preds = %7
  %13 = load i32, ptr %2, align 4, !dbg !104
  %14 = add nsw i32 %13, 1, !dbg !104
  store i32 %14, ptr %2, align 4, !dbg !104
  br label %4, !dbg !105, !llvm.loop !106

15:                                               ; preds = %4
    #dbg_declare(ptr %3, !108, !DIExpression(), !109)
  %16 = call i32 @sum(i32 noundef 10, i32 noundef 2), !dbg !110
  %17 = call i32 @twice(i32 noundef 3, i32 noundef 5), !dbg !111
  %18 = add nsw i32 %16, %17, !dbg !112
  store i32 %18, ptr %3, align 4, !dbg !109
  %19 = load i32, ptr %3, align 4, !dbg !113
  %20 = call i32 (ptr, ...) @printf(ptr noundef @.str, i32 noundef %19), !dbg !114
  ret i32 0, !dbg !115
}

declare i32 @printf(ptr noundef, ...) #1

attributes #0 = { noinline nounwind uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { "frame-pointer"="all" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }

!llvm.dbg.cu = !{!2}
!llvm.module.flags = !{!15, !16, !17, !18, !19, !20, !21}
!llvm.ident = !{!22}

!0 = !DIGlobalVariableExpression(var: !1, expr: !DIExpression())
!1 = distinct !DIGlobalVariable(name: "table", scope: !2, file: !3, line: 11, type: !11, isLocal: false, isDefinition: true)
!2 = distinct !DICompileUnit(language: DW_LANG_C11, file: !3, producer: "Debian clang version 22.1.8 (1~deb12u1)", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, globals: !4, splitDebugInlining: false, nameTableKind: None)
!3 = !DIFile(filename: "debuginfo.c", directory: "/work/main/tests/lit/debuginfo/Inputs", checksumkind: CSK_MD5, checksum: "df014625d17b2cd0cc712b20eb3d88c5")
!4 = !{!5, !0}
!5 = !DIGlobalVariableExpression(var: !6, expr: !DIExpression())
!6 = distinct !DIGlobalVariable(scope: null, file: !3, line: 33, type: !7, isLocal: true, isDefinition: true)
!7 = !DICompositeType(tag: DW_TAG_array_type, baseType: !8, size: 88, elements: !9)
!8 = !DIBasicType(name: "char", size: 8, encoding: DW_ATE_signed_char)
!9 = !{!10}
!10 = !DISubrange(count: 11)
!11 = !DICompositeType(tag: DW_TAG_array_type, baseType: !12, size: 512, elements: !13)
!12 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!13 = !{!14}
!14 = !DISubrange(count: 16)
!15 = !{i32 7, !"Dwarf Version", i32 5}
!16 = !{i32 2, !"Debug Info Version", i32 3}
!17 = !{i32 1, !"wchar_size", i32 4}
!18 = !{i32 8, !"PIC Level", i32 2}
!19 = !{i32 7, !"PIE Level", i32 2}
!20 = !{i32 7, !"uwtable", i32 2}
!21 = !{i32 7, !"frame-pointer", i32 2}
!22 = !{!"Debian clang version 22.1.8 (1~deb12u1)"}
!23 = distinct !DISubprogram(name: "sum", scope: !3, file: !3, line: 13, type: !24, scopeLine: 13, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !26)
!24 = !DISubroutineType(types: !25)
!25 = !{!12, !12, !12}
!26 = !{}
!27 = !DILocalVariable(name: "n", arg: 1, scope: !23, file: !3, line: 13, type: !12)
!28 = !DILocation(line: 13, column: 28, scope: !23)
!29 = !DILocalVariable(name: "k", arg: 2, scope: !23, file: !3, line: 13, type: !12)
!30 = !DILocation(line: 13, column: 35, scope: !23)
!31 = !DILocalVariable(name: "s", scope: !23, file: !3, line: 14, type: !12)
!32 = !DILocation(line: 14, column: 7, scope: !23)
!33 = !DILocalVariable(name: "i", scope: !34, file: !3, line: 15, type: !12)
!34 = distinct !DILexicalBlock(scope: !23, file: !3, line: 15, column: 3)
!35 = !DILocation(line: 15, column: 12, scope: !34)
!36 = !DILocation(line: 15, column: 8, scope: !34)
!37 = !DILocation(line: 15, column: 19, scope: !38)
!38 = distinct !DILexicalBlock(scope: !34, file: !3, line: 15, column: 3)
!39 = !DILocation(line: 15, column: 23, scope: !38)
!40 = !DILocation(line: 15, column: 21, scope: !38)
!41 = !DILocation(line: 15, column: 3, scope: !34)
!42 = !DILocalVariable(name: "scale", scope: !43, file: !3, line: 16, type: !12)
!43 = distinct !DILexicalBlock(scope: !38, file: !3, line: 15, column: 31)
!44 = !DILocation(line: 16, column: 9, scope: !43)
!45 = !DILocation(line: 16, column: 17, scope: !43)
!46 = !DILocation(line: 16, column: 19, scope: !43)
!47 = !DILocation(line: 16, column: 23, scope: !43)
!48 = !DILocalVariable(name: "idx", scope: !43, file: !3, line: 17, type: !12)
!49 = !DILocation(line: 17, column: 9, scope: !43)
!50 = !DILocation(line: 17, column: 16, scope: !43)
!51 = !DILocation(line: 17, column: 20, scope: !43)
!52 = !DILocation(line: 17, column: 18, scope: !43)
!53 = !DILocation(line: 17, column: 23, scope: !43)
!54 = !DILocation(line: 18, column: 16, scope: !43)
!55 = !DILocation(line: 18, column: 10, scope: !43)
!56 = !DILocation(line: 18, column: 23, scope: !43)
!57 = !DILocation(line: 18, column: 21, scope: !43)
!58 = !DILocation(line: 18, column: 7, scope: !43)
!59 = !DILocation(line: 19, column: 3, scope: !43)
!60 = !DILocation(line: 15, column: 27, scope: !38)
!61 = !DILocation(line: 15, column: 3, scope: !38)
!62 = distinct !{!62, !41, !63, !64}
!63 = !DILocation(line: 19, column: 3, scope: !34)
!64 = !{!"llvm.loop.mustprogress"}
!65 = !DILocation(line: 20, column: 10, scope: !23)
!66 = !DILocation(line: 20, column: 3, scope: !23)
!67 = distinct !DISubprogram(name: "twice", scope: !3, file: !3, line: 23, type: !24, scopeLine: 23, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !26)
!68 = !DILocalVariable(name: "a", arg: 1, scope: !67, file: !3, line: 23, type: !12)
!69 = !DILocation(line: 23, column: 30, scope: !67)
!70 = !DILocalVariable(name: "b", arg: 2, scope: !67, file: !3, line: 23, type: !12)
!71 = !DILocation(line: 23, column: 37, scope: !67)
!72 = !DILocalVariable(name: "x", scope: !67, file: !3, line: 24, type: !12)
!73 = !DILocation(line: 24, column: 7, scope: !67)
!74 = !DILocation(line: 24, column: 11, scope: !67)
!75 = !DILocation(line: 24, column: 15, scope: !67)
!76 = !DILocation(line: 24, column: 13, scope: !67)
!77 = !DILocation(line: 24, column: 17, scope: !67)
!78 = !DILocalVariable(name: "y", scope: !67, file: !3, line: 25, type: !12)
!79 = !DILocation(line: 25, column: 7, scope: !67)
!80 = !DILocation(line: 25, column: 11, scope: !67)
!81 = !DILocation(line: 25, column: 15, scope: !67)
!82 = !DILocation(line: 25, column: 13, scope: !67)
!83 = !DILocation(line: 25, column: 17, scope: !67)
!84 = !DILocation(line: 26, column: 10, scope: !67)
!85 = !DILocation(line: 26, column: 15, scope: !67)
!86 = !DILocation(line: 26, column: 17, scope: !67)
!87 = !DILocation(line: 26, column: 12, scope: !67)
!88 = !DILocation(line: 26, column: 3, scope: !67)
!89 = distinct !DISubprogram(name: "main", scope: !3, file: !3, line: 29, type: !90, scopeLine: 29, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !26)
!90 = !DISubroutineType(types: !91)
!91 = !{!12}
!92 = !DILocalVariable(name: "i", scope: !93, file: !3, line: 30, type: !12)
!93 = distinct !DILexicalBlock(scope: !89, file: !3, line: 30, column: 3)
!94 = !DILocation(line: 30, column: 12, scope: !93)
!95 = !DILocation(line: 30, column: 8, scope: !93)
!96 = !DILocation(line: 30, column: 19, scope: !97)
!97 = distinct !DILexicalBlock(scope: !93, file: !3, line: 30, column: 3)
!98 = !DILocation(line: 30, column: 21, scope: !97)
!99 = !DILocation(line: 30, column: 3, scope: !93)
!100 = !DILocation(line: 31, column: 16, scope: !97)
!101 = !DILocation(line: 31, column: 11, scope: !97)
!102 = !DILocation(line: 31, column: 5, scope: !97)
!103 = !DILocation(line: 31, column: 14, scope: !97)
!104 = !DILocation(line: 30, column: 28, scope: !97)
!105 = !DILocation(line: 30, column: 3, scope: !97)
!106 = distinct !{!106, !99, !107, !64}
!107 = !DILocation(line: 31, column: 16, scope: !93)
!108 = !DILocalVariable(name: "r", scope: !89, file: !3, line: 32, type: !12)
!109 = !DILocation(line: 32, column: 7, scope: !89)
!110 = !DILocation(line: 32, column: 11, scope: !89)
!111 = !DILocation(line: 32, column: 24, scope: !89)
!112 = !DILocation(line: 32, column: 22, scope: !89)
!113 = !DILocation(line: 33, column: 25, scope: !89)
!114 = !DILocation(line: 33, column: 3, scope: !89)
!115 = !DILocation(line: 34, column: 3, scope: !89)
