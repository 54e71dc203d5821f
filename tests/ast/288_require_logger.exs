require Logger
