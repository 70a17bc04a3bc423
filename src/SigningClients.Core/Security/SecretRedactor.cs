using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace SigningClients.Core.Security;

/// <summary>
/// Removes secrets from text before it reaches a log, an exception message or a <c>ToString()</c>. It knows secrets
/// two ways: by value (passwords, API keys and tokens registered with <see cref="AddSecret"/>) and by name (query,
/// form, JSON and XML fields whose names contain <c>password</c>, <c>secret</c>, <c>token</c>, <c>apikey</c>,
/// <c>accesscode</c>, <c>ssn</c>, …). One instance per client; thread-safe.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>The text that replaces a secret.</summary>
    public const string Mask = "***";

    private const int MaxSecrets = 512;
    private const int MinSecretLength = 4;

    private static readonly string[] SensitiveNameParts =
    {
        "password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "api-key", "accesscode", "access_code",
        "authorization", "ssn", "socialsecurity", "credential", "assertion", "samlresponse", "pin",
    };

    // Bounded name parts keep matching linear in the text length: every alternative starts at a token boundary and
    // the name around the keyword is at most 32 characters on each side.
    private const string NameChars = "[A-Za-z0-9_.\\-]{0,32}";
    private const string NamePattern = NameChars + "(?:password|passwd|pwd|secret|token|api[_\\-]?key|access[_\\-]?code|authorization|ssn|socialsecurity|credential|assertion|samlresponse)" + NameChars;
    private const string Boundary = "(?<![A-Za-z0-9_.\\-])";

    // name=value in queries and forms; "name": "value" in JSON; <name>value</name> (any prefix) in XML;
    // "Authorization: Bearer x" / "X-Auth-Token: x" header lines.
    private static readonly Regex NamedValuePattern = new(
        "(?<pre>" + Boundary + NamePattern + "=)(?<val>[^&\\s\"'<>]*)" +
        "|(?<pre>\"" + NamePattern + "\"\\s*:\\s*\")(?<val>(?:[^\"\\\\]|\\\\.)*)(?=\")" +
        "|(?<pre><(?<tag>(?:[A-Za-z0-9_]{1,32}:)?" + NamePattern + ")(?:\\s[^>]*)?>)(?<val>[^<]*)(?=</\\k<tag>>)" +
        "|(?<pre>" + Boundary + NamePattern + ":\\s*(?:Bearer\\s+|Basic\\s+)?)(?<val>[^\\s,;\"']+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
        TimeSpan.FromSeconds(5));

    private readonly object _gate = new();
    private readonly LinkedList<string> _secrets = new();
    private readonly HashSet<string> _secretSet = new(StringComparer.Ordinal);
    private string[] _snapshot = Array.Empty<string>();

    /// <summary>Registers a secret value so that it is masked wherever it appears. Short values (under 4 characters) are ignored.</summary>
    /// <param name="secret">The secret; <see langword="null"/> or short values are ignored.</param>
    public void AddSecret(string? secret)
    {
        if (secret is null || secret.Length < MinSecretLength)
        {
            return;
        }

        lock (_gate)
        {
            if (!_secretSet.Add(secret))
            {
                return;
            }

            _secrets.AddLast(secret);
            if (_secrets.Count > MaxSecrets)
            {
                _secretSet.Remove(_secrets.First!.Value);
                _secrets.RemoveFirst();
            }

            var snapshot = new string[_secrets.Count];
            _secrets.CopyTo(snapshot, 0);
            // Longest first so that a secret containing another is masked whole.
            Array.Sort(snapshot, static (a, b) => b.Length.CompareTo(a.Length));
            _snapshot = snapshot;
        }
    }

    /// <summary>Whether a field, header or parameter name denotes a secret (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when values of that name must never be shown.</returns>
    public static bool IsSensitiveName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var part in SensitiveNameParts)
        {
            if (part == "pin")
            {
                if (string.Equals(name, "pin", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                continue;
            }

            if (name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Masks every registered secret and every value of a sensitive-named field in <paramref name="text"/>.</summary>
    /// <param name="text">Text that may contain secrets.</param>
    /// <returns>The redacted text.</returns>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        string result = text!;
        var secrets = _snapshot;
        if (secrets.Length > 0)
        {
            StringBuilder? builder = null;
            foreach (var secret in secrets)
            {
                if (result.IndexOf(secret, StringComparison.Ordinal) >= 0)
                {
                    builder ??= new StringBuilder(result);
                    builder.Replace(secret, Mask);
                    result = builder.ToString();
                }

                // Secrets can also appear percent-encoded in URIs, and form-encoded (space as '+') in bodies.
                var escaped = Uri.EscapeDataString(secret);
                if (escaped != secret)
                {
                    result = ReplaceIfPresent(result, escaped);
                    result = ReplaceIfPresent(result, escaped.Replace("%20", "+"));
                }
            }
        }

        try
        {
            result = NamedValuePattern.Replace(result, static m => m.Groups["val"].Length == 0 ? m.Value : m.Groups["pre"].Value + Mask);
        }
        catch (RegexMatchTimeoutException)
        {
            return "[redacted: text too complex to scan]";
        }

        return result;
    }

    private static string ReplaceIfPresent(string text, string secret) =>
        text.IndexOf(secret, StringComparison.Ordinal) >= 0 ? text.Replace(secret, Mask) : text;

    /// <summary>A redacted, display-safe form of a request URI (query values of sensitive names masked, user info removed).</summary>
    /// <param name="uri">The URI.</param>
    /// <returns>The redacted URI text.</returns>
    public string RedactUri(Uri? uri)
    {
        if (uri is null)
        {
            return string.Empty;
        }

        if (!uri.IsAbsoluteUri)
        {
            return Redact(uri.OriginalString);
        }

        var text = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);
        return Redact(text);
    }
}
