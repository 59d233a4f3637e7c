; One of two different modules that share a file name (util.ll, util.c).
source_filename = "util.c"

@counter = internal global i32 100

define internal i32 @helper(i32 %x) noinline {
entry:
  %c = load i32, ptr @counter
  %n = sub i32 %c, %x
  store i32 %n, ptr @counter
  ret i32 %n
}

define i32 @b1(i32 %x) noinline {
entry:
  %h = call i32 @helper(i32 %x)
  %r = add i32 %h, 1
  ret i32 %r
}

define i32 @b2(i32 %x) noinline {
entry:
  %x3 = mul i32 %x, 3
  %h = call i32 @helper(i32 %x3)
  %c = load i32, ptr @counter
  %r = add i32 %h, %c
  ret i32 %r
}
