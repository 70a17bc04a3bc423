using System;

namespace SigningClients.Core.Http;

/// <summary>How long a value attached to a <see cref="SigningRequest"/> lives.</summary>
public enum RequestPropertyScope
{
    /// <summary>The whole call, every attempt included: an instruction the provider gives its own policies.</summary>
    Call,

    /// <summary>
    /// One request message: state a policy records while sending (for example, the session a message carried) and reads
    /// back for that message's response. The pipeline forgets it before it builds the next message (a retry, or the
    /// resend after a 401), so no attempt ever reads another attempt's state.
    /// </summary>
    Attempt,
}

/// <summary>The untyped view of a <see cref="RequestProperty{T}"/> the request stores.</summary>
internal interface IRequestProperty
{
    RequestPropertyScope Scope { get; }
}

/// <summary>
/// A typed key for a value a provider attaches to a <see cref="SigningRequest"/> for its own policies (see
/// <see cref="SigningRequest.SetProperty{T}"/>). Keys compare by identity: declare each once, as a
/// <see langword="static readonly"/> field of the policy that reads it.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class RequestProperty<T> : IRequestProperty
{
    /// <summary>Creates a property key.</summary>
    /// <param name="name">The name, for diagnostics (e.g. <c>ConsignO.TokenInForm</c>).</param>
    /// <param name="scope">How long a value lives.</param>
    public RequestProperty(string name, RequestPropertyScope scope = RequestPropertyScope.Call)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A property needs a name.", nameof(name));
        }

        Name = name;
        Scope = scope;
    }

    /// <summary>The name, for diagnostics.</summary>
    public string Name { get; }

    /// <summary>How long a value lives.</summary>
    public RequestPropertyScope Scope { get; }

    /// <inheritdoc />
    public override string ToString() => Name + " (" + Scope + ")";
}
