:héllo
