# Arithmetic across the 2^59/2^60/2^62/2^63/2^64 boundaries where small ints overflow.
limits = [
  Integer.pow(2, 59), Integer.pow(2, 60), Integer.pow(2, 62), Integer.pow(2, 63),
  Integer.pow(2, 64)
]
for n <- limits do
  IO.puts("#{n - 1} #{n} #{n + 1} #{-n} #{-n - 1} #{n * 2} #{n * n} #{div(n, 3)} #{rem(n, 7)}")
end
max63 = 9_223_372_036_854_775_807
IO.inspect(max63 + 1)
IO.inspect(-max63 - 2)
IO.inspect(max63 * max63)
IO.inspect((max63 + 1) - 1)
IO.inspect((max63 + 1) - 1 == max63)
IO.inspect(max63 + 1 > max63)
IO.inspect(1_152_921_504_606_846_975 + 1)
IO.inspect(-1_152_921_504_606_846_976 - 1)
IO.inspect(576_460_752_303_423_487 + 1)
IO.inspect(4_611_686_018_427_387_903 * 2)
IO.inspect(abs(-max63 - 1))
IO.inspect(Integer.pow(2, 64) - Integer.pow(2, 64))
IO.inspect(is_integer(Integer.pow(2, 64)))
