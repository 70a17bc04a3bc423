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
    private readonly Dictionary<string, LinkedListNode<string>> _secretNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _credentials = new(StringComparer.Ordinal);
    private string[] _snapshot = Array.Empty<string>();

    /// <summary>
    /// Registers a per-call secret (a per-task password, a one-time token) so that it is masked wherever it appears.
    /// The most recent 512 per-call secrets are kept; registering a known one again makes it recent. Short values
    /// (under 4 characters) are ignored. Long-lived credentials go through <see cref="AddCredential"/>, which never evicts.
    /// </summary>
    /// <param name="secret">The secret; <see langword="null"/> or short values are ignored.</param>
    public void AddSecret(string? secret)
    {
        if (secret is null || secret.Length < MinSecretLength)
        {
            return;
        }

        lock (_gate)
        {
            if (_secretNodes.TryGetValue(secret, out var node))
            {
                // Known: refresh its recency; the snapshot (sorted by length) does not change.
                _secrets.Remove(node);
                _secrets.AddLast(node);
                return;
            }

            if (_credentials.ContainsKey(secret))
            {
                return;
            }

            _secretNodes[secret] = _secrets.AddLast(secret);
            if (_secrets.Count > MaxSecrets)
            {
                _secretNodes.Remove(_secrets.First!.Value);
                _secrets.RemoveFirst();
            }

            RebuildSnapshot();
        }
    }

    /// <summary>A redactor that knows a client's long-lived credentials from the start (see <see cref="AddCredential"/>).</summary>
    /// <param name="credentials">The credentials; <see langword="null"/> or short values are ignored.</param>
    /// <returns>The redactor.</returns>
    public static SecretRedactor ForCredentials(params string?[] credentials)
    {
        var redactor = new SecretRedactor();
        foreach (var credential in credentials ?? Array.Empty<string?>())
        {
            redactor.AddCredential(credential);
        }

        return redactor;
    }

    /// <summary>
    /// Registers a long-lived credential (an account password, API key or secret, an access code, the session or bearer
    /// token in use). Credentials are never evicted, however many per-call secrets are registered after them.
    /// </summary>
    /// <param name="credential">The credential; <see langword="null"/> or short values are ignored.</param>
    public void AddCredential(string? credential)
    {
        if (credential is null || credential.Length < MinSecretLength)
        {
            return;
        }

        lock (_gate)
        {
            _credentials[credential] = _credentials.TryGetValue(credential, out int count) ? count + 1 : 1;
            if (_secretNodes.TryGetValue(credential, out var node))
            {
                _secrets.Remove(node);
                _secretNodes.Remove(credential);
            }

            if (_credentials[credential] == 1)
            {
                RebuildSnapshot();
            }
        }
    }

    /// <summary>
    /// Replaces a rotating credential (a session or bearer token): <paramref name="current"/> becomes a long-lived
    /// credential and <paramref name="previous"/> is demoted to a per-call secret (still masked while recent).
    /// </summary>
    /// <param name="previous">The credential being replaced, if any.</param>
    /// <param name="current">The credential now in use.</param>
    public void ReplaceCredential(string? previous, string? current)
    {
        if (string.Equals(previous, current, StringComparison.Ordinal))
        {
            bool known;
            lock (_gate)
            {
                known = current is not null && _credentials.ContainsKey(current);
            }

            if (!known)
            {
                AddCredential(current);
            }

            return;
        }

        AddCredential(current);
        if (previous is null || previous.Length < MinSecretLength)
        {
            return;
        }

        lock (_gate)
        {
            if (!_credentials.TryGetValue(previous, out int count))
            {
                return;
            }

            if (count > 1)
            {
                _credentials[previous] = count - 1;
                return;
            }

            _credentials.Remove(previous);
            _secretNodes[previous] = _secrets.AddLast(previous);
            if (_secrets.Count > MaxSecrets)
            {
                _secretNodes.Remove(_secrets.First!.Value);
                _secrets.RemoveFirst();
            }

            RebuildSnapshot();
        }
    }

    private void RebuildSnapshot()
    {
        var snapshot = new string[_secrets.Count + _credentials.Count];
        _secrets.CopyTo(snapshot, 0);
        _credentials.Keys.CopyTo(snapshot, _secrets.Count);

        // Longest first so that a secret containing another is masked whole.
        Array.Sort(snapshot, static (a, b) => b.Length.CompareTo(a.Length));
        _snapshot = snapshot;
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

    /// <summary>
    /// Redacts <paramref name="text"/> and bounds it to <paramref name="maxLength"/> characters (a marker tells how much
    /// was cut). The text is cut before scanning, with a margin of the longest registered secret, so a huge text costs
    /// no more than its bounded part and a secret that straddles the cut is never shown in part.
    /// </summary>
    /// <param name="text">Text that may contain secrets.</param>
    /// <param name="maxLength">The longest result (at least 16).</param>
    /// <returns>The redacted, bounded text.</returns>
    public string Redact(string? text, int maxLength)
    {
        if (maxLength < 16)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), "The limit must be at least 16 characters.");
        }

        if (string.IsNullOrEmpty(text) || text!.Length <= maxLength)
        {
            return Redact(text);
        }

        var secrets = _snapshot;
        int margin = 64 + (secrets.Length > 0 ? secrets[0].Length * 3 : 0);
        int window = (int)Math.Min(text.Length, (long)maxLength + margin);
        var redacted = Redact(text.Substring(0, window));
        const string Marker = "… [truncated]";
        return redacted.Length <= maxLength && window == text.Length
            ? redacted
            : new StringBuilder(maxLength).Append(redacted, 0, Math.Min(redacted.Length, maxLength - Marker.Length)).Append(Marker).ToString();
    }

    /// <summary>
    /// A display-safe copy of <paramref name="exception"/> and its inner exceptions for an exception's
    /// <c>InnerException</c>: same type name, redacted message and stack trace; the original (whose message may hold a
    /// secret the server echoed) is not kept.
    /// </summary>
    /// <param name="exception">The exception, or <see langword="null"/>.</param>
    /// <returns>The redacted copy, or <see langword="null"/>.</returns>
    public Exception? RedactException(Exception? exception) => RedactedException.From(exception, this, 0);

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
