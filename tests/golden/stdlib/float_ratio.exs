# Float.ratio/1 (exact fractions, subnormals to max_finite), max_finite/0, min_finite/0.
for f <- [0.0, -0.0, 1.0, 0.5, 0.1, -0.1, 3.14159, 1.0e20, 1.7976931348623157e308, 5.0e-324, 2.2250738585072014e-308, -1234.5678, 1.0e-10, 123456789.123, 0.75, 4503599627370497.0] do
  IO.inspect({f, Float.ratio(f)})
end
IO.inspect({Float.max_finite(), Float.min_finite()})
try do Float.ratio(1) rescue e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e)) end
