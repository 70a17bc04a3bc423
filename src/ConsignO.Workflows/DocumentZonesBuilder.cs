using System;
using System.Collections.Generic;
using ConsignO.Workflows.Models;

namespace ConsignO.Workflows;

/// <summary>Adds zones to one document of a <see cref="WorkflowBuilder"/>; signers are named by their builder key.</summary>
public sealed class DocumentZonesBuilder
{
    // Each zone is kept as the signer key and a factory that renders it once the key's numeric ref is known.
    private readonly List<(string Key, Func<string, SignatureZone> Render)> _zones = new();
    private readonly List<(string Key, Func<string, SignatureAnchor> Render)> _anchors = new();

    internal DocumentZonesBuilder()
    {
    }

    /// <summary>Adds a zone at coordinates (units of 1/72 inch, origin top-left).</summary>
    /// <param name="signerKey">The key of the signer who fills the zone.</param>
    /// <param name="page">The page (1-based).</param>
    /// <param name="x">Distance from the left edge.</param>
    /// <param name="y">Distance from the top edge.</param>
    /// <param name="width">The width (default 165).</param>
    /// <param name="height">The height (default 37).</param>
    /// <returns>This builder.</returns>
    public DocumentZonesBuilder AddZone(string signerKey, int page, double x, double y, double width = SignatureZone.DefaultWidth, double height = SignatureZone.DefaultHeight)
    {
        RequireSignerKey(signerKey, nameof(signerKey));
        if (page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, "Pages start at 1.");
        }

        if (!IsFiniteNonNegative(x) || !IsFiniteNonNegative(y))
        {
            throw new ArgumentOutOfRangeException(!IsFiniteNonNegative(x) ? nameof(x) : nameof(y), "Coordinates must be finite and not negative.");
        }

        if (!IsFinitePositive(width) || !IsFinitePositive(height))
        {
            throw new ArgumentOutOfRangeException(!IsFinitePositive(width) ? nameof(width) : nameof(height), "The zone size must be finite and positive.");
        }

        _zones.Add((signerKey, reference => new SignatureZone { X = x, Y = y, Width = width, Height = height, Page = page, AssignedTo = reference }));
        return this;
    }

    /// <summary>Adds a zone wherever a text tag occurs.</summary>
    /// <param name="signerKey">The key of the signer who fills the zone.</param>
    /// <param name="tag">The text tag, e.g. <c>[sig-1]</c>.</param>
    /// <param name="xOffset">Horizontal offset from the tag.</param>
    /// <param name="yOffset">Vertical offset from the tag.</param>
    /// <param name="pages">Page restriction (e.g. <c>1</c> or <c>1,3</c>); every page when null.</param>
    /// <param name="width">The width (server default 165).</param>
    /// <param name="height">The height (server default 37).</param>
    /// <param name="skipIfNotFound">Whether a missing tag is ignored.</param>
    /// <returns>This builder.</returns>
    public DocumentZonesBuilder AddAnchor(string signerKey, string tag, double xOffset = 0, double yOffset = 0, string? pages = null, double? width = null, double? height = null, bool? skipIfNotFound = null)
    {
        RequireSignerKey(signerKey, nameof(signerKey));
        if (string.IsNullOrWhiteSpace(tag))
        {
            throw new ArgumentException("An anchor tag is required.", nameof(tag));
        }

        _anchors.Add((signerKey, reference => new SignatureAnchor
        {
            Tag = tag,
            XOffset = xOffset,
            YOffset = yOffset,
            Pages = pages,
            Width = width,
            Height = height,
            AssignedTo = reference,
            SkipIfNotFound = skipIfNotFound,
        }));
        return this;
    }

    internal (List<SignatureZone> Fields, List<SignatureAnchor> Anchors) Build(Dictionary<string, string> refs)
    {
        return (Render(_zones, refs), Render(_anchors, refs));
    }

    /// <summary>Refuses an empty signer key (a zone's signer, or a signer added to the workflow builder).</summary>
    internal static void RequireSignerKey(string key, string paramName)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("A signer key is required.", paramName);
        }
    }

    // Written so that NaN fails too (every comparison with NaN is false); infinity is no place on a page.
    private static bool IsFiniteNonNegative(double value) => value >= 0 && value < double.PositiveInfinity;

    private static bool IsFinitePositive(double value) => value > 0 && value < double.PositiveInfinity;

    private static List<T> Render<T>(List<(string Key, Func<string, T> Render)> pending, Dictionary<string, string> refs)
    {
        var rendered = new List<T>(pending.Count);
        foreach (var (key, render) in pending)
        {
            rendered.Add(render(Resolve(refs, key)));
        }

        return rendered;
    }

    private static string Resolve(Dictionary<string, string> refs, string key) =>
        refs.TryGetValue(key, out var reference) ? reference : throw new ArgumentException("A zone refers to the signer key '" + key + "', which was never added.", nameof(key));
}
