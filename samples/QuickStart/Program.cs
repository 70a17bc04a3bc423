using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using QuickStart;

// QuickStart: runs every provider's flow end to end. Default: against the in-process simulators.
//   dotnet run --project samples/QuickStart                      (all providers, simulators)
//   dotnet run --project samples/QuickStart -- --provider Signant  (one provider, simulator)
//   dotnet run --project samples/QuickStart -- --provider Signant --real  (the real provider, configured below)
//   dotnet run --project samples/QuickStart -- --trace               (also print the SDK's spans and metrics: Tracing.cs)
// Real-provider settings come from appsettings.json, user secrets or environment variables
// (e.g. SigningToday__Endpoint, SigningToday__RobotToken).
using var tracing = Tracing.StartIfRequested(ref args); // --trace: spans and metrics to the console (Tracing.cs)
string? only = null;
bool real = false;
string output = Path.Combine(Directory.GetCurrentDirectory(), "signed-documents");
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--provider" when i + 1 < args.Length:
            only = args[++i];
            break;
        case "--real":
            real = true;
            break;
        case "--output" when i + 1 < args.Length:
            output = Path.GetFullPath(args[++i]);
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [--provider <name>] [--real] [--output <folder>]");
            return 2;
    }
}

var flows = typeof(IProviderFlow).Assembly.GetTypes()
    .Where(t => typeof(IProviderFlow).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
    .Select(t => (IProviderFlow)Activator.CreateInstance(t)!)
    .OrderBy(f => f.Provider, StringComparer.Ordinal)
    .ToList();

if (only is not null)
{
    flows = flows.Where(f => string.Equals(f.Provider, only, StringComparison.OrdinalIgnoreCase)).ToList();
    if (flows.Count == 0)
    {
        Console.Error.WriteLine($"Unknown provider '{only}'.");
        return 2;
    }
}

if (real && only is null)
{
    Console.Error.WriteLine("--real needs --provider <name>: real flows wait for a real signer.");
    return 2;
}

var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddUserSecrets(typeof(IProviderFlow).Assembly, optional: true)
    .AddEnvironmentVariables()
    .Build();

Directory.CreateDirectory(output);
Console.WriteLine($"SigningClients QuickStart — {(real ? "real provider" : "simulators")}; signed documents go to {output}");
var results = new List<(string Provider, bool Ok, string Detail, TimeSpan Elapsed)>();
var gate = new object();
using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(real ? 60 : 5));
foreach (var flow in flows)
{
    var context = new FlowContext(flow.Provider, output, (provider, message) =>
    {
        lock (gate)
        {
            Console.WriteLine($"  [{provider}] {message}");
        }
    });
    Console.WriteLine($"▶ {flow.Provider}");
    var watch = Stopwatch.StartNew();
    try
    {
        string path = real
            ? await flow.RunAgainstProviderAsync(context, configuration.GetSection(flow.Provider), cts.Token)
            : await flow.RunAgainstSimulatorAsync(context, cts.Token);
        results.Add((flow.Provider, true, path, watch.Elapsed));
    }
    catch (Exception ex)
    {
        Console.WriteLine($"  [{flow.Provider}] FAILED: {ex.GetType().Name}: {ex.Message}");
        results.Add((flow.Provider, false, ex.GetType().Name, watch.Elapsed));
    }
}

Console.WriteLine();
Console.WriteLine($"{"Provider",-14} {"Result",-7} {"Time",8}  Signed document");
Console.WriteLine(new string('-', 78));
foreach (var (provider, ok, detail, elapsed) in results)
{
    Console.WriteLine($"{provider,-14} {(ok ? "OK" : "FAILED"),-7} {elapsed.TotalSeconds,7:0.00}s  {detail}");
}

int failed = results.Count(r => !r.Ok);
Console.WriteLine(failed == 0 ? $"All {results.Count} flows succeeded." : $"{failed} of {results.Count} flows failed.");
return failed == 0 && results.Count > 0 ? 0 : 1;
