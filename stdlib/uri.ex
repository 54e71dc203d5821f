# URI as in Elixir 1.14: the %URI{} struct, parse/1 (RFC 3986 appendix B, written out instead
# of Elixir's regular expressions), new/1 and new!/1 (the validation of OTP 25's
# :uri_string.parse/1, including the error part it reports), to_string/1 and String.Chars,
# merge/2, percent-encoding and query strings. Inspect leaves out :authority when it is nil
# (Elixir's `@derive {Inspect, optional: [:authority]}`, read by vm/inspect.c from
# __inspect_optional__/0). Deviation: a port set by default_port/2 lives in an ETS table owned
# by the process that set the first one (Elixir keeps it for the whole VM).
defmodule URI.Error do
  defexception [:action, :reason, :part]

  def message(%URI.Error{action: action, reason: reason, part: part}) do
    "cannot #{action} due to reason #{reason}: #{inspect(part)}"
  end
end

defmodule URI do
  defstruct [:scheme, :authority, :userinfo, :host, :port, :path, :query, :fragment]

  def __inspect_optional__(), do: [:authority]

  # ==== Default ports ====

  def default_port(scheme) when is_binary(scheme) do
    case :ets.whereis(:ember_uri_ports) do
      :undefined ->
        builtin_port(scheme)

      _ ->
        case :ets.lookup(:ember_uri_ports, scheme) do
          [{_, port}] -> port
          [] -> builtin_port(scheme)
        end
    end
  end

  def default_port(scheme, port) when is_binary(scheme) and is_integer(port) and port >= 0 do
    if :ets.whereis(:ember_uri_ports) == :undefined do
      # Another process may create it between the check and here.
      try do
        :ets.new(:ember_uri_ports, [:named_table, :public, :set])
      rescue
        ArgumentError -> :ok
      end
    end

    :ets.insert(:ember_uri_ports, {scheme, port})
    :ok
  end

  defp builtin_port("ftp"), do: 21
  defp builtin_port("sftp"), do: 22
  defp builtin_port("tftp"), do: 69
  defp builtin_port("http"), do: 80
  defp builtin_port("https"), do: 443
  defp builtin_port("ldap"), do: 389
  defp builtin_port("ws"), do: 80
  defp builtin_port("wss"), do: 443
  defp builtin_port(_), do: nil

  # ==== Query strings ====

  def encode_query(enumerable, encoding \\ :www_form) do
    Enum.map_join(enumerable, "&", fn pair -> query_pair(pair, encoding) end)
  end

  defp query_pair({key, value}, encoding) do
    cond do
      is_list(key) ->
        raise ArgumentError, "encode_query/2 keys cannot be lists, got: #{inspect(key)}"

      is_list(value) ->
        raise ArgumentError, "encode_query/2 values cannot be lists, got: #{inspect(value)}"

      true ->
        query_text(key, encoding) <> "=" <> query_text(value, encoding)
    end
  end

  defp query_text(term, :www_form), do: encode_www_form(Kernel.to_string(term))
  defp query_text(term, :rfc3986), do: encode(Kernel.to_string(term), &char_unreserved?/1)

  def decode_query(query, map \\ %{}, encoding \\ :www_form)

  def decode_query(query, map, encoding) when is_binary(query) and is_map(map) do
    case next_query_pair(query, encoding) do
      nil -> map
      {{key, value}, rest} -> decode_query(rest, Map.put(map, key, value), encoding)
    end
  end

  def query_decoder(query, encoding \\ :www_form) when is_binary(query) do
    Stream.unfold(query, &next_query_pair(&1, encoding))
  end

  defp next_query_pair("", _encoding), do: nil

  defp next_query_pair(query, encoding) do
    {pair, rest} =
      case :binary.split(query, "&") do
        [pair, rest] -> {pair, rest}
        [pair] -> {pair, ""}
      end

    case :binary.split(pair, "=") do
      [key, value] -> {{decode_with(key, encoding), decode_with(value, encoding)}, rest}
      [key] -> {{decode_with(key, encoding), ""}, rest}
    end
  end

  defp decode_with(string, :www_form), do: decode_www_form(string)
  defp decode_with(string, :rfc3986), do: decode(string)

  # ==== Characters and percent-encoding ====

  def char_reserved?(character), do: character in ':/?#[]@!$&\'()*+,;='

  def char_unreserved?(character) do
    character in ?0..?9 or character in ?a..?z or character in ?A..?Z or character in '~_-.'
  end

  def char_unescaped?(character), do: char_reserved?(character) or char_unreserved?(character)

  def encode(string, predicate \\ &char_unescaped?/1)
      when is_binary(string) and is_function(predicate, 1) do
    IO.iodata_to_binary(percent_encode(string, predicate, false, []))
  end

  def encode_www_form(string) when is_binary(string) do
    IO.iodata_to_binary(percent_encode(string, &char_unreserved?/1, true, []))
  end

  defp percent_encode(<<?\s, rest::binary>>, predicate, true, acc),
    do: percent_encode(rest, predicate, true, [acc, ?+])

  defp percent_encode(<<byte, rest::binary>>, predicate, plus, acc) do
    if predicate.(byte) do
      percent_encode(rest, predicate, plus, [acc, byte])
    else
      percent_encode(rest, predicate, plus, [acc, ?%, hex(div(byte, 16)), hex(rem(byte, 16))])
    end
  end

  defp percent_encode(<<>>, _predicate, _plus, acc), do: acc

  defp hex(n) when n <= 9, do: n + ?0
  defp hex(n), do: n + ?A - 10

  def decode(uri), do: unpercent(uri, [], false)

  def decode_www_form(string) when is_binary(string), do: unpercent(string, [], true)

  defp unpercent(<<?+, tail::binary>>, acc, true), do: unpercent(tail, [acc, ?\s], true)

  defp unpercent(<<?%, hex1, hex2, tail::binary>> = all, acc, spaces) do
    case {hex_value(hex1), hex_value(hex2)} do
      {high, low} when is_integer(high) and is_integer(low) ->
        unpercent(tail, [acc, high * 16 + low], spaces)

      _ ->
        unpercent(binary_part(all, 1, byte_size(all) - 1), [acc, ?%], spaces)
    end
  end

  defp unpercent(<<head, tail::binary>>, acc, spaces), do: unpercent(tail, [acc, head], spaces)
  defp unpercent(<<>>, acc, _spaces), do: IO.iodata_to_binary(acc)

  defp hex_value(n) when n in ?A..?F, do: n - ?A + 10
  defp hex_value(n) when n in ?a..?f, do: n - ?a + 10
  defp hex_value(n) when n in ?0..?9, do: n - ?0
  defp hex_value(_n), do: nil

  # ==== parse/1 (never fails) ====

  def parse(%URI{} = uri), do: uri

  def parse(string) when is_binary(string) do
    {scheme, rest} = split_scheme(string)
    {authority_with_slashes, rest} = split_authority_part(rest)
    {path, rest} = split_before(rest, ["?", "#"])

    {query, fragment} =
      case rest do
        "?" <> after_question ->
          {query, after_query} = split_before(after_question, ["#"])
          {query, fragment_of(after_query)}

        _ ->
          {nil, fragment_of(rest)}
      end

    {authority, userinfo, host, port} = split_authority(authority_with_slashes)
    scheme = scheme && String.downcase(scheme)
    port = port || (scheme && default_port(scheme))

    %URI{
      scheme: scheme,
      path: nilify(path),
      query: query,
      fragment: fragment,
      authority: authority,
      userinfo: userinfo,
      host: host,
      port: port
    }
  end

  defp fragment_of("#" <> fragment), do: fragment
  defp fragment_of(_), do: nil

  # A scheme is a letter, then letters, digits, "+", "-" or ".", then ":".
  defp split_scheme(<<c, _::binary>> = string) when c in ?a..?z or c in ?A..?Z do
    case scheme_length(string, 1) do
      nil ->
        {nil, string}

      len ->
        {binary_part(string, 0, len), binary_part(string, len + 1, byte_size(string) - len - 1)}
    end
  end

  defp split_scheme(string), do: {nil, string}

  defp scheme_length(string, i) when i < byte_size(string) do
    c = :binary.at(string, i)

    cond do
      c == ?: -> i
      scheme_char?(c) -> scheme_length(string, i + 1)
      true -> nil
    end
  end

  defp scheme_length(_string, _i), do: nil

  defp scheme_char?(c),
    do: c in ?a..?z or c in ?A..?Z or c in ?0..?9 or c == ?+ or c == ?- or c == ?.

  defp split_authority_part("//" <> rest) do
    {authority, rest} = split_before(rest, ["/", "?", "#"])
    {"//" <> authority, rest}
  end

  defp split_authority_part(rest), do: {"", rest}

  # {the text before the first of [stops] (one-byte strings), the rest from there}.
  defp split_before(string, stops) do
    case :binary.match(string, stops) do
      {pos, _} -> {binary_part(string, 0, pos), binary_part(string, pos, byte_size(string) - pos)}
      :nomatch -> {string, ""}
    end
  end

  defp split_authority(""), do: {nil, nil, nil, nil}
  defp split_authority("//"), do: {"", nil, "", nil}

  defp split_authority("//" <> authority) do
    {userinfo, host_port} =
      case :binary.matches(authority, "@") do
        [] ->
          {nil, authority}

        matches ->
          {pos, _} = List.last(matches)

          {binary_part(authority, 0, pos),
           binary_part(authority, pos + 1, byte_size(authority) - pos - 1)}
      end

    {host, after_host} = split_host(host_port)

    port =
      case after_host do
        ":" <> digits ->
          case leading_digits(digits, 0) do
            0 -> nil
            n -> String.to_integer(binary_part(digits, 0, n))
          end

        _ ->
          nil
      end

    host = if nilify(host), do: host |> String.trim_leading("[") |> String.trim_trailing("]")
    {authority, nilify(userinfo), host, port}
  end

  # An IPv6 literal in brackets, else everything up to the first ":".
  defp split_host("[" <> rest = host_port) do
    case :binary.match(rest, "]") do
      {pos, _} ->
        if ipv6_chars?(binary_part(rest, 0, pos)) do
          {binary_part(host_port, 0, pos + 2),
           binary_part(rest, pos + 1, byte_size(rest) - pos - 1)}
        else
          split_before(host_port, [":"])
        end

      :nomatch ->
        split_before(host_port, [":"])
    end
  end

  defp split_host(host_port), do: split_before(host_port, [":"])

  defp ipv6_chars?(<<c, rest::binary>>)
       when c in ?a..?z or c in ?A..?Z or c in ?0..?9 or c in ':.',
       do: ipv6_chars?(rest)

  defp ipv6_chars?(rest), do: rest == ""

  defp leading_digits(<<c, rest::binary>>, n) when c in ?0..?9, do: leading_digits(rest, n + 1)
  defp leading_digits(_, n), do: n

  defp nilify(""), do: nil
  defp nilify(other), do: other

  # ==== new/1 and new!/1 (validating) ====

  def new(%URI{} = uri), do: {:ok, uri}

  def new(binary) when is_binary(binary) do
    case Ember.UriString.parse(binary) do
      {:ok, map} -> {:ok, uri_from_map(map)}
      {:error, part} -> {:error, part}
    end
  end

  def new!(%URI{} = uri), do: uri

  def new!(binary) when is_binary(binary) do
    case Ember.UriString.parse(binary) do
      {:ok, map} -> uri_from_map(map)
      {:error, part} -> raise URI.Error, action: :parse, reason: :invalid_uri, part: part
    end
  end

  # The struct for the parts Ember.UriString found: an empty path is nil, the scheme is
  # lowercased and brings its default port when no port was given.
  defp uri_from_map(parts) do
    uri = Map.merge(%URI{}, parts)
    uri = %{uri | path: nilify(uri.path)}

    cond do
      uri.scheme == nil ->
        uri

      Map.has_key?(parts, :port) ->
        %{uri | scheme: String.downcase(uri.scheme)}

      true ->
        %{
          uri
          | scheme: String.downcase(uri.scheme),
            port: default_port(String.downcase(uri.scheme))
        }
    end
  end

  # ==== to_string/1, merge/2, append_query/2 ====

  def to_string(uri), do: String.Chars.URI.to_string(uri)

  # RFC 3986 section 5.2 reference resolution, with Elixir's removal of dot segments.
  def merge(%URI{host: nil}, _rel),
    do: raise(ArgumentError, "you must merge onto an absolute URI")

  def merge(%URI{} = base, %URI{} = rel) do
    cond do
      rel.scheme != nil ->
        %{rel | path: drop_dot_segments(rel.path)}

      rel.host != nil ->
        %{rel | scheme: base.scheme, path: drop_dot_segments(rel.path)}

      rel.path == nil ->
        %{base | query: rel.query || base.query, fragment: rel.fragment}

      true ->
        %{base | path: merge_paths(base.path, rel.path), query: rel.query, fragment: rel.fragment}
    end
  end

  def merge(base, rel), do: merge(parse(base), parse(rel))

  # [rel_path] against the directory of [base_path].
  defp merge_paths(_base_path, "/" <> _ = rel_path), do: drop_dot_segments(rel_path)
  defp merge_paths(nil, rel_path), do: drop_dot_segments("/" <> rel_path)

  defp merge_paths(base_path, rel_path) do
    directory =
      case :binary.matches(base_path, "/") do
        [] -> ""
        slashes -> binary_part(base_path, 0, elem(List.last(slashes), 0) + 1)
      end

    drop_dot_segments(directory <> rel_path)
  end

  # Elixir's dot-segment removal walks the segments from the last one: "." goes away, a
  # segment followed by ".." cancels with it, and the first segment always stays, taking
  # every ".." left after it (so "x/." is "x", and "/../g" is "/g").
  defp drop_dot_segments(nil), do: nil

  defp drop_dot_segments(path) do
    path
    |> String.split("/")
    |> Enum.reverse()
    |> Enum.reduce([], &push_segment/2)
    |> keep_first_segment()
    |> Enum.join("/")
  end

  defp push_segment(".", kept), do: kept
  defp push_segment(segment, kept), do: [segment | cancel_pending(kept)]

  defp cancel_pending(["..", ".." | _] = kept), do: kept
  defp cancel_pending([_, ".." | rest]), do: cancel_pending(rest)
  defp cancel_pending(kept), do: kept

  defp keep_first_segment([first, ".." | rest]), do: keep_first_segment([first | rest])
  defp keep_first_segment(kept), do: kept

  def append_query(%URI{} = uri, query) when is_binary(query) do
    case uri.query do
      empty when empty in [nil, ""] ->
        %{uri | query: query}

      existing ->
        %{
          uri
          | query: existing <> if(String.ends_with?(existing, "&"), do: "", else: "&") <> query
        }
    end
  end
