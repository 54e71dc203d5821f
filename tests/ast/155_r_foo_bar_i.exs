~r/foo|bar/i
