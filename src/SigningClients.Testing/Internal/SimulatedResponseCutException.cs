using System;
using System.IO;

namespace SigningClients.Testing.Internal;

/// <summary>
/// Thrown out of the pipeline after a fault cut a response short, so that the server ends the connection without
/// completing the body. The server logs it as an application error naming the fault.
/// </summary>
internal sealed class SimulatedResponseCutException : IOException
{
    public SimulatedResponseCutException(string? fault)
        : base($"Simulated fault {fault}: the response body was cut off on purpose and the connection closed.")
    {
    }
}
