using System;

namespace SigningClients.Core.Authentication;

/// <summary>
/// A token the provider issued cannot be used as a header value (control characters such as CR/LF, non-ASCII bytes,
/// an absurd length). It is never cached or sent; the pipeline reports the call as
/// <see cref="SigningFailureKind.InvalidResponse"/> (transient: the next call fetches a new token). The token itself is
/// never part of the message.
/// </summary>
internal sealed class InvalidTokenException : Exception
{
    public InvalidTokenException(string what)
        : base("The " + what + " the provider issued is not a valid header value (control, white-space or non-ASCII characters, or longer than " + TokenValue.MaxLength + " characters); it was discarded and not sent.")
    {
    }
}
