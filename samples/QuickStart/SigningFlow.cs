using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Operations;
using SigningClients.Core.Signing;

namespace QuickStart;

/// <summary>
/// The one provider-neutral flow every provider runs through: start a signing → the signer acts → (the process may
/// stop; the saved token rebuilds the operation) → wait → download the signed documents (and the audit trail where the
/// provider has one). Nothing here names a provider.
/// </summary>
internal static class SigningFlow
{
    public static async Task<string> RunAsync(FlowContext context, ISigningProvider provider, SigningParty signer, Func<SigningOperation, Task> signerActs, PollingOptions polling, CancellationToken cancellationToken)
    {
        context.Step("capabilities: " + provider.Capabilities);
        var envelope = new SigningEnvelope("QuickStart agreement") { CallbackUrl = new Uri("https://app.example.com/signing/" + provider.Name + "/callback") };
        envelope.Documents.Add(new SigningDocument(new MemoryStream(SamplePdf.Create("QuickStart - " + provider.Name)), "agreement.pdf"));
        envelope.Signers.Add(signer);

        var operation = await provider.StartSigningAsync(envelope, cancellationToken);
        context.Step($"started {operation.Kind} {operation.Id}" + (operation.SigningUrls.Count > 0 ? $"; {operation.SigningUrls.Count} signing URL(s) to redirect to" : string.Empty));

        // A signature takes minutes or days: keep the token (no secrets in it) and carry on in any process.
        var tokenPath = context.OutputPath(provider.Name.ToLowerInvariant() + "-operation.json");
        await File.WriteAllTextAsync(tokenPath, operation.RehydrationToken.ToJson(), cancellationToken);
        await signerActs(operation);

        var resumed = provider.RehydrateSigning(OperationRehydrationToken.Parse(await File.ReadAllTextAsync(tokenPath, cancellationToken)));
        var outcome = await resumed.WaitForCompletionAsync(polling, cancellationToken);
        context.Step($"outcome: {outcome.State} ({outcome.ProviderStatus}) after {resumed.PollCount} poll(s) of the rebuilt operation");
        if (!outcome.IsSigned)
        {
            throw new InvalidOperationException($"The signing ended as {outcome.State}.");
        }

        string? path = null;
        if (provider.Capabilities.DocumentDownload)
        {
            foreach (var document in outcome.Documents)
            {
                path = context.OutputPath($"{provider.Name.ToLowerInvariant()}-{Sanitize(document.Id)}-signed" + (document.FileName is { } name ? Path.GetExtension(name) : ".pdf"));
                await using var file = File.Create(path);
                var bytes = await provider.DownloadSignedDocumentAsync(outcome, document, file, cancellationToken);
                context.Step($"downloaded {bytes} bytes to {Path.GetFileName(path)}");
            }
        }

        if (provider.Capabilities.AuditTrail)
        {
            var audit = context.OutputPath(provider.Name.ToLowerInvariant() + "-audit-trail.pdf");
            await using var file = File.Create(audit);
            var bytes = await provider.DownloadAuditTrailAsync(outcome, file, cancellationToken);
            context.Step($"downloaded the audit trail ({bytes} bytes)");
        }

        if (path is null)
        {
            // The provider offers no download (AlphaTrust's remote-signing docs): keep the completion record.
            path = context.OutputPath(provider.Name.ToLowerInvariant() + "-completion.txt");
            await File.WriteAllTextAsync(path, outcome + Environment.NewLine, cancellationToken);
            context.Step("no document download at this provider; saved the completion record");
        }

        return path;
    }

    private static string Sanitize(string id) => id.Length <= 12 ? id : id.Substring(0, 12);
}
