map[:a][:b]
