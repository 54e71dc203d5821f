# A todo list manager with maps, structs and status filtering
defmodule Todo do
  defstruct items: %{}, next_id: 1

  def new, do: %Todo{}
  def add(%Todo{items: items, next_id: id} = t, title, opts \\ []) do
    item = %{id: id, title: title, done: false, priority: Keyword.get(opts, :priority, :normal)}
    %Todo{t | items: Map.put(items, id, item), next_id: id + 1}
  end
  def complete(%Todo{} = t, id) do
    case Map.fetch(t.items, id) do
      {:ok, item} -> {:ok, %{t | items: Map.put(t.items, id, %{item | done: true})}}
      :error -> {:error, :not_found}
    end
  end
  def pending(t), do: t.items |> Map.values() |> Enum.reject(& &1.done) |> Enum.sort_by(& &1.id)
  def render(t) do
    t.items
    |> Map.values()
    |> Enum.sort_by(& &1.id)
    |> Enum.map(fn i ->
      box = if i.done, do: "[x]", else: "[ ]"
      pr = if i.priority == :high, do: " (!)", else: ""
      "#{box} #{i.id}. #{i.title}#{pr}"
    end)
    |> Enum.join("\n")
  end
end

defmodule Main do
  def run do
    t =
      Todo.new()
      |> Todo.add("write tests")
      |> Todo.add("fix bug", priority: :high)
      |> Todo.add("ship it")
    {:ok, t} = Todo.complete(t, 1)
    IO.inspect(Todo.complete(t, 99))
    IO.puts(Todo.render(t))
    IO.inspect(Enum.map(Todo.pending(t), & &1.title))
    IO.inspect(t.next_id)
    IO.inspect(t.items[2])
  end
end
Main.run()
