# Date, Time and NaiveDateTime for Ember, ISO calendar only, as Elixir 1.14's structs
# (%Date{calendar: Calendar.ISO, year, month, day}, ...); the ~D/~T/~N sigils are built by the
# compiler (compiler/sigil_calendar.c) and inspect/to_string by vm/inspect_calendar.c.
# Calendar.ISO holds the arithmetic: days counted from 0000-01-01 (gregorian days) and
# microseconds within a day.
defmodule Calendar.ISO do
  @us_per_day 86_400_000_000

  def leap_year?(year) when is_integer(year) do
    rem(year, 4) == 0 and (rem(year, 100) != 0 or rem(year, 400) == 0)
  end

  def days_in_month(year, 2), do: if(leap_year?(year), do: 29, else: 28)
  def days_in_month(_year, month) when month in [4, 6, 9, 11], do: 30
  def days_in_month(_year, month) when month in 1..12, do: 31

  def valid_date?(year, month, day) when is_integer(year) and is_integer(month) and is_integer(day) do
    month >= 1 and month <= 12 and day >= 1 and day <= days_in_month(year, month)
  end

  def valid_date?(_year, _month, _day), do: false

  def valid_time?(hour, minute, second, {us, precision})
      when is_integer(hour) and is_integer(minute) and is_integer(second) and is_integer(us) and
             is_integer(precision) do
    hour in 0..23 and minute in 0..59 and second in 0..59 and us in 0..999_999 and
      precision in 0..6
  end

  def valid_time?(_hour, _minute, _second, _us), do: false

  # Days since 0000-01-01 (Date.to_gregorian_days/1).
  def date_to_days(year, month, day) do
    y = if month <= 2, do: year - 1, else: year
    era = Integer.floor_div(y, 400)
    yoe = y - era * 400
    mp = if month > 2, do: month - 3, else: month + 9
    doy = div(153 * mp + 2, 5) + day - 1
    doe = yoe * 365 + div(yoe, 4) - div(yoe, 100) + doy
    era * 146_097 + doe + 60
  end

  def days_to_date(days) do
    z = days - 60
    era = Integer.floor_div(z, 146_097)
    doe = z - era * 146_097
    yoe = div(doe - div(doe, 1460) + div(doe, 36524) - div(doe, 146_096), 365)
    doy = doe - (365 * yoe + div(yoe, 4) - div(yoe, 100))
    mp = div(5 * doy + 2, 153)
    day = doy - div(153 * mp + 2, 5) + 1
    month = if mp < 10, do: mp + 3, else: mp - 9
    year = yoe + era * 400
    {if(month <= 2, do: year + 1, else: year), month, day}
  end

  def time_to_us(hour, minute, second, {us, _}) do
    ((hour * 60 + minute) * 60 + second) * 1_000_000 + us
  end

  def us_to_time(total, precision) do
    us = Integer.mod(total, @us_per_day)
    seconds = div(us, 1_000_000)
    {div(seconds, 3600), rem(div(seconds, 60), 60), rem(seconds, 60),
     {rem(us, 1_000_000), precision}}
  end

  def us_per_day, do: @us_per_day

  def to_us(amount, :second), do: amount * 1_000_000
  def to_us(amount, :millisecond), do: amount * 1000
  def to_us(amount, :microsecond), do: amount
  def to_us(amount, :nanosecond), do: Integer.floor_div(amount, 1000)

  def from_us(us, :second), do: Integer.floor_div(us, 1_000_000)
  def from_us(us, :millisecond), do: Integer.floor_div(us, 1000)
  def from_us(us, :microsecond), do: us
  def from_us(us, :nanosecond), do: us * 1000

  def truncate_us({us, precision}, :microsecond), do: {us, precision}
  def truncate_us({us, precision}, :millisecond), do: {div(us, 1000) * 1000, min(precision, 3)}
  def truncate_us({_, _}, :second), do: {0, 0}

  # ISO 8601 text, parsed as charlists. Returns {:ok, {y, m, d}, rest} or :error.
  def parse_date([?- | rest]) do
    case parse_date(rest) do
      {:ok, {y, m, d}, rest} -> {:ok, {-y, m, d}, rest}
      :error -> :error
    end
  end

  def parse_date([y1, y2, y3, y4, ?-, m1, m2, ?-, d1, d2 | rest]) do
    case digits([y1, y2, y3, y4, m1, m2, d1, d2]) do
      true -> {:ok, {num([y1, y2, y3, y4]), num([m1, m2]), num([d1, d2])}, rest}
      false -> :error
    end
  end

  def parse_date(_), do: :error

  # {:ok, {h, m, s, {us, precision}}, rest} or :error.
  def parse_time([h1, h2, ?:, m1, m2, ?:, s1, s2 | rest]) do
    if digits([h1, h2, m1, m2, s1, s2]) do
      {us, rest} = parse_fraction(rest)
      {:ok, {num([h1, h2]), num([m1, m2]), num([s1, s2]), us}, rest}
    else
      :error
    end
  end

  def parse_time(_), do: :error

  defp parse_fraction([sep | rest]) when sep in [?., ?,] do
    {frac, rest} = Enum.split_while(rest, fn c -> c in ?0..?9 end)
    case frac do
      [] -> {{0, 0}, [sep | rest]}
      _ ->
        precision = min(length(frac), 6)
        padded = Enum.take(frac ++ ~c"000000", 6)
        {{num(padded), precision}, rest}
    end
  end

  defp parse_fraction(rest), do: {{0, 0}, rest}

  # A trailing "Z" or "+HH:MM"/"-HH:MM" offset, accepted and ignored by Time/NaiveDateTime.
  def skip_offset([]), do: true
  def skip_offset([?Z]), do: true
  def skip_offset([sign, h1, h2, ?:, m1, m2]) when sign in [?+, ?-], do: digits([h1, h2, m1, m2])
  def skip_offset(_), do: false

  defp digits(chars), do: Enum.all?(chars, fn c -> c in ?0..?9 end)
  defp num(chars), do: List.to_integer(chars)
