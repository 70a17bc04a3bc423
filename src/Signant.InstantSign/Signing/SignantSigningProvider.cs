using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Signant.InstantSign.Models;
using SigningClients.Core;
using SigningClients.Core.Operations;
using SigningClients.Core.Signing;

namespace Signant.InstantSign.Signing;

/// <summary>Options of <see cref="SignantSigningProvider"/>.</summary>
public sealed class SignantSigningProviderOptions
{
    /// <summary>
    /// Where a completed posting's verified document is saved the moment it is ready (Signant deletes it 15 minutes
    /// after completion). Default: <c>SigningClients/Signant</c> under the temp folder. Several processes that share
    /// operations must share this folder. A document is removed from it when downloaded through the provider.
    /// </summary>
    public string SpoolDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "SigningClients", "Signant");

    /// <summary>Partial-completion choice and polling of the posting operations.</summary>
    public WaitForCompletionOptions Waiting { get; set; } = new();
}

/// <summary>
/// Signant instant signing behind the provider-neutral flow: one posting per request (one PDF, one or more recipients
/// who sign at the URLs in <see cref="SigningOperation.SigningUrls"/>); the operation downloads and verifies the signed
/// document inside the TTL into <see cref="SignantSigningProviderOptions.SpoolDirectory"/>.
/// </summary>
public sealed class SignantSigningProvider : SigningProvider<ISignantClient>
{
    private readonly SignantSigningProviderOptions _options;

    /// <summary>Creates the provider.</summary>
    /// <param name="client">The Signant client.</param>
    /// <param name="name">The registered name. Default "Signant".</param>
    /// <param name="options">Spool folder and polling.</param>
    public SignantSigningProvider(ISignantClient client, string name = InstantPostingOperation.ProviderName, SignantSigningProviderOptions? options = null)
        : base(name, client, new SigningCapabilities(name)
        {
            EmbeddedSigning = true,
            MaxSigners = 50,
            MaxDocuments = 1,
            DocumentDownload = true,
            DocumentsExpire = true,
            Callbacks = true,
        })
    {
        _options = options ?? new SignantSigningProviderOptions();
        if (_options.SpoolDirectory is null || _options.SpoolDirectory.Trim().Length == 0)
        {
            throw new ArgumentException("SpoolDirectory is required.", nameof(options));
        }
    }

    /// <inheritdoc />
    protected override async Task<SigningOperation> StartCoreAsync(SigningEnvelope request, CancellationToken cancellationToken)
    {
        var document = request.Documents[0];
        var created = await Client.CreateInstantPostingAsync(new InstantPosting
        {
            Title = request.Title,
            Recipients = request.Signers.Select(s => new InstantPostingRecipient { Name = s.FullName, Email = s.Email }).ToList(),
            AttachmentToSign = new InstantAttachment { File = document.Content, FileName = document.FileName },
            AfterSignAction = request.ReturnUrl is null ? AfterSignAction.NoAction : AfterSignAction.Redirect,
            AfterSignRedirectUrl = request.ReturnUrl,
        }, cancellationToken).ConfigureAwait(false);
        var links = created.SignUrls.Select((u, i) => (u, i)).Where(x => x.u.Url is not null).Select(x => new SignerLink(x.i, x.u.Url!)).ToList();
        return Create(InstantPostingOperation.Token(created.PostingId, created.AttachmentId), links);
    }

    /// <inheritdoc />
    protected override SigningOperation RehydrateCore(OperationRehydrationToken token)
    {
        // Validates provider, kind and ids.
        InstantPostingOperation.Rehydrate(Client, token, Stream.Null, _options.Waiting);
        return Create(token, null);
    }

    /// <inheritdoc />
    protected override async Task<long> DownloadCoreAsync(SigningOutcome outcome, SignedDocumentInfo document, Stream destination, CancellationToken cancellationToken)
    {
        var postingId = Guid.Parse(outcome.OperationId);
        var path = SpoolPath(postingId);
        if (File.Exists(path))
        {
            long copied;
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            {
                await file.CopyToAsync(destination, 81920, cancellationToken).ConfigureAwait(false);
                copied = file.Length;
            }

            File.Delete(path);
            return copied;
        }

        // Not saved here (another machine completed it): read it from Signant while the posting still lives.
        var download = await Client.DownloadInstantAttachmentAsync(postingId, Guid.Parse(document.Id), destination, cancellationToken).ConfigureAwait(false);
        return download.Length;
    }

    private DelegatingSigningOperation<InstantPostingOutcome> Create(OperationRehydrationToken nativeToken, IReadOnlyList<SignerLink>? links)
    {
        var postingId = Guid.Parse(nativeToken.Id);
        var token = new OperationRehydrationToken(nativeToken.Provider, nativeToken.Kind, nativeToken.Id, WithRegistration(nativeToken.Ids.ToArray()), nativeToken.Deadline, nativeToken.PollState);
        var path = SpoolPath(postingId);
        var native = new InstantPostingOperation(Client, nativeToken, () => OpenSpool(path), ownsDestination: true, _options.Waiting, null);
        return new DelegatingSigningOperation<InstantPostingOutcome>(
            token,
            native,
            outcome => Map(postingId, outcome, path),
            links,
            (Client as SignantClient)?.TimeProvider,
            _options.Waiting.Polling,
            polling =>
            {
                if (polling.MaxInterval > WaitForCompletionOptions.MaxAllowedInterval)
                {
                    throw new ArgumentException("Polling.MaxInterval cannot exceed " + WaitForCompletionOptions.MaxAllowedInterval + ": the posting is deleted 15 minutes after the last action.", nameof(polling));
                }
            });
    }

    private SigningOutcome Map(Guid postingId, InstantPostingOutcome outcome, string spoolPath)
    {
        var id = postingId.ToString("D", CultureInfo.InvariantCulture);
        if (!outcome.IsDownloaded)
        {
            TryDelete(spoolPath);
            return new SigningOutcome(Name, id, SigningState.Expired, outcome.LastStatus?.Status.Value ?? PostingStatus.Expired.Value, null);
        }

        var download = outcome.Download!;
        return new SigningOutcome(Name, id, SigningState.Completed, outcome.LastStatus?.Status.Value, new[] { new SignedDocumentInfo(download.AttachmentId.ToString("D", CultureInfo.InvariantCulture), download.FileName) });
    }

    private string SpoolPath(Guid postingId) => Path.Combine(_options.SpoolDirectory, postingId.ToString("N", CultureInfo.InvariantCulture) + ".pdf");

    private static FileStream OpenSpool(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the next download attempt to overwrite.
        }
    }
}
