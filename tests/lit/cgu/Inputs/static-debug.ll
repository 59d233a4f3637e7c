; ModuleID = 'static-debug.c'
source_filename = "static-debug.c"
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@counter = internal global i32 5, align 4, !dbg !0
@only_in_peek = internal global i32 3, align 4, !dbg !11
@.str = private unnamed_addr constant [11 x i8] c"static %d\0A\00", align 1, !dbg !5

; Function Attrs: noinline nounwind uwtable
define dso_local i32 @bump(i32 noundef %0) #0 !dbg !22 {
  %2 = alloca i32, align 4
  store i32 %0, ptr %2, align 4
    #dbg_declare(ptr %2, !26, !DIExpression(), !27)
  %3 = load i32, ptr %2, align 4, !dbg !28
  %4 = load i32, ptr @counter, align 4, !dbg !29
  %5 = add nsw i32 %4, %3, !dbg !29
  store i32 %5, ptr @counter, align 4, !dbg !29
  %6 = load i32, ptr @counter, align 4, !dbg !30
  ret i32 %6, !dbg !31
}

; Function Attrs: noinline nounwind uwtable
define dso_local i32 @peek(i32 noundef %0) #0 !dbg !32 {
  %2 = alloca i32, align 4
  store i32 %0, ptr %2, align 4
    #dbg_declare(ptr %2, !33, !DIExpression(), !34)
  %3 = load i32, ptr %2, align 4, !dbg !35
  %4 = load i32, ptr @only_in_peek, align 4, !dbg !36
  %5 = add nsw i32 %4, %3, !dbg !36
  store i32 %5, ptr @only_in_peek, align 4, !dbg !36
  %6 = load i32, ptr @only_in_peek, align 4, !dbg !37
  %7 = mul nsw i32 %6, 2, !dbg !38
  ret i32 %7, !dbg !39
}

; Function Attrs: noinline nounwind uwtable
define dso_local i32 @main() #0 !dbg !40 {
  %1 = alloca i32, align 4
  %2 = alloca i32, align 4
  store i32 0, ptr %1, align 4
    #dbg_declare(ptr %2, !43, !DIExpression(), !44)
  %3 = call i32 @bump(i32 noundef 2), !dbg !45
  %4 = call i32 @peek(i32 noundef 1), !dbg !46
  %5 = add nsw i32 %3, %4, !dbg !47
  %6 = load i32, ptr @counter, align 4, !dbg !48
  %7 = add nsw i32 %5, %6, !dbg !49
  store i32 %7, ptr %2, align 4, !dbg !44
  %8 = load i32, ptr %2, align 4, !dbg !50
  %9 = call i32 (ptr, ...) @printf(ptr noundef @.str, i32 noundef %8), !dbg !51
  ret i32 0, !dbg !52
}

declare i32 @printf(ptr noundef, ...) #1

attributes #0 = { noinline nounwind uwtable "frame-pointer"="all" "min-legal-vector-width"="0" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }
attributes #1 = { "frame-pointer"="all" "no-trapping-math"="true" "stack-protector-buffer-size"="8" "target-cpu"="x86-64" "target-features"="+cmov,+cx8,+fxsr,+mmx,+sse,+sse2,+x87" "tune-cpu"="generic" }

!llvm.dbg.cu = !{!2}
!llvm.module.flags = !{!14, !15, !16, !17, !18, !19, !20}
!llvm.ident = !{!21}

