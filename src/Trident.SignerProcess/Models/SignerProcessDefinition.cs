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
    public SignerProcessType ProcessType { get; set; } = SignerProcessType.DocumentSignEsigp;

    /// <summary>
    /// Labels (<c>labels</c>): an array of string arrays the application uses to tag and later find the process,
    /// e.g. <c>[["order", "4711"]]</c>.
    /// </summary>
    public IList<IList<string>>? Labels { get; set; }

    /// <summary>How the document is signed (<c>signer</c>).</summary>
    public SignerProcessSigner? Signer { get; set; }

    /// <summary>Preferred user interface languages (<c>ui_locales</c>), e.g. <c>en_US</c>.</summary>
    public IList<string>? UiLocales { get; set; }

    /// <summary>The time-stamp provider (<c>timestamp</c>).</summary>
    public TimestampSettings? Timestamp { get; set; }

    /// <summary>
    /// Where the user's browser is sent when the process ends (<c>finish_callback_url</c>); TRIDENT appends
    /// <c>status</c> and <c>signer_process_id</c>. Required; must be absolute http(s).
    /// </summary>
    public Uri FinishCallbackUrl { get; set; } = null!;

    /// <summary>Options of the pages TRIDENT shows to the user (<c>views</c>).</summary>
    public SignerProcessViews? Views { get; set; }

    /// <summary>Members this SDK does not model; sent as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>
    /// Reads a definition from its JSON form (the <c>process</c> part), e.g. a template kept in configuration or written
    /// by a deployment's integration code. Every documented form is read (both signature field locations,
    /// <c>skip_server_id</c> as a boolean or a string) and unknown members are kept.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentException">The text is not a JSON object in the process shape.</exception>
    public static SignerProcessDefinition FromJson(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        try
        {
            return JsonSerializer.Deserialize(json, Serialization.TridentJsonContext.Default.SignerProcessDefinition)
                ?? throw new ArgumentException("The JSON is null, not a process definition.", nameof(json));
        }
        catch (JsonException e)
        {
            throw new ArgumentException("The JSON is not a signer process definition: " + e.Message, nameof(json), e);
        }
    }

    /// <summary>Writes the definition exactly as the client sends it (the <c>process</c> part, snake_case).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Serialization.TridentJsonContext.Default.SignerProcessDefinition);

    /// <summary>Checks what the server would refuse, before anything is sent.</summary>
    /// <param name="paramName">The parameter name for exceptions.</param>
    internal void Validate(string paramName)
    {
        if (FinishCallbackUrl is not { IsAbsoluteUri: true } callback ||
            (callback.Scheme != Uri.UriSchemeHttps && callback.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("FinishCallbackUrl must be an absolute http(s) URL.", paramName);
        }

        if (Timestamp is { } timestamp && string.IsNullOrWhiteSpace(timestamp.ProviderId))
        {
            throw new ArgumentException("Timestamp.ProviderId is required when Timestamp is set.", paramName);
        }

        Signer?.Parameters?.SignatureField?.Location?.Validate(paramName);
    }
}

/// <summary>The signer settings (<c>signer</c>).</summary>
public sealed class SignerProcessSigner
{
    /// <summary>The signature policy (<c>signature_policy_id</c>), e.g. <see cref="SignaturePolicies.Pdf"/>.</summary>
    public string? SignaturePolicyId { get; set; } = SignaturePolicies.Pdf;

