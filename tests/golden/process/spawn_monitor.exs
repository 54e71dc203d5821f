# spawn_monitor/1 and spawn_monitor/3 return {pid, ref} atomically.
defmodule Job do
  def work(n), do: exit({:result, n * 10})

  def run do
    {pid, ref} = spawn_monitor(fn -> exit({:result, 1}) end)
    IO.inspect({is_pid(pid), is_reference(ref)}, label: "types")

    receive do
      {:DOWN, ^ref, :process, ^pid, {:result, v}} -> IO.inspect(v, label: "result")
    end

    # a worker that exits immediately still produces exactly one DOWN (never :noproc)
    jobs = for n <- 1..5, do: spawn_monitor(Job, :work, [n])

    results =
      for {pid, ref} <- jobs do
        receive do
          {:DOWN, ^ref, :process, ^pid, {:result, v}} -> v
        end
      end

    IO.inspect(results, label: "results")

    {_pid, ref} = spawn_monitor(fn -> receive do: (_ -> :ok) end)
    Process.demonitor(ref, [:flush])
    IO.puts("demonitored a still running process")
  end
end

Job.run()
