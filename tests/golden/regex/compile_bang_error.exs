IO.puts("compiled at run time")
Regex.compile!("[a" <> "")
