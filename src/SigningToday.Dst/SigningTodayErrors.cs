using System;
using SigningClients.Core;

namespace SigningToday.Dst;

/// <summary>
/// Signing Today's known errors: a predicate for each, read from <see cref="SigningApiException"/>. The error body is
/// <c>{code, message, target}</c>; the codes are server strings the API reference does not list, so the documented
/// statuses decide.
/// </summary>
public static class SigningTodayErrors
{
    /// <summary>
    /// Whether <paramref name="exception"/> says the DST is gone: Signing Today answered 404 (the DST was deleted or never
    /// existed; the same for a note, user, device or resource the call addressed). Trying again will not help.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for a Signing Today 404.</returns>
    public static bool IsDstGone(this SigningApiException exception) => Is(exception, 404);

    /// <summary>
    /// Whether <paramref name="exception"/> is Signing Today's 409 "illegal status": the DST is not in a status that allows
    /// the call (for example publishing a DST that is already published).
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for a Signing Today 409.</returns>
    public static bool IsIllegalStatus(this SigningApiException exception) => Is(exception, 409);

    private static bool Is(SigningApiException exception, int status) =>
        string.Equals((exception ?? throw new ArgumentNullException(nameof(exception))).Provider, SigningTodayClient.ProviderName, StringComparison.Ordinal) &&
        exception.Status == status;
}
