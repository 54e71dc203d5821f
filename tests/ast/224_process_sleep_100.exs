Process.sleep 100
