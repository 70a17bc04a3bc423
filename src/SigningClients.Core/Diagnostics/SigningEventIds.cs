namespace SigningClients.Core.Diagnostics;

/// <summary>
/// The stable <see cref="Microsoft.Extensions.Logging.EventId"/> numbers of every log event the SigningClients packages
/// write (one registry for all packages, so no two events share a number). Logs go to the category
/// <c>SigningClients.{Provider}</c>. These numbers never change meaning; alert on them rather than on message text.
/// </summary>
public static class SigningEventIds
{
    /// <summary>Debug: an HTTP request is about to be sent (method, redacted URI, attempt number).</summary>
    public const int SendingAttempt = 1;

    /// <summary>Debug: response headers arrived (status, elapsed milliseconds).</summary>
    public const int ReceivedResponse = 2;

    /// <summary>Warning: an attempt failed transiently and is retried after a delay.</summary>
    public const int Retrying = 3;

    /// <summary>Warning: an operation failed; the message is the redacted <c>SigningApiException</c> message.</summary>
    public const int OperationFailed = 4;

    /// <summary>Information: the provider answered 401; credentials are refreshed and the request is resent once.</summary>
    public const int Reauthenticating = 5;

    /// <summary>Debug: credentials (an access token) were refreshed.</summary>
    public const int CredentialsRefreshed = 6;

    /// <summary>Warning: the shared token cache could not be read or written (the exception type is logged, never its message); a token is fetched as if there were no cache.</summary>
    public const int TokenCacheUnavailable = 7;

    /// <summary>Warning: a shared token cache entry was corrupt or could not be decrypted; it is ignored and a fresh token fetched.</summary>
    public const int TokenCacheEntryIgnored = 8;

    /// <summary>Debug (Signant): the status of a polled posting and when it expires.</summary>
    public const int SignantPostingStatus = 5001;

    /// <summary>Warning (Signant): a posting expired before it was completed; its document is gone.</summary>
    public const int SignantPostingExpired = 5002;

    /// <summary>Warning (Signant): polling a posting failed transiently; polling continues.</summary>
    public const int SignantPollFailed = 5003;
}
