using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Http;
using SigningClients.Core.Security;

namespace SigningClients.Core.Authentication;

/// <summary>Adds fixed headers (API keys, service credentials) to every authenticated request. Values are registered as secrets.</summary>
public sealed class StaticHeadersAuthenticationPolicy : AuthenticationPolicy
{
    private readonly KeyValuePair<string, string>[] _headers;

    /// <summary>Creates the policy.</summary>
    /// <param name="headers">Header names and values.</param>
    /// <param name="redactor">The client's redactor; every value is registered as a secret.</param>
    public StaticHeadersAuthenticationPolicy(IEnumerable<KeyValuePair<string, string>> headers, SecretRedactor redactor)
    {
        if (headers is null)
        {
            throw new ArgumentNullException(nameof(headers));
        }

        if (redactor is null)
        {
            throw new ArgumentNullException(nameof(redactor));
        }

        _headers = new List<KeyValuePair<string, string>>(headers).ToArray();
        foreach (var header in _headers)
        {
            if (string.IsNullOrWhiteSpace(header.Key))
            {
                throw new ArgumentException("Header names cannot be empty.", nameof(headers));
            }

            redactor.AddCredential(header.Value);
        }
    }

    /// <inheritdoc />
    public override ValueTask AuthenticateAsync(HttpRequestMessage message, SigningRequest request, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        foreach (var header in _headers)
        {
            message.Headers.Remove(header.Key);
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return default;
    }

    /// <inheritdoc />
    public override string ToString() => "StaticHeaders(" + _headers.Length + " headers, values hidden)";
}
