using System;
using System.Collections.Generic;
using Trident.SignerProcess.Models;

namespace Trident.SignerProcess.Callbacks;

/// <summary>The status TRIDENT reports to the <c>finish_callback_url</c>.</summary>
public enum SignerProcessCallbackStatus
{
    /// <summary><c>finished</c>: the process finished and the document was signed.</summary>
    Finished = 0,

    /// <summary><c>failed</c>: the process finished but the document was not signed because of an error.</summary>
    Failed = 1,

    /// <summary><c>canceled</c>: the process was canceled; the document was not signed.</summary>
    Canceled = 2,
}

/// <summary>Why a callback was rejected.</summary>
public enum SignerProcessCallbackError
{
    /// <summary>The query is missing <c>status</c> or <c>signer_process_id</c>, or repeats one of them.</summary>
    Malformed = 0,

    /// <summary>The <c>status</c> is not <c>finished</c>, <c>failed</c> or <c>canceled</c>.</summary>
    UnknownStatus = 1,

    /// <summary>The <c>signer_process_id</c> is not the process this browser session started.</summary>
    ProcessMismatch = 2,

    /// <summary>TRIDENT's result operation reports the process as still running.</summary>
    NotConfirmed = 3,

    /// <summary>TRIDENT's result contradicts the status the callback claims.</summary>
    StatusMismatch = 4,
}

/// <summary>
/// A callback was rejected: malformed, forged (another process id, an unknown status) or not confirmed by TRIDENT.
/// Treat the browser request as untrusted; the message never repeats the raw query values.
/// </summary>
public sealed class SignerProcessCallbackException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">Why the callback was rejected.</param>
    /// <param name="message">The message.</param>
    public SignerProcessCallbackException(SignerProcessCallbackError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Why the callback was rejected.</summary>
    public SignerProcessCallbackError Error { get; }
}

/// <summary>
/// The request TRIDENT's pages make the user's browser send to the <c>finish_callback_url</c>
/// (<c>?status=finished|failed|canceled&amp;signer_process_id=…</c>). It arrives through the user's browser, so it
/// can be forged: check it with <see cref="EnsureFor"/> and confirm it with
/// <see cref="ITridentClient.ConfirmCallbackAsync"/> before acting on it.
/// </summary>
public sealed class SignerProcessCallback
{
    private SignerProcessCallback(SignerProcessCallbackStatus status, string signerProcessId)
    {
        Status = status;
        SignerProcessId = signerProcessId;
    }

    /// <summary>The status the callback claims.</summary>
    public SignerProcessCallbackStatus Status { get; }

    /// <summary>The process id the callback claims.</summary>
    public string SignerProcessId { get; }

    /// <summary>Parses the callback from the full request URL.</summary>
    /// <param name="callbackUrl">The URL the browser requested.</param>
    /// <returns>The callback.</returns>
    /// <exception cref="SignerProcessCallbackException">The query is malformed or the status unknown.</exception>
    public static SignerProcessCallback Parse(Uri callbackUrl)
    {
        if (callbackUrl is null)
        {
            throw new ArgumentNullException(nameof(callbackUrl));
        }

        return Parse(callbackUrl.IsAbsoluteUri ? callbackUrl.Query : QueryOf(callbackUrl.OriginalString));
    }

    /// <summary>Parses the callback from a query string (with or without the leading <c>?</c>) or a whole URL string.</summary>
    /// <param name="query">The query string, or the URL the browser requested.</param>
    /// <returns>The callback.</returns>
    /// <exception cref="SignerProcessCallbackException">The query is malformed or the status unknown.</exception>
    public static SignerProcessCallback Parse(string query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        if (query.IndexOf('?') >= 0)
        {
            query = QueryOf(query);
        }

        string? status = null;
        string? id = null;
        bool duplicate = false;
        foreach (var pair in ParseQuery(query))
        {
            if (string.Equals(pair.Key, "status", StringComparison.Ordinal))
            {
                duplicate |= status is not null;
                status = pair.Value;
            }
            else if (string.Equals(pair.Key, "signer_process_id", StringComparison.Ordinal))
            {
                duplicate |= id is not null;
                id = pair.Value;
            }
        }

        if (duplicate)
        {
            throw new SignerProcessCallbackException(SignerProcessCallbackError.Malformed, "The callback repeats 'status' or 'signer_process_id'.");
        }

        return FromValues(status, id);
    }

