&Mod.f/2
