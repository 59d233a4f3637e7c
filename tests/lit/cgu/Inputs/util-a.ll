; One of two different modules that share a file name (util.ll, util.c).
source_filename = "util.c"

@counter = internal global i32 1

define internal i32 @helper(i32 %x) noinline {
entry:
  %c = load i32, ptr @counter
  %n = add i32 %c, %x
  store i32 %n, ptr @counter
  ret i32 %n
}

define i32 @a1(i32 %x) noinline {
entry:
  %h = call i32 @helper(i32 %x)
  %r = add i32 %h, 1
  ret i32 %r
}

define i32 @a2(i32 %x) noinline {
entry:
  %x2 = mul i32 %x, 2
  %h = call i32 @helper(i32 %x2)
  %c = load i32, ptr @counter
  %r = add i32 %h, %c
  ret i32 %r
}
