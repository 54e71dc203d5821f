# Regex.compile/1,2 and compile!/1,2: options as a string or a list, PCRE's errors.
IO.inspect(Regex.compile("a+b"))
IO.inspect(Regex.compile("a+b", "i"))
IO.inspect(Regex.compile("a+b", [:caseless]))
IO.inspect(Regex.compile("a", "z"))
IO.inspect(Regex.compile("a", "iz"))
for bad <- ["(", ")", "a)", "[a", "*", "a{2,1}", "\\", "[z-a]", "(?z)", "[[:foo:]]", "x{99999999}",
            "a**", "(?#abc", "\\c", "(?<n>a)(?<n>b)", "\\p{Foo}"] do
  case Regex.compile(bad) do
    {:error, {msg, _pos}} -> IO.inspect({bad, msg})
    other -> IO.inspect({bad, other})
  end
end
for bad <- ["(", ")", "a)", "[a", "*", "a{2,1}", "\\", "[z-a]", "(?z)", "[[:foo:]]"] do
  IO.inspect(Regex.compile(bad))
end
try do
  Regex.compile!("(")
rescue
  e -> IO.inspect({e.__struct__, Exception.message(e)})
end
try do
  Regex.compile!("a", "z")
rescue
  e -> IO.inspect({e.__struct__, Exception.message(e)})
end
IO.inspect(Regex.compile!("a", "u") |> Regex.opts())
IO.inspect(Regex.recompile(~r/a/))
IO.inspect(Regex.recompile!(~r/a/i))
IO.inspect(Regex.regex?(~r/a/))
IO.inspect(Regex.regex?("a"))
{version, endian} = Regex.version()
IO.inspect({is_binary(version), endian})
IO.inspect(Regex.escape("a.b*c d\n\t-#?[x]{1}|^$\\/é"))
IO.inspect(Regex.match?(Regex.compile!(Regex.escape("1+1=2?")), "is 1+1=2?"))
