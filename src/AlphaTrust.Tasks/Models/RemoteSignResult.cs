using System.Collections.Generic;
using System.Text.Json;

namespace AlphaTrust.Tasks.Models;

/// <summary>
/// The answer to a successful remote sign: the service reported <c>IsSuccessful = true</c> for the whole batch. A
/// failure never produces a result: it is a <see cref="SigningClients.Core.SigningApiException"/> carrying the
/// service's <c>Message</c>.
/// </summary>
public sealed class RemoteSignResult
{
    internal RemoteSignResult(IReadOnlyList<long> taskIds, IDictionary<string, JsonElement>? additionalProperties)
    {
        TaskIds = taskIds;
        AdditionalProperties = additionalProperties;
    }

    /// <summary>The IDs of the tasks that were completed, in request order.</summary>
    public IReadOnlyList<long> TaskIds { get; }

    /// <summary>Any other members of the service's answer (completion details), unchanged.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; }
}
