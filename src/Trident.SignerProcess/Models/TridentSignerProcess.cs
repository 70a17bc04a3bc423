using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trident.SignerProcess.Models;

/// <summary>A signer process as TRIDENT represents it (creation and reading answers).</summary>
public sealed class TridentSignerProcess
{
    /// <summary>The process id (<c>id</c>).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The process URL (<c>self</c>).</summary>
    public Uri? Self { get; set; }

    /// <summary>The process type (<c>process_type</c>).</summary>
    public SignerProcessType? ProcessType { get; set; }

    /// <summary>The tasks of the process (<c>tasks</c>); right after creation it holds one pending <c>UserBrowserTask</c>.</summary>
    public SignerProcessTasks? Tasks { get; set; }

    /// <summary>The documents of the process (<c>documents</c>).</summary>
    public IReadOnlyList<SignerProcessDocument>? Documents { get; set; }

    /// <summary>Information about the signature once made (<c>signing_information</c>); deployment-specific.</summary>
    public JsonElement? SigningInformation { get; set; }

    /// <summary>The result, once the process has ended (<c>result</c>).</summary>
    public SignerProcessResult? Result { get; set; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>
    /// The URL the user's browser must be redirected to (with <c>302 Found</c>) to execute the process: the
    /// <c>url</c> of the only pending <see cref="SignerProcessTaskType.UserBrowserTask"/>.
    /// </summary>
    /// <returns>The absolute execution URL.</returns>
    /// <exception cref="InvalidOperationException">
    /// There is no pending <c>UserBrowserTask</c>, more than one, or its URL is missing or unsafe for a browser (only
    /// absolute https, or http on loopback, without user info — see <see cref="SigningClients.Core.Security.SafeUrl"/>;
    /// for example the process was already executed, or this is a reading of a finished process).
    /// </exception>
    public Uri GetExecutionUrl()
    {
        if (TryGetExecutionUrl(out var url, out var problem))
        {
            return url!;
        }

        throw new InvalidOperationException("Signer process '" + Id + "' cannot be executed: " + problem);
    }

    /// <summary>Gets the execution URL without throwing; see <see cref="GetExecutionUrl"/>.</summary>
    /// <param name="url">The execution URL.</param>
    /// <returns>Whether exactly one pending <c>UserBrowserTask</c> with a safe URL exists.</returns>
    public bool TryGetExecutionUrl(out Uri? url) => TryGetExecutionUrl(out url, out _);

    private bool TryGetExecutionUrl(out Uri? url, out string problem)
    {
        url = null;
        SignerProcessTask? found = null;
        int count = 0;
        if (Tasks?.Pending is { } pending)
        {
            foreach (var task in pending)
            {
                if (task is not null && task.Type == SignerProcessTaskType.UserBrowserTask)
                {
                    found = task;
                    count++;
                }
            }
        }

        if (count == 0)
        {
            problem = "it has no pending UserBrowserTask (it was already executed or has ended).";
            return false;
        }

        if (count > 1)
        {
            problem = "it has " + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " pending UserBrowserTasks; exactly one was expected.";
            return false;
        }

        if (!SigningClients.Core.Security.SafeUrl.IsSafe(found!.Url, out var unsafeReason))
        {
            problem = "its pending UserBrowserTask has no usable URL: " + unsafeReason;
            return false;
        }

        url = found.Url;
        problem = string.Empty;
        return true;
    }
}

/// <summary>The tasks of a signer process (<c>tasks</c>).</summary>
public sealed class SignerProcessTasks
{
    /// <summary>Pending tasks (<c>pending</c>).</summary>
    public IReadOnlyList<SignerProcessTask>? Pending { get; set; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A task of a signer process.</summary>
public sealed class SignerProcessTask
{
    /// <summary>The task type (<c>type</c>).</summary>
    public SignerProcessTaskType Type { get; set; }

    /// <summary>The task id (<c>id</c>).</summary>
    public string? Id { get; set; }

    /// <summary>The task URL (<c>url</c>); for a <c>UserBrowserTask</c>, where the user's browser goes.</summary>
    public Uri? Url { get; set; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A document of a signer process.</summary>
public sealed class SignerProcessDocument
{
    /// <summary>The document id (<c>id</c>).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The document URL (<c>url</c>).</summary>
    public Uri? Url { get; set; }

    /// <summary>The URL of the document's content (<c>content</c>): the signed bytes once signed.</summary>
    public Uri? Content { get; set; }

    /// <summary>The document's own result (<c>result</c>), once the process has ended.</summary>
    public SignerProcessResult? Result { get; set; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The result of a signer process or a document (<c>{status, details {message}}</c>).</summary>
public sealed class SignerProcessResult
{
    /// <summary>The status (<c>status</c>).</summary>
    public SignerProcessStatus Status { get; set; }

    /// <summary>Details (<c>details</c>), e.g. an error message.</summary>
    public SignerProcessResultDetails? Details { get; set; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <inheritdoc />
    public override string ToString() => Details?.Message is { Length: > 0 } message ? Status + ": " + message : Status.ToString();
}

/// <summary>Result details (<c>details</c>).</summary>
public sealed class SignerProcessResultDetails
{
    /// <summary>A message (<c>message</c>).</summary>
    public string? Message { get; set; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// The answer of the result operation: either the process is still running (TRIDENT answered 404) or it has ended
/// with a <see cref="Result"/>.
/// </summary>
public sealed class SignerProcessResultState
{
    private SignerProcessResultState(string signerProcessId, SignerProcessResult? result)
    {
        SignerProcessId = signerProcessId;
        Result = result;
    }

    /// <summary>The signer process id.</summary>
    public string SignerProcessId { get; }

    /// <summary>Whether the process has not ended yet (no result available).</summary>
    public bool IsRunning => Result is null;

    /// <summary>The result, once the process has ended; <see langword="null"/> while it is running.</summary>
    public SignerProcessResult? Result { get; }

    /// <summary>A state for a running process.</summary>
    /// <param name="signerProcessId">The process id.</param>
    /// <returns>The state.</returns>
    public static SignerProcessResultState Running(string signerProcessId) => new(signerProcessId ?? throw new ArgumentNullException(nameof(signerProcessId)), null);

    /// <summary>A state for an ended process.</summary>
    /// <param name="signerProcessId">The process id.</param>
    /// <param name="result">The result.</param>
    /// <returns>The state.</returns>
    public static SignerProcessResultState Ended(string signerProcessId, SignerProcessResult result) =>
        new(signerProcessId ?? throw new ArgumentNullException(nameof(signerProcessId)), result ?? throw new ArgumentNullException(nameof(result)));

    /// <inheritdoc />
    public override string ToString() => "SignerProcess " + SignerProcessId + ": " + (Result is null ? "running" : Result.ToString());
}
