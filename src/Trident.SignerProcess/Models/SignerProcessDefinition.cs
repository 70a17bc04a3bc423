using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trident.SignerProcess.Models;

/// <summary>
/// The <c>process</c> part of a signer process creation request: what to sign, how, and where the user's browser
/// returns when the process ends.
/// </summary>
public sealed class SignerProcessDefinition
{
    /// <summary>The process type (<c>process_type</c>); defaults to <see cref="SignerProcessType.DocumentSignEsigp"/>.</summary>
    public SignerProcessType ProcessType { get; init; } = SignerProcessType.DocumentSignEsigp;

    /// <summary>
    /// Labels (<c>labels</c>): an array of string arrays the application uses to tag and later find the process,
    /// e.g. <c>[["order", "4711"]]</c>.
    /// </summary>
    public IList<IList<string>>? Labels { get; init; }

    /// <summary>How the document is signed (<c>signer</c>).</summary>
    public SignerProcessSigner? Signer { get; init; }

    /// <summary>Preferred user interface languages (<c>ui_locales</c>), e.g. <c>en_US</c>.</summary>
    public IList<string>? UiLocales { get; init; }

    /// <summary>The time-stamp provider (<c>timestamp</c>).</summary>
    public TimestampSettings? Timestamp { get; init; }

    /// <summary>
    /// Where the user's browser is sent when the process ends (<c>finish_callback_url</c>); TRIDENT appends
    /// <c>status</c> and <c>signer_process_id</c>. Required; must be absolute http(s).
    /// </summary>
    public required Uri FinishCallbackUrl { get; init; }

    /// <summary>Options of the pages TRIDENT shows to the user (<c>views</c>).</summary>
    public SignerProcessViews? Views { get; init; }

    /// <summary>Members this SDK does not model; sent as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The signer settings (<c>signer</c>).</summary>
public sealed class SignerProcessSigner
{
    /// <summary>The signature policy (<c>signature_policy_id</c>), e.g. <see cref="SignaturePolicies.Pdf"/>.</summary>
    public string? SignaturePolicyId { get; init; } = SignaturePolicies.Pdf;

