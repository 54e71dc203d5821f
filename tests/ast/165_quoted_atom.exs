:"quoted atom"