    /// <summary>The signature parameters (<c>parameters</c>). When missing, TRIDENT applies the signature definition's defaults.</summary>
    public SignatureParameters? Parameters { get; set; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>Signature parameters (<c>signer.parameters</c>).</summary>
public sealed class SignatureParameters
{
    /// <summary>The signature type (<c>type</c>), e.g. <see cref="SignatureTypes.PadesBaseline"/>.</summary>
    public string? Type { get; set; }

    /// <summary>The signature field (<c>signature_field</c>).</summary>
    public SignatureField? SignatureField { get; set; }

    /// <summary>The visible appearance of the signature (<c>appearance</c>); its members depend on the deployment.</summary>
    public SignatureAppearance? Appearance { get; set; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The PDF signature field (<c>signature_field</c>).</summary>
public sealed class SignatureField
{
    /// <summary>The field name (<c>name</c>), e.g. <c>Signature1</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Where the field is placed (<c>location</c>).</summary>
    public SignatureFieldLocation? Location { get; set; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// The location of a signature field (<c>location</c>), in either of the two forms deployments use:
/// <list type="bullet">
/// <item><description>the TRIDENT reference form <c>{"page": {"number": 1}, "rectangle": {"x", "y", "width", "height"}}</c>
/// (<see cref="FromRectangle"/>, the default);</description></item>
/// <item><description>the corner form <c>{"page": 1, "llx", "lly", "urx", "ury"}</c> (lower-left and upper-right corners, in
/// PDF points) that a deployment's integration code sends (<see cref="FromCorners"/>).</description></item>
/// </list>
/// Both are read; what is written follows what is set: <c>page</c> is written as a bare number when the corners are set
/// and <see cref="Rectangle"/> is not (or when it was read that way), as <c>{"number": …}</c> otherwise.
/// </summary>
[JsonConverter(typeof(Serialization.SignatureFieldLocationConverter))]
public sealed class SignatureFieldLocation
{
    /// <summary>The page (<c>page</c>).</summary>
    public SignaturePage? Page { get; set; }

    /// <summary>The rectangle on the page (<c>rectangle</c>), in PDF points: the reference form.</summary>
    public SignatureRectangle? Rectangle { get; set; }

    /// <summary>Lower-left x (<c>llx</c>), in PDF points: the corner form.</summary>
    public double? Llx { get; set; }

    /// <summary>Lower-left y (<c>lly</c>), in PDF points: the corner form.</summary>
    public double? Lly { get; set; }

    /// <summary>Upper-right x (<c>urx</c>), in PDF points: the corner form.</summary>
    public double? Urx { get; set; }

    /// <summary>Upper-right y (<c>ury</c>), in PDF points: the corner form.</summary>
    public double? Ury { get; set; }

    /// <summary>Members this SDK does not model.</summary>
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>Whether any corner (<c>llx</c>, <c>lly</c>, <c>urx</c>, <c>ury</c>) is set.</summary>
    public bool HasCorners => Llx is not null || Lly is not null || Urx is not null || Ury is not null;

    /// <summary>How <c>page</c> was read (<see langword="true"/>: a bare number); <see langword="null"/> for a location built in code.</summary>
    internal bool? PageReadAsNumber { get; set; }

    /// <summary>A location in the reference form: <c>{"page": {"number": page}, "rectangle": {x, y, width, height}}</c>.</summary>
    /// <param name="page">The page (1-based, or <see cref="SignaturePageNumber.Last"/>).</param>
    /// <param name="x">Horizontal position.</param>
    /// <param name="y">Vertical position.</param>
    /// <param name="width">Width (positive).</param>
    /// <param name="height">Height (positive).</param>
    /// <returns>The location.</returns>
    public static SignatureFieldLocation FromRectangle(SignaturePageNumber page, double x, double y, double width, double height) =>
        new() { Page = new SignaturePage { Number = page }, Rectangle = new SignatureRectangle(x, y, width, height) };

    /// <summary>A location in the corner form: <c>{"page": page, "llx", "lly", "urx", "ury"}</c>.</summary>
    /// <param name="page">The page (1-based, or <see cref="SignaturePageNumber.Last"/>).</param>
    /// <param name="llx">Lower-left x.</param>
    /// <param name="lly">Lower-left y.</param>
    /// <param name="urx">Upper-right x (greater than <paramref name="llx"/>).</param>
    /// <param name="ury">Upper-right y (greater than <paramref name="lly"/>).</param>
    /// <returns>The location.</returns>
    public static SignatureFieldLocation FromCorners(SignaturePageNumber page, double llx, double lly, double urx, double ury) =>
        new() { Page = new SignaturePage { Number = page }, Llx = llx, Lly = lly, Urx = urx, Ury = ury };

    /// <summary>Checks the location before it is sent.</summary>
    /// <param name="paramName">The parameter name for the exception.</param>
    internal void Validate(string paramName)
    {
        if (Rectangle is { } r && (r.Width <= 0 || r.Height <= 0))
        {
            throw new ArgumentException("The signature field rectangle needs a positive width and height.", paramName);
        }

        if (HasCorners)
        {
            if (Llx is null || Lly is null || Urx is null || Ury is null)
            {
                throw new ArgumentException("The signature field corners need all of llx, lly, urx and ury.", paramName);
            }

            if (Urx <= Llx || Ury <= Lly)
            {
                throw new ArgumentException("The signature field's upper-right corner (urx, ury) must lie above and right of its lower-left corner (llx, lly).", paramName);
            }
        }
    }
}

/// <summary>The page of a signature field (<c>page</c>).</summary>
public sealed class SignaturePage
{
    /// <summary>The page number (<c>number</c>): 1-based, or <see cref="SignaturePageNumber.Last"/>.</summary>
    public SignaturePageNumber Number { get; set; }

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
    /// <summary>Creates an empty rectangle; set its members before sending (width and height must be positive).</summary>
    public SignatureRectangle()
    {
    }

    /// <summary>Creates a rectangle.</summary>
    /// <param name="x">Horizontal position.</param>
    /// <param name="y">Vertical position.</param>
    /// <param name="width">Width (positive).</param>
    /// <param name="height">Height (positive).</param>
    public SignatureRectangle(double x, double y, double width, double height)
    {
        X = x;
        Y = y;
        Width = width;
        Height = height;
    }

    /// <summary>Horizontal position (<c>x</c>).</summary>
    public double X { get; set; }

    /// <summary>Vertical position (<c>y</c>).</summary>
    public double Y { get; set; }

    /// <summary>Width (<c>width</c>).</summary>
    public double Width { get; set; }

    /// <summary>Height (<c>height</c>).</summary>
    public double Height { get; set; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
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
    public string ProviderId { get; set; } = string.Empty;

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>Options of the pages TRIDENT shows (<c>views</c>).</summary>
public sealed class SignerProcessViews
{
    /// <summary>The document agreement page (<c>document_agreement</c>).</summary>
    public DocumentAgreementView? DocumentAgreement { get; set; }

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
    /// <remarks>Read from a JSON boolean or from the strings <c>"true"</c>/<c>"false"</c> (one deployment's models type it as a string); written as a boolean.</remarks>
    [JsonConverter(typeof(Serialization.BooleanOrStringJsonConverter))]
    public bool? SkipServerId { get; set; }

    /// <summary>What the page shows about the document (<c>document_info</c>).</summary>
    public DocumentInfo? DocumentInfo { get; set; }

    /// <summary>Members this SDK does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>Information about the document shown on the agreement page (<c>document_info</c>).</summary>
public sealed class DocumentInfo
{
    /// <summary>The body of an HTML fragment, base64-encoded (<c>html_body_content</c>); see <see cref="FromHtml"/>.</summary>
    public string? HtmlBodyContent { get; set; }

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
