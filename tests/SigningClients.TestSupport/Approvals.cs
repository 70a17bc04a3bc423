using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Xunit;

namespace SigningClients.TestSupport;

/// <summary>
/// Approved-file snapshots (a small stand-in for Verify). The actual value is normalized (JSON indented with two
/// spaces, property order kept; XML indented; line endings <c>\n</c>), optionally scrubbed, and compared with
/// <c>&lt;test file dir&gt;/&lt;test file name&gt;.&lt;test name&gt;[.suffix].approved.json|xml|txt</c>.
/// On a mismatch or a missing approved file, the normalized value is written beside it as <c>*.received.*</c> and the
/// test fails with a line diff. To accept received output, move the received file over the approved one, or run
/// the tests once with the environment variable <c>SIGNINGCLIENTS_ACCEPT=1</c>, which writes approved files instead
/// of failing (CI never sets it). Review the diff of the approved files before committing them.
/// </summary>
public static class Approvals
{
    /// <summary>The environment variable that, set to <c>1</c>, makes mismatches overwrite the approved files.</summary>
    public const string AcceptEnvironmentVariable = "SIGNINGCLIENTS_ACCEPT";

    private const int MaxDiffLines = 40;

    /// <summary>Verifies JSON against <c>*.approved.json</c>.</summary>
    /// <param name="actualJson">The JSON to verify (any formatting).</param>
    /// <param name="sourceFile">Filled in by the compiler: the calling test file.</param>
    /// <param name="name">Filled in by the compiler: the calling test method.</param>
    /// <param name="suffix">Distinguishes several snapshots in one test.</param>
    /// <param name="scrub">Replaces volatile parts of the normalized JSON (ids, dates, boundaries) before comparison.</param>
    public static void VerifyJson(string actualJson, [CallerFilePath] string sourceFile = "", [CallerMemberName] string name = "", string? suffix = null, Func<string, string>? scrub = null)
        => Verify(NormalizeJson(actualJson), "json", sourceFile, name, suffix, scrub, IsAcceptEnabled());

    /// <summary>Verifies XML against <c>*.approved.xml</c>.</summary>
    /// <param name="actualXml">The XML to verify (any formatting).</param>
    /// <param name="sourceFile">Filled in by the compiler: the calling test file.</param>
    /// <param name="name">Filled in by the compiler: the calling test method.</param>
    /// <param name="suffix">Distinguishes several snapshots in one test.</param>
    /// <param name="scrub">Replaces volatile parts of the normalized XML before comparison.</param>
    public static void VerifyXml(string actualXml, [CallerFilePath] string sourceFile = "", [CallerMemberName] string name = "", string? suffix = null, Func<string, string>? scrub = null)
        => Verify(NormalizeXml(actualXml), "xml", sourceFile, name, suffix, scrub, IsAcceptEnabled());

    /// <summary>Verifies text (line endings normalized to <c>\n</c>) against <c>*.approved.txt</c>.</summary>
    /// <param name="actualText">The text to verify.</param>
    /// <param name="sourceFile">Filled in by the compiler: the calling test file.</param>
    /// <param name="name">Filled in by the compiler: the calling test method.</param>
    /// <param name="suffix">Distinguishes several snapshots in one test.</param>
    /// <param name="scrub">Replaces volatile parts of the text before comparison.</param>
    public static void VerifyText(string actualText, [CallerFilePath] string sourceFile = "", [CallerMemberName] string name = "", string? suffix = null, Func<string, string>? scrub = null)
        => Verify(NormalizeText(actualText), "txt", sourceFile, name, suffix, scrub, IsAcceptEnabled());

    /// <summary>Pretty-prints JSON: two-space indentation, <c>\n</c> line endings, property order kept, non-ASCII unescaped.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The normalized JSON followed by a newline.</returns>
    public static string NormalizeJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Indents XML with two spaces and <c>\n</c> line endings; the declaration is kept when present.</summary>
    /// <param name="xml">The XML.</param>
    /// <returns>The normalized XML followed by a newline.</returns>
    public static string NormalizeXml(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var document = XDocument.Parse(xml, LoadOptions.None);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            OmitXmlDeclaration = document.Declaration is null,
            Encoding = new UTF8Encoding(false),
        }))
        {
            document.Save(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Normalizes line endings to <c>\n</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalized text.</returns>
    public static string NormalizeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    internal static bool IsAcceptEnabled()
        => Environment.GetEnvironmentVariable(AcceptEnvironmentVariable) is { } value
           && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    internal static string GetApprovedPath(string sourceFile, string name, string? suffix, string extension)
        => GetBasePath(sourceFile, name, suffix) + ".approved." + extension;

    internal static void Verify(string normalized, string extension, string sourceFile, string name, string? suffix, Func<string, string>? scrub, bool accept)
    {
        var actual = scrub is null ? normalized : NormalizeText(scrub(normalized));
        var basePath = GetBasePath(sourceFile, name, suffix);
        var approvedPath = basePath + ".approved." + extension;
        var receivedPath = basePath + ".received." + extension;

        string? approved = File.Exists(approvedPath) ? NormalizeText(File.ReadAllText(approvedPath, Encoding.UTF8)) : null;
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (accept)
        {
            File.WriteAllText(approvedPath, actual, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        var message = new StringBuilder();
        message.Append(approved is null ? "No approved snapshot exists yet: " : "The snapshot does not match: ")
            .Append(approvedPath).Append('\n')
            .Append("Received output written to: ").Append(receivedPath).Append('\n')
            .Append("To accept it, review and move the received file over the approved one (or rerun with ")
            .Append(AcceptEnvironmentVariable).Append("=1).\n\n")
            .Append(LineDiff.Unified(approved ?? string.Empty, actual, "approved", "received", MaxDiffLines));
        Assert.Fail(message.ToString());
    }

    private static string GetBasePath(string sourceFile, string name, string? suffix)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceFile);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var file = ResolveSourceFile(sourceFile);
        var directory = Path.GetDirectoryName(file) ?? ".";
        var fileBase = Path.GetFileNameWithoutExtension(file);
        var result = Path.Combine(directory, fileBase + "." + name);
        return string.IsNullOrEmpty(suffix) ? result : result + "." + suffix;
    }

    /// <summary>
    /// Deterministic CI builds map source paths to <c>/_/...</c>; map them back onto the repository the tests run from.
    /// </summary>
    private static string ResolveSourceFile(string sourceFile)
    {
        var directory = Path.GetDirectoryName(sourceFile);
        if (directory is not null && Directory.Exists(directory))
        {
            return sourceFile;
        }

        var normalized = sourceFile.Replace('\\', '/');
        foreach (var prefix in new[] { "/_/", "/_1/", "/_2/" })
        {
            if (!normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = normalized[prefix.Length..];
            foreach (var root in CandidateRoots())
            {
                var candidate = Path.Combine(root, relative);
                if (Directory.Exists(Path.GetDirectoryName(candidate)))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"The directory of the test source file '{sourceFile}' does not exist; approved files are kept next to the test sources.");
    }

    private static IEnumerable<string> CandidateRoots()
    {
        foreach (var metadata in typeof(Approvals).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (metadata.Key == "SigningClients.RepositoryRoot" && !string.IsNullOrEmpty(metadata.Value))
            {
                yield return metadata.Value;
            }
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            yield return directory.FullName;
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            yield return directory.FullName;
        }
    }
}
