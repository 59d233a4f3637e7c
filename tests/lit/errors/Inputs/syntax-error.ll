; A syntax error: the operand missing on line 5 is reported at line 6, column 3.
define i32 @f(i32 %a) {
entry:
  %x = add i32 %a, 1
  %y = add i32 %x,
  ret i32 %y
}
