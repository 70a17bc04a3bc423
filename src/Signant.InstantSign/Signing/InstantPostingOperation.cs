using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Signant.InstantSign.Models;
using SigningClients.Core;
using SigningClients.Core.Operations;

namespace Signant.InstantSign.Signing;

/// <summary>
/// An instant posting until its signed document is saved: each poll reads the posting's status and, the moment it is
/// Completed (or CompletedPartially when allowed), downloads the attachment into the destination and verifies its MD5 —
/// inside the posting's 15-minute time to live. Expiry (status Expired, or error 4008) ends the operation as
/// <see cref="InstantPostingOutcomeKind.Expired"/>. Save <see cref="LongRunningOperation{T}.RehydrationToken"/> and
/// rebuild it with <see cref="Rehydrate"/> in another process: the posting's <see cref="LongRunningOperation{T}.Deadline"/>
/// tells a tracker when it must have polled.
/// </summary>
public sealed class InstantPostingOperation : ProviderOperation<ISignantClient, InstantPostingOutcome>
{
    /// <summary>The provider name in rehydration tokens.</summary>
    public const string ProviderName = "Signant";

    /// <summary>The operation kind in rehydration tokens.</summary>
    public const string KindName = "InstantPosting";

    private const string AttachmentIdName = "attachmentId";
    private const int MaxConsecutiveTransientFailures = 5;

    private readonly Func<Stream> _openDestination;
    private readonly bool _ownsDestination;
    private readonly WaitForCompletionOptions _options;
    private InstantPostingStatus? _last;
    private int _transientFailures;

    /// <summary>Creates the operation of an existing posting.</summary>
    /// <param name="client">The client.</param>
    /// <param name="postingId">The posting id.</param>
    /// <param name="attachmentId">The attachment id.</param>
    /// <param name="destination">Where the signed document goes (writable; not disposed). On an integrity failure its content is corrupt: discard it.</param>
    /// <param name="options">Partial-completion choice and polling; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock polling waits on; <see langword="null"/> for the client's (or the system) clock.</param>
    /// <exception cref="ArgumentException">An id is empty, the destination is not writable, or the polling breaks the TTL limit.</exception>
    public InstantPostingOperation(ISignantClient client, Guid postingId, Guid attachmentId, Stream destination, WaitForCompletionOptions? options = null, TimeProvider? timeProvider = null)
        : this(client, Token(postingId, attachmentId), destination, options, timeProvider)
    {
    }

    private InstantPostingOperation(ISignantClient client, OperationRehydrationToken token, Stream destination, WaitForCompletionOptions? options, TimeProvider? timeProvider)
        : this(client, token, CheckWritable(destination), false, options, timeProvider)
    {
    }

    /// <summary>Creates an operation whose destination is opened only when the document is ready (and disposed after the download).</summary>
    internal InstantPostingOperation(ISignantClient client, OperationRehydrationToken token, Func<Stream> openDestination, bool ownsDestination, WaitForCompletionOptions? options, TimeProvider? timeProvider)
        : base(client, token, timeProvider ?? (client as SignantClient)?.TimeProvider, (options ?? new WaitForCompletionOptions()).Polling ?? throw new ArgumentException("WaitForCompletionOptions.Polling cannot be null.", nameof(options)))
    {
        _openDestination = openDestination ?? throw new ArgumentNullException(nameof(openDestination));
        _ownsDestination = ownsDestination;
        _options = options ?? new WaitForCompletionOptions();
        ValidatePolling(_options.Polling);
        PostingId = Guid.Parse(token.Id);
        AttachmentId = Guid.Parse(token.GetId(AttachmentIdName));
    }

    /// <summary>The posting id.</summary>
    public Guid PostingId { get; }

    /// <summary>The attachment id.</summary>
    public Guid AttachmentId { get; }

    /// <summary>The last status read in this process, if any.</summary>
    public InstantPostingStatus? LastStatus => _last;

