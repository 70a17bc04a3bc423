using System;
using System.IO;
using System.Threading.Tasks;
using System.Xml;

namespace Signant.InstantSign.Soap;

// SOAP Faults: inside a streamed or buffered answer (thrown as SoapFaultException), and in an error body read
// synchronously.
internal sealed partial class SoapResponseReader
{
    /// <summary>Synchronously reads a SOAP Fault or a Success=false result from a (size-limited) error body.</summary>
    public static (string? Code, string? Message)? TryReadError(string body, int maxElementLength)
    {
        using var xml = XmlReader.Create(new StringReader(body), CreateSettings(Math.Max(body.Length, 1) + 1, async: false));
        string? faultCode = null, faultString = null, errorCode = null, message = null, detailMessage = null;
        bool fault = false, success = true;
        try
        {
            xml.Read();
            while (!xml.EOF)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "Fault": fault = true; xml.Read(); break;
                    case "faultcode": faultCode = Bounded(xml.ReadElementContentAsString(), maxElementLength); break;
                    case "faultstring": faultString = Bounded(xml.ReadElementContentAsString(), maxElementLength); break;
                    case "ErrorCode": errorCode = Bounded(xml.ReadElementContentAsString(), maxElementLength); break;
                    case "Message": message = Bounded(xml.ReadElementContentAsString(), maxElementLength); break;
                    case "Text": detailMessage ??= Bounded(xml.ReadElementContentAsString(), maxElementLength); break;
                    case "Success": success = !string.Equals(xml.ReadElementContentAsString().Trim(), "false", StringComparison.OrdinalIgnoreCase); break;
                    default: xml.Read(); break;
                }
            }
        }
        catch (XmlException)
        {
            // A truncated or hostile body (a DTD is rejected here): keep what was read before the problem.
        }

        if (fault)
        {
            return (errorCode is { Length: > 0 } and not "0" ? errorCode : faultCode, faultString ?? message ?? detailMessage);
        }

        return !success || errorCode is not null ? (errorCode, message) : null;
    }

    private static string Bounded(string value, int max) => value.Length > max ? value.Substring(0, max) : value;

    private async ValueTask ReadFaultAsync()
    {
        string? code = null, text = null, errorCode = null, message = null;
        await ReadChildrenAsync(async name =>
        {
            switch (name)
            {
                case "faultcode": code = await ReadTextAsync().ConfigureAwait(false); break;
                case "faultstring": text = await ReadTextAsync().ConfigureAwait(false); break;
                case "detail":
                    await ReadDescendantsAsync(async (n) =>
                    {
                        if (n == "ErrorCode")
                        {
                            errorCode = await ReadTextAsync().ConfigureAwait(false);
                            return true;
                        }

                        if (n == "Message")
                        {
                            message = await ReadTextAsync().ConfigureAwait(false);
                            return true;
                        }

                        return false;
                    }).ConfigureAwait(false);
                    break;
                default: await SkipAsync().ConfigureAwait(false); break;
            }
        }).ConfigureAwait(false);
        throw new SoapFaultException(errorCode is { Length: > 0 } and not "0" ? errorCode : code, text ?? message);
    }

    /// <summary>
    /// Visits every element under the current one (which it consumes), depth first, without recursion: a server can
    /// nest as deep as it likes without growing the stack. <paramref name="onElement"/> returns whether it consumed the
    /// element; otherwise its children are visited.
    /// </summary>
    private async ValueTask ReadDescendantsAsync(Func<string, ValueTask<bool>> onElement)
    {
        if (_reader.IsEmptyElement)
        {
            await ReadNodeAsync().ConfigureAwait(false);
            return;
        }

        int depth = _reader.Depth;
        await ReadNodeAsync().ConfigureAwait(false);
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (await onElement(_reader.LocalName).ConfigureAwait(false))
                    {
                        continue;
                    }

                    await ReadNodeAsync().ConfigureAwait(false);
                    continue;
                case XmlNodeType.EndElement:
                    bool end = _reader.Depth == depth;
                    await ReadNodeAsync().ConfigureAwait(false);
                    if (end)
                    {
                        return;
                    }

                    continue;
                case XmlNodeType.None:
                    throw new XmlException("The response ended unexpectedly.");
                default:
                    if (!await ReadNodeAsync().ConfigureAwait(false))
                    {
                        throw new XmlException("The response ended unexpectedly.");
                    }

                    continue;
            }
        }
    }

    /// <summary>Calls <paramref name="onChild"/> for each child element (positioned on it; it must consume it) and consumes the parent.</summary>
    private async ValueTask ReadChildrenAsync(Func<string, ValueTask> onChild)
    {
        int depth = await EnterAsync().ConfigureAwait(false);
        while (await NextChildAsync(depth).ConfigureAwait(false))
        {
            await onChild(_reader.LocalName).ConfigureAwait(false);
        }
    }
}
