using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.TestSupport;
using Xunit;

namespace Trident.SignerProcess.Tests;

/// <summary>Secrets never reach logs, exception messages or ToString().</summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task Secrets_never_reach_logs_or_exceptions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var h = await TridentHarness.StartAsync(cancellationToken: ct);
        h.Logs.MinimumLevel = Microsoft.Extensions.Logging.LogLevel.Trace;
        var process = await h.CreateAsync(cancellationToken: ct);
        await h.Client.GetSignerProcessResultAsync(process.Id, ct);
        var errors = new List<string>();
        try
        {
            await h.Client.GetSignerProcessResultAsync("sp-unknown", ct);
        }
        catch (SigningApiException ex)
        {
            errors.Add(ex.ToString());
        }

        try
        {
            await h.Client.GetDocumentAsync("doc-unknown", ct);
        }
        catch (SigningApiException ex)
        {
            errors.Add(ex.ToString());
            errors.Add(ex.BodyExcerpt ?? string.Empty);
        }

        var tokens = h.Simulator.Journal.Entries.Select(e => e.GetHeader("Authorization")).Where(a => a is not null && a.StartsWith("Bearer ", StringComparison.Ordinal)).Select(a => a!.Substring(7)).Distinct().ToArray();
        Assert.Single(tokens);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(h.Simulator.ClientId + ":" + h.Simulator.ClientSecret));
        Assert.NotEmpty(h.Logs.Lines);
        Assert.Equal(2, errors.Count(e => e.Contains("Trident", StringComparison.Ordinal)));
        SecretScanner.AssertNoSecrets(h.Logs.AllText.Concat(errors.Append(h.Client.ToString()).Append(h.Options.ToString())), h.Simulator.ClientSecret, basic, tokens[0]);
    }
}
