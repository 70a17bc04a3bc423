using System;
using SigningClients.Core;

namespace ConsignO.Workflows;

/// <summary>
/// ConsignO's known errors: the codes as they appear in <see cref="SigningApiException.ErrorCode"/> (the symbolic name
/// from a message such as <c>[5004 - ENTITY_NOT_FOUND] …</c>, else the numeric code) and a predicate for each.
/// </summary>
public static class ConsignOErrors
{
    /// <summary><c>5004 - ENTITY_NOT_FOUND</c>: the workflow, document or action the call addressed does not exist (or was deleted).</summary>
    public const string EntityNotFound = "ENTITY_NOT_FOUND";

    /// <summary>
    /// Whether <paramref name="exception"/> says the workflow is gone: ConsignO answered <see cref="EntityNotFound"/> or
    /// 404 (the workflow was deleted or never existed; the same for a document or action the call addressed). Trying
    /// again will not help.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for a ConsignO ENTITY_NOT_FOUND or 404.</returns>
    public static bool IsWorkflowGone(this SigningApiException exception) =>
        string.Equals((exception ?? throw new ArgumentNullException(nameof(exception))).Provider, ConsignOClient.ProviderName, StringComparison.Ordinal) &&
        (exception.Status == 404 || string.Equals(exception.ErrorCode, EntityNotFound, StringComparison.Ordinal));
}
