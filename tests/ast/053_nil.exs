:nil
