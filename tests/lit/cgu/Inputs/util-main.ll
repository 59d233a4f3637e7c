; main for cgu/same-file-name.test: prints a1(1) + a2(2) + b1(3) + b2(4).
@.fmt = private constant [8 x i8] c"sum %d\0A\00"
declare i32 @printf(ptr, ...)
declare i32 @a1(i32)
declare i32 @a2(i32)
declare i32 @b1(i32)
declare i32 @b2(i32)
define i32 @main() {
entry:
  %a1 = call i32 @a1(i32 1)
  %a2 = call i32 @a2(i32 2)
  %b1 = call i32 @b1(i32 3)
  %b2 = call i32 @b2(i32 4)
  %s1 = add i32 %a1, %a2
  %s2 = add i32 %s1, %b1
  %s3 = add i32 %s2, %b2
  call i32 (ptr, ...) @printf(ptr @.fmt, i32 %s3)
  ret i32 0
}