    /// <summary>Rebuilds the operation of a posting from its rehydration token (in this or another process).</summary>
    /// <param name="client">A client of the same Signant account.</param>
    /// <param name="token">The token.</param>
    /// <param name="destination">Where the signed document goes.</param>
    /// <param name="options">Partial-completion choice and polling.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the client's.</param>
    /// <returns>The operation (pending until its next poll, unless the token says it completed).</returns>
    /// <exception cref="ArgumentException">The token is not a Signant posting token.</exception>
    public static InstantPostingOperation Rehydrate(ISignantClient client, OperationRehydrationToken token, Stream destination, WaitForCompletionOptions? options = null, TimeProvider? timeProvider = null)
    {
        CheckToken(token, ProviderName, KindName);
        if (!Guid.TryParse(token.Id, out var postingId) || postingId == Guid.Empty ||
            !Guid.TryParse(token.GetId(AttachmentIdName), out var attachmentId) || attachmentId == Guid.Empty)
        {
            throw new ArgumentException("The Signant posting token carries no valid posting or attachment id.", nameof(token));
        }

        return new InstantPostingOperation(client, token, destination, options, timeProvider);
    }

    /// <summary>The rehydration token of a fresh posting operation.</summary>
    /// <param name="postingId">The posting id.</param>
    /// <param name="attachmentId">The attachment id.</param>
    /// <returns>The token.</returns>
    internal static OperationRehydrationToken Token(Guid postingId, Guid attachmentId)
    {
        if (postingId == Guid.Empty)
        {
            throw new ArgumentException("The posting id cannot be empty.", nameof(postingId));
        }

        if (attachmentId == Guid.Empty)
        {
            throw new ArgumentException("The attachment id cannot be empty.", nameof(attachmentId));
        }

        return new OperationRehydrationToken(ProviderName, KindName, postingId.ToString("D", CultureInfo.InvariantCulture), new[] { new System.Collections.Generic.KeyValuePair<string, string>(AttachmentIdName, attachmentId.ToString("D", CultureInfo.InvariantCulture)) });
    }

    /// <inheritdoc />
    protected override void ValidatePolling(PollingOptions polling)
    {
        if (polling.MaxInterval > WaitForCompletionOptions.MaxAllowedInterval)
        {
            throw new ArgumentException("Polling.MaxInterval cannot exceed " + WaitForCompletionOptions.MaxAllowedInterval + ": the posting (and its signed document) is deleted 15 minutes after the last action.", nameof(polling));
        }
    }

    /// <inheritdoc />
    protected override async ValueTask<OperationStep<InstantPostingOutcome>> PollAsync(CancellationToken cancellationToken)
    {
        InstantPostingStatus status;
        try
        {
            status = await Client.GetPostingStatusAsync(PostingId, cancellationToken).ConfigureAwait(false);
        }
        catch (SigningApiException ex) when (ex.IsPostingExpired())
        {
            return Expired();
        }
        catch (SigningApiException ex) when (ex.IsTransient && ++_transientFailures <= MaxConsecutiveTransientFailures)
        {
            // The pipeline already retried; keep polling rather than abandon a document that may be signed.
            (Client as SignantClient)?.OnPollFailed(PostingId, ex);
            return OperationStep<InstantPostingOutcome>.Pending(Status);
        }

        _transientFailures = 0;
        _last = status;
        (Client as SignantClient)?.OnPolled(PostingId, status);
        var deadline = status.WillBeDeletedDateTime ?? status.ActiveTo;
        bool done = status.Status == PostingStatus.Completed || (_options.DownloadWhenCompletedPartially && status.Status == PostingStatus.CompletedPartially);
        if (status.Status == PostingStatus.Expired)
        {
            return Expired();
        }

        if (!done)
        {
            return OperationStep<InstantPostingOutcome>.Pending(status.Status.Value, null, deadline);
        }

        var destination = _openDestination();
        try
        {
            var download = await Client.DownloadInstantAttachmentAsync(PostingId, AttachmentId, destination, cancellationToken).ConfigureAwait(false);
            return OperationStep<InstantPostingOutcome>.Completed(new InstantPostingOutcome(InstantPostingOutcomeKind.Downloaded, status, download), status.Status.Value);
        }
        catch (SigningApiException ex) when (ex.IsPostingExpired())
        {
            return Expired();
        }
        finally
        {
            if (_ownsDestination)
            {
#if NET8_0_OR_GREATER
                await destination.DisposeAsync().ConfigureAwait(false);
#else
                destination.Dispose();
#endif
            }
        }
    }

    private static Func<Stream> CheckWritable(Stream destination)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }

        return () => destination;
    }

    private OperationStep<InstantPostingOutcome> Expired()
    {
        (Client as SignantClient)?.OnExpired(PostingId);
        return OperationStep<InstantPostingOutcome>.Completed(new InstantPostingOutcome(InstantPostingOutcomeKind.Expired, _last, null), PostingStatus.Expired.Value);
    }
}
