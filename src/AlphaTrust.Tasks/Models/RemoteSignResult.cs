using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlphaTrust.Tasks.Models;

/// <summary>
/// The answer to a successful remote sign: the service reported <c>IsSuccessful = true</c> for the batch. A failure
/// never produces a result: it is a <see cref="SigningClients.Core.SigningApiException"/> carrying the service's
/// <c>Message</c>. Build one in tests with <see cref="AlphaTrustModelFactory.RemoteSignResult"/>.
/// </summary>
public sealed class RemoteSignResult
{
    internal RemoteSignResult(IReadOnlyList<long> requestedTaskIds, string? message, IReadOnlyList<RemoteSignTaskOutcome> tasks, IDictionary<string, JsonElement>? additionalProperties)
    {
        RequestedTaskIds = requestedTaskIds;
        Message = message;
        Tasks = tasks;
        AdditionalProperties = additionalProperties;
    }

    /// <summary>The IDs of the tasks this call asked to complete, in request order (what was sent, not what the server said).</summary>
    public IReadOnlyList<long> RequestedTaskIds { get; }

    /// <summary>
    /// The per-task outcomes as the service returned them (the answer's task list, member
    /// <see cref="AlphaTrustWireNames.RemoteSignTaskResults"/>, default <c>Tasks</c>); empty when the answer carries
    /// none. A task the service reports with <see cref="RemoteSignTaskOutcome.IsSuccessful"/> = <see langword="false"/>
    /// was not completed even though the batch as a whole succeeded.
    /// </summary>
    public IReadOnlyList<RemoteSignTaskOutcome> Tasks { get; }

    /// <summary>The service's <c>Message</c>, when it sent one with a successful answer.</summary>
    public string? Message { get; }

    /// <summary>Every other member of the service's answer (completion details), unchanged.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; }

    /// <summary>The outcomes the service reported as not successful.</summary>
    /// <returns>The failed task outcomes (empty when none failed or the answer has no per-task list).</returns>
    public IReadOnlyList<RemoteSignTaskOutcome> GetFailedTasks()
    {
        var failed = new List<RemoteSignTaskOutcome>();
        foreach (var task in Tasks)
        {
            if (task.IsSuccessful == false)
            {
                failed.Add(task);
            }
        }

        return failed;
    }
}

/// <summary>The service's outcome for one task of a remote sign, as returned (members it does not send stay <see langword="null"/>).</summary>
public sealed class RemoteSignTaskOutcome
{
    /// <summary>The task ID.</summary>
    [JsonPropertyName("ID")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? TaskId { get; set; }

    /// <summary>Whether the service completed this task.</summary>
    public bool? IsSuccessful { get; set; }

    /// <summary>The service's message for this task (usually only on failure).</summary>
    public string? Message { get; set; }

    /// <summary>The task's status after the remote sign, when returned.</summary>
    public TransactionTaskStatus? Status { get; set; }

    /// <summary>Members this SDK does not model, kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