    /// <summary>The signature parameters (<c>parameters</c>). When missing, TRIDENT applies the signature definition's defaults.</summary>
    public SignatureParameters? Parameters { get; init; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>Signature parameters (<c>signer.parameters</c>).</summary>
public sealed class SignatureParameters
{
    /// <summary>The signature type (<c>type</c>), e.g. <see cref="SignatureTypes.PadesBaseline"/>.</summary>
    public string? Type { get; init; }

    /// <summary>The signature field (<c>signature_field</c>).</summary>
    public SignatureField? SignatureField { get; init; }

    /// <summary>The visible appearance of the signature (<c>appearance</c>); its members depend on the deployment.</summary>
    public SignatureAppearance? Appearance { get; init; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The PDF signature field (<c>signature_field</c>).</summary>
public sealed class SignatureField
{
    /// <summary>The field name (<c>name</c>), e.g. <c>Signature1</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Where the field is placed (<c>location</c>).</summary>
    public SignatureFieldLocation? Location { get; init; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The location of a signature field (<c>location</c>).</summary>
public sealed class SignatureFieldLocation
{
    /// <summary>The page (<c>page</c>).</summary>
    public SignaturePage? Page { get; init; }

    /// <summary>The rectangle on the page (<c>rectangle</c>), in PDF points.</summary>
    public SignatureRectangle? Rectangle { get; init; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The page of a signature field (<c>page</c>).</summary>
public sealed class SignaturePage
{
    /// <summary>The page number (<c>number</c>): 1-based, or <see cref="SignaturePageNumber.Last"/>.</summary>
    public SignaturePageNumber Number { get; init; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// A page number: a 1-based page (written as a JSON number) or a symbolic page such as <c>last</c> (written as a string).
/// </summary>
[JsonConverter(typeof(Converter))]
public readonly struct SignaturePageNumber : IEquatable<SignaturePageNumber>
{
    private SignaturePageNumber(string value) => Value = value;

    /// <summary>The value as text: digits, or a symbolic name.</summary>
    public string? Value { get; }

    /// <summary>The last page of the document (<c>"last"</c>).</summary>
    public static SignaturePageNumber Last { get; } = new("last");

    /// <summary>A 1-based page number.</summary>
    /// <param name="number">The page, at least 1.</param>
    /// <returns>The page number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is less than 1.</exception>
    public static SignaturePageNumber Page(int number)
    {
        if (number < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(number), "Page numbers start at 1.");
        }

        return new(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A symbolic page name other than <see cref="Last"/>, as the deployment defines it.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The page number.</returns>
    public static SignaturePageNumber Named(string name) =>
        new(string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A page name is required.", nameof(name)) : name);

    /// <summary>Converts a 1-based page number.</summary>
    /// <param name="number">The page.</param>
    public static implicit operator SignaturePageNumber(int number) => Page(number);

    /// <summary>Converts a 1-based page number (alternative to the implicit conversion).</summary>
    /// <param name="number">The page.</param>
    /// <returns>The page number.</returns>
    public static SignaturePageNumber FromInt32(int number) => Page(number);

    /// <summary>The numeric page, when this is one.</summary>
    /// <param name="number">The page.</param>
    /// <returns>Whether this is a numeric page.</returns>
    public bool TryGetNumber(out int number) =>
        int.TryParse(Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number);

    /// <inheritdoc />
    public bool Equals(SignaturePageNumber other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SignaturePageNumber other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Equality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether equal.</returns>
    public static bool operator ==(SignaturePageNumber left, SignaturePageNumber right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>Whether different.</returns>
    public static bool operator !=(SignaturePageNumber left, SignaturePageNumber right) => !left.Equals(right);

    /// <summary>JSON converter: numbers as JSON numbers, names as strings; reads both.</summary>
    public sealed class Converter : JsonConverter<SignaturePageNumber>
    {
        /// <inheritdoc />
        public override SignaturePageNumber Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType switch
            {
                JsonTokenType.Number when reader.TryGetInt32(out var n) => new(n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                JsonTokenType.String => new(reader.GetString() ?? string.Empty),
                _ => throw new JsonException("Expected a page number or name."),
            };

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, SignaturePageNumber value, JsonSerializerOptions options)
        {
            if (writer is null)
            {
                throw new ArgumentNullException(nameof(writer));
            }

            if (value.Value is null)
            {
                writer.WriteNullValue();
            }
            else if (value.TryGetNumber(out var number))
            {
                writer.WriteNumberValue(number);
            }
            else
            {
                writer.WriteStringValue(value.Value);
            }
        }
    }
}

/// <summary>A rectangle on a PDF page (<c>rectangle</c>), in points.</summary>
public sealed class SignatureRectangle
{
    /// <summary>Horizontal position (<c>x</c>).</summary>
    public required double X { get; init; }

    /// <summary>Vertical position (<c>y</c>).</summary>
    public required double Y { get; init; }

    /// <summary>Width (<c>width</c>).</summary>
    public required double Width { get; init; }

    /// <summary>Height (<c>height</c>).</summary>
    public required double Height { get; init; }
}

/// <summary>
/// The signature appearance (<c>appearance</c>). Its members are defined by each TRIDENT deployment and are not
/// documented publicly; put them in <see cref="AdditionalProperties"/>.
/// </summary>
public sealed class SignatureAppearance
{
    /// <summary>The appearance members, sent as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The time-stamp settings (<c>timestamp</c>).</summary>
public sealed class TimestampSettings
{
    /// <summary>The time-stamp provider (<c>provider_id</c>).</summary>
    public required string ProviderId { get; init; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>Options of the pages TRIDENT shows (<c>views</c>).</summary>
public sealed class SignerProcessViews
{
    /// <summary>The document agreement page (<c>document_agreement</c>).</summary>
    public DocumentAgreementView? DocumentAgreement { get; init; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The page where the user acknowledges the document before signing (<c>document_agreement</c>).</summary>
public sealed class DocumentAgreementView
{
    /// <summary>
    /// Skips the acknowledgment when a server signing identity is used (<c>skip_server_id</c>), because the
    /// application obtained it by its own means.
    /// </summary>
    public bool? SkipServerId { get; init; }

    /// <summary>What the page shows about the document (<c>document_info</c>).</summary>
    public DocumentInfo? DocumentInfo { get; init; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>Information about the document shown on the agreement page (<c>document_info</c>).</summary>
public sealed class DocumentInfo
{
    /// <summary>The body of an HTML fragment, base64-encoded (<c>html_body_content</c>); see <see cref="FromHtml"/>.</summary>
    public string? HtmlBodyContent { get; init; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Creates the document info from HTML (UTF-8, base64-encoded here).</summary>
    /// <param name="html">The HTML body content.</param>
    /// <returns>The document info.</returns>
    public static DocumentInfo FromHtml(string html)
    {
        if (html is null)
        {
            throw new ArgumentNullException(nameof(html));
        }

        return new DocumentInfo { HtmlBodyContent = Convert.ToBase64String(Encoding.UTF8.GetBytes(html)) };
    }

    /// <summary>Decodes <see cref="HtmlBodyContent"/>.</summary>
    /// <returns>The HTML, or <see langword="null"/> when not set.</returns>
    /// <exception cref="FormatException">The content is not base64.</exception>
    public string? GetHtml() => HtmlBodyContent is null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(HtmlBodyContent));
}
