using System;
using Microsoft.Extensions.Logging;

namespace SigningClients.Core.Diagnostics;

/// <summary>Pre-compiled log events of the pipeline. Every text argument is redacted before it gets here.</summary>
internal static class Log
{
    private static readonly Action<ILogger, string, string, string, string, int, Exception?> SendingAttempt =
        LoggerMessage.Define<string, string, string, string, int>(LogLevel.Debug, new EventId(SigningEventIds.SendingAttempt, nameof(SigningEventIds.SendingAttempt)),
            "{Provider} {Operation}: sending {Method} {Uri} (attempt {Attempt})");

    private static readonly Action<ILogger, string, string, int, double, Exception?> ReceivedResponse =
        LoggerMessage.Define<string, string, int, double>(LogLevel.Debug, new EventId(SigningEventIds.ReceivedResponse, nameof(SigningEventIds.ReceivedResponse)),
            "{Provider} {Operation}: HTTP {Status} after {ElapsedMs:0.0} ms");

    private static readonly Action<ILogger, string, string, int, string, double, Exception?> RetryingAttempt =
        LoggerMessage.Define<string, string, int, string, double>(LogLevel.Warning, new EventId(SigningEventIds.Retrying, nameof(SigningEventIds.Retrying)),
            "{Provider} {Operation}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs:0} ms");

    private static readonly Action<ILogger, string, string, string, Exception?> OperationFailed =
        LoggerMessage.Define<string, string, string>(LogLevel.Warning, new EventId(SigningEventIds.OperationFailed, nameof(SigningEventIds.OperationFailed)),
            "{Provider} {Operation} failed: {Message}");

    private static readonly Action<ILogger, string, string, Exception?> Reauthenticating =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(SigningEventIds.Reauthenticating, nameof(SigningEventIds.Reauthenticating)),
            "{Provider} {Operation}: HTTP 401, refreshing credentials and resending once");

    private static readonly Action<ILogger, string, string, Exception?> CredentialsRefreshed =
        LoggerMessage.Define<string, string>(LogLevel.Debug, new EventId(SigningEventIds.CredentialsRefreshed, nameof(SigningEventIds.CredentialsRefreshed)),
            "{Provider}: {What} refreshed");

    public static void Sending(ILogger logger, string provider, string operation, string method, string uri, int attempt) =>
        SendingAttempt(logger, provider, operation, method, uri, attempt, null);

    public static void Received(ILogger logger, string provider, string operation, int status, double elapsedMs) =>
        ReceivedResponse(logger, provider, operation, status, elapsedMs, null);

    public static void Retrying(ILogger logger, string provider, string operation, int attempt, string reason, double delayMs) =>
        RetryingAttempt(logger, provider, operation, attempt, reason, delayMs, null);

    public static void Failed(ILogger logger, string provider, string operation, string message) =>
        OperationFailed(logger, provider, operation, message, null);

    public static void Reauthenticate(ILogger logger, string provider, string operation) =>
        Reauthenticating(logger, provider, operation, null);

    private static readonly Action<ILogger, string, string, Exception?> TokenCacheUnavailableEvent =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(SigningEventIds.TokenCacheUnavailable, nameof(SigningEventIds.TokenCacheUnavailable)),
            "{Provider}: the shared token cache failed ({ExceptionType}); fetching the token without it");

    private static readonly Action<ILogger, string, Exception?> TokenCacheEntryIgnoredEvent =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(SigningEventIds.TokenCacheEntryIgnored, nameof(SigningEventIds.TokenCacheEntryIgnored)),
            "{Provider}: a shared token cache entry is corrupt or cannot be decrypted; ignored, fetching a new token");

    public static void TokenCacheUnavailable(ILogger logger, string provider, string exceptionType) =>
        TokenCacheUnavailableEvent(logger, provider, exceptionType, null);

    public static void TokenCacheEntryIgnored(ILogger logger, string provider) =>
        TokenCacheEntryIgnoredEvent(logger, provider, null);

    public static void Refreshed(ILogger logger, string provider, string what) =>
        CredentialsRefreshed(logger, provider, what, null);
}
