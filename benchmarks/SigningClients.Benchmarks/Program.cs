// Placeholder until the benchmark suite lands (issue 9).
System.Console.Error.WriteLine("The benchmark suite is not implemented yet.");
return 1;
