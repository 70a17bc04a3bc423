using System;

namespace Signant.InstantSign.Soap;

/// <summary>A SOAP Fault found in a response body.</summary>
internal sealed class SoapFaultException : Exception
{
    public SoapFaultException(string? faultCode, string? faultString)
        : base("SOAP Fault " + faultCode + ": " + faultString)
    {
        FaultCode = faultCode;
        FaultString = faultString;
    }

    public string? FaultCode { get; }

    public string? FaultString { get; }
}
