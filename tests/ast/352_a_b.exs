a =~ b
