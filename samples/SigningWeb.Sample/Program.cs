using System;
using System.Linq;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using SigningWeb.Sample;

// SigningWeb sample: a web app that signs through the provider-neutral API and receives every provider's callbacks.
//   dotnet run --project samples/SigningWeb.Sample               serve http://127.0.0.1:5080 on the simulators
//   dotnet run --project samples/SigningWeb.Sample -- selftest   run all five flows headless and exit (CI)
bool selfTest = args.Contains("selftest", StringComparer.Ordinal);
using var timeout = new CancellationTokenSource(selfTest ? TimeSpan.FromMinutes(5) : Timeout.InfiniteTimeSpan);
await using var simulators = await Simulators.StartAsync(timeout.Token);
var app = SigningWebApp.Build(simulators, selfTest ? "http://127.0.0.1:0" : "http://127.0.0.1:5080", quiet: selfTest);
await app.StartAsync(timeout.Token);
var site = new Uri(app.Urls.First() + "/");
await SigningWebApp.ConfigureProvidersAsync(app, simulators, site, timeout.Token);
int exitCode = 0;
if (selfTest)
{
    exitCode = await SelfTest.RunAsync(app, simulators, site, timeout.Token);
}
else
{
    Console.WriteLine($"SigningWeb sample on {site} (simulated providers); Ctrl+C to stop.");
    await app.WaitForShutdownAsync();
}

await app.StopAsync();
await app.DisposeAsync();
return exitCode;
