using System;
using System.Threading.Tasks;
using System.Xml;
using Signant.InstantSign.Models;

namespace Signant.InstantSign.Soap;

// Navigation: the envelope down to the operation's result, entering elements, stepping to children, skipping, and
// the depth limit every read checks.
internal sealed partial class SoapResponseReader
{
    // Signant answers nest under ten levels; deeper XML is refused (it is read iteratively, never by recursion).
    private const int MaxDepth = 64;

    // name == operation + suffix, without building the string.
    private static bool IsNamed(string name, string operation, string suffix) =>
        name.Length == operation.Length + suffix.Length &&
        name.StartsWith(operation, StringComparison.Ordinal) &&
        name.EndsWith(suffix, StringComparison.Ordinal);

    /// <summary>
    /// Navigates Envelope/Body/{op}Response/{op}Result and hands each member of the result to <paramref name="target"/>:
    /// plain loops over the children of each level (no callbacks, so nothing is allocated per level).
    /// </summary>
    private async ValueTask ReadResultAsync<T>(ResultReader<T> target)
        where T : SignantResult
    {
        string operation = target.Operation;
        await MoveToContentAsync().ConfigureAwait(false);
        if (_reader.NodeType != XmlNodeType.Element || _reader.LocalName != "Envelope")
        {
            throw new XmlException("The response is not a SOAP envelope.");
        }

        bool bodySeen = false;
        int envelope = await EnterAsync().ConfigureAwait(false);
        while (await NextChildAsync(envelope).ConfigureAwait(false))
        {
            if (_reader.LocalName != "Body")
            {
                await SkipAsync().ConfigureAwait(false);
                continue;
            }

            bodySeen = true;
            bool responseSeen = false;
            int body = await EnterAsync().ConfigureAwait(false);
            while (await NextChildAsync(body).ConfigureAwait(false))
            {
                string bodyChild = _reader.LocalName;
                if (bodyChild == "Fault")
                {
                    await ReadFaultAsync().ConfigureAwait(false);
                }

                if (!IsNamed(bodyChild, operation, "Response") || responseSeen)
                {
                    throw new XmlException("Unexpected element '" + bodyChild + "' in the SOAP body; expected " + operation + "Response.");
                }

                responseSeen = true;
                bool resultSeen = false;
                int response = await EnterAsync().ConfigureAwait(false);
                while (await NextChildAsync(response).ConfigureAwait(false))
                {
                    if (!IsNamed(_reader.LocalName, operation, "Result"))
                    {
                        await SkipAsync().ConfigureAwait(false);
                        continue;
                    }

                    resultSeen = true;
                    if (IsNil())
                    {
                        throw new XmlException(operation + "Result is nil.");
                    }

                    int result = await EnterAsync().ConfigureAwait(false);
                    while (await NextChildAsync(result).ConfigureAwait(false))
                    {
                        await target.ReadMemberAsync(this, _reader.LocalName).ConfigureAwait(false);
                    }
                }

                if (!resultSeen)
                {
                    throw new XmlException("The response has no " + operation + "Result.");
                }
            }

            if (!responseSeen)
            {
                throw new XmlException("The SOAP body is empty.");
            }
        }

        if (!bodySeen)
        {
            throw new XmlException("The SOAP envelope has no Body.");
        }
    }

    /// <summary>
    /// Steps into the current element: returns its depth for <see cref="NextChildAsync"/>, or -1 when it is empty
    /// (then it is consumed already).
    /// </summary>
    private async ValueTask<int> EnterAsync()
    {
        if (_reader.IsEmptyElement)
        {
            await ReadNodeAsync().ConfigureAwait(false);
            return -1;
        }

        int depth = _reader.Depth;
        await ReadNodeAsync().ConfigureAwait(false);
        return depth;
    }

    /// <summary>
    /// Moves to the next child element of the element entered at <paramref name="depth"/> and returns
    /// <see langword="true"/> (the caller must consume the child), or consumes the parent's end and returns
    /// <see langword="false"/>.
    /// </summary>
    private async ValueTask<bool> NextChildAsync(int depth)
    {
        if (depth < 0)
        {
            return false;
        }

        if (_reader.Depth > depth + 1 || (_reader.Depth == depth + 1 && _reader.NodeType == XmlNodeType.EndElement))
        {
            throw new XmlException("Internal reader error: a child element was not fully consumed.");
        }

        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    await ReadNodeAsync().ConfigureAwait(false);
                    return false;
                case XmlNodeType.None:
                    throw new XmlException("The response ended unexpectedly.");
                default:
                    if (!await ReadNodeAsync().ConfigureAwait(false))
                    {
                        throw new XmlException("The response ended unexpectedly.");
                    }

                    break;
            }
        }
    }

    private ValueTask SkipAsync()
    {
        if (_async)
        {
            return new ValueTask(_reader.SkipAsync());
        }

        _reader.Skip();
        return default;
    }

    // The reader is either asynchronous (a streamed download) or synchronous over a buffered small answer; in the
    // synchronous case every await below completes at once and the ValueTask-based methods allocate nothing.
    private ValueTask<bool> ReadNodeAsync()
    {
        if (_async)
        {
            return ReadNodeCoreAsync();
        }

        bool read = _reader.Read();
        CheckDepth();
        return new ValueTask<bool>(read);
    }

    private async ValueTask<bool> ReadNodeCoreAsync()
    {
        bool read = await _reader.ReadAsync().ConfigureAwait(false);
        CheckDepth();
        return read;
    }

    private void CheckDepth()
    {
        if (_reader.Depth > MaxDepth)
        {
            throw new XmlException("The response nests elements deeper than " + MaxDepth + " levels.");
        }
    }

    private ValueTask<XmlNodeType> MoveToContentAsync() => _async ? new ValueTask<XmlNodeType>(_reader.MoveToContentAsync()) : new ValueTask<XmlNodeType>(_reader.MoveToContent());
}
