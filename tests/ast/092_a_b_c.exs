a.{B, C}
