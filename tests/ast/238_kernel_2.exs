&Kernel.+/2