end

defmodule Date do
  @enforce_keys [:year, :month, :day]
  defstruct [:year, :month, :day, calendar: Calendar.ISO]

  def new(year, month, day, calendar \\ Calendar.ISO)

  def new(year, month, day, Calendar.ISO) do
    if Calendar.ISO.valid_date?(year, month, day) do
      {:ok, %{__struct__: Date, calendar: Calendar.ISO, year: year, month: month, day: day}}
    else
      {:error, :invalid_date}
    end
  end

  def new!(year, month, day, calendar \\ Calendar.ISO) do
    case new(year, month, day, calendar) do
      {:ok, date} -> date
      {:error, reason} -> raise ArgumentError, "cannot build date, reason: #{inspect(reason)}"
    end
  end

  def utc_today(calendar \\ Calendar.ISO) do
    days = Integer.floor_div(System.system_time(:second), 86400) + 719_528
    from_gregorian_days(days, calendar)
  end

  def from_gregorian_days(days, Calendar.ISO \\ Calendar.ISO) when is_integer(days) do
    {y, m, d} = Calendar.ISO.days_to_date(days)
    %{__struct__: Date, calendar: Calendar.ISO, year: y, month: m, day: d}
  end

  def to_gregorian_days(%{year: y, month: m, day: d}), do: Calendar.ISO.date_to_days(y, m, d)

  def leap_year?(%{year: year}), do: Calendar.ISO.leap_year?(year)
  def days_in_month(%{year: y, month: m}), do: Calendar.ISO.days_in_month(y, m)
  def months_in_year(_date), do: 12
  def quarter_of_year(%{month: m}), do: div(m - 1, 3) + 1
  def year_of_era(%{year: y}) when y > 0, do: {y, 1}
  def year_of_era(%{year: y}), do: {1 - y, 0}

  def day_of_year(%{year: y} = date), do: to_gregorian_days(date) - Calendar.ISO.date_to_days(y, 1, 1) + 1

  def day_of_week(date, starting_on \\ :default)
  def day_of_week(date, :default), do: Integer.mod(to_gregorian_days(date) + 5, 7) + 1

  def day_of_week(date, starting_on) do
    offset =
      case starting_on do
        :monday -> 0
        :tuesday -> 1
        :wednesday -> 2
        :thursday -> 3
        :friday -> 4
        :saturday -> 5
        :sunday -> 6
      end

    Integer.mod(day_of_week(date) - 1 - offset, 7) + 1
  end

  def beginning_of_month(%{} = date), do: %{date | day: 1}
  def end_of_month(%{} = date), do: %{date | day: days_in_month(date)}

  def beginning_of_week(date, starting_on \\ :default) do
    add(date, 1 - day_of_week(date, starting_on))
  end

  def end_of_week(date, starting_on \\ :default) do
    add(date, 7 - day_of_week(date, starting_on))
  end

  def add(%{calendar: Calendar.ISO} = date, days) when is_integer(days) do
    from_gregorian_days(to_gregorian_days(date) + days)
  end

  def diff(%{} = date1, %{} = date2), do: to_gregorian_days(date1) - to_gregorian_days(date2)

  def compare(%{year: y1, month: m1, day: d1}, %{year: y2, month: m2, day: d2}) do
    a = {y1, m1, d1}
    b = {y2, m2, d2}

    cond do
      a > b -> :gt
      a < b -> :lt
      true -> :eq
    end
  end

  def from_iso8601(string, calendar \\ Calendar.ISO) when is_binary(string) do
    case Calendar.ISO.parse_date(String.to_charlist(string)) do
      {:ok, {y, m, d}, []} -> new(y, m, d, calendar)
      _ -> {:error, :invalid_format}
    end
  end

  def from_iso8601!(string, calendar \\ Calendar.ISO) do
    case from_iso8601(string, calendar) do
      {:ok, date} ->
        date

      {:error, reason} ->
        raise ArgumentError,
              "cannot parse #{inspect(string)} as date, reason: #{inspect(reason)}"
    end
  end

  def to_iso8601(%{} = date, _format \\ :extended), do: to_string(date)

  def to_string(%{year: _, month: _, day: _} = date) do
    Kernel.to_string(%{__struct__: Date, calendar: Calendar.ISO, year: date.year,
      month: date.month, day: date.day})
  end

  def to_erl(%{year: y, month: m, day: d}), do: {y, m, d}

  def from_erl({y, m, d}, calendar \\ Calendar.ISO), do: new(y, m, d, calendar)

  def from_erl!(tuple, calendar \\ Calendar.ISO) do
    case from_erl(tuple, calendar) do
      {:ok, date} -> date
      {:error, reason} -> raise ArgumentError, "cannot convert #{inspect(tuple)} to date, reason: #{inspect(reason)}"
    end
  end
