using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using SigningClients.Core.Serialization;
using SigningToday.Dst.Models;

namespace SigningToday.Dst.Serialization;

/// <summary>Source-generated JSON metadata for every Signing Today model (camelCase, nulls omitted, numbers also read from strings).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = new[] { typeof(TolerantDateTimeOffsetConverter), typeof(JsonObjectDictionaryConverter) })]
[JsonSerializable(typeof(DigitalSignatureTransaction))]
[JsonSerializable(typeof(SigningTodayList<DigitalSignatureTransaction>))]
[JsonSerializable(typeof(SigningTodayList<Device>))]
[JsonSerializable(typeof(SigningTodayList<InstantiationGroup>))]
[JsonSerializable(typeof(SigningTodayList<NotificationEvent>))]
[JsonSerializable(typeof(SigningTodayList<User>))]
[JsonSerializable(typeof(SigningTodayList<UserGroup>))]
[JsonSerializable(typeof(List<DstNote>))]
[JsonSerializable(typeof(DstNote))]
[JsonSerializable(typeof(DeviceAuthorizationChallenge))]
[JsonSerializable(typeof(DeviceRegistration))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<AuditRecord>))]
[JsonSerializable(typeof(InstantiationResult))]
[JsonSerializable(typeof(SignatureAddress))]
[JsonSerializable(typeof(DstForm))]
[JsonSerializable(typeof(PushTokenRegistration))]
[JsonSerializable(typeof(DstResource))]
[JsonSerializable(typeof(RobotToken))]
[JsonSerializable(typeof(RobotConfiguration))]
[JsonSerializable(typeof(RobotDstSpecification))]
[JsonSerializable(typeof(TemplateInstantiation))]
[JsonSerializable(typeof(OAuthToken))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(CreateUserRequest))]
[JsonSerializable(typeof(List<UserGroup>))]
[JsonSerializable(typeof(PasswordChange))]
[JsonSerializable(typeof(List<Identity>))]
[JsonSerializable(typeof(ServiceConfiguration))]
[JsonSerializable(typeof(DstStatusChangedNotification))]
[JsonSerializable(typeof(SignatureStatusChangedNotification))]
[JsonSerializable(typeof(NotificationDocument))]
[JsonSerializable(typeof(DstDocument))]
[JsonSerializable(typeof(SignatureRequest))]
[JsonSerializable(typeof(Signer))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class SigningTodayJsonContext : JsonSerializerContext
{
}
