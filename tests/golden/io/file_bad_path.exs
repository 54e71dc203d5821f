File.read(:not_a_path)