end

defmodule Time do
  @enforce_keys [:hour, :minute, :second]
  defstruct [:hour, :minute, :second, microsecond: {0, 0}, calendar: Calendar.ISO]

  def new(hour, minute, second, microsecond \\ {0, 0}, calendar \\ Calendar.ISO)

  def new(hour, minute, second, microsecond, calendar) when is_integer(microsecond) do
    new(hour, minute, second, {microsecond, 6}, calendar)
  end

  def new(hour, minute, second, microsecond, Calendar.ISO) do
    if Calendar.ISO.valid_time?(hour, minute, second, microsecond) do
      {:ok, build(hour, minute, second, microsecond)}
    else
      {:error, :invalid_time}
    end
  end

  def new!(hour, minute, second, microsecond \\ {0, 0}, calendar \\ Calendar.ISO) do
    case new(hour, minute, second, microsecond, calendar) do
      {:ok, time} -> time
      {:error, reason} -> raise ArgumentError, "cannot build time, reason: #{inspect(reason)}"
    end
  end

  defp build(hour, minute, second, microsecond) do
    %{__struct__: Time, calendar: Calendar.ISO, hour: hour, minute: minute, second: second,
      microsecond: microsecond}
  end

  def utc_now(calendar \\ Calendar.ISO) do
    NaiveDateTime.to_time(NaiveDateTime.utc_now(calendar))
  end

  def to_seconds_after_midnight(%{hour: h, minute: m, second: s, microsecond: {us, _}}) do
    {(h * 60 + m) * 60 + s, us}
  end

  def from_seconds_after_midnight(seconds, {_, precision} = microsecond \\ {0, 0}, _calendar \\ Calendar.ISO) do
    {h, m, s, _} = Calendar.ISO.us_to_time(seconds * 1_000_000, precision)
    build(h, m, s, microsecond)
  end

  def add(%{microsecond: {_, precision}} = time, amount, unit \\ :second) when is_integer(amount) do
    total = us(time) + Calendar.ISO.to_us(amount, unit)
    {h, m, s, us} = Calendar.ISO.us_to_time(total, precision)
    build(h, m, s, us)
  end

  def diff(%{} = time1, %{} = time2, unit \\ :second) do
    Calendar.ISO.from_us(us(time1), unit) - Calendar.ISO.from_us(us(time2), unit)
  end

  def compare(%{} = time1, %{} = time2) do
    a = us(time1)
    b = us(time2)

    cond do
      a > b -> :gt
      a < b -> :lt
      true -> :eq
    end
  end

  def truncate(%{microsecond: us} = time, precision) do
    %{time | microsecond: Calendar.ISO.truncate_us(us, precision)}
  end

  defp us(%{hour: h, minute: m, second: s, microsecond: us}),
    do: Calendar.ISO.time_to_us(h, m, s, us)

  def from_iso8601(string, calendar \\ Calendar.ISO) when is_binary(string) do
    chars =
      case String.to_charlist(string) do
        [?T | rest] -> rest
        chars -> chars
      end

    case Calendar.ISO.parse_time(chars) do
      {:ok, {h, m, s, us}, rest} ->
        if Calendar.ISO.skip_offset(rest),
          do: new(h, m, s, us, calendar),
          else: {:error, :invalid_format}

      :error ->
        {:error, :invalid_format}
    end
  end

  def from_iso8601!(string, calendar \\ Calendar.ISO) do
    case from_iso8601(string, calendar) do
      {:ok, time} ->
        time

      {:error, reason} ->
        raise ArgumentError,
              "cannot parse #{inspect(string)} as time, reason: #{inspect(reason)}"
    end
  end

  def to_iso8601(%{} = time, _format \\ :extended), do: to_string(time)

  def to_string(%{hour: h, minute: m, second: s, microsecond: us}) do
    Kernel.to_string(build(h, m, s, us))
  end

  def to_erl(%{hour: h, minute: m, second: s}), do: {h, m, s}

  def from_erl({h, m, s}, microsecond \\ {0, 0}, calendar \\ Calendar.ISO) do
    new(h, m, s, microsecond, calendar)
  end
