%User{name: "a", age: 1}
