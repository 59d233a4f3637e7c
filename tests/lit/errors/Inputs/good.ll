; A valid module, for the tests of bad options and bad output paths.
source_filename = "good.ll"
define i32 @f(i32 %a, i32 %b) {
entry:
  %x = add i32 %a, %b
  %y = mul i32 %x, %x
  ret i32 %y
}
define i32 @g(i32 %a) {
entry:
  %r = call i32 @f(i32 %a, i32 3)
  ret i32 %r
}
