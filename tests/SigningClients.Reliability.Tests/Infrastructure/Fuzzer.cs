using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Reliability.Tests.Infrastructure;

/// <summary>Mutates valid response bodies (seeded): truncation, byte flips, wrong types, deep nesting, huge numbers, invalid UTF-8, splices, junk.</summary>
internal sealed class Fuzzer
{
    private static readonly string[] JsonValues = { "123", "-1", "\"x\"", "{}", "[]", "null", "true", "-1e400", "1e99999", "\"\\u0000\"", "\"\\ud800\"", "18446744073709551616", "\"2026-13-45T99:99:99Z\"", "[[[]]]", "{\"a\":{\"b\":[1,{\"c\":null}]}}" };
    private static readonly string[] XmlValues = { "abc", "-1", "99999999999999999999999999999", "&#0;", "]]>", "<x/>", "&unknown;", "<![CDATA[x]]>", "true", "", "2026-13-45T99:99:99Z", "&amp;&lt;" };
    private static readonly byte[][] InvalidUtf8 = { new byte[] { 0xC3, 0x28 }, new byte[] { 0xFF }, new byte[] { 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xC0, 0xAF } };
    private static readonly string[] Junk = { string.Empty, " ", "null", "[]", "\"just a string\"", "\uFEFF", "0", "<", "{", "<?xml version=\"1.0\"?>", "<html><body>oops</body></html>", "{}", "<a></a>" };
    private const string Structural = "{}[]\",:<>&/\\'=";

    private readonly Random _random;
    private readonly bool _xml;

    public Fuzzer(int seed, bool xml)
    {
        _random = new Random(seed);
        _xml = xml;
    }

    public byte[] Mutate(byte[] valid)
    {
        var strategy = _random.Next(10);
        return strategy == 9 ? Apply(_random.Next(9), Apply(_random.Next(9), valid)) : Apply(strategy, valid);
    }

    private byte[] Apply(int strategy, byte[] body)
    {
        switch (strategy)
        {
            case 0: // truncation
                return body.Length == 0 ? body : body[.._random.Next(body.Length)];
            case 1: // byte flips
            {
                var copy = (byte[])body.Clone();
                for (int i = 0, n = 1 + _random.Next(8); i < n && copy.Length > 0; i++)
                {
                    copy[_random.Next(copy.Length)] = (byte)_random.Next(256);
                }

                return copy;
            }

            case 2: // wrong types
                return Encoding.UTF8.GetBytes(_xml ? ReplaceXmlText(Text(body)) : ReplaceJsonValue(Text(body)));
            case 3: // deep nesting
            {
                var depth = _random.Next(2) == 0 ? 64 + _random.Next(200) : 1000 + _random.Next(100_000);
                var open = _xml ? "<n>" : (_random.Next(2) == 0 ? "[" : "{\"a\":");
                var close = _xml ? "</n>" : (open == "[" ? "]" : "}");
                var text = Text(body);
                var at = _random.Next(text.Length + 1);
                var builder = new StringBuilder(text.Length + (depth * (open.Length + close.Length)));
                builder.Append(text, 0, at);
                for (var i = 0; i < depth; i++)
                {
                    builder.Append(open);
                }

                builder.Append(_xml ? "x" : "1");
                if (_random.Next(3) > 0)
                {
                    for (var i = 0; i < depth; i++)
                    {
                        builder.Append(close);
                    }
                }

                builder.Append(text, at, text.Length - at);
                return Encoding.UTF8.GetBytes(builder.ToString());
            }

            case 4: // huge numbers
            {
                var text = Text(body);
                var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i]) && (i == 0 || !char.IsAsciiDigit(text[i - 1]))).ToList();
                var huge = _random.Next(3) switch
                {
                    0 => new string('9', 20 + _random.Next(5000)),
                    1 => "1e99999",
                    _ => "-" + new string('9', 40) + ".5",
                };
                if (digits.Count == 0)
                {
                    return Encoding.UTF8.GetBytes(text + huge);
                }