!0 = !DIGlobalVariableExpression(var: !1, expr: !DIExpression())
!1 = distinct !DIGlobalVariable(name: "counter", scope: !2, file: !3, line: 5, type: !13, isLocal: true, isDefinition: true)
!2 = distinct !DICompileUnit(language: DW_LANG_C11, file: !3, producer: "Debian clang version 22.1.8 (1~deb12u1)", isOptimized: false, runtimeVersion: 0, emissionKind: FullDebug, globals: !4, splitDebugInlining: false, nameTableKind: None)
!3 = !DIFile(filename: "static-debug.c", directory: "/work/main/tests/lit/cgu/Inputs", checksumkind: CSK_MD5, checksum: "a34e8b8ddca7796342ab36a105958700")
!4 = !{!5, !0, !11}
!5 = !DIGlobalVariableExpression(var: !6, expr: !DIExpression())
!6 = distinct !DIGlobalVariable(scope: null, file: !3, line: 13, type: !7, isLocal: true, isDefinition: true)
!7 = !DICompositeType(tag: DW_TAG_array_type, baseType: !8, size: 88, elements: !9)
!8 = !DIBasicType(name: "char", size: 8, encoding: DW_ATE_signed_char)
!9 = !{!10}
!10 = !DISubrange(count: 11)
!11 = !DIGlobalVariableExpression(var: !12, expr: !DIExpression())
!12 = distinct !DIGlobalVariable(name: "only_in_peek", scope: !2, file: !3, line: 6, type: !13, isLocal: true, isDefinition: true)
!13 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!14 = !{i32 7, !"Dwarf Version", i32 5}
!15 = !{i32 2, !"Debug Info Version", i32 3}
!16 = !{i32 1, !"wchar_size", i32 4}
!17 = !{i32 8, !"PIC Level", i32 2}
!18 = !{i32 7, !"PIE Level", i32 2}
!19 = !{i32 7, !"uwtable", i32 2}
!20 = !{i32 7, !"frame-pointer", i32 2}
!21 = !{!"Debian clang version 22.1.8 (1~deb12u1)"}
!22 = distinct !DISubprogram(name: "bump", scope: !3, file: !3, line: 8, type: !23, scopeLine: 8, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !25)
!23 = !DISubroutineType(types: !24)
!24 = !{!13, !13}
!25 = !{}
!26 = !DILocalVariable(name: "x", arg: 1, scope: !22, file: !3, line: 8, type: !13)
!27 = !DILocation(line: 8, column: 40, scope: !22)
!28 = !DILocation(line: 8, column: 56, scope: !22)
!29 = !DILocation(line: 8, column: 53, scope: !22)
!30 = !DILocation(line: 8, column: 66, scope: !22)
!31 = !DILocation(line: 8, column: 59, scope: !22)
!32 = distinct !DISubprogram(name: "peek", scope: !3, file: !3, line: 9, type: !23, scopeLine: 9, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !25)
!33 = !DILocalVariable(name: "x", arg: 1, scope: !32, file: !3, line: 9, type: !13)
!34 = !DILocation(line: 9, column: 40, scope: !32)
!35 = !DILocation(line: 9, column: 61, scope: !32)
!36 = !DILocation(line: 9, column: 58, scope: !32)
!37 = !DILocation(line: 9, column: 71, scope: !32)
!38 = !DILocation(line: 9, column: 84, scope: !32)
!39 = !DILocation(line: 9, column: 64, scope: !32)
!40 = distinct !DISubprogram(name: "main", scope: !3, file: !3, line: 11, type: !41, scopeLine: 11, flags: DIFlagPrototyped, spFlags: DISPFlagDefinition, unit: !2, retainedNodes: !25)
!41 = !DISubroutineType(types: !42)
!42 = !{!13}
!43 = !DILocalVariable(name: "r", scope: !40, file: !3, line: 12, type: !13)
!44 = !DILocation(line: 12, column: 7, scope: !40)
!45 = !DILocation(line: 12, column: 11, scope: !40)
!46 = !DILocation(line: 12, column: 21, scope: !40)
!47 = !DILocation(line: 12, column: 19, scope: !40)
!48 = !DILocation(line: 12, column: 31, scope: !40)
!49 = !DILocation(line: 12, column: 29, scope: !40)
!50 = !DILocation(line: 13, column: 25, scope: !40)
!51 = !DILocation(line: 13, column: 3, scope: !40)
!52 = !DILocation(line: 14, column: 3, scope: !40)
