using System;

namespace SigningClients.Core.Security;

/// <summary>
/// Stands in for an exception whose message may hold a secret (an <c>XmlException</c> quoting the answer, an
/// <c>HttpRequestException</c> naming a URL with a token): the type name, the redacted message and the redacted stack
/// trace, with inner exceptions redacted the same way. The original is not referenced.
/// </summary>
internal sealed class RedactedException : Exception
{
    private const int MaxDepth = 8;
    private const int MaxMessageLength = 4096;
    private readonly string? _stackTrace;

    private RedactedException(string typeName, string message, string? stackTrace, Exception? inner)
        : base(message, inner)
    {
        OriginalType = typeName;
        _stackTrace = stackTrace;
        HResult = 0;
    }

    /// <summary>The full name of the original exception type.</summary>
    public string OriginalType { get; }

    /// <inheritdoc />
    public override string? StackTrace => _stackTrace;

    /// <inheritdoc />
    public override string ToString()
    {
        var text = OriginalType + ": " + Message;
        if (InnerException is not null)
        {
            text += " ---> " + InnerException + Environment.NewLine + "   --- End of inner exception stack trace ---";
        }

        return _stackTrace is null ? text : text + Environment.NewLine + _stackTrace;
    }

    public static Exception? From(Exception? exception, SecretRedactor redactor, int depth)
    {
        if (exception is null || exception is RedactedException)
        {
            return exception;
        }

        // Exceptions the SDK builds itself are already redacted.
        if (exception is SigningApiException or OperationCanceledException)
        {
            return exception;
        }

        var inner = depth < MaxDepth ? From(exception.InnerException, redactor, depth + 1) : null;
        string? stack = exception.StackTrace;
        return new RedactedException(
            exception.GetType().FullName ?? exception.GetType().Name,
            redactor.Redact(exception.Message, MaxMessageLength),
            stack is null ? null : redactor.Redact(stack),
            inner);
    }
}
