defmodule Tree do
  defstruct value: 0, children: []

  def build(0, v), do: %Tree{value: v}
  def build(depth, v) do
    %Tree{value: v, children: for(i <- 1..3, do: build(depth - 1, v * 3 + i))}
  end

  def sum(%Tree{value: v, children: children}), do: v + Enum.sum(Enum.map(children, &sum/1))

  def parallel_sum(%Tree{value: v, children: []}, parent, tag), do: send(parent, {tag, v})

  def parallel_sum(%Tree{value: v, children: children}, parent, tag) do
    me = self()
    refs =
      for child <- children do
        ref = make_ref()
        spawn(fn -> parallel_sum(child, me, ref) end)
        ref
      end

    total =
      Enum.reduce(refs, v, fn ref, acc ->
        receive do
          {^ref, s} -> acc + s
        end
      end)

    send(parent, {tag, total})
  end

  def count(%Tree{children: cs}), do: 1 + Enum.sum(Enum.map(cs, &count/1))
  def depth(%Tree{children: []}), do: 1
  def depth(%Tree{children: cs}), do: 1 + (cs |> Enum.map(&depth/1) |> Enum.max())
end

defmodule Main do
  def run do
    tree = Tree.build(5, 1)
    IO.puts("nodes: #{Tree.count(tree)}, depth: #{Tree.depth(tree)}")
    seq = Tree.sum(tree)
    ref = make_ref()
    Tree.parallel_sum(tree, self(), ref)
    par =
      receive do
        {^ref, s} -> s
      end
    IO.puts("sequential=#{seq} parallel=#{par} equal=#{seq == par}")

    small = Tree.build(1, 2)
    IO.inspect(small, label: "small tree")

    results =
      for d <- 0..4 do
        t = Tree.build(d, 1)
        Task.async(fn -> {d, Tree.sum(t), Tree.count(t)} end)
      end
      |> Task.await_many()

    for {d, s, c} <- results, do: IO.puts("depth #{d}: sum #{s} over #{c} nodes")
  end
end

Main.run()
