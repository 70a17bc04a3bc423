using System;
using SigningClients.Core;

namespace Signant.InstantSign.Models;

/// <summary>Options of <see cref="ISignantClient.WaitForCompletionAndDownloadAsync"/>.</summary>
public sealed class WaitForCompletionOptions
{
    /// <summary>The longest allowed <see cref="PollingOptions.MaxInterval"/>: 5 minutes, as Signant recommends, a third of the 15-minute TTL.</summary>
    public static readonly TimeSpan MaxAllowedInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a <see cref="PostingStatus.CompletedPartially"/> posting is downloaded at once (some recipients signed).
    /// Default <see langword="false"/>: keep waiting for <see cref="PostingStatus.Completed"/>.
    /// </summary>
    public bool DownloadWhenCompletedPartially { get; set; }

    /// <summary>
    /// Polling intervals. Default: first poll at once, then 2 s growing by 1.5 up to 30 s, and an overall timeout of
    /// 1 hour (<see cref="SigningClientOptions.DefaultWaitTimeout"/>, as every wait of the SDK; an unsigned posting ends
    /// as expired within 15 minutes of the last action anyway). <see cref="PollingOptions.MaxInterval"/> may not exceed
    /// <see cref="MaxAllowedInterval"/>.
    /// </summary>
    public PollingOptions Polling { get; set; } = new() { InitialInterval = TimeSpan.FromSeconds(2), MaxInterval = TimeSpan.FromSeconds(30), BackoffMultiplier = 1.5, Timeout = SigningClientOptions.DefaultWaitTimeout };
}

/// <summary>How <see cref="ISignantClient.WaitForCompletionAndDownloadAsync"/> ended.</summary>
public enum InstantPostingOutcomeKind
{
    /// <summary>The posting was completed (or partially, when allowed) and its document was downloaded and verified.</summary>
    Downloaded = 0,

    /// <summary>
    /// The posting expired before it was completed (status Expired, or error 4008: expired and deleted). Nothing was
    /// downloaded; the posting and its document are gone. Create a new posting to try again.
    /// </summary>
    Expired = 1,
}

/// <summary>The result of <see cref="ISignantClient.WaitForCompletionAndDownloadAsync"/>.</summary>
public sealed class InstantPostingOutcome
{
    /// <summary>Creates an outcome.</summary>
    /// <param name="kind">How it ended.</param>
    /// <param name="lastStatus">The last status read, if any (none when the first poll already answered 4008).</param>
    /// <param name="download">The download, when <paramref name="kind"/> is <see cref="InstantPostingOutcomeKind.Downloaded"/>.</param>
    public InstantPostingOutcome(InstantPostingOutcomeKind kind, InstantPostingStatus? lastStatus, InstantAttachmentDownload? download)
    {
        Kind = kind;
        LastStatus = lastStatus;
        Download = download;
    }

    /// <summary>How it ended.</summary>
    public InstantPostingOutcomeKind Kind { get; }

    /// <summary>Whether the document was downloaded.</summary>
    public bool IsDownloaded => Kind == InstantPostingOutcomeKind.Downloaded;

    /// <summary>Whether the posting expired (and was or will be deleted) before the document could be downloaded.</summary>
    public bool IsExpired => Kind == InstantPostingOutcomeKind.Expired;

    /// <summary>The last status read.</summary>
    public InstantPostingStatus? LastStatus { get; }

    /// <summary>The verified download, when <see cref="IsDownloaded"/>.</summary>
    public InstantAttachmentDownload? Download { get; }

    /// <inheritdoc />
    public override string ToString() => "InstantPostingOutcome { Kind = " + Kind + ", Status = " + LastStatus?.Status + " }";
}