                var start = digits[_random.Next(digits.Count)];
                var end = start;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, start), huge, text.AsSpan(end)));
            }

            case 5: // invalid UTF-8
            {
                var list = body.ToList();
                for (int i = 0, n = 1 + _random.Next(4); i < n; i++)
                {
                    list.InsertRange(_random.Next(list.Count + 1), InvalidUtf8[_random.Next(InvalidUtf8.Length)]);
                }

                return list.ToArray();
            }

            case 6: // splice a slice of itself somewhere else
            {
                if (body.Length < 2)
                {
                    return body;
                }

                var from = _random.Next(body.Length);
                var length = 1 + _random.Next(body.Length - from);
                var at = _random.Next(body.Length + 1);
                return body[..at].Concat(body.Skip(from).Take(length)).Concat(body[at..]).ToArray();
            }

            case 7: // junk
                return Encoding.UTF8.GetBytes(Junk[_random.Next(Junk.Length)]);
            default: // structural characters
            {
                var text = new StringBuilder(Text(body));
                for (int i = 0, n = 1 + _random.Next(6); i < n; i++)
                {
                    text.Insert(_random.Next(text.Length + 1), Structural[_random.Next(Structural.Length)]);
                }

                return Encoding.UTF8.GetBytes(text.ToString());
            }
        }
    }

    private static string Text(byte[] body) => Encoding.UTF8.GetString(body);

    private string ReplaceJsonValue(string text)
    {
        var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToList();
        if (colons.Count == 0)
        {
            return JsonValues[_random.Next(JsonValues.Length)];
        }

        var start = colons[_random.Next(colons.Count)] + 1;
        var end = start;
        var depth = 0;
        var inString = false;
        for (; end < text.Length; end++)
        {
            var c = text[end];
            if (inString)
            {
                if (c == '\\')
                {
                    end++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']')
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                break;
            }
        }

        return string.Concat(text.AsSpan(0, start), JsonValues[_random.Next(JsonValues.Length)], text.AsSpan(end));
    }

    private string ReplaceXmlText(string text)
    {
        var spots = Enumerable.Range(0, text.Length).Where(i => text[i] == '>' && i + 1 < text.Length && text[i + 1] != '<').ToList();
        if (spots.Count == 0)
        {
            return text + XmlValues[_random.Next(XmlValues.Length)];
        }

        var start = spots[_random.Next(spots.Count)] + 1;
        var end = text.IndexOf('<', start);
        if (end < 0)
        {
            end = text.Length;
        }

        return string.Concat(text.AsSpan(0, start), XmlValues[_random.Next(XmlValues.Length)], text.AsSpan(end));
    }
}

/// <summary>
/// A transport handler in front of the real simulator: requests go through to it unchanged; the response of the
/// targeted route is either captured (to seed the fuzzer) or replaced by the next mutated body, with a given status.
/// </summary>
internal sealed class BodySwapHandler : DelegatingHandler
{
    public BodySwapHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public string? Method { get; set; }

    public string? Route { get; set; }

    public byte[]? NextBody { get; set; }

    public int Status { get; set; } = 200;

    public string? ContentType { get; set; }

    public byte[]? Captured { get; private set; }

    public bool Capture { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Route is null || !string.Equals(request.Method.Method, Method, StringComparison.OrdinalIgnoreCase) || !MatrixRunner.PathMatches(Route, request.RequestUri!.AbsolutePath))
        {
            return response;
        }

        if (Capture)
        {
            Captured = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            ContentType ??= response.Content.Headers.ContentType?.ToString();
            var replay = new HttpResponseMessage(response.StatusCode) { RequestMessage = request, Content = new ByteArrayContent(Captured) };
            CopyContentType(response, replay, null);
            response.Dispose();
            return replay;
        }

        if (NextBody is null)
        {
            return response;
        }

        var swapped = new HttpResponseMessage((HttpStatusCode)Status) { RequestMessage = request, Content = new ByteArrayContent(NextBody) };
        CopyContentType(response, swapped, ContentType);
        response.Dispose();
        return swapped;
    }

    private static void CopyContentType(HttpResponseMessage from, HttpResponseMessage to, string? contentType)
    {
        if (contentType is not null)
        {
            to.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        else if (from.Content.Headers.ContentType is { } type)
        {
            to.Content.Headers.ContentType = type;
        }
    }
}
