using System;
using SigningClients.Core;

namespace Signant.InstantSign;

/// <summary>
/// Signant's known errors: the codes as they appear in <see cref="SigningApiException.ErrorCode"/> and a predicate for
/// each. Only 4008 is documented by Signant; any other code is passed through unchanged.
/// </summary>
public static class SignantErrors
{
    /// <summary>
    /// 4008 "Incorrect postingID": for an instant posting this means it <b>expired and was deleted</b> together with its
    /// document (or the id never existed). Nothing can be downloaded any more; create a new posting.
    /// </summary>
    public const string PostingExpiredOrNotFound = "4008";

    /// <summary>
    /// Whether <paramref name="exception"/> says the posting is gone: Signant's error 4008 (the posting expired and was
    /// deleted with its document, or never existed). Trying again will not help.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for a Signant 4008 provider error.</returns>
    public static bool IsPostingGone(this SigningApiException exception) =>
        string.Equals((exception ?? throw new ArgumentNullException(nameof(exception))).Provider, SignantClient.ProviderName, StringComparison.Ordinal) &&
        string.Equals(exception.ErrorCode, PostingExpiredOrNotFound, StringComparison.Ordinal);
}
