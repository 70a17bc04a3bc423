using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Signant.InstantSign.Models;
using SigningClients.Core;

namespace Signant.InstantSign;

/// <summary>
/// Client of Signant's instant signature service (SOAP): create a posting that the recipients sign at once, check its
/// status, and download the signed document before the posting expires (15 minutes after the last action).
/// Thread-safe; register it as a singleton.
/// </summary>
public interface ISignantClient
{
    /// <summary>
    /// Creates an instant signature posting (CreateInstantPosting). The PDF is streamed from
    /// <see cref="InstantAttachment.File"/> as base64 and never buffered; the call is not retried once the body was sent
    /// (it is not idempotent).
    /// </summary>
    /// <param name="posting">The posting.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The posting id, the attachment id and one signing URL per recipient.</returns>
    /// <exception cref="ArgumentException">The posting is invalid (checked before any request is sent).</exception>
    /// <exception cref="SigningApiException">The call failed; <c>Success=false</c> is <see cref="SigningFailureKind.ProviderError"/> with the provider's code and message.</exception>
    Task<CreateInstantPostingResult> CreateInstantPostingAsync(InstantPosting posting, CancellationToken cancellationToken = default);

    /// <summary>Reads the posting's status (GetPostingStatus).</summary>
    /// <param name="postingId">The posting id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The status with all counters and dates.</returns>
    /// <exception cref="SigningApiException">The call failed. Error code 4008 (<see cref="SignantErrors.IsPostingGone"/>) means the posting expired and was deleted.</exception>
    Task<InstantPostingStatus> GetPostingStatusAsync(Guid postingId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads the (signed) attachment (DownloadInstantAttachment), decoding the base64 file in chunks straight into
    /// <paramref name="destination"/> while computing its MD5, which must match the <c>FileHash</c> Signant sent.
    /// </summary>
    /// <param name="postingId">The posting id.</param>
    /// <param name="attachmentId">The attachment id from <see cref="CreateInstantPostingResult.AttachmentId"/>.</param>
    /// <param name="destination">The caller's writable stream (not disposed). On an integrity failure its content is corrupt: discard it.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The attachment's metadata and the verified hash.</returns>
    /// <exception cref="SigningApiException">The call failed; <see cref="SigningFailureKind.IntegrityFailure"/> when the MD5 does not match (or is missing while <see cref="SignantClientOptions.RequireFileHash"/> is set).</exception>
    Task<InstantAttachmentDownload> DownloadInstantAttachmentAsync(Guid postingId, Guid attachmentId, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls the posting's status at an interval that stays well inside the 15-minute TTL (at most every
    /// <see cref="WaitForCompletionOptions.MaxAllowedInterval"/>) and downloads the document into
    /// <paramref name="destination"/> the moment the status is Completed (or CompletedPartially when allowed). A posting
    /// that expires first (status Expired, or error 4008) ends as <see cref="InstantPostingOutcomeKind.Expired"/>, not as an exception.
    /// </summary>
    /// <param name="postingId">The posting id.</param>
    /// <param name="attachmentId">The attachment id.</param>
    /// <param name="destination">The caller's writable stream (not disposed).</param>
    /// <param name="options">Polling options; <see langword="null"/> for the client's <see cref="SigningClients.Core.SigningClientOptions.Polling"/> (2 s growing to 30 s, overall timeout 1 hour).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Downloaded (with the verified download) or Expired.</returns>
    /// <exception cref="SigningApiException">A call failed for another reason than expiry.</exception>
    /// <exception cref="TimeoutException">The optional overall polling timeout passed.</exception>
    Task<InstantPostingOutcome> WaitForCompletionAndDownloadAsync(Guid postingId, Guid attachmentId, Stream destination, WaitForCompletionOptions? options = null, CancellationToken cancellationToken = default);
}
