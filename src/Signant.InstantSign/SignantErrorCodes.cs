using System;
using SigningClients.Core;

namespace Signant.InstantSign;

/// <summary>
/// Error codes of Signant's instant signature service, as they appear in <see cref="SigningApiException.ErrorCode"/>.
/// Only 4008 is documented by Signant; any other code is passed through unchanged.
/// </summary>
public static class SignantErrorCodes
{
    /// <summary>
    /// 4008 "Incorrect postingID": for an instant posting this means it <b>expired and was deleted</b> together with its
    /// document (or the id never existed). Nothing can be downloaded any more; create a new posting.
    /// </summary>
    public const string PostingExpiredOrNotFound = "4008";

    /// <summary>Whether <paramref name="exception"/> is Signant's error 4008 (posting expired and deleted).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for a Signant 4008 provider error.</returns>
    public static bool IsPostingExpired(this SigningApiException exception)
    {
        if (exception is null)
        {
            throw new ArgumentNullException(nameof(exception));
        }

        return string.Equals(exception.Provider, SignantClient.ProviderName, StringComparison.Ordinal) &&
            string.Equals(exception.ErrorCode, PostingExpiredOrNotFound, StringComparison.Ordinal);
    }
}
