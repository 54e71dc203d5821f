# Stress: 100 senders x 100,000 messages {sender_id, seq} to one receiver (10M messages).
# The receiver checks that each sender's seq goes 1, 2, 3, ... (strictly increasing, nothing
# lost or duplicated) and sums; the totals are compared with their closed forms.
# Flow control keeps the mailbox bounded (at most 2 windows of @window messages in flight per
# sender): the receiver acks every @window-th seq, and a sender that has sent seq k*@window
# waits for the ack of (k-1)*@window. Messages per sender divided by STRESS_SCALE (default 1).
# Final line: "ok senders senders=S msgs=N sum=X wsum=Y".
defmodule ManySenders do
  @senders 100
  @window 1000

  def scale do
    case System.get_env("STRESS_SCALE") do
      nil -> 1
      "" -> 1
      s -> String.to_integer(s)
    end
  end

  def sender(id, dest, m) do
    receive do
      :go -> send_loop(id, dest, 1, m)
    end
  end

  def send_loop(_id, _dest, seq, m) when seq > m, do: :ok

  def send_loop(id, dest, seq, m) do
    send(dest, {id, seq})

    if rem(seq, @window) == 0 and seq > @window do
      acked = seq - @window

      receive do
        {:ack, ^acked} -> :ok
      end
    end

    send_loop(id, dest, seq + 1, m)
  end

  # last: map sender id -> last seq seen; errors counted, first one kept
  def receive_loop(_pids, 0, last, sum, wsum, errs, first_err), do: {last, sum, wsum, errs, first_err}

  def receive_loop(pids, left, last, sum, wsum, errs, first_err) do
    receive do
      {id, seq} ->
        if rem(seq, @window) == 0, do: send(elem(pids, id - 1), {:ack, seq})
        prev = Map.get(last, id, 0)

        if seq == prev + 1 do
          receive_loop(pids, left - 1, Map.put(last, id, seq), sum + seq, wsum + id * seq, errs, first_err)
        else
          err = first_err || "sender #{id}: seq #{seq} after #{prev}"
          receive_loop(pids, left - 1, Map.put(last, id, max(seq, prev)), sum + seq, wsum + id * seq,
            errs + 1, err)
        end
    after
      30_000 -> {last, sum, wsum, errs + 1, first_err || "timeout with #{left} messages missing"}
    end
  end

  def run do
    m = div(100_000, scale())
    me = self()
    pids = for id <- 1..@senders, do: spawn(fn -> sender(id, me, m) end)
    Enum.each(pids, fn pid -> send(pid, :go) end)
    total = @senders * m
    {last, sum, wsum, errs, first_err} = receive_loop(List.to_tuple(pids), total, %{}, 0, 0, 0, nil)
    tri_m = div(m * (m + 1), 2)
    want_sum = @senders * tri_m
    want_wsum = div(@senders * (@senders + 1), 2) * tri_m
    complete = Enum.all?(1..@senders, fn id -> Map.get(last, id) == m end)

    # nothing extra may arrive after the expected total
    extra =
      receive do
        {_, _} -> true
      after
        100 -> false
      end

    if errs == 0 and complete and not extra and sum == want_sum and wsum == want_wsum do
      IO.puts("ok senders senders=#{@senders} msgs=#{total} sum=#{sum} wsum=#{wsum}")
    else
      IO.puts("FAIL senders errs=#{errs} first=#{inspect(first_err)} complete=#{complete} " <>
        "extra=#{extra} sum=#{sum}/#{want_sum} wsum=#{wsum}/#{want_wsum}")
    end
  end
end

ManySenders.run()
