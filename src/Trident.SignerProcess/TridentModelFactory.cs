using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Trident.SignerProcess.Models;

namespace Trident.SignerProcess;

/// <summary>
/// Builds every model an <see cref="ITridentClient"/> returns, for tests of your own code (e.g. a substitute that
/// returns a created <see cref="TridentSignerProcess"/>), in the manner of the Azure SDK's model factories.
/// <see cref="SignerProcessResultState"/> has its own <see cref="SignerProcessResultState.Running"/> and
/// <see cref="SignerProcessResultState.Ended"/>; downloads are <see cref="SigningClients.Core.SigningDownload"/> (public constructor).
/// </summary>
public static class TridentModelFactory
{
    /// <summary>Builds a signer process.</summary>
    /// <param name="id">The process id.</param>
    /// <param name="self">The process URL.</param>
    /// <param name="processType">The process type.</param>
    /// <param name="pendingTasks">The pending tasks (a new process has one <see cref="SignerProcessTaskType.UserBrowserTask"/>).</param>
    /// <param name="documents">The documents.</param>
    /// <param name="result">The result, once ended.</param>
    /// <param name="additionalProperties">Other members.</param>
    /// <returns>The process.</returns>
    public static TridentSignerProcess SignerProcess(
        string id = "",
        Uri? self = null,
        SignerProcessType? processType = null,
        IEnumerable<SignerProcessTask>? pendingTasks = null,
        IEnumerable<SignerProcessDocument>? documents = null,
        SignerProcessResult? result = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new()
        {
            Id = id ?? string.Empty,
            Self = self,
            ProcessType = processType,
            Tasks = pendingTasks is null ? null : new SignerProcessTasks { Pending = pendingTasks.ToList().AsReadOnly() },
            Documents = documents?.ToList().AsReadOnly(),
            Result = result,
            AdditionalProperties = additionalProperties,
        };

    /// <summary>Builds a pending task; by default the <see cref="SignerProcessTaskType.UserBrowserTask"/> whose URL the browser is sent to.</summary>
    /// <param name="url">The task URL.</param>
    /// <param name="id">The task id.</param>
    /// <param name="type">The task type; <see cref="SignerProcessTaskType.UserBrowserTask"/> when omitted.</param>
    /// <returns>The task.</returns>
    public static SignerProcessTask SignerProcessTask(Uri? url = null, string? id = null, SignerProcessTaskType? type = null) =>
        new() { Type = type ?? SignerProcessTaskType.UserBrowserTask, Id = id, Url = url };

    /// <summary>Builds a document of a signer process.</summary>
    /// <param name="id">The document id.</param>
    /// <param name="url">The document URL.</param>
    /// <param name="content">The content URL.</param>
    /// <param name="result">The document's result.</param>
    /// <returns>The document.</returns>
    public static SignerProcessDocument SignerProcessDocument(string id = "", Uri? url = null, Uri? content = null, SignerProcessResult? result = null) =>
        new() { Id = id ?? string.Empty, Url = url, Content = content, Result = result };

    /// <summary>Builds a result (<c>{status, details {message}}</c>).</summary>
    /// <param name="status">The status.</param>
    /// <param name="message">The details message.</param>
    /// <returns>The result.</returns>
    public static SignerProcessResult SignerProcessResult(SignerProcessStatus status, string? message = null) =>
        new() { Status = status, Details = message is null ? null : new SignerProcessResultDetails { Message = message } };
}
