using System;
using System.Collections.Generic;

namespace Signant.InstantSign.Models;

/// <summary>The fields every Signant response carries. A response the SDK returns always has <see cref="Success"/> = <see langword="true"/>: failures throw.</summary>
public abstract class SignantResult
{
    /// <summary>Result of the call.</summary>
    public bool Success { get; set; }

    /// <summary>Error or validation code (0 on success).</summary>
    public int ErrorCode { get; set; }

    /// <summary>Error or validation message, if any.</summary>
    public string? Message { get; set; }

    /// <summary>Response elements this SDK version does not know (local name → text), kept so that nothing is lost.</summary>
    public IReadOnlyDictionary<string, string> AdditionalElements { get; set; } = EmptyElements;

    internal static readonly IReadOnlyDictionary<string, string> EmptyElements = new Dictionary<string, string>();
}

/// <summary>The answer of CreateInstantPosting (<c>CreateInstantPostingResponse</c>).</summary>
public sealed class CreateInstantPostingResult : SignantResult
{
    /// <summary>Id of the new posting.</summary>
    public Guid PostingId { get; set; }

    /// <summary>Id of the attachment Signant created (needed to download the signed document).</summary>
    public Guid AttachmentId { get; set; }

    /// <summary>One signing URL per recipient.</summary>
    public IReadOnlyList<UrlToSigning> SignUrls { get; set; } = Array.Empty<UrlToSigning>();

    /// <inheritdoc />
    public override string ToString() => "CreateInstantPostingResult { PostingId = " + PostingId + ", AttachmentId = " + AttachmentId + ", SignUrls = " + SignUrls.Count + " }";
}

/// <summary>A recipient's signing page (<c>UrlToSigning</c>).</summary>
public sealed class UrlToSigning
{
    /// <summary>Name of the person to sign (from the recipient).</summary>
    public string? Name { get; set; }

    /// <summary>
    /// URL of the signature page; send the user's browser there. <see langword="null"/> when the answer carried none, or
    /// one that is unsafe for a browser (not https — http only on loopback —, user info; see
    /// <see cref="SigningClients.Core.Security.SafeUrl"/>).
    /// </summary>
    public Uri? Url { get; set; }

    /// <inheritdoc />
    public override string ToString() => "UrlToSigning { Name = " + Name + " }";
}

/// <summary>The answer of GetPostingStatus (<c>GetPostingStatusResponse</c>).</summary>
public sealed class InstantPostingStatus : SignantResult
{
    /// <summary>Posting id.</summary>
    public Guid PostingId { get; set; }

    /// <summary>Status: Sent, Completed, CompletedPartially, Expired.</summary>
    public PostingStatus Status { get; set; }

    /// <summary>Total documents to be signed.</summary>
    public int TotalDocsToSign { get; set; }

    /// <summary>Documents every recipient has signed.</summary>
    public int TotalDocsSigned { get; set; }

    /// <summary>Documents at least one recipient rejected.</summary>
    public int TotalDocsRejected { get; set; }

    /// <summary>Signing request count.</summary>
    public int ToBeSignedCount { get; set; }

    /// <summary>Number of completed signatures.</summary>
    public int SignatureCount { get; set; }

    /// <summary>Posting activation status.</summary>
    public bool Activated { get; set; }

    /// <summary>Posting type (InstantSign for this service).</summary>
    public PostingType PostingType { get; set; }

    /// <summary>When the posting expires (moved 15 minutes ahead when signing starts and when it ends).</summary>
    public DateTimeOffset? ActiveTo { get; set; }

    /// <summary>When the posting was created.</summary>
    public DateTimeOffset? CreatedDateTime { get; set; }

    /// <summary>When the posting was last modified.</summary>
    public DateTimeOffset? LastModifiedDateTime { get; set; }

    /// <summary>When the posting will be deleted (with its document).</summary>
    public DateTimeOffset? WillBeDeletedDateTime { get; set; }

    /// <summary>Title of the posting.</summary>
    public string? Title { get; set; }

    /// <summary>Description of the posting.</summary>
    public string? Description { get; set; }

    /// <summary>Default language code.</summary>
    public string? DefaultLanguage { get; set; }

    /// <summary>When the posting was completed.</summary>
    public DateTimeOffset? CompletedDateTime { get; set; }

    /// <summary>Not in use by the instant service.</summary>
    public DateTimeOffset? LastReminderDateTime { get; set; }

    /// <summary>Not in use by the instant service.</summary>
    public int TotalDocsToRead { get; set; }

    /// <summary>Not in use by the instant service.</summary>
    public int TotalDocsRead { get; set; }

    /// <summary>Not in use by the instant service.</summary>
    public int TotalDocsToUpload { get; set; }

    /// <summary>Not in use by the instant service.</summary>
    public int TotalDocsUploaded { get; set; }

    /// <inheritdoc />
    public override string ToString() => "InstantPostingStatus { PostingId = " + PostingId + ", Status = " + Status + ", ActiveTo = " + ActiveTo + " }";
}

/// <summary>
/// The answer of DownloadInstantAttachment (<c>DownloadInstantAttachmentResponse</c>) without the file itself, which
/// was streamed into the caller's stream and checked against <see cref="FileHash"/>.
/// </summary>
public sealed class InstantAttachmentDownload : SignantResult
{
    /// <summary>Attachment id.</summary>
    public Guid AttachmentId { get; set; }

    /// <summary>Name of the file.</summary>
    public string? FileName { get; set; }

    /// <summary>Attachment description.</summary>
    public string? Description { get; set; }

    /// <summary>The MD5 checksum Signant sent.</summary>
    public string? FileHash { get; set; }

    /// <summary>The MD5 of the bytes written to the caller's stream, lower-case hex.</summary>
    public string ComputedHash { get; set; } = string.Empty;

    /// <summary>Whether <see cref="FileHash"/> was present and matched <see cref="ComputedHash"/>.</summary>
    public bool HashVerified { get; set; }

    /// <summary>Number of bytes written to the caller's stream.</summary>
    public long Length { get; set; }

    /// <inheritdoc />
    public override string ToString() => "InstantAttachmentDownload { AttachmentId = " + AttachmentId + ", FileName = " + FileName + ", Length = " + Length + ", HashVerified = " + HashVerified + " }";
}
