# Three compiled modules in three files calling each other; the script calls all of them.
text = """
The quick brown fox jumps over the lazy dog. The dog sleeps, the fox runs!
Quick, quick: the end?
"""

IO.puts(TextStats.word_count(text))
IO.inspect(TextStats.top(text, 3))
IO.puts(TextStats.summary(text))
IO.puts(Tokenizer.describe("elixir"))
Enum.each(Formatter.table(TextStats.top(text, 4)), &IO.puts/1)
IO.inspect(TextStats.frequencies("a b a c b a"))
