using SigningClients.Core;

namespace SigningClients.Hostile.Tests.Infrastructure;

public static class Check
{
    /// <summary>No credential of the suite in <paramref name="text"/>.</summary>
    public static void NoCredentials(string? text, string where)
    {
        if (text is null)
        {
            return;
        }

        foreach (var credential in Clients.Credentials.Concat(new[] { Clients.AccessToken, Clients.SessionToken }))
        {
            Assert.False(text.Contains(credential, StringComparison.Ordinal), "a credential (" + credential[..6] + "…) appears in " + where);
        }
    }

    /// <summary>The exception is one typed SigningApiException whose texts carry no credential.</summary>
    public static SigningApiException Typed(Exception? ex, SigningFailureKind? kind = null)
    {
        var api = Assert.IsType<SigningApiException>(ex, exactMatch: false);
        if (kind is not null)
        {
            Assert.True(api.Kind == kind, "expected " + kind + " but was " + api.Kind + ": " + api.Message);
        }

        NoCredentials(api.ToString(), "the exception's ToString()");
        NoCredentials(api.BodyExcerpt, "the body excerpt");
        NoCredentials(api.ProviderMessage, "the provider message");
        return api;
    }
}

/// <summary>A stream that counts and discards what is written (a download destination that costs no memory).</summary>
public sealed class CountingStream : Stream
{
    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position { get => Written; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Written += count;
}
