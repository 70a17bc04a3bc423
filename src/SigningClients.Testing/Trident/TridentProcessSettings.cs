using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SigningClients.Testing.Trident;

/// <summary>
/// Where a process's signature field goes, read from <c>signer.parameters.signature_field</c> in either form
/// deployments use: the reference form <c>{"page": {"number": n}, "rectangle": {x, y, width, height}}</c> or the corner
/// form <c>{"page": n, "llx", "lly", "urx", "ury"}</c>. Corners are normalised to a rectangle (x = llx, y = lly,
/// width = urx − llx, height = ury − lly).
/// </summary>
/// <param name="Name">The field name (<c>name</c>), if sent.</param>
/// <param name="Page">The page: a 1-based number as text, or a symbolic page such as <c>last</c>.</param>
/// <param name="X">Horizontal position, in PDF points.</param>
/// <param name="Y">Vertical position, in PDF points.</param>
/// <param name="Width">Width, in PDF points.</param>
/// <param name="Height">Height, in PDF points.</param>
/// <param name="CornerForm">Whether the location came in the corner form.</param>
public sealed record TridentSignatureFieldPlacement(string? Name, string Page, double X, double Y, double Width, double Height, bool CornerForm);

/// <summary>The settings of a created process the simulator acts on, read from its <c>process</c> part.</summary>
/// <param name="SignatureField">The signature field's placement, when the process names one with a location.</param>
/// <param name="SkipServerId">
/// <c>views.document_agreement.skip_server_id</c>, sent as a JSON boolean or as the string <c>"true"</c>/<c>"false"</c>
/// (one deployment's models type it as a string); <see langword="null"/> when absent. When <see langword="true"/> the
/// simulated signature page does not ask the user to acknowledge the document.
/// </param>
public sealed record TridentProcessSettings(TridentSignatureFieldPlacement? SignatureField, bool? SkipServerId)
{
    /// <summary>Reads the settings; a malformed location or <c>skip_server_id</c> is refused with a message.</summary>
    internal static TridentProcessSettings Parse(JsonObject process)
    {
        var field = process["signer"]?["parameters"]?["signature_field"] as JsonObject;
        TridentSignatureFieldPlacement? placement = null;
        if (field?["location"] is JsonNode locationNode)
        {
            var location = locationNode as JsonObject ?? throw new FormatException("signature_field.location must be an object.");
            placement = ParseLocation(Text(field["name"]), location);
        }

        bool? skip = null;
        if (process["views"]?["document_agreement"]?["skip_server_id"] is JsonNode skipNode)
        {
            skip = skipNode is JsonValue value
                ? value.GetValueKind() switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.String when bool.TryParse(value.GetValue<string>(), out var parsed) => parsed,
                    JsonValueKind.Null => null,
                    _ => throw new FormatException("views.document_agreement.skip_server_id must be a boolean or \"true\"/\"false\"."),
                }
                : throw new FormatException("views.document_agreement.skip_server_id must be a boolean or \"true\"/\"false\".");
        }

        return new TridentProcessSettings(placement, skip);
    }

    private static TridentSignatureFieldPlacement ParseLocation(string? name, JsonObject location)
    {
        string page = location["page"] switch
        {
            JsonObject pageObject => PageText(pageObject["number"]),
            JsonValue bare => PageText(bare),
            _ => throw new FormatException("signature_field.location.page is required."),
        };

        bool hasCorners = location["llx"] is not null || location["lly"] is not null || location["urx"] is not null || location["ury"] is not null;
        if (location["rectangle"] is JsonObject rectangle)
        {
            if (hasCorners)
            {
                throw new FormatException("signature_field.location has both a rectangle and corners.");
            }

            double width = Number(rectangle, "width"), height = Number(rectangle, "height");
            if (width <= 0 || height <= 0)
            {
                throw new FormatException("signature_field.location.rectangle needs a positive width and height.");
            }

            return new TridentSignatureFieldPlacement(name, page, Number(rectangle, "x"), Number(rectangle, "y"), width, height, CornerForm: false);
        }

        if (!hasCorners)
        {
            throw new FormatException("signature_field.location needs a rectangle or the corners llx, lly, urx, ury.");
        }

        double llx = Number(location, "llx"), lly = Number(location, "lly"), urx = Number(location, "urx"), ury = Number(location, "ury");
        if (urx <= llx || ury <= lly)
        {
            throw new FormatException("signature_field.location: the upper-right corner must lie above and right of the lower-left corner.");
        }

        return new TridentSignatureFieldPlacement(name, page, llx, lly, urx - llx, ury - lly, CornerForm: true);
    }

    private static string PageText(JsonNode? node)
    {
        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out long number) && number >= 1)
            {
                return number.ToString(CultureInfo.InvariantCulture);
            }

            if (value.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetValue<string>()))
            {
                return value.GetValue<string>();
            }
        }

        throw new FormatException("signature_field.location.page must be a page number (1-based) or a page name such as last.");
    }

    private static double Number(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? value.GetValue<double>()
            : throw new FormatException("signature_field.location." + name + " must be a number.");

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
