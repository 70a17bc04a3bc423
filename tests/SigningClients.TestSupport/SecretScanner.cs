using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Xunit;

namespace SigningClients.TestSupport;

/// <summary>Asserts that secrets (passwords, tokens, API keys) appear in none of the given texts (logs, messages, bodies).</summary>
public static class SecretScanner
{
    /// <summary>
    /// Fails when any of <paramref name="secrets"/> occurs (ordinal, case-sensitive) in any of
    /// <paramref name="texts"/>, either verbatim or percent-encoded (as in a URL or form body). The failure lists
    /// which text and offset, with the secret masked: the message shows only its first two characters and its
    /// length, and the surrounding context with the secret replaced by <c>***</c>.
    /// </summary>
    /// <param name="texts">The texts to scan (e.g. <see cref="LogCapture.Lines"/>, exception messages).</param>
    /// <param name="secrets">The secrets; null or empty entries are ignored.</param>
    public static void AssertNoSecrets(IEnumerable<string> texts, params string[] secrets)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(secrets);
        var findings = Find(texts, secrets);
        if (findings.Count > 0)
        {
            Assert.Fail("Secrets leaked:\n" + string.Join("\n", findings));
        }
    }

    /// <summary>Returns the findings <see cref="AssertNoSecrets"/> would report (masked), without failing.</summary>
    /// <param name="texts">The texts to scan.</param>
    /// <param name="secrets">The secrets; null or empty entries are ignored.</param>
    /// <returns>One masked description per occurrence.</returns>
    public static IReadOnlyList<string> Find(IEnumerable<string> texts, params string[] secrets)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(secrets);
        var textList = texts.ToList();
        var active = secrets.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToArray();
        var findings = new List<string>();
        for (var s = 0; s < active.Length; s++)
        {
            var secret = active[s];
            var forms = new List<string> { secret };
            var encoded = Uri.EscapeDataString(secret);
            if (encoded != secret)
            {
                forms.Add(encoded);
            }

            for (var t = 0; t < textList.Count; t++)
            {
                var text = textList[t] ?? string.Empty;
                foreach (var form in forms)
                {
                    for (var at = text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = text.IndexOf(form, at + form.Length, StringComparison.Ordinal))
                    {
                        findings.Add(string.Create(
                            CultureInfo.InvariantCulture,
                            $"secret '{Mask(secret)}'{(form == secret ? string.Empty : " (percent-encoded)")} found in text #{t} at offset {at}: {Context(text, at, form.Length, active)}"));
                    }
                }
            }
        }

        return findings;
    }

    /// <summary>The masked form of a secret: its first two characters, an ellipsis and its length.</summary>
    /// <param name="secret">The secret.</param>
    /// <returns>For example <c>hu… (12 chars)</c>.</returns>
    public static string Mask(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return string.Create(CultureInfo.InvariantCulture, $"{secret[..Math.Min(2, secret.Length)]}… ({secret.Length} chars)");
    }

    private static string Context(string text, int at, int length, string[] allSecrets)
    {
        const int Around = 30;
        var start = Math.Max(0, at - Around);
        var end = Math.Min(text.Length, at + length + Around);

        // Mask every (partial) occurrence of every secret inside the window, not only the one reported.
        var masked = new bool[end - start];
        foreach (var secret in allSecrets)
        {
            foreach (var form in new[] { secret, Uri.EscapeDataString(secret) })
            {
                var from = Math.Max(0, start - form.Length + 1);
                for (var i = text.IndexOf(form, from, StringComparison.Ordinal); i >= 0 && i < end; i = text.IndexOf(form, i + 1, StringComparison.Ordinal))
                {
                    for (var j = Math.Max(i, start); j < Math.Min(i + form.Length, end); j++)
                    {
                        masked[j - start] = true;
                    }
                }
            }
        }

        var context = new StringBuilder("\"");
        for (var i = 0; i < masked.Length; i++)
        {
            if (masked[i])
            {
                if (i == 0 || !masked[i - 1])
                {
                    context.Append("***");
                }

                continue;
            }

            var c = text[start + i];
            context.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                _ => c.ToString(),
            });
        }

        return context.Append('"').ToString();
    }
}
