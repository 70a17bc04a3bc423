using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>
/// A notification about a DST for the current user (items of <c>GET /notifications/dsts</c>; the vendor's
/// <c>NotificationEvent</c>). <see cref="DstId"/> leads to the DST (<see cref="IDstOperations.GetAsync"/>).
/// </summary>
public sealed class NotificationEvent
{
    /// <summary>Id of the notification.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>When the event happened.</summary>
    [JsonPropertyName("time")]
    public DateTimeOffset? Time { get; set; }

    /// <summary>The DST the notification is about (UUID).</summary>
    [JsonPropertyName("dstId")]
    public string? DstId { get; set; }

    /// <summary>Title of the DST.</summary>
    [JsonPropertyName("dstTitle")]
    public string? DstTitle { get; set; }

    /// <summary>The user the notification is for (UUID).</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    /// <summary>When present, limits the notification to this user account; otherwise it is for every active account of the user.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    /// <summary>The email of the user.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    /// <summary>What happened: <c>dst_status_published</c>, <c>dst_alert_sign</c>… (see <see cref="NotificationEventType"/>).</summary>
    [JsonPropertyName("event")]
    public NotificationEventType? Event { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
