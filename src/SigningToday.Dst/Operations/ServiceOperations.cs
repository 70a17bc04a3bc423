using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Http;
using SigningClients.Core.Streaming;
using SigningToday.Dst.Internal;
using SigningToday.Dst.Models;
using SigningToday.Dst.Serialization;

namespace SigningToday.Dst;

/// <summary>Support operations: login, logout, current user, passwords, SAML, thumbnails, configuration (the doc's Services operations).</summary>
public interface IServiceOperations
{
    /// <summary>
    /// Requests a bearer token with the password grant (<c>POST /oauth/token</c>, multipart form, HTTP Basic client
    /// credentials from the options). The client does this by itself in <see cref="SigningTodayAuthenticationMode.Password"/> mode.
    /// </summary>
    /// <param name="username">The user as <c>user@domain</c>.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The token (secret).</returns>
    Task<OAuthToken> RequestTokenAsync(string username, string password, CancellationToken cancellationToken = default);

    /// <summary>Logs out the current user (<c>GET /auth/logout</c>).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task LogoutAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the logged-in user (<c>GET /auth/user</c>).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The user.</returns>
    Task<User> GetCurrentUserAsync(CancellationToken cancellationToken = default);

    /// <summary>Asks to recover a lost password (<c>GET /auth/passwordLost</c>, no credentials).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="domain">The organization.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task RequestPasswordRecoveryAsync(string username, string domain, CancellationToken cancellationToken = default);

    /// <summary>Resets a user's password as superuser (<c>GET /auth/passwordReset</c>).</summary>
    /// <param name="username">The user name.</param>
    /// <param name="domain">The organization.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task ResetUserPasswordAsync(string username, string domain, CancellationToken cancellationToken = default);

    /// <summary>Changes the own password knowing the current one (<c>POST /auth/passwordReset</c>).</summary>
    /// <remarks>Not idempotent (once applied, a repeat fails with 400 WRONG_PASSWORD): never resent after a lost answer, which surfaces as <see cref="SigningClients.Core.SigningApiException.OutcomeUnknown"/>.</remarks>
    /// <param name="change">Current and new password.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task ChangeOwnPasswordAsync(PasswordChange change, CancellationToken cancellationToken = default);

    /// <summary>Changes a password by consuming a password token (<c>POST /auth/changePassword</c>).</summary>
    /// <param name="passwordToken">The token from <see cref="GetPasswordTokenAsync"/> or the recovery email.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task ChangePasswordWithTokenAsync(string passwordToken, string newPassword, CancellationToken cancellationToken = default);

    /// <summary>Changes the password of a service user (<c>POST /service/changePassword</c>).</summary>
    /// <param name="username">The service user.</param>
    /// <param name="domain">The organization.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task ChangeServicePasswordAsync(string username, string domain, string newPassword, CancellationToken cancellationToken = default);

    /// <summary>Registers or updates a SAML user (<c>POST /auth/saml</c>, form); the server answers 303 to the front end.</summary>
    /// <param name="domain">The SAML domain.</param>
    /// <param name="idToken1">The base64 SAML reply in JSON.</param>
    /// <param name="idToken2">The hex HMAC-SHA256 of the decoded <paramref name="idToken1"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The redirect target when the server's 303 reached the client (null when the HTTP stack followed it).</returns>
    Task<Uri?> RegisterSamlUserAsync(string domain, string idToken1, string idToken2, CancellationToken cancellationToken = default);

    /// <summary>Gets a password token to change a password (<c>GET /auth/passwordToken</c>).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The values returned (the token).</returns>
    Task<IReadOnlyList<string>> GetPasswordTokenAsync(CancellationToken cancellationToken = default);

    /// <summary>Downloads the thumbnail of a page of a PDF resource (<c>GET /pdfResource/{id}/thumbs</c>).</summary>
    /// <param name="resourceId">The PDF resource.</param>
    /// <param name="page">The page; the server's default when null.</param>
    /// <param name="width">The image width; the server's default when null.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The streamed thumbnail; dispose it.</returns>
    Task<SigningDownload> DownloadPdfThumbnailAsync(string resourceId, int? page = null, int? width = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the public configuration of the application (<c>GET /service/configuration</c>).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The configuration (free-form).</returns>
    Task<ServiceConfiguration> GetConfigurationAsync(CancellationToken cancellationToken = default);
}

internal sealed class ServiceOperations : IServiceOperations
{
    private static readonly SigningTodayJsonContext Json = SigningTodayJsonContext.Default;
    private readonly SigningTodayTransport _t;

