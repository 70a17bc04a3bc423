using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using SigningClients.Core.Authentication;
using SigningClients.Core.Security;

namespace SigningClients.Core.Pipeline;

/// <summary>Everything a <see cref="SigningPipeline"/> needs besides its <see cref="System.Net.Http.HttpClient"/>.</summary>
public sealed class SigningPipelineOptions
{
    /// <summary>Creates pipeline options.</summary>
    /// <param name="providerName">The provider name used in logs, traces and errors.</param>
    /// <param name="endpoint">The base address requests are relative to.</param>
    public SigningPipelineOptions(string providerName, Uri endpoint)
    {
        if (string.IsNullOrWhiteSpace(providerName))
        {
            throw new ArgumentException("A provider name is required.", nameof(providerName));
        }

        ProviderName = providerName;
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
    }

    /// <summary>
    /// The one way a client builds its pipeline options: endpoint (the client's, or <paramref name="endpoint"/> for a
    /// token or login endpoint), plain-http-on-loopback permission, limits and retry come from the client's options; the
    /// provider supplies its error parser, the redactor it shares among its pipelines, and its authentication.
    /// </summary>
    /// <param name="providerName">The provider name used in logs, traces and errors.</param>
    /// <param name="clientOptions">The client's options (validated).</param>
    /// <param name="errorParser">The provider's error body parser.</param>
    /// <param name="redactor">The redactor every pipeline of the client shares.</param>
    /// <param name="loggerFactory">Logging; none when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <param name="authentication">The authentication step, if any.</param>
    /// <param name="endpoint">Another base address (e.g. a token endpoint); <see langword="null"/> for the client's endpoint.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException">No endpoint is set.</exception>
    public static SigningPipelineOptions ForClient(
        string providerName,
        SigningClientOptions clientOptions,
        ProviderErrorParser errorParser,
        SecretRedactor redactor,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider,
        AuthenticationPolicy? authentication = null,
        Uri? endpoint = null)
    {
        if (clientOptions is null)
        {
            throw new ArgumentNullException(nameof(clientOptions));
        }

        return new SigningPipelineOptions(providerName, endpoint ?? clientOptions.Endpoint ?? throw new ArgumentException("The endpoint is required.", nameof(clientOptions)))
        {
            AllowHttpOnLoopback = clientOptions.AllowHttpOnLoopback,
            Limits = clientOptions.Limits,
            Retry = clientOptions.Retry,
            ErrorParser = errorParser ?? throw new ArgumentNullException(nameof(errorParser)),
            LoggerFactory = loggerFactory,
            TimeProvider = timeProvider ?? TimeProvider.System,
            Redactor = redactor ?? throw new ArgumentNullException(nameof(redactor)),
            Authentication = authentication,
        };
    }

    /// <summary>The provider name.</summary>
    public string ProviderName { get; }

    /// <summary>The base address; a trailing slash is added when missing.</summary>
    public Uri Endpoint { get; }

    /// <summary>Whether plain http is allowed for loopback endpoints.</summary>
    public bool AllowHttpOnLoopback { get; set; }

    /// <summary>Retry settings.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Limits on answers: size, stalls, provider-message length, paging.</summary>
    public ClientLimits Limits { get; set; } = new();

    /// <summary>The authentication step, if the provider needs one.</summary>
    public AuthenticationPolicy? Authentication { get; set; }

    /// <summary>The provider's error body parser.</summary>
    public ProviderErrorParser? ErrorParser { get; set; }

    /// <summary>The logger factory; logs go to category <c>SigningClients.{ProviderName}</c>.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for retry delays and timeouts.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The client's redactor; register every secret of the client with it.</summary>
    public SecretRedactor Redactor { get; set; } = new();

    /// <summary>Response headers that carry the provider's request id, first match wins.</summary>
    public IList<string> RequestIdHeaders { get; } = new List<string> { "x-request-id", "request-id", "x-correlation-id", "x-ms-request-id" };

    /// <summary>Maximum bytes of an error body read for parsing (the exception keeps at most 4 KB). Default 64 KB.</summary>
    public int MaxErrorBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The User-Agent product token, e.g. <c>SigningClients.SigningToday/1.0.0</c>.</summary>
    public string? UserAgent { get; set; }
}
