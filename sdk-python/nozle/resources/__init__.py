"""The API's resources, one class per group of operations, reached as attributes of `Nozle`."""
