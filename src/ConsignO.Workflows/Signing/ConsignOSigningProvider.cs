using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ConsignO.Workflows.Models;
using SigningClients.Core;
using SigningClients.Core.Operations;
using SigningClients.Core.Signing;

namespace ConsignO.Workflows.Signing;

/// <summary>Options of <see cref="ConsignOSigningProvider"/>.</summary>
public sealed class ConsignOSigningProviderOptions
{
    /// <summary>Where each signer's zone goes on page 1 of every document: x of the first signer (points). Default 72.</summary>
    public double ZoneX { get; set; } = 72;

    /// <summary>y of the first signer's zone (points); each further signer's zone is 70 points lower. Default 650.</summary>
    public double ZoneY { get; set; } = 650;

    /// <summary>How signers authenticate. Default: the e-mailed link.</summary>
    public IReadOnlyList<AuthenticationMethod> Authentication { get; set; } = new[] { AuthenticationMethod.Link };

    /// <summary>Polling of the workflow operations: first poll at once, then 2 s growing to 30 s, and an overall timeout of 1 hour (<see cref="SigningClients.Core.SigningClientOptions.DefaultWaitTimeout"/>) so no wait blocks forever by default.</summary>
    public PollingOptions Polling { get; set; } = new() { Timeout = SigningClients.Core.SigningClientOptions.DefaultWaitTimeout };
}

/// <summary>
/// ConsignO workflows behind the provider-neutral flow: several PDFs, several remote signers (invited by e-mail,
/// optionally in order), webhooks, signed documents and an audit trail.
/// </summary>
public sealed class ConsignOSigningProvider : SigningProvider<IConsignOClient>
{
    private readonly ConsignOSigningProviderOptions _options;

    /// <summary>Creates the provider.</summary>
    /// <param name="client">The ConsignO client.</param>
    /// <param name="name">The registered name. Default "ConsignO".</param>
    /// <param name="options">Zones, authentication and polling.</param>
    public ConsignOSigningProvider(IConsignOClient client, string name = WorkflowOperation.ProviderName, ConsignOSigningProviderOptions? options = null)
        : base(name, client, new SigningCapabilities(name)
        {
            RemoteSigning = true,
            MaxSigners = 20,
            MaxDocuments = 20,
            SigningOrder = true,
            AuditTrail = true,
            DocumentDownload = true,
            Callbacks = true,
        })
    {
        _options = options ?? new ConsignOSigningProviderOptions();
    }

    /// <inheritdoc />
    protected override async Task<SigningOperation> StartCoreAsync(SigningEnvelope request, CancellationToken cancellationToken)
    {
        var builder = new WorkflowBuilder(request.Title);
        foreach (var document in request.Documents)
        {
            var documentId = await Client.UploadDocumentAsync(document.Content, document.FileName, cancellationToken: cancellationToken).ConfigureAwait(false);
            builder.AddDocument(documentId, zones =>
            {
                for (int i = 0; i < request.Signers.Count; i++)
                {
                    zones.AddZone(Key(i), page: 1, x: _options.ZoneX, y: _options.ZoneY - (70 * i));
                }
            });
        }

        for (int i = 0; i < request.Signers.Count; i++)
        {
            var signer = request.Signers[i];
            builder.AddRemoteSigner(Key(i), new SignerDefinition { FirstName = signer.GivenName, LastName = signer.FamilyName, Email = signer.Email, Phone = signer.Phone, Amr = _options.Authentication }, step: request.SequentialSigning ? i + 1 : null);
        }

        if (request.CallbackUrl is not null)
        {
            builder.AddWebhook(request.CallbackUrl);
        }

        if (request.ReturnUrl is not null)
        {
            builder.ReturnTo(request.ReturnUrl);
        }

        var workflow = await Client.CreateWorkflowAsync(builder.LaunchOnCreate().Build(), cancellationToken).ConfigureAwait(false);
        return Create(new OperationRehydrationToken(WorkflowOperation.ProviderName, WorkflowOperation.KindName, workflow.Id, WithRegistration(), workflow.ExpiresOn));
    }

    /// <inheritdoc />
    protected override SigningOperation RehydrateCore(OperationRehydrationToken token) => Create(token);

    /// <inheritdoc />
    protected override Task<long> DownloadCoreAsync(SigningOutcome outcome, SignedDocumentInfo document, Stream destination, CancellationToken cancellationToken) =>
        CopyAsync(Client.DownloadDocumentsAsync(outcome.OperationId, cancellationToken), destination, cancellationToken);

    /// <inheritdoc />
    protected override Task<long> DownloadAuditTrailCoreAsync(SigningOutcome outcome, Stream destination, CancellationToken cancellationToken) =>
        CopyAsync(Client.DownloadAuditTrailAsync(outcome.OperationId, cancellationToken), destination, cancellationToken);

    private static string Key(int index) => "signer" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private DelegatingSigningOperation<Workflow> Create(OperationRehydrationToken token) =>
        new DelegatingSigningOperation<Workflow>(token, WorkflowOperation.Rehydrate(Client, token, _options.Polling), Map, null, null, _options.Polling);

    private SigningOutcome Map(Workflow workflow)
    {
        var status = workflow.Status;
        var state = status == WorkflowStatus.Completed ? SigningState.Completed
            : status == WorkflowStatus.Declined ? SigningState.Declined
            : status == WorkflowStatus.Expired ? SigningState.Expired
            : SigningState.Cancelled;
        var documents = state == SigningState.Completed ? new[] { new SignedDocumentInfo(workflow.Id, null) } : null;
        return new SigningOutcome(Name, workflow.Id, state, status.ToString(), documents);
    }
}
