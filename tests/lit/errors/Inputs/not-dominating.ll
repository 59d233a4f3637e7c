; Parses, but fails the verifier: %x is used where it does not dominate.
define i32 @f(i32 %a, i1 %c) {
entry:
  br i1 %c, label %then, label %join
then:
  %x = add i32 %a, 1
  br label %join
join:
  %y = mul i32 %x, 2
  ret i32 %y
}
