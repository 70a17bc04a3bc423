using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;

namespace SigningClients.Core.Pipeline;

/// <summary>Classifies transport exceptions.</summary>
internal static class TransportFailure
{
    /// <summary>
    /// Whether the exception proves the request never reached the server: the connection could not be established
    /// (refused, unreachable) or the host name did not resolve.
    /// </summary>
    public static bool IsCertainlyNotSent(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
#if NET8_0_OR_GREATER
            if (current is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError })
            {
                return true;
            }
#endif
            if (current is SocketException socket)
            {
                switch (socket.SocketErrorCode)
                {
                    case SocketError.ConnectionRefused:
                    case SocketError.HostNotFound:
                    case SocketError.TryAgain:
                    case SocketError.NoData:
                    case SocketError.HostUnreachable:
                    case SocketError.NetworkUnreachable:
                    case SocketError.AddressNotAvailable:
                        return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the exception is a transport failure (connection, stream) rather than a bug or a cancellation.</summary>
    public static bool IsTransport(Exception exception) =>
        exception is HttpRequestException or IOException or SocketException;
}

/// <summary>The response body broke after the headers arrived (keeps the status for the error).</summary>
internal sealed class ResponseBodyException : IOException
{
    public ResponseBodyException(int status, Exception inner)
        : base("The response body could not be read.", inner) => Status = status;

    public int Status { get; }
}
