# Loaded by iex_stand_in.sh through `iex --dot-iex`: IEx's prompts spelled as Ember's, no colours.
IEx.configure(
  default_prompt: "ember(%counter)>",
  continuation_prompt: "...(%counter)>",
  colors: [enabled: false]
)