    /// <summary>Creates the callback from the two query values (for frameworks that already parsed the query).</summary>
    /// <param name="status">The <c>status</c> value.</param>
    /// <param name="signerProcessId">The <c>signer_process_id</c> value.</param>
    /// <returns>The callback.</returns>
    /// <exception cref="SignerProcessCallbackException">A value is missing or the status unknown.</exception>
    public static SignerProcessCallback FromValues(string? status, string? signerProcessId)
    {
        if (string.IsNullOrWhiteSpace(signerProcessId))
        {
            throw new SignerProcessCallbackException(SignerProcessCallbackError.Malformed, "The callback has no 'signer_process_id'.");
        }

        if (string.IsNullOrEmpty(status))
        {
            throw new SignerProcessCallbackException(SignerProcessCallbackError.Malformed, "The callback has no 'status'.");
        }

        var parsed = status switch
        {
            "finished" => SignerProcessCallbackStatus.Finished,
            "failed" => SignerProcessCallbackStatus.Failed,
            "canceled" => SignerProcessCallbackStatus.Canceled,
            _ => throw new SignerProcessCallbackException(SignerProcessCallbackError.UnknownStatus, "The callback status is not one of finished, failed or canceled."),
        };

        return new SignerProcessCallback(parsed, signerProcessId!);
    }

    /// <summary>Parses the callback and checks it belongs to <paramref name="expectedSignerProcessId"/>.</summary>
    /// <param name="callbackUrl">The URL the browser requested.</param>
    /// <param name="expectedSignerProcessId">The process this browser session started (kept server-side, e.g. in the session).</param>
    /// <returns>The callback.</returns>
    /// <exception cref="SignerProcessCallbackException">Malformed, unknown status or another process.</exception>
    public static SignerProcessCallback ParseAndVerify(Uri callbackUrl, string expectedSignerProcessId)
    {
        var callback = Parse(callbackUrl);
        callback.EnsureFor(expectedSignerProcessId);
        return callback;
    }

    /// <summary>Checks that the callback is about <paramref name="expectedSignerProcessId"/> (ordinal comparison).</summary>
    /// <param name="expectedSignerProcessId">The process this browser session started.</param>
    /// <exception cref="ArgumentException"><paramref name="expectedSignerProcessId"/> is empty.</exception>
    /// <exception cref="SignerProcessCallbackException">The callback names another process.</exception>
    public void EnsureFor(string expectedSignerProcessId)
    {
        if (string.IsNullOrWhiteSpace(expectedSignerProcessId))
        {
            throw new ArgumentException("The expected signer process id is required.", nameof(expectedSignerProcessId));
        }

        if (!string.Equals(SignerProcessId, expectedSignerProcessId, StringComparison.Ordinal))
        {
            throw new SignerProcessCallbackException(SignerProcessCallbackError.ProcessMismatch, "The callback names another signer process than the one this session started.");
        }
    }

    /// <summary>Whether a result reported by TRIDENT agrees with the status this callback claims.</summary>
    /// <param name="status">TRIDENT's result status.</param>
    /// <returns><see langword="true"/> when they agree (<c>failed</c> also agrees with <c>failed_documents</c>).</returns>
    public bool AgreesWith(SignerProcessStatus status) => Status switch
    {
        SignerProcessCallbackStatus.Finished => status == SignerProcessStatus.Finished,
        SignerProcessCallbackStatus.Failed => status == SignerProcessStatus.Failed || status == SignerProcessStatus.FailedDocuments,
        SignerProcessCallbackStatus.Canceled => status == SignerProcessStatus.Canceled,
        _ => false,
    };

    /// <inheritdoc />
    public override string ToString() => "SignerProcessCallback(" + Status + ", " + SignerProcessId + ")";

    private static string QueryOf(string url)
    {
        int question = url.IndexOf('?');
        if (question < 0)
        {
            return string.Empty;
        }

        int hash = url.IndexOf('#', question);
        return hash < 0 ? url.Substring(question) : url.Substring(question, hash - question);
    }

    private static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var text = query.StartsWith("?", StringComparison.Ordinal) ? query.Substring(1) : query;
        foreach (var segment in text.Split('&'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            int equals = segment.IndexOf('=');
            string name = equals < 0 ? segment : segment.Substring(0, equals);
            string value = equals < 0 ? string.Empty : segment.Substring(equals + 1);
            yield return new KeyValuePair<string, string>(Decode(name), Decode(value));
        }
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
