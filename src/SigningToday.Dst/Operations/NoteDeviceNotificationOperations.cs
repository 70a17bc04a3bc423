using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Http;
using SigningClients.Core.Streaming;
using SigningToday.Dst.Internal;
using SigningToday.Dst.Models;
using SigningToday.Dst.Serialization;

namespace SigningToday.Dst;

/// <summary>Notes attached to DSTs (the doc's DSTNote operations).</summary>
public interface INoteOperations
{
    /// <summary>Lists the notes of a DST (<c>GET /DST/{id}/note</c>).</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The notes.</returns>
    Task<IReadOnlyList<DstNote>> ListAsync(string dstId, CancellationToken cancellationToken = default);

    /// <summary>Appends a note to a DST (<c>POST /DST/{id}/note</c>).</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="text">The content of the note.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The note.</returns>
    Task<DstNote> AddAsync(string dstId, string text, CancellationToken cancellationToken = default);

    /// <summary>Edits a note (<c>PUT /DST/{id}/note/{noteId}</c>).</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="noteId">The note.</param>
    /// <param name="note">The new content.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The note.</returns>
    Task<DstNote> UpdateAsync(string dstId, long noteId, DstNote note, CancellationToken cancellationToken = default);

    /// <summary>Deletes a note (<c>DELETE /DST/{id}/note/{noteId}</c>).</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="noteId">The note.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task DeleteAsync(string dstId, long noteId, CancellationToken cancellationToken = default);
}

