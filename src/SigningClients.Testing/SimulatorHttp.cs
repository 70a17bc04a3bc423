using System;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SigningClients.Testing;

/// <summary>Small helpers for simulator routes: JSON in and out with given serializer options, and credentials.</summary>
public static class SimulatorHttp
{
    /// <summary>The content type <see cref="WriteJsonAsync{T}"/> uses by default.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>
    /// Writes <paramref name="value"/> as the response: status <paramref name="statusCode"/>, the given content type
    /// and the JSON produced with <paramref name="options"/> (so each simulator uses its provider's naming).
    /// </summary>
    /// <typeparam name="T">The type to serialize.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">The serializer options of the simulated provider.</param>
    /// <param name="statusCode">The status code (default 200).</param>
    /// <param name="contentType">The content type (default <see cref="JsonContentType"/>).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the body is written.</returns>
    public static async Task WriteJsonAsync<T>(
        HttpResponse response,
        T value,
        JsonSerializerOptions options,
        int statusCode = StatusCodes.Status200OK,
        string contentType = JsonContentType,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(options);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, options);
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the request body as JSON with <paramref name="options"/>. Returns <see langword="default"/> for an empty
    /// body or a body that is not valid JSON for <typeparamref name="T"/>, so routes can answer 400 themselves.
    /// </summary>
    /// <typeparam name="T">The type to deserialize.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="options">The serializer options of the simulated provider.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value, or <see langword="default"/>.</returns>
    public static async Task<T?> ReadJsonAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>
    /// Reads HTTP Basic credentials from the <c>Authorization</c> header (<c>Basic base64(user:password)</c>, UTF-8;
    /// the scheme name is case-insensitive; the password may contain colons).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="userName">The user name, when the header is present and well-formed.</param>
    /// <param name="password">The password, when the header is present and well-formed.</param>
    /// <returns><see langword="true"/> when well-formed Basic credentials were sent.</returns>
    public static bool TryGetBasicCredentials(HttpRequest request, [NotNullWhen(true)] out string? userName, [NotNullWhen(true)] out string? password)
    {
        ArgumentNullException.ThrowIfNull(request);
        userName = null;
        password = null;
        if (!TryGetAuthorization(request, "Basic", out var parameter))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        userName = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }

    /// <summary>Reads the token of an <c>Authorization: Bearer &lt;token&gt;</c> header (scheme case-insensitive).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The token, or <see langword="null"/> when no bearer token was sent.</returns>
    public static string? GetBearerToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TryGetAuthorization(request, "Bearer", out var token) ? token : null;
    }

    private static bool TryGetAuthorization(HttpRequest request, string scheme, [NotNullWhen(true)] out string? parameter)
    {
        parameter = null;
        var header = request.Headers[HeaderNames.Authorization];
        if (header.Count != 1 || !AuthenticationHeaderValue.TryParse(header[0], out var value))
        {
            return false;
        }

        if (!string.Equals(value.Scheme, scheme, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(value.Parameter))
        {
            return false;
        }

        parameter = value.Parameter.Trim();
        return true;
    }
}