end

defmodule NaiveDateTime do
  @enforce_keys [:year, :month, :day, :hour, :minute, :second]
  defstruct [:year, :month, :day, :hour, :minute, :second, microsecond: {0, 0},
             calendar: Calendar.ISO]

  def new(%{year: y, month: mo, day: d}, %{hour: h, minute: mi, second: s, microsecond: us}) do
    {:ok, build(y, mo, d, h, mi, s, us)}
  end

  def new(year, month, day, hour, minute, second, microsecond \\ {0, 0}, calendar \\ Calendar.ISO)

  def new(year, month, day, hour, minute, second, microsecond, calendar)
      when is_integer(microsecond) do
    new(year, month, day, hour, minute, second, {microsecond, 6}, calendar)
  end

  def new(year, month, day, hour, minute, second, microsecond, Calendar.ISO) do
    cond do
      not Calendar.ISO.valid_date?(year, month, day) -> {:error, :invalid_date}
      not Calendar.ISO.valid_time?(hour, minute, second, microsecond) -> {:error, :invalid_time}
      true -> {:ok, build(year, month, day, hour, minute, second, microsecond)}
    end
  end

  def new!(date, time) do
    {:ok, naive} = new(date, time)
    naive
  end

  def new!(year, month, day, hour, minute, second, microsecond \\ {0, 0}, calendar \\ Calendar.ISO) do
    case new(year, month, day, hour, minute, second, microsecond, calendar) do
      {:ok, naive} ->
        naive

      {:error, reason} ->
        raise ArgumentError, "cannot build naive datetime, reason: #{inspect(reason)}"
    end
  end

  defp build(year, month, day, hour, minute, second, microsecond) do
    %{__struct__: NaiveDateTime, calendar: Calendar.ISO, year: year, month: month, day: day,
      hour: hour, minute: minute, second: second, microsecond: microsecond}
  end

  def utc_now(_calendar \\ Calendar.ISO) do
    from_us(System.system_time(:microsecond) + 719_528 * Calendar.ISO.us_per_day(), 6)
  end

  def to_date(%{year: y, month: m, day: d}) do
    %{__struct__: Date, calendar: Calendar.ISO, year: y, month: m, day: d}
  end

  def to_time(%{hour: h, minute: m, second: s, microsecond: us}) do
    %{__struct__: Time, calendar: Calendar.ISO, hour: h, minute: m, second: s, microsecond: us}
  end

  # Microseconds since 0000-01-01 00:00:00. add/3 keeps the precision, as Elixir 1.14 does.
  defp us(%{year: y, month: mo, day: d, hour: h, minute: mi, second: s, microsecond: us}) do
    Calendar.ISO.date_to_days(y, mo, d) * Calendar.ISO.us_per_day() +
      Calendar.ISO.time_to_us(h, mi, s, us)
  end

  defp from_us(total, precision) do
    {y, mo, d} = Calendar.ISO.days_to_date(Integer.floor_div(total, Calendar.ISO.us_per_day()))
    {h, mi, s, us} = Calendar.ISO.us_to_time(total, precision)
    build(y, mo, d, h, mi, s, us)
  end

  def to_gregorian_seconds(%{microsecond: {us, _}} = naive) do
    {Integer.floor_div(us(naive), 1_000_000), us}
  end

  def add(%{microsecond: {_, precision}} = naive, amount, unit \\ :second)
      when is_integer(amount) do
    from_us(us(naive) + Calendar.ISO.to_us(amount, unit), precision)
  end

  def diff(%{} = naive1, %{} = naive2, unit \\ :second) do
    Calendar.ISO.from_us(us(naive1), unit) - Calendar.ISO.from_us(us(naive2), unit)
  end

  def compare(%{} = naive1, %{} = naive2) do
    a = us(naive1)
    b = us(naive2)

    cond do
      a > b -> :gt
      a < b -> :lt
      true -> :eq
    end
  end

  def truncate(%{microsecond: us} = naive, precision) do
    %{naive | microsecond: Calendar.ISO.truncate_us(us, precision)}
  end

  def from_iso8601(string, calendar \\ Calendar.ISO) when is_binary(string) do
    with {:ok, {y, mo, d}, [sep | rest]} when sep in [?T, ?\s] <-
           Calendar.ISO.parse_date(String.to_charlist(string)),
         {:ok, {h, mi, s, us}, rest} <- Calendar.ISO.parse_time(rest),
         true <- Calendar.ISO.skip_offset(rest) do
      new(y, mo, d, h, mi, s, us, calendar)
    else
      _ -> {:error, :invalid_format}
    end
  end

  def from_iso8601!(string, calendar \\ Calendar.ISO) do
    case from_iso8601(string, calendar) do
      {:ok, naive} ->
        naive

      {:error, reason} ->
        raise ArgumentError,
              "cannot parse #{inspect(string)} as naive datetime, reason: #{inspect(reason)}"
    end
  end

  def to_iso8601(%{} = naive, _format \\ :extended) do
    Date.to_string(naive) <> "T" <> Time.to_string(naive)
  end

  def to_string(%{} = naive), do: Date.to_string(naive) <> " " <> Time.to_string(naive)

  def to_erl(%{year: y, month: mo, day: d, hour: h, minute: mi, second: s}) do
    {{y, mo, d}, {h, mi, s}}
  end

  def from_erl({{y, mo, d}, {h, mi, s}}, microsecond \\ {0, 0}, calendar \\ Calendar.ISO) do
    new(y, mo, d, h, mi, s, microsecond, calendar)
  end
end