/// <summary>Trusted mobile devices of users (the doc's Devices operations).</summary>
public interface IDeviceOperations
{
    /// <summary>Lists the trusted devices of a user (<c>GET /devices</c>).</summary>
    /// <param name="options">Paging and user selection.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The lazily fetched devices.</returns>
    AsyncPageable<Device> ListAsync(SigningTodayUserListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Gets a challenge for authorizing a new device (<c>GET /device/authorization</c>); it invalidates previous ones and lasts 10 minutes.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The challenge.</returns>
    Task<DeviceAuthorizationChallenge> GetAuthorizationChallengeAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the challenge as a QR-code PNG image (<c>GET /device/authorization</c> with <c>Accept: image/png</c>).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The streamed image; dispose it.</returns>
    Task<SigningDownload> GetAuthorizationChallengeQrCodeAsync(CancellationToken cancellationToken = default);

    /// <summary>Registers a trusted device (<c>POST /device/authorization</c>); an existing device gets its name updated.</summary>
    /// <param name="registration">Challenge, device id and name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The values the server returns (the device token).</returns>
    Task<IReadOnlyList<string>> RegisterAsync(DeviceRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>Deregisters a trusted device and its push tokens (<c>DELETE /device/authorization</c>).</summary>
    /// <param name="deviceId">The device.</param>
    /// <param name="userId">The user; the authenticated user when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task DeregisterAsync(string deviceId, string? userId = null, CancellationToken cancellationToken = default);
}

/// <summary>DST notifications and push tokens (the doc's Notifications operations).</summary>
public interface INotificationOperations
{
    /// <summary>Lists the latest DST notifications of the user, newest first (<c>GET /notifications/dsts</c>).</summary>
    /// <param name="options">Paging.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The lazily fetched notifications.</returns>
    AsyncPageable<NotificationEvent> ListDstNotificationsAsync(SigningTodayListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Marks all notifications of a DST as consumed (<c>DELETE /notifications/dst/{id}</c>).</summary>
    /// <param name="dstId">The DST.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task ClearDstNotificationsAsync(string dstId, CancellationToken cancellationToken = default);

    /// <summary>Registers a push-notification token for a trusted device (<c>POST /notifications/push-token</c>).</summary>
    /// <param name="registration">Device and token.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task RegisterPushTokenAsync(PushTokenRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>Removes the push-notification token of a device (<c>DELETE /notifications/push-token</c>).</summary>
    /// <param name="deviceId">The device.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task DeletePushTokenAsync(string deviceId, CancellationToken cancellationToken = default);
}

internal sealed class NoteOperations : INoteOperations
{
    private static readonly SigningTodayJsonContext Json = SigningTodayJsonContext.Default;
    private readonly SigningTodayTransport _t;

    public NoteOperations(SigningTodayTransport transport) => _t = transport;

    public async Task<IReadOnlyList<DstNote>> ListAsync(string dstId, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(dstId, nameof(dstId));
        var request = SigningTodayTransport.Request(HttpMethod.Get, "DST/" + id + "/note", "ListDstNotes", Idempotency.Safe);
        return await _t.SendAsync(request, Json.ListDstNote, cancellationToken).ConfigureAwait(false);
    }

    public Task<DstNote> AddAsync(string dstId, string text, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(dstId, nameof(dstId));
        SigningTodayTransport.NotEmpty(text, nameof(text));
        var request = SigningTodayTransport.Request(HttpMethod.Post, "DST/" + id + "/note", "AddDstNote", Idempotency.NotIdempotent);
        request.Content = RequestContent.Json(new DstNote { Text = text }, Json.DstNote);
        return _t.SendAsync(request, Json.DstNote, cancellationToken);
    }

    public Task<DstNote> UpdateAsync(string dstId, long noteId, DstNote note, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(dstId, nameof(dstId));
        SigningTodayTransport.NotNull(note, nameof(note));
        var request = SigningTodayTransport.Request(HttpMethod.Put, "DST/" + id + "/note/" + noteId.ToString(System.Globalization.CultureInfo.InvariantCulture), "UpdateDstNote", Idempotency.Idempotent);
        request.Content = RequestContent.Json(note, Json.DstNote);
        return _t.SendAsync(request, Json.DstNote, cancellationToken);
    }

    public Task DeleteAsync(string dstId, long noteId, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(dstId, nameof(dstId));
        var request = SigningTodayTransport.Request(HttpMethod.Delete, "DST/" + id + "/note/" + noteId.ToString(System.Globalization.CultureInfo.InvariantCulture), "DeleteDstNote", Idempotency.Idempotent);
        return _t.SendAsync(request, cancellationToken);
    }
}

internal sealed class DeviceOperations : IDeviceOperations
{
    private static readonly SigningTodayJsonContext Json = SigningTodayJsonContext.Default;
    private readonly SigningTodayTransport _t;

    public DeviceOperations(SigningTodayTransport transport) => _t = transport;

    public AsyncPageable<Device> ListAsync(SigningTodayUserListOptions? options = null, CancellationToken cancellationToken = default) =>
        _t.List("devices", "ListDevices", options, Json.SigningTodayListDevice, r => r.Query.Add("userId", options?.UserId), cancellationToken);

    public Task<DeviceAuthorizationChallenge> GetAuthorizationChallengeAsync(CancellationToken cancellationToken = default)
    {
        var request = SigningTodayTransport.Request(HttpMethod.Get, "device/authorization", "GetDeviceChallenge", Idempotency.Idempotent);
        request.Headers["Accept"] = "application/json";
        return _t.SendAsync(request, Json.DeviceAuthorizationChallenge, cancellationToken);
    }

    public Task<SigningDownload> GetAuthorizationChallengeQrCodeAsync(CancellationToken cancellationToken = default)
    {
        var request = SigningTodayTransport.Request(HttpMethod.Get, "device/authorization", "GetDeviceChallengeQrCode", Idempotency.Idempotent);
        request.Headers["Accept"] = "image/png";
        return _t.DownloadAsync(request, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> RegisterAsync(DeviceRegistration registration, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.NotNull(registration, nameof(registration));
        SigningTodayTransport.NotEmpty(registration.Challenge, nameof(registration));
        SigningTodayTransport.NotEmpty(registration.DeviceId, nameof(registration));
        var request = SigningTodayTransport.Request(HttpMethod.Post, "device/authorization", "RegisterDevice", Idempotency.Idempotent);
        request.Content = RequestContent.Json(registration, Json.DeviceRegistration);
        return await _t.SendAsync(request, Json.ListString, cancellationToken).ConfigureAwait(false);
    }

    public Task DeregisterAsync(string deviceId, string? userId = null, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.NotEmpty(deviceId, nameof(deviceId));
        var request = SigningTodayTransport.Request(HttpMethod.Delete, "device/authorization", "DeregisterDevice", Idempotency.Idempotent);
        request.Query.Add("deviceId", deviceId);
        request.Query.Add("userId", userId);
        return _t.SendAsync(request, cancellationToken);
    }
}

internal sealed class NotificationOperations : INotificationOperations
{
    private static readonly SigningTodayJsonContext Json = SigningTodayJsonContext.Default;
    private readonly SigningTodayTransport _t;

    public NotificationOperations(SigningTodayTransport transport) => _t = transport;

    public AsyncPageable<NotificationEvent> ListDstNotificationsAsync(SigningTodayListOptions? options = null, CancellationToken cancellationToken = default) =>
        _t.List("notifications/dsts", "ListDstNotifications", options, Json.SigningTodayListNotificationEvent, null, cancellationToken);

    public Task ClearDstNotificationsAsync(string dstId, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(dstId, nameof(dstId));
        var request = SigningTodayTransport.Request(HttpMethod.Delete, "notifications/dst/" + id, "ClearDstNotifications", Idempotency.Idempotent);
        return _t.SendAsync(request, cancellationToken);
    }

    public Task RegisterPushTokenAsync(PushTokenRegistration registration, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.NotNull(registration, nameof(registration));
        SigningTodayTransport.NotEmpty(registration.DeviceId, nameof(registration));
        SigningTodayTransport.NotEmpty(registration.Token, nameof(registration));
        _t.Pipeline.Redactor.AddSecret(registration.Token);
        var request = SigningTodayTransport.Request(HttpMethod.Post, "notifications/push-token", "RegisterPushToken", Idempotency.Idempotent);
        request.Content = RequestContent.Json(registration, Json.PushTokenRegistration);
        return _t.SendAsync(request, cancellationToken);
    }

    public Task DeletePushTokenAsync(string deviceId, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.NotEmpty(deviceId, nameof(deviceId));
        var request = SigningTodayTransport.Request(HttpMethod.Delete, "notifications/push-token", "DeletePushToken", Idempotency.Idempotent);
        request.Query.Add("deviceId", deviceId);
        return _t.SendAsync(request, cancellationToken);
    }
}
