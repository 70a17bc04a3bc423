using System;
using System.Collections.Generic;
using SigningToday.Dst.Models;

namespace SigningToday.Dst;

/// <summary>
/// Builds the models the Signing Today client returns, for tests of your own code (e.g. what a substitute of
/// <see cref="ISigningTodayClient"/> returns), as the Azure SDK's model factories do. Every model in
/// <c>SigningToday.Dst.Models</c> also has a public parameterless constructor and settable properties, usable from
/// C# 7.3; the methods here cover what a constructor cannot set: the webhook wrapper and the members whose wire form
/// differs between the vendor's models and the doc (written here in the vendor's form).
/// </summary>
public static class SigningTodayModelFactory
{
    /// <summary>A DST as <see cref="IDstOperations.GetAsync"/> returns it.</summary>
    /// <param name="id">The DST id.</param>
    /// <param name="title">The title.</param>
    /// <param name="status">The status.</param>
    /// <param name="documents">The documents.</param>
    /// <param name="resources">The resources (files).</param>
    /// <param name="extraData">Extra data.</param>
    /// <returns>The DST.</returns>
    public static DigitalSignatureTransaction DigitalSignatureTransaction(string? id = null, string? title = null, DstStatus? status = null, IReadOnlyList<DstDocument>? documents = null, IReadOnlyList<DstResource>? resources = null, IReadOnlyDictionary<string, System.Text.Json.JsonElement>? extraData = null) =>
        new() { Id = id, Title = title, Status = status, Documents = documents, Resources = resources, ExtraData = extraData };

    /// <summary>A user as <see cref="IUserOperations.GetAsync"/> returns it.</summary>
    /// <param name="id">The user id.</param>
    /// <param name="username">The login name.</param>
    /// <param name="domain">The organization.</param>
    /// <param name="role">The role.</param>
    /// <param name="email">The email.</param>
    /// <param name="phone">The phone number, written in the vendor's form (a JSON number) when it is all digits, else as a string.</param>
    /// <param name="language">The language.</param>
    /// <param name="capabilities">The capabilities.</param>
    /// <returns>The user.</returns>
    public static User User(string? id = null, string? username = null, string? domain = null, UserRole? role = null, string? email = null, string? phone = null, UserLanguage? language = null, IReadOnlyList<UserCapability>? capabilities = null) =>
        new User
        {
            Id = id,
            Username = username,
            Domain = domain,
            Role = role,
            Email = email,
            Phone = phone,
            Language = language,
            Capabilities = capabilities,
        }.WithPhoneAsNumber();

    /// <summary>An item of <see cref="INotificationOperations.ListDstNotificationsAsync"/>.</summary>
    /// <param name="id">The notification id.</param>
    /// <param name="event">What happened.</param>
    /// <param name="dstId">The DST.</param>
    /// <param name="dstTitle">The DST title.</param>
    /// <param name="time">When.</param>
    /// <param name="userId">The user.</param>
    /// <param name="username">The user account.</param>
    /// <param name="email">The user's email.</param>
    /// <returns>The notification.</returns>
    public static NotificationEvent NotificationEvent(long? id = null, NotificationEventType? @event = null, string? dstId = null, string? dstTitle = null, DateTimeOffset? time = null, string? userId = null, string? username = null, string? email = null) =>
        new() { Id = id, Event = @event, DstId = dstId, DstTitle = dstTitle, Time = time, UserId = userId, Username = username, Email = email };

    /// <summary>A DST-status notification in the vendor's form (<c>dst</c> is the DST id).</summary>
    /// <param name="status">The status.</param>
    /// <param name="dstId">The DST id.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The notification.</returns>
    public static DstStatusChangedNotification DstStatusChangedNotification(DstNotificationStatus? status = null, string? dstId = null, string? reason = null) =>
        new() { Status = status, DstId = dstId, Reason = reason };

    /// <summary>A signature-status notification in the vendor's form (<c>dst</c> as <c>{id, title}</c>, <c>signature</c> an integer, <c>signer</c> a string, <c>document</c> as <c>{id, display_name, order}</c>).</summary>
    /// <param name="status">The status.</param>
    /// <param name="action">fill or sign.</param>
    /// <param name="dstId">The DST id.</param>
    /// <param name="dstTitle">The DST title.</param>
    /// <param name="signatureId">The signature request id.</param>
    /// <param name="signer">The signer.</param>
    /// <param name="document">The document.</param>
    /// <param name="group">The signer group.</param>
    /// <param name="automatic">Performed automatically.</param>
    /// <param name="page">The page.</param>
    /// <returns>The notification.</returns>
    public static SignatureStatusChangedNotification SignatureStatusChangedNotification(SignatureNotificationStatus? status = null, string? action = null, string? dstId = null, string? dstTitle = null, int? signatureId = null, string? signer = null, NotificationDocument? document = null, int? group = null, bool? automatic = null, int? page = null) =>
        new()
        {
            Status = status,
            Action = action,
            Dst = dstId is null && dstTitle is null ? null : new DigitalSignatureTransaction { Id = dstId, Title = dstTitle },
            SignatureId = signatureId,
            Signer = signer,
            Document = document,
            Group = group,
            Automatic = automatic,
            Page = page,
        };

    /// <summary>What <see cref="SigningTodayWebhooks.Parse"/> returns for a DST-status notification.</summary>
    /// <param name="notification">The notification.</param>
    /// <returns>The parsed webhook.</returns>
    public static SigningTodayWebhook Webhook(DstStatusChangedNotification notification) =>
        new(SigningTodayWebhookKind.DstStatusChanged, notification ?? throw new ArgumentNullException(nameof(notification)), null);

    /// <summary>What <see cref="SigningTodayWebhooks.Parse"/> returns for a signature-status notification.</summary>
    /// <param name="notification">The notification.</param>
    /// <returns>The parsed webhook.</returns>
    public static SigningTodayWebhook Webhook(SignatureStatusChangedNotification notification) =>
        new(SigningTodayWebhookKind.SignatureStatusChanged, null, notification ?? throw new ArgumentNullException(nameof(notification)));

    /// <summary>What <see cref="SigningTodayWebhooks.Parse"/> returns for a body that is neither notification.</summary>
    /// <returns>The parsed webhook.</returns>
    public static SigningTodayWebhook UnknownWebhook() => new(SigningTodayWebhookKind.Unknown, null, null);
}
