namespace SigningClients.Core;

/// <summary>The error a provider reported in an error body, as parsed by a <see cref="ProviderErrorParser"/>.</summary>
public sealed class ProviderError
{
    /// <summary>Creates a provider error.</summary>
    /// <param name="code">The provider's error code, if any.</param>
    /// <param name="message">The provider's message, if any.</param>
    /// <param name="target">The field or element the error refers to, if any.</param>
    public ProviderError(string? code, string? message, string? target = null)
    {
        Code = code;
        Message = message;
        Target = target;
    }

    /// <summary>The provider's error code.</summary>
    public string? Code { get; }

    /// <summary>The provider's message.</summary>
    public string? Message { get; }

    /// <summary>The field or element the error refers to.</summary>
    public string? Target { get; }
}
