namespace SigningClients.Core;

/// <summary>What kind of failure a <see cref="SigningApiException"/> reports.</summary>
public enum SigningFailureKind
{
    /// <summary>The provider answered with an error HTTP status (4xx, 5xx).</summary>
    HttpError = 0,

    /// <summary>The provider answered successfully at the HTTP level but reported a failure in the body (for example <c>IsSuccessful=false</c> or <c>Success=false</c>).</summary>
    ProviderError = 1,

    /// <summary>No complete response: the connection was refused, dropped or reset.</summary>
    ConnectionFailure = 2,

    /// <summary>An attempt took longer than the configured attempt timeout.</summary>
    Timeout = 3,

    /// <summary>The response could not be read or parsed (truncated, malformed, unexpected format, unsafe XML).</summary>
    InvalidResponse = 4,

    /// <summary>Downloaded content did not match the integrity information the provider sent (for example an MD5 hash).</summary>
    IntegrityFailure = 5,
}
