# A tiny stack-machine interpreter with jumps, running a factorial and a countdown.
defmodule VM do
  def run(program), do: exec(List.to_tuple(program), 0, [], [])

  defp exec(prog, pc, _stack, out) when pc >= tuple_size(prog), do: Enum.reverse(out)
  defp exec(prog, pc, stack, out) do
    case {elem(prog, pc), stack} do
      {{:push, v}, s} -> exec(prog, pc + 1, [v | s], out)
      {:pop, [_ | s]} -> exec(prog, pc + 1, s, out)
      {:dup, [a | s]} -> exec(prog, pc + 1, [a, a | s], out)
      {:swap, [a, b | s]} -> exec(prog, pc + 1, [b, a | s], out)
      {:over, [a, b | s]} -> exec(prog, pc + 1, [b, a, b | s], out)
      {:add, [a, b | s]} -> exec(prog, pc + 1, [b + a | s], out)
      {:sub, [a, b | s]} -> exec(prog, pc + 1, [b - a | s], out)
      {:mul, [a, b | s]} -> exec(prog, pc + 1, [b * a | s], out)
      {{:jz, t}, [0 | s]} -> exec(prog, t, s, out)
      {{:jz, _}, [_ | s]} -> exec(prog, pc + 1, s, out)
      {{:jmp, t}, s} -> exec(prog, t, s, out)
      {:print, [a | s]} -> exec(prog, pc + 1, s, [a | out])
      {:halt, _} -> Enum.reverse(out)
      {op, s} -> raise "bad instruction #{inspect(op)} with stack #{inspect(s)}"
    end
  end
end
countdown = [
  {:push, 5},
  :dup, :print,
  {:push, 1}, :sub,
  :dup, {:jz, 8},
  {:jmp, 1},
  {:push, 999}, :print
]
IO.inspect(VM.run(countdown))
factorial = [
  {:push, 1}, {:push, 25},
  # loop (pc 2): stack [n, acc]
  :dup, {:jz, 12},
  :swap, :over, :mul, :swap,
  {:push, 1}, :sub,
  {:jmp, 2}, :halt,
  :pop, :print
]
IO.inspect(VM.run(factorial))
try do
  VM.run([:add])
rescue
  e -> IO.puts("error: " <> Exception.message(e))
end
