using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SigningClients.Core.Operations;
using SigningClients.Core.Signing;

namespace SigningWeb.Sample;

/// <summary>One signing the app started: its own reference, the provider, the operation token, and what it learned.</summary>
internal sealed class SigningRecord
{
    public SigningRecord(string reference, string provider, string operationId, string token)
    {
        Reference = reference;
        Provider = provider;
        OperationId = operationId;
        Token = token;
    }

    public string Reference { get; }

    public string Provider { get; }

    public string OperationId { get; }

    /// <summary>The operation's rehydration token (no secrets): what a real app stores in its database.</summary>
    public string Token { get; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public SigningState State { get; set; } = SigningState.Pending;

    public string? ProviderStatus { get; set; }

    public byte[]? SignedDocument { get; set; }

    public int Confirmations { get; set; }
}

/// <summary>
/// The app's signings (in memory here; a database in a real app). A confirmed callback rebuilds the operation from its
/// token, polls it once and, when signed, downloads the signed document — the same code for every provider.
/// </summary>
internal sealed partial class SigningStore(ISigningProviderResolver providers, ILogger<SigningStore> logger)
{
    private readonly ConcurrentDictionary<string, SigningRecord> _byReference = new(StringComparer.Ordinal);

    public SigningRecord Add(string reference, string provider, SigningOperation operation)
    {
        var record = new SigningRecord(reference, provider, operation.Id, operation.RehydrationToken.ToJson());
        _byReference[reference] = record;
        return record;
    }

    public SigningRecord? Find(string? reference) => reference is not null && _byReference.TryGetValue(reference, out var record) ? record : null;

    public SigningRecord? FindByOperation(string provider, string operationId) =>
        _byReference.Values.FirstOrDefault(r => r.Provider == provider && r.OperationId == operationId);

    /// <summary>Called by the callback handlers after the endpoint confirmed the event with the provider.</summary>
    public async Task<SigningRecord?> UpdateAsync(string provider, string operationId, CancellationToken cancellationToken)
    {
        var record = FindByOperation(provider, operationId);
        if (record is null)
        {
            LogUnknown(logger, provider, operationId);
            return null;
        }

        await record.Gate.WaitAsync(cancellationToken);
        try
        {
            record.Confirmations++;
            if (record.State != SigningState.Pending)
            {
                return record;
            }

            var operation = providers.RehydrateSigning(OperationRehydrationToken.Parse(record.Token));
            await operation.UpdateStatusAsync(cancellationToken);
            if (!operation.HasCompleted)
            {
                return record;
            }

            var outcome = operation.Value;
            var signing = providers.GetProvider(record.Provider);
            if (outcome.IsSigned && signing.Capabilities.DocumentDownload && outcome.Documents.Count > 0)
            {
                using var signed = new MemoryStream();
                await signing.DownloadSignedDocumentAsync(outcome, outcome.Documents[0], signed, cancellationToken);
                record.SignedDocument = signed.ToArray();
            }

            record.ProviderStatus = outcome.ProviderStatus;
            record.State = outcome.State;
            LogCompleted(logger, record.Provider, record.Reference, outcome.State, record.SignedDocument?.Length ?? 0);
            return record;
        }
        finally
        {
            record.Gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Provider} confirmed an event for {OperationId}, which this app did not start")]
    private static partial void LogUnknown(ILogger logger, string provider, string operationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Provider} signing {Reference} ended {State}; signed document {Bytes} bytes")]
    private static partial void LogCompleted(ILogger logger, string provider, string reference, SigningState state, int bytes);
}