    public ServiceOperations(SigningTodayTransport transport) => _t = transport;

    public async Task<OAuthToken> RequestTokenAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.NotEmpty(username, nameof(username));
        if (string.IsNullOrEmpty(password))
        {
            throw new ArgumentException("The password is required.", nameof(password));
        }

        _t.Pipeline.Redactor.AddSecret(password);
        var request = SigningTodayTransport.Request(HttpMethod.Post, _t.Options.TokenPath, "RequestToken", Idempotency.Idempotent);
        request.Authenticate = false;
        if (_t.Options.ClientId is { Length: > 0 } clientId)
        {
            string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + (_t.Options.ClientSecret ?? string.Empty)));
            _t.Pipeline.Redactor.AddSecret(basic);
            request.Headers["Authorization"] = "Basic " + basic;
        }

        request.Content = RequestContent.Multipart(
            MultipartPart.Field("username", username),
            MultipartPart.Field("password", password),
            MultipartPart.Field("grant_type", "password"));
        var token = await _t.SendAsync(request, Json.OAuthToken, cancellationToken).ConfigureAwait(false);
        _t.Pipeline.Redactor.AddSecret(token.AccessToken);
        _t.Pipeline.Redactor.AddSecret(token.RefreshToken);
        return token;
    }

    public Task LogoutAsync(CancellationToken cancellationToken = default) =>
        _t.SendAsync(SigningTodayTransport.Request(HttpMethod.Get, "auth/logout", "Logout", Idempotency.Idempotent), cancellationToken);

    public Task<User> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        _t.SendAsync(SigningTodayTransport.Request(HttpMethod.Get, "auth/user", "GetCurrentUser", Idempotency.Safe), Json.User, cancellationToken);

    public Task RequestPasswordRecoveryAsync(string username, string domain, CancellationToken cancellationToken = default)
    {
        var request = UserDomain(HttpMethod.Get, "auth/passwordLost", "RequestPasswordRecovery", Idempotency.NotIdempotent, username, domain);
        request.Authenticate = false;
        return _t.SendAsync(request, cancellationToken);
    }

    public Task ResetUserPasswordAsync(string username, string domain, CancellationToken cancellationToken = default) =>
        _t.SendAsync(UserDomain(HttpMethod.Get, "auth/passwordReset", "ResetUserPassword", Idempotency.NotIdempotent, username, domain), cancellationToken);

    public Task ChangeOwnPasswordAsync(PasswordChange change, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.NotNull(change, nameof(change));
        if (string.IsNullOrEmpty(change.CurrentPassword) || string.IsNullOrEmpty(change.NewPassword))
        {
            throw new ArgumentException("Both the current and the new password are required.", nameof(change));
        }

        _t.Pipeline.Redactor.AddSecret(change.CurrentPassword);
        _t.Pipeline.Redactor.AddSecret(change.NewPassword);
        // Not idempotent: once applied, the same request carries a current password that is no longer current and the
        // server answers 400 WRONG_PASSWORD, so a resend after a lost answer would report a done change as failed.
        var request = SigningTodayTransport.Request(HttpMethod.Post, "auth/passwordReset", "ChangeOwnPassword", Idempotency.NotIdempotent);
        request.Content = RequestContent.Json(change, Json.PasswordChange);
        return _t.SendAsync(request, cancellationToken);
    }

    public Task ChangePasswordWithTokenAsync(string passwordToken, string newPassword, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.NotEmpty(passwordToken, nameof(passwordToken));
        var body = PasswordBody(newPassword);
        _t.Pipeline.Redactor.AddSecret(passwordToken);
        var request = SigningTodayTransport.Request(HttpMethod.Post, "auth/changePassword", "ChangePasswordWithToken", Idempotency.NotIdempotent);
        request.Authenticate = false;
        request.Query.Add("passwordToken", passwordToken);
        request.Content = body;
        return _t.SendAsync(request, cancellationToken);
    }

    public Task ChangeServicePasswordAsync(string username, string domain, string newPassword, CancellationToken cancellationToken = default)
    {
        var request = UserDomain(HttpMethod.Post, "service/changePassword", "ChangeServicePassword", Idempotency.Idempotent, username, domain);
        request.Content = PasswordBody(newPassword);
        return _t.SendAsync(request, cancellationToken);
    }

    public async Task<Uri?> RegisterSamlUserAsync(string domain, string idToken1, string idToken2, CancellationToken cancellationToken = default)
    {
        SigningTodayTransport.NotEmpty(domain, nameof(domain));
        SigningTodayTransport.NotEmpty(idToken1, nameof(idToken1));
        SigningTodayTransport.NotEmpty(idToken2, nameof(idToken2));
        _t.Pipeline.Redactor.AddSecret(idToken1);
        _t.Pipeline.Redactor.AddSecret(idToken2);
        var request = SigningTodayTransport.Request(HttpMethod.Post, "auth/saml", "RegisterSamlUser", Idempotency.Idempotent);
        request.Authenticate = false;
        request.AcceptedStatusCodes.Add(303);
        request.Content = RequestContent.Form(new[]
        {
            new KeyValuePair<string, string>("domain", domain),
            new KeyValuePair<string, string>("IDToken1", idToken1),
            new KeyValuePair<string, string>("IDToken2", idToken2),
        });
        return await _t.Pipeline.SendAsync(
            request,
            (response, _) =>
            {
                string? location = response.Status == 303 ? response.GetHeader("Location") : null;
                Uri? target = location is null ? null : new Uri(_t.Pipeline.Endpoint, location);
                return new ValueTask<Uri?>(target);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> GetPasswordTokenAsync(CancellationToken cancellationToken = default)
    {
        var values = await _t.SendAsync(SigningTodayTransport.Request(HttpMethod.Get, "auth/passwordToken", "GetPasswordToken", Idempotency.NotIdempotent), Json.ListString, cancellationToken).ConfigureAwait(false);
        foreach (var value in values)
        {
            _t.Pipeline.Redactor.AddSecret(value);
        }

        return values;
    }

    public Task<SigningDownload> DownloadPdfThumbnailAsync(string resourceId, int? page = null, int? width = null, CancellationToken cancellationToken = default)
    {
        string id = SigningTodayTransport.Id(resourceId, nameof(resourceId));
        if (page is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(page), "Pages are 1-based.");
        }

        if (width is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "The width must be positive.");
        }

        var request = SigningTodayTransport.Request(HttpMethod.Get, "pdfResource/" + id + "/thumbs", "DownloadPdfThumbnail", Idempotency.Safe);
        request.Query.Add("page", (long?)page);
        request.Query.Add("width", (long?)width);
        return _t.DownloadAsync(request, cancellationToken);
    }

    public Task<ServiceConfiguration> GetConfigurationAsync(CancellationToken cancellationToken = default) =>
        _t.SendAsync(SigningTodayTransport.Request(HttpMethod.Get, "service/configuration", "GetServiceConfiguration", Idempotency.Safe), Json.ServiceConfiguration, cancellationToken);

    private RequestContent PasswordBody(string newPassword)
    {
        if (string.IsNullOrEmpty(newPassword))
        {
            throw new ArgumentException("The new password is required.", nameof(newPassword));
        }

        _t.Pipeline.Redactor.AddSecret(newPassword);

        // The doc sends the password as a JSON string literal with Content-Type text/plain.
        return RequestContent.Text(JsonSerializer.Serialize(newPassword, Json.String), "text/plain");
    }

    private static SigningRequest UserDomain(HttpMethod method, string path, string operation, Idempotency idempotency, string username, string domain)
    {
        SigningTodayTransport.NotEmpty(username, nameof(username));
        SigningTodayTransport.NotEmpty(domain, nameof(domain));
        var request = SigningTodayTransport.Request(method, path, operation, idempotency);
        request.Query.Add("username", username);
        request.Query.Add("domain", domain);
        return request;
    }
}
