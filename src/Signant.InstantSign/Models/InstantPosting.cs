using System;
using System.Collections.Generic;

namespace Signant.InstantSign.Models;

/// <summary>An instant signature posting to create (<c>InstantPosting</c>): one PDF signed at once by the recipients who are present.</summary>
public sealed class InstantPosting
{
    /// <summary>External system reference, for tracking which of your systems created the posting (e.g. <c>OrderTerms</c>).</summary>
    public string? DistributorSystemId { get; set; }

    /// <summary>Title of the posting. Required.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Short description of the posting.</summary>
    public string? Description { get; set; }

    /// <summary>Whether a visible signature widget is added to the PDF.</summary>
    public bool UseWidget { get; set; }

    /// <summary>The signatories; at least one, each with a name. Each gets its own signing URL.</summary>
    public IReadOnlyList<InstantPostingRecipient> Recipients { get; set; } = Array.Empty<InstantPostingRecipient>();

    /// <summary>The PDF to sign. Required.</summary>
    public InstantAttachment AttachmentToSign { get; set; } = null!;

    /// <summary>What the signing page does after signing. Default <see cref="AfterSignAction.NoAction"/>.</summary>
    public AfterSignAction AfterSignAction { get; set; } = AfterSignAction.NoAction;

    /// <summary>Where to redirect after signing; required when <see cref="AfterSignAction"/> is <see cref="AfterSignAction.Redirect"/>.</summary>
    public Uri? AfterSignRedirectUrl { get; set; }

    /// <summary>Redirect delay in seconds; not together with <see cref="AfterSignRedirectCaption"/>.</summary>
    public int? AfterSignRedirectDelay { get; set; }

    /// <summary>Caption of the redirect link when no delay is set; not together with <see cref="AfterSignRedirectDelay"/>.</summary>
    public string? AfterSignRedirectCaption { get; set; }

    /// <summary>Where the user goes when cancelling the signing; must be https.</summary>
    public Uri? CancelUrl { get; set; }

    /// <inheritdoc />
    public override string ToString() => "InstantPosting { Title = " + Title + ", Recipients = " + (Recipients?.Count ?? 0) + " }";
}

/// <summary>A signatory of an instant posting (<c>InstantPostingRecipient</c>).</summary>
public sealed class InstantPostingRecipient
{
    /// <summary>Full name of the recipient. Required.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>E-mail address of the recipient.</summary>
    public string? Email { get; set; }

    /// <summary>
    /// Social security number of the recipient (you need the recipient's permission to use it). A secret: never logged,
    /// never shown by <see cref="ToString"/>.
    /// </summary>
    public string? Ssn { get; set; }

    /// <summary>Minimum age; signing is cancelled when the person is younger.</summary>
    public int? MinimumAge { get; set; }

    /// <summary>Maximum age; signing is cancelled when the person is older.</summary>
    public int? MaximumAge { get; set; }

    /// <summary>Required date of birth; signing is cancelled when the person's differs.</summary>
    public DateTime? DateOfBirthRequired { get; set; }

    /// <inheritdoc />
    public override string ToString() => "InstantPostingRecipient { Name = " + Name + ", Ssn = " + (Ssn is null ? "(none)" : "***") + " }";
}

/// <summary>
/// The document of an instant posting (<c>Attachment</c>). <see cref="File"/> is streamed into the request as base64 and
/// never buffered; it is not disposed by the SDK. A non-seekable stream makes the create call non-retryable.
/// </summary>
public sealed class InstantAttachment
{
    /// <summary>The PDF, positioned at its first byte. Required; must start with <c>%PDF-</c>.</summary>
    public System.IO.Stream File { get; set; } = null!;

    /// <summary>Name of the file. Required.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>Short description of the file.</summary>
    public string? Description { get; set; }

    /// <summary>What to do with the file; must be <see cref="AttachmentActionType.Sign"/> (the default).</summary>
    public AttachmentActionType ActionType { get; set; } = AttachmentActionType.Sign;

    /// <summary>Where the user goes when cancelling (BankID requires https).</summary>
    public Uri? CancelUrl { get; set; }

    /// <inheritdoc />
    public override string ToString() => "InstantAttachment { FileName = " + FileName + " }";
}
