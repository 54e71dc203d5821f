foo do
else
end
