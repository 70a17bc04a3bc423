using System;
using System.Collections.Generic;
using System.Linq;
using Signant.InstantSign.Models;

namespace Signant.InstantSign;

/// <summary>
/// Builds every model an <see cref="ISignantClient"/> returns, for tests of your own code (e.g. a substitute that
/// returns a <see cref="CreateInstantPostingResult"/>), in the manner of the Azure SDK's model factories.
/// <see cref="InstantPostingOutcome"/> has a public constructor.
/// </summary>
public static class SignantModelFactory
{
    /// <summary>Builds the answer of <c>CreateInstantPosting</c>.</summary>
    /// <param name="postingId">The posting id.</param>
    /// <param name="attachmentId">The attachment id.</param>
    /// <param name="signUrls">The signing URLs, one per recipient.</param>
    /// <param name="success">The service's <c>Success</c>.</param>
    /// <param name="errorCode">The service's <c>ErrorCode</c>.</param>
    /// <param name="message">The service's <c>Message</c>.</param>
    /// <returns>The result.</returns>
    public static CreateInstantPostingResult CreateInstantPostingResult(
        Guid postingId = default,
        Guid attachmentId = default,
        IEnumerable<UrlToSigning>? signUrls = null,
        bool success = true,
        int errorCode = 0,
        string? message = null) =>
        new()
        {
            PostingId = postingId,
            AttachmentId = attachmentId,
            SignUrls = (signUrls ?? Array.Empty<UrlToSigning>()).ToList().AsReadOnly(),
            Success = success,
            ErrorCode = errorCode,
            Message = message,
        };

    /// <summary>Builds one recipient's signing URL.</summary>
    /// <param name="name">The recipient's name.</param>
    /// <param name="url">The URL.</param>
    /// <returns>The signing URL.</returns>
    public static UrlToSigning UrlToSigning(string? name = null, Uri? url = null) => new() { Name = name, Url = url };

    /// <summary>Builds a posting status.</summary>
    /// <param name="postingId">The posting id.</param>
    /// <param name="status">The status.</param>
    /// <param name="activeTo">When the posting expires.</param>
    /// <param name="totalDocsToSign">Documents to sign.</param>
    /// <param name="totalDocsSigned">Documents signed.</param>
    /// <param name="postingType">The posting type; <see cref="PostingType.InstantSign"/> when omitted.</param>
    /// <param name="title">The title.</param>
    /// <param name="completedDateTime">When it completed.</param>
    /// <returns>The status.</returns>
    public static InstantPostingStatus InstantPostingStatus(
        Guid postingId = default,
        PostingStatus status = default,
        DateTimeOffset? activeTo = null,
        int totalDocsToSign = 0,
        int totalDocsSigned = 0,
        PostingType? postingType = null,
        string? title = null,
        DateTimeOffset? completedDateTime = null) =>
        new()
        {
            Success = true,
            PostingId = postingId,
            Status = status,
            ActiveTo = activeTo,
            TotalDocsToSign = totalDocsToSign,
            TotalDocsSigned = totalDocsSigned,
            PostingType = postingType ?? PostingType.InstantSign,
            Title = title,
            CompletedDateTime = completedDateTime,
        };

    /// <summary>Builds the summary of a downloaded attachment.</summary>
    /// <param name="attachmentId">The attachment id.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="length">The number of bytes written.</param>
    /// <param name="fileHash">The service's MD5 (<c>FileHash</c>).</param>
    /// <param name="computedHash">The MD5 computed over the bytes written.</param>
    /// <param name="hashVerified">Whether the two agree.</param>
    /// <returns>The download summary.</returns>
    public static InstantAttachmentDownload InstantAttachmentDownload(
        Guid attachmentId = default,
        string? fileName = null,
        long length = 0,
        string? fileHash = null,
        string computedHash = "",
        bool hashVerified = false) =>
        new()
        {
            Success = true,
            AttachmentId = attachmentId,
            FileName = fileName,
            Length = length,
            FileHash = fileHash,
            ComputedHash = computedHash ?? string.Empty,
            HashVerified = hashVerified,
        };
}
