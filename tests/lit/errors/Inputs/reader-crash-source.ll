; The source of reader-crash.bc: llvm-as (LLVM 22.1), then one bit flipped
; (at offset 79, 0x02 -> 0x03). LLVM 22.1's bitcode reader then reads a struct
; element index out of range and crashes (opt-22 does too).
source_filename = "reader-crash-source.ll"

%pair = type { i32, i64 }
%outer = type { %pair, [4 x i16], ptr }

define i64 @f(ptr %p, i32 %i) {
entry:
  %a = getelementptr inbounds %outer, ptr %p, i64 0, i32 0, i32 1
  %v = load i64, ptr %a, align 8
  %b = getelementptr inbounds %outer, ptr %p, i64 0, i32 1, i32 %i
  %w = load i16, ptr %b, align 2
  %x = zext i16 %w to i64
  %s = insertvalue %pair undef, i32 %i, 0
  %e = extractvalue %pair %s, 0
  %z = zext i32 %e to i64
  %r = add i64 %v, %x
  %q = add i64 %r, %z
  ret i64 %q
}
