// Placeholder until the provider flow lands; see the open issues.
System.Console.Error.WriteLine("This sample is not implemented yet.");
return 1;
