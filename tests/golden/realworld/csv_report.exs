# Parse CSV-like text and produce a report
defmodule CsvReport do
  @data """
  name,dept,salary
  Alice,Engineering,120000
  Bob,Marketing,85000
  Carol,Engineering,135000
  Dave,Sales,70000
  Eve,Marketing,92000
  Frank,Sales,64000
  """

  def parse(text) do
    [header | rows] = text |> String.trim() |> String.split("\n")
    keys = header |> String.split(",") |> Enum.map(&String.to_atom/1)
    Enum.map(rows, fn row ->
      values = String.split(row, ",")
      Enum.zip(keys, values) |> Map.new()
    end)
  end

  def run do
    rows = parse(@data) |> Enum.map(fn r -> %{r | salary: String.to_integer(r.salary)} end)
    IO.inspect(hd(rows))
    rows
    |> Enum.group_by(& &1.dept)
    |> Enum.sort_by(fn {dept, _} -> dept end)
    |> Enum.each(fn {dept, people} ->
      total = people |> Enum.map(& &1.salary) |> Enum.sum()
      avg = total / length(people)
      IO.puts("#{String.pad_trailing(dept, 12)} #{String.pad_leading(Integer.to_string(total), 8)} avg=#{Float.round(avg, 1)}")
    end)
    top = Enum.max_by(rows, & &1.salary)
    IO.puts("Top earner: #{top.name}")
    IO.inspect(Enum.map(rows, & &1.name) |> Enum.sort(:desc))
  end
end
CsvReport.run()
