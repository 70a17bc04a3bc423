using System;
using SigningClients.Core;

namespace AlphaTrust.Tasks;

/// <summary>
/// AlphaTrust's known errors: a predicate for each, read from <see cref="SigningApiException"/>. AlphaTrust reports
/// failures as <c>IsSuccessful = false</c> with a <c>Message</c> and documents no error codes.
/// </summary>
public static class AlphaTrustErrors
{
    /// <summary>
    /// Whether <paramref name="exception"/> says the transaction is gone: AlphaTrust answered 404 ("doesn't exist or isn't
    /// accessible"), or a transaction operation found no such transaction. A 404 for a task, document or participant
    /// the call addressed reads the same way. Trying again will not help.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for an AlphaTrust 404.</returns>
    public static bool IsTransactionGone(this SigningApiException exception) =>
        string.Equals((exception ?? throw new ArgumentNullException(nameof(exception))).Provider, AlphaTrustClient.ProviderName, StringComparison.Ordinal) &&
        exception.Status == 404;
}
