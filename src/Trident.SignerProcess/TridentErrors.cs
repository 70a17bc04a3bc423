using System;
using SigningClients.Core;

namespace Trident.SignerProcess;

/// <summary>
/// TRIDENT's known errors: a predicate for each, read from <see cref="SigningApiException"/>. TRIDENT documents no
/// error codes (its error body shape is not documented); <see cref="SigningApiException.ErrorCode"/> carries whatever
/// <c>code</c> or OAuth2 <c>error</c> it sends.
/// </summary>
public static class TridentErrors
{
    /// <summary>
    /// Whether <paramref name="exception"/> says the signer process is gone: TRIDENT answered <c>410 Gone</c> (the process
    /// was deleted or never created). Unlike 404 on the result operation (the process is still running), trying again
    /// will not help.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for a TRIDENT 410 answer.</returns>
    public static bool IsSignerProcessGone(this SigningApiException exception) =>
        string.Equals((exception ?? throw new ArgumentNullException(nameof(exception))).Provider, TridentClient.ProviderName, StringComparison.Ordinal) &&
        exception.Status == 410;
}