end

# RFC 3986 section 5.3 recomposition; the port is left out when it is the scheme's default.
defimpl String.Chars, for: URI do
  def to_string(%URI{} = uri) do
    if uri.host != nil and is_binary(uri.path) and uri.path != "" and
         not String.starts_with?(uri.path, "/") do
      raise ArgumentError,
            ":path in URI must be empty or an absolute path if URL has a :host, got: #{inspect(uri)}"
    end

    IO.iodata_to_binary([
      part(uri.scheme, "", ":"),
      part(authority(uri), "//", ""),
      part(uri.path, "", ""),
      part(uri.query, "?", ""),
      part(uri.fragment, "#", "")
    ])
  end

  defp part(nil, _before, _after), do: []
  defp part(text, before, after_text), do: [before, text, after_text]

  defp authority(%URI{host: nil} = uri), do: uri.authority

  defp authority(%URI{} = uri) do
    port =
      if uri.scheme != nil and URI.default_port(uri.scheme) == uri.port, do: nil, else: uri.port

    host = if String.contains?(uri.host, ":"), do: ["[", uri.host, "]"], else: uri.host
    [part(uri.userinfo, "", "@"), host, part(port && Integer.to_string(port), ":", "")]
  end
end

# :uri_string.parse/1 of OTP 25 for URI.new/1: an absolute URI is tried first, then a relative
# reference; {:ok, map} has only the parts present (:path always), {:error, part} the
# character where the relative reading failed. "%" is accepted anywhere, as OTP does.
defmodule Ember.UriString do
  def parse(string) do
    case absolute(string) do
      {:ok, map} -> {:ok, map}
      :error -> relative(string)
    end
  end

  defp absolute(<<c, _::binary>> = string) when c in ?a..?z or c in ?A..?Z do
    case :binary.match(string, ":") do
      {pos, _} ->
        scheme = binary_part(string, 0, pos)

        if scheme_valid?(scheme) do
          rest = binary_part(string, pos + 1, byte_size(string) - pos - 1)

          case hier_part(rest, %{scheme: scheme}) do
            {:ok, map} -> {:ok, map}
            {:error, _} -> :error
          end
        else
          :error
        end

      :nomatch ->
        :error
    end
  end

  defp absolute(_string), do: :error

  defp scheme_valid?(<<c, rest::binary>>)
       when c in ?a..?z or c in ?A..?Z or c in ?0..?9 or c in '+-.',
       do: scheme_valid?(rest)

  defp scheme_valid?(rest), do: rest == ""

  defp relative(string) do
    case string do
      "//" <> _ ->
        hier_part(string, %{})

      _ ->
        {first, _} = take_while(string, fn c -> c not in '/?#' end)

        case first_bad(first, &segment_nc_char?/1) do
          nil -> hier_part(string, %{})
          bad -> {:error, bad}
        end
    end
  end

  # "//" authority path, or a path; then "?" query and "#" fragment.
  defp hier_part("//" <> rest, map) do
    {authority, rest} = take_while(rest, fn c -> c not in '/?#' end)

    with {:ok, map} <- authority(authority, map) do
      path_query_fragment(rest, map)
    end
  end

  defp hier_part(rest, map), do: path_query_fragment(rest, map)

  defp path_query_fragment(rest, map) do
    {path, rest} = take_while(rest, fn c -> c not in '?#' end)

    with nil <- first_bad(path, &path_char?/1) do
      query_fragment(rest, Map.put(map, :path, path))
    else
      bad -> {:error, bad}
    end
  end

  defp query_fragment("?" <> rest, map) do
    {query, rest} = take_while(rest, fn c -> c != ?# end)

    with nil <- first_bad(query, &query_char?/1) do
      query_fragment(rest, Map.put(map, :query, query))
    else
      bad -> {:error, bad}
    end
  end

  defp query_fragment("#" <> fragment, map) do
    with nil <- first_bad(fragment, &query_char?/1) do
      {:ok, Map.put(map, :fragment, fragment)}
    else
      bad -> {:error, bad}
    end
  end

  defp query_fragment("", map), do: {:ok, map}

  defp authority(authority, map) do
    {userinfo, host_port} =
      case :binary.split(authority, "@") do
        [userinfo, host_port] -> {userinfo, host_port}
        [host_port] -> {nil, host_port}
      end

    cond do
      userinfo != nil and first_bad(userinfo, &userinfo_char?/1) != nil ->
        {:error, first_bad(userinfo, &userinfo_char?/1)}

      true ->
        map = if userinfo, do: Map.put(map, :userinfo, userinfo), else: map
        host_and_port(host_port, map)
    end
  end

  defp host_and_port("[" <> rest, map) do
    case :binary.split(rest, "]") do
      [ip, after_ip] ->
        if first_bad(ip, fn c -> c in ?0..?9 or c in ?a..?f or c in ?A..?F or c in ':.' end) ==
             nil,
           do: port(after_ip, Map.put(map, :host, ip)),
           else: {:error, "["}

      [_] ->
        {:error, "["}
    end
  end

  defp host_and_port(host_port, map) do
    {host, rest} = take_while(host_port, fn c -> c != ?: end)

    case first_bad(host, &reg_name_char?/1) do
      nil -> port(rest, Map.put(map, :host, host))
      bad -> {:error, bad}
    end
  end

  defp port("", map), do: {:ok, map}
  defp port(":", map), do: {:ok, Map.put(map, :port, :undefined)}

  defp port(":" <> digits, map) do
    case first_bad(digits, fn c -> c in ?0..?9 end) do
      nil -> {:ok, Map.put(map, :port, String.to_integer(digits))}
      bad -> {:error, bad}
    end
  end

  defp port(other, _map), do: {:error, other}

  # {the longest prefix of bytes satisfying [keep?], the rest}.
  defp take_while(string, keep?), do: take_while(string, keep?, 0)

  defp take_while(string, keep?, i) do
    if i < byte_size(string) and keep?.(:binary.at(string, i)) do
      take_while(string, keep?, i + 1)
    else
      {binary_part(string, 0, i), binary_part(string, i, byte_size(string) - i)}
    end
  end

  # The first character of [string] (a whole UTF-8 character) whose first byte fails [ok?].
  defp first_bad(string, ok?) do
    case take_while(string, ok?) do
      {_, ""} -> nil
      {_, rest} -> String.first(rest)
    end
  end

  defp unreserved?(c), do: c in ?a..?z or c in ?A..?Z or c in ?0..?9 or c in '-._~'
  defp sub_delim?(c), do: c in '!$&\'()*+,;='
  defp reg_name_char?(c), do: unreserved?(c) or sub_delim?(c) or c == ?%
  defp userinfo_char?(c), do: reg_name_char?(c) or c == ?:
  defp segment_nc_char?(c), do: reg_name_char?(c) or c == ?@
  defp path_char?(c), do: segment_nc_char?(c) or c == ?: or c == ?/
  defp query_char?(c), do: path_char?(c) or c == ??
end
