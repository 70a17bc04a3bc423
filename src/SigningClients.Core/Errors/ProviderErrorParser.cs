using System;
using System.Globalization;
using System.Text.Json;

namespace SigningClients.Core;

/// <summary>
/// Reads a provider's error body. Each provider plugs in one; it must never throw for malformed input (return
/// <see langword="null"/> instead) so that every failure still becomes a <see cref="SigningApiException"/>.
/// </summary>
public abstract class ProviderErrorParser
{
    /// <summary>Parses an error body.</summary>
    /// <param name="statusCode">The HTTP status (0 when not applicable).</param>
    /// <param name="contentType">The response media type, if any.</param>
    /// <param name="body">The body text, possibly truncated to the pipeline's error-body limit.</param>
    /// <returns>The parsed error, or <see langword="null"/> when the body is not in the provider's error format.</returns>
    public abstract ProviderError? Parse(int statusCode, string? contentType, string body);
}

/// <summary>
/// Parses JSON error bodies of the shape <c>{ "code": …, "message": … }</c> with configurable member names; the
/// code may be a string or a number. Member lookup is case-insensitive.
/// </summary>
public sealed class JsonProviderErrorParser : ProviderErrorParser
{
    private readonly string _codeProperty;
    private readonly string _messageProperty;
    private readonly string? _targetProperty;
    private readonly string? _wrapperProperty;

    /// <summary>Creates a parser.</summary>
    /// <param name="codeProperty">The member holding the error code.</param>
    /// <param name="messageProperty">The member holding the message.</param>
    /// <param name="targetProperty">The member holding the target, if the provider sends one.</param>
    /// <param name="wrapperProperty">A member that wraps the error object, if any (for example <c>error</c>).</param>
    public JsonProviderErrorParser(string codeProperty = "code", string messageProperty = "message", string? targetProperty = null, string? wrapperProperty = null)
    {
        _codeProperty = codeProperty ?? throw new ArgumentNullException(nameof(codeProperty));
        _messageProperty = messageProperty ?? throw new ArgumentNullException(nameof(messageProperty));
        _targetProperty = targetProperty;
        _wrapperProperty = wrapperProperty;
    }

    /// <inheritdoc />
    public override ProviderError? Parse(int statusCode, string? contentType, string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (_wrapperProperty is not null && TryGet(root, _wrapperProperty, out var wrapped) && wrapped.ValueKind == JsonValueKind.Object)
            {
                root = wrapped;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? code = TryGet(root, _codeProperty, out var c) ? AsText(c) : null;
            string? message = TryGet(root, _messageProperty, out var m) ? AsText(m) : null;
            string? target = _targetProperty is not null && TryGet(root, _targetProperty, out var t) ? AsText(t) : null;
            return code is null && message is null ? null : new ProviderError(code, message, target);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
