# Code.require_file/1 loads a file once (nil the second time); Code.compile_file/1 compiles it
# again and returns its modules. Paths are relative to the current directory.
[{mod, bin}] = Code.require_file("code_require_helper.ex")
IO.inspect({mod, is_binary(bin)}, label: "require_file")
IO.inspect(RequiredHelper.add(2, 3), label: "add")
IO.inspect(Code.require_file("code_require_helper.ex"), label: "second require_file")
IO.inspect(Code.ensure_loaded?(RequiredHelper), label: "loaded?")
[{mod, _}] = Code.compile_file("code_require_helper.ex")
IO.inspect(mod, label: "compile_file")
IO.inspect(RequiredHelper.loaded_from())

try do
  Code.require_file("code_no_such_file.ex")
rescue
  # the message holds the absolute path, so only the exception module is printed
  e -> IO.inspect(e.__struct__, label: "missing file")
end
