using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using SigningClients.Core;
using SigningClients.Core.Operations;
using SigningClients.Core.Signing;

namespace AlphaTrust.Tasks.Signing;

/// <summary>Options of <see cref="AlphaTrustSigningProvider"/>.</summary>
public sealed class AlphaTrustSigningProviderOptions
{
    /// <summary>How each signer authenticates (the signer and their index); default none. Passwords given here are sent to AlphaTrust only.</summary>
    public Func<SigningParty, int, ParticipantAuthentication>? Authentication { get; set; }

    /// <summary>Whether AlphaTrust e-mails each signer a signing request (remote signing). Default <see langword="true"/>; set <see langword="false"/> when the application signs through <see cref="IAlphaTrustClient.RemoteSignAsync(RemoteSignTask, CancellationToken)"/>.</summary>
    public bool SendRequestViaEmail { get; set; } = true;

    /// <summary>Whether transactions are test transactions. Default <see langword="false"/>.</summary>
    public bool IsTest { get; set; }

    /// <summary>Polling of the transaction operations: first poll at once, then 2 s growing to 30 s, and an overall timeout of 1 hour (<see cref="SigningClients.Core.SigningClientOptions.DefaultWaitTimeout"/>) so no wait blocks forever by default.</summary>
    public PollingOptions Polling { get; set; } = new() { Timeout = SigningClients.Core.SigningClientOptions.DefaultWaitTimeout };
}

/// <summary>
/// AlphaTrust transactions behind the provider-neutral flow: several PDFs, several signers, one signature task per
/// signer and document; signers are invited by e-mail or the application signs for them through the API
/// (<see cref="IAlphaTrustClient.RemoteSignAsync(RemoteSignTask, CancellationToken)"/>). AlphaTrust's remote-signing
/// documentation covers no document download, so <see cref="SigningCapabilities.DocumentDownload"/> is false.
/// </summary>
public sealed class AlphaTrustSigningProvider : SigningProvider<IAlphaTrustClient>
{
    private readonly AlphaTrustSigningProviderOptions _options;

    /// <summary>Creates the provider.</summary>
    /// <param name="client">The AlphaTrust client.</param>
    /// <param name="name">The registered name. Default "AlphaTrust".</param>
    /// <param name="options">Authentication, invitations and polling.</param>
    public AlphaTrustSigningProvider(IAlphaTrustClient client, string name = TransactionOperation.ProviderName, AlphaTrustSigningProviderOptions? options = null)
        : base(name, client, new SigningCapabilities(name) { RemoteSigning = true, ApiSigning = true, MaxSigners = 20, MaxDocuments = 20 })
    {
        _options = options ?? new AlphaTrustSigningProviderOptions();
    }

    /// <inheritdoc />
    protected override async Task<SigningOperation> StartCoreAsync(SigningEnvelope request, CancellationToken cancellationToken)
    {
        var participants = request.Signers.Select((s, i) => new ParticipantInsert
        {
            FullName = s.FullName,
            EmailAddress = s.Email,
            SendRequestViaEmail = _options.SendRequestViaEmail,
            Authentication = _options.Authentication?.Invoke(s, i) ?? ParticipantAuthentication.None,
        }).ToList();
        var documents = request.Documents.Select(d => new DocumentInsert
        {
            Title = d.FileName,
            Content = d.Content,
            Tasks = Enumerable.Range(0, participants.Count).Select(i => new TaskInsert(TaskType.Signature, i)).ToList(),
        }).ToList();
        var transaction = await Client.CreateTransactionAsync(new TransactionCreate { Description = request.Title, IsTest = _options.IsTest, Participants = participants, Documents = documents }, cancellationToken).ConfigureAwait(false);
        return Create(new OperationRehydrationToken(TransactionOperation.ProviderName, TransactionOperation.KindName, transaction.Id.ToString(CultureInfo.InvariantCulture), WithRegistration()));
    }

    /// <inheritdoc />
    protected override SigningOperation RehydrateCore(OperationRehydrationToken token) => Create(token);

    /// <inheritdoc />
    protected override Task<long> DownloadCoreAsync(SigningOutcome outcome, SignedDocumentInfo document, Stream destination, CancellationToken cancellationToken) =>
        throw new NotSupportedException(Name + " offers no document download.");

    private DelegatingSigningOperation<Transaction> Create(OperationRehydrationToken token) =>
        new DelegatingSigningOperation<Transaction>(token, TransactionOperation.Rehydrate(Client, token, _options.Polling), Map, null, null, _options.Polling);

    private SigningOutcome Map(Transaction transaction)
    {
        var id = transaction.Id.ToString(CultureInfo.InvariantCulture);
        return transaction.Status == TransactionStatus.Completed
            ? new SigningOutcome(Name, id, SigningState.Completed, transaction.Status.ToString(), null)
            : new SigningOutcome(Name, id, SigningState.Cancelled, transaction.Status.ToString(), null);
    }
}
