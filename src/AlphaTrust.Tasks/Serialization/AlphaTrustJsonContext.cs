using System.Text.Json.Serialization;

namespace AlphaTrust.Tasks.Serialization;

/// <summary>Source-generated JSON metadata for the AlphaTrust wire format (PascalCase members, string enums).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(TaskRemoteSignRequestModel))]
[JsonSerializable(typeof(DefaultReturnModel))]
[JsonSerializable(typeof(TransactionsReturnModel))]
[JsonSerializable(typeof(TasksReturnModel))]
[JsonSerializable(typeof(TransactionCreateRequestModel))]
[JsonSerializable(typeof(TaskCreateRequestModel))]
[JsonSerializable(typeof(TaskUpdateRequestModel))]
[JsonSerializable(typeof(TransactionIdsRequestModel))]
[JsonSerializable(typeof(System.Collections.Generic.List<AlphaTrust.Tasks.Models.RemoteSignTaskOutcome>))]
internal sealed partial class AlphaTrustJsonContext : JsonSerializerContext
{
}
