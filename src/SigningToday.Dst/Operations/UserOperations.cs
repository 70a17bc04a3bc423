using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Http;
using SigningToday.Dst.Internal;
using SigningToday.Dst.Models;
using SigningToday.Dst.Serialization;

namespace SigningToday.Dst;

/// <summary>Users, user groups, roles and identities (the doc's Users operations).</summary>
public interface IUserOperations
{
    /// <summary>Lists the users of the organization (<c>GET /users</c>).</summary>
    /// <param name="options">Paging, filter and order.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The lazily fetched users.</returns>
    AsyncPageable<User> ListAsync(SigningTodayListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a user (<c>POST /users</c>).</summary>
    /// <param name="request">The user and optional password.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>
    /// The new user's id as a one-item list. The server may answer a bare UUID string (the vendor's models) or
    /// <c>["uuid"]</c> (the doc's example): both are read; an answer in another form gives an empty list, never an
    /// exception, since the user was created.
    /// </returns>
    Task<IReadOnlyList<string>> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists the user groups (<c>GET /users/groups</c>).</summary>
    /// <param name="options">Paging, filter and order.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The lazily fetched groups.</returns>
    AsyncPageable<UserGroup> ListGroupsAsync(SigningTodayListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Creates user groups (<c>POST /users/groups</c>).</summary>
    /// <param name="groups">The groups.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task CreateGroupsAsync(IEnumerable<UserGroup> groups, CancellationToken cancellationToken = default);

    /// <summary>Gets a user (<c>GET /user/{id}</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The user.</returns>
    Task<User> GetAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Updates a user (<c>PUT /user/{id}</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="user">The new content.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task UpdateAsync(string userId, User user, CancellationToken cancellationToken = default);

    /// <summary>Enables or disables a user (<c>DELETE /user/{id}?enabled=</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="enabled">True to enable, false to disable.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task SetEnabledAsync(string userId, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Changes the role (and so the capabilities) of a user (<c>PUT /user/{id}/role</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="newRole">admin, instructor or signer.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task ChangeRoleAsync(string userId, UserRole newRole, CancellationToken cancellationToken = default);

    /// <summary>Lists the signing identities of a user (<c>GET /user/{id}/identities</c>).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The identities.</returns>
    Task<IReadOnlyList<Identity>> ListIdentitiesAsync(string userId, CancellationToken cancellationToken = default);
}

internal sealed class UserOperations : IUserOperations
{
    private static readonly SigningTodayJsonContext Json = SigningTodayJsonContext.Default;
    private readonly SigningTodayTransport _t;

    public UserOperations(SigningTodayTransport transport) => _t = transport;

    public AsyncPageable<User> ListAsync(SigningTodayListOptions? options = null, CancellationToken cancellationToken = default) =>
        _t.List("users", "ListUsers", options, Json.SigningTodayListUser, null, cancellationToken);

    public async Task<IReadOnlyList<string>> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.NotNull(request, nameof(request));
        var user = SigningTodayTransport.NotNull(request.User, nameof(request));
        _t.Pipeline.Redactor.AddSecret(request.Password);
        var message = SigningTodayTransport.Request(HttpMethod.Post, "users", "CreateUser", Idempotency.NotIdempotent);
        var body = _t.Options.SendUserPhoneAsNumber ? new CreateUserRequest(user.WithPhoneAsNumber()) { Password = request.Password, AdditionalProperties = request.AdditionalProperties } : request;
        message.Content = RequestContent.Json(body, Json.CreateUserRequest);
        // The vendor's models answer a bare UUID string, the doc's example ["<uuid>"]: both are read. The user exists once
        // the server answered 2xx, so an answer in neither form must not turn a done write into a failure.
        var answer = await _t.SendAsync(message, Json.JsonElement, cancellationToken).ConfigureAwait(false);
        return ReadCreatedIds(answer);
    }

    internal static IReadOnlyList<string> ReadCreatedIds(JsonElement answer)
    {
        switch (answer.ValueKind)
        {
            case JsonValueKind.String:
            case JsonValueKind.Number:
                return new[] { WireValue.Text(answer)! };
            case JsonValueKind.Array:
                var ids = new List<string>();
                foreach (var item in answer.EnumerateArray())
                {
                    var id = WireValue.Text(item) ?? WireValue.Text(WireValue.Member(item, "id"));
                    if (id is not null)
                    {
                        ids.Add(id);
                    }
                }

                return ids;
            case JsonValueKind.Object:
                var single = WireValue.Text(WireValue.Member(answer, "id"));
                return single is null ? Array.Empty<string>() : new[] { single };
            default:
                return Array.Empty<string>();
        }
    }

    public AsyncPageable<UserGroup> ListGroupsAsync(SigningTodayListOptions? options = null, CancellationToken cancellationToken = default) =>
        _t.List("users/groups", "ListUserGroups", options, Json.SigningTodayListUserGroup, null, cancellationToken);

    public Task CreateGroupsAsync(IEnumerable<UserGroup> groups, CancellationToken cancellationToken = default)
    {
        var list = SigningTodayTransport.NotNull(groups, nameof(groups)).ToList();
        if (list.Count == 0 || list.Any(g => g is null || string.IsNullOrWhiteSpace(g.Name)))
        {
            throw new ArgumentException("At least one group is required and every group needs a name.", nameof(groups));
        }

        var request = SigningTodayTransport.Request(HttpMethod.Post, "users/groups", "CreateUserGroups", Idempotency.NotIdempotent);
        request.Content = RequestContent.Json(list, Json.ListUserGroup);
        return _t.SendAsync(request, cancellationToken);
    }

    public Task<User> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(userId, nameof(userId));
        return _t.SendAsync(SigningTodayTransport.Request(HttpMethod.Get, "user/" + id, "GetUser", Idempotency.Safe), Json.User, cancellationToken);
    }

    public Task UpdateAsync(string userId, User user, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(userId, nameof(userId));
        SigningTodayTransport.NotNull(user, nameof(user));
        var request = SigningTodayTransport.Request(HttpMethod.Put, "user/" + id, "UpdateUser", Idempotency.Idempotent);
        request.Content = RequestContent.Json(_t.Options.SendUserPhoneAsNumber ? user.WithPhoneAsNumber() : user, Json.User);
        return _t.SendAsync(request, cancellationToken);
    }

    public Task SetEnabledAsync(string userId, bool enabled, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(userId, nameof(userId));
        var request = SigningTodayTransport.Request(HttpMethod.Delete, "user/" + id, "SetUserEnabled", Idempotency.Idempotent);
        request.Query.Add("enabled", enabled);
        return _t.SendAsync(request, cancellationToken);
    }

    public Task ChangeRoleAsync(string userId, UserRole newRole, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(userId, nameof(userId));
        if (string.IsNullOrWhiteSpace(newRole.Value))
        {
            throw new ArgumentException("The role is required.", nameof(newRole));
        }

        var request = SigningTodayTransport.Request(HttpMethod.Put, "user/" + id + "/role", "ChangeUserRole", Idempotency.Idempotent);
        request.Query.Add("newRole", newRole.Value);
        return _t.SendAsync(request, cancellationToken);
    }

    public async Task<IReadOnlyList<Identity>> ListIdentitiesAsync(string userId, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(userId, nameof(userId));
        return await _t.SendAsync(SigningTodayTransport.Request(HttpMethod.Get, "user/" + id + "/identities", "ListUserIdentities", Idempotency.Safe), Json.ListIdentity, cancellationToken).ConfigureAwait(false);
    }
}
