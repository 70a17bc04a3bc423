// Aot.Sample: proves the five client packages work under Native AOT. It binds every client from configuration,
// resolves them through DI, and drives each one through the whole pipeline (auth, retries, error mapping) against an
// address where nothing listens, so every call must end in a typed SigningApiException — no reflection involved.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using ConsignO.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Signant.InstantSign;
using SigningClients.Core;
using SigningToday.Dst;
using Trident.SignerProcess;

// A loopback port with no listener: connection refused, quickly, on every attempt.
int port;
using (var probe = new TcpListener(IPAddress.Loopback, 0))
{
    probe.Start();
    port = ((IPEndPoint)probe.LocalEndpoint).Port;
}

string endpoint = $"http://127.0.0.1:{port}/";
var builder = Host.CreateApplicationBuilder(args);
var settings = new Dictionary<string, string?>();
foreach (var provider in new[] { "AlphaTrust", "ConsignO", "Signant", "SigningToday", "Trident" })
{
    settings[provider + ":Endpoint"] = endpoint;
    settings[provider + ":AllowHttpOnLoopback"] = "true";
    settings[provider + ":Retry:MaxRetries"] = "1";
    settings[provider + ":Retry:InitialDelay"] = "00:00:00.010";
}

settings["AlphaTrust:ApiKey"] = "key"; settings["AlphaTrust:ApiSecret"] = "secret"; settings["AlphaTrust:ApiUsername"] = "api"; settings["AlphaTrust:ApiPassword"] = "password";
settings["ConsignO:Username"] = "user"; settings["ConsignO:Password"] = "password";
settings["Signant:DistributorId"] = "distributor"; settings["Signant:AccessCode"] = "access-code";
settings["SigningToday:RobotToken"] = "robot-token";
settings["Trident:ClientId"] = "client"; settings["Trident:ClientSecret"] = "secret";
builder.Configuration.AddInMemoryCollection(settings);

builder.Services.AddAlphaTrustClient(builder.Configuration.GetSection("AlphaTrust"));
builder.Services.AddConsignOClient(builder.Configuration.GetSection("ConsignO"));
builder.Services.AddSignantClient(builder.Configuration.GetSection("Signant"));
builder.Services.AddSigningTodayClient(builder.Configuration.GetSection("SigningToday"));
builder.Services.AddTridentClient(builder.Configuration.GetSection("Trident"));
using var host = builder.Build();
await host.StartAsync();

int typed = 0;
async Task Expect(string provider, Func<Task> call)
{
    try
    {
        await call();
        Console.WriteLine($"{provider}: unexpected success");
    }
    catch (SigningApiException ex) when (ex.Kind == SigningFailureKind.ConnectionFailure)
    {
        typed++;
        Console.WriteLine($"{provider}: typed {ex.Kind} after the pipeline ran ({ex.Operation})");
    }
}

var services = host.Services;
await Expect("AlphaTrust", () => services.GetRequiredService<IAlphaTrustClient>().GetUpdateableTransactionsAsync(new long[] { 1 }));
await Expect("ConsignO", () => services.GetRequiredService<IConsignOClient>().GetWorkflowAsync("5f1d7f1c2a3b4c5d6e7f8091"));
await Expect("Signant", () => services.GetRequiredService<ISignantClient>().GetPostingStatusAsync(Guid.NewGuid()));
await Expect("SigningToday", async () =>
{
    await foreach (var dst in services.GetRequiredService<ISigningTodayClient>().Dsts.ListAsync())
    {
        Console.WriteLine(dst.Id);
    }
});
await Expect("Trident", () => services.GetRequiredService<ITridentClient>().GetSignerProcessAsync("sp-1"));
await host.StopAsync();

Console.WriteLine(typed == 5 ? "AOT sample passed: 5 providers." : $"AOT sample failed: {typed}/5 typed failures.");
return typed == 5 ? 0 : 1;
