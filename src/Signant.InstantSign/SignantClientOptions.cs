using System;
using SigningClients.Core;

namespace Signant.InstantSign;

/// <summary>
/// Settings of a <see cref="SignantClient"/>. <see cref="SigningClientOptions.Endpoint"/> is the full service address,
/// e.g. <see cref="TestEndpoint"/>. The SOAP names (namespaces, contract) are options because the instant service's WSDL
/// is not public; the defaults follow the sister V1 services.
/// </summary>
public sealed class SignantClientOptions : SigningClientOptions
{
    /// <summary>The instant signature service in Signant's test environment T3.</summary>
    public static readonly Uri TestEndpoint = new("https://test3.signant.no/WS/V1/InstantSignatureService.svc");

    /// <summary>The distributor id provided by Signant (sent as <c>DistributorID</c> in every call). Required.</summary>
    public string? DistributorId { get; set; }

    /// <summary>The access code provided by Signant (sent as <c>AccessCode</c> in every call). Required; a secret, never logged.</summary>
    public string? AccessCode { get; set; }

    /// <summary>The service (operation) namespace. Default <c>http://tempuri.org/</c>.</summary>
    public string ServiceNamespace { get; set; } = "http://tempuri.org/";

    /// <summary>The service contract name used in the SOAPAction header. Default <c>IInstantSignatureService</c> (unverified).</summary>
    public string ContractName { get; set; } = "IInstantSignatureService";

    /// <summary>The data-contract namespace of the posting objects. Default <c>http://schemas.datacontract.org/2004/07/Signant.Common.Models</c>.</summary>
    public string DataContractNamespace { get; set; } = "http://schemas.datacontract.org/2004/07/Signant.Common.Models";

    /// <summary>
    /// The data-contract namespace of Signant's enums. Default <c>http://schemas.datacontract.org/2004/07/Signant.Global.Common.Enums</c>.
    /// Declared on the posting element (prefix <c>b</c>); enum-typed members themselves are elements of their containing contract.
    /// </summary>
    public string EnumNamespace { get; set; } = "http://schemas.datacontract.org/2004/07/Signant.Global.Common.Enums";

    /// <summary>
    /// Longest text accepted in any response element other than the attachment file (names, messages, hashes). Default 64 KB.
    /// A longer value makes the response invalid (protects against oversized or hostile answers).
    /// </summary>
    public int MaxElementLength { get; set; } = 64 * 1024;

    /// <summary>
    /// Largest response accepted for calls that carry no file (create, status), in characters and, since these small
    /// answers are read whole before they are parsed, in bytes. Default 4 MB. Larger answers are rejected while read.
    /// </summary>
    public long MaxResponseCharacters { get; set; } = 4L * 1024 * 1024;

    /// <summary>
    /// Largest attachment accepted by a download, in decoded bytes. The base64 file is decoded into the caller's stream
    /// as it arrives; an attachment that goes past this limit fails the download with
    /// <see cref="SigningFailureKind.InvalidResponse"/> (discard what was written). Default 256 MB.
    /// </summary>
    public long MaxAttachmentBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Whether a download without <c>FileHash</c> is rejected (<see cref="SigningFailureKind.IntegrityFailure"/>).
    /// Default <see langword="true"/>: a document is only handed over once its MD5 matched.
    /// </summary>
    public bool RequireFileHash { get; set; } = true;

    /// <summary>The SOAPAction for an operation: <c>{ServiceNamespace}{ContractName}/{operation}</c> (WCF's default action form).</summary>
    /// <param name="operation">The operation name.</param>
    /// <returns>The action URI.</returns>
    public string GetSoapAction(string operation) =>
        ServiceNamespace + ContractName + "/" + operation;

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(DistributorId))
        {
            throw new ArgumentException("SignantClientOptions.DistributorId is required.", nameof(DistributorId));
        }

        if (string.IsNullOrEmpty(AccessCode))
        {
            throw new ArgumentException("SignantClientOptions.AccessCode is required.", nameof(AccessCode));
        }

        RequireXmlText(DistributorId!, nameof(DistributorId));
        RequireXmlText(AccessCode!, nameof(AccessCode));
        RequireText(ServiceNamespace, nameof(ServiceNamespace));
        RequireText(ContractName, nameof(ContractName));
        RequireText(DataContractNamespace, nameof(DataContractNamespace));
        RequireText(EnumNamespace, nameof(EnumNamespace));
        if (MaxElementLength < 1024)
        {
            throw new ArgumentException("SignantClientOptions.MaxElementLength must be at least 1024.", nameof(MaxElementLength));
        }

        if (MaxResponseCharacters < 64 * 1024)
        {
            throw new ArgumentException("SignantClientOptions.MaxResponseCharacters must be at least 65536.", nameof(MaxResponseCharacters));
        }

        if (MaxAttachmentBytes < 1)
        {
            throw new ArgumentException("SignantClientOptions.MaxAttachmentBytes must be positive.", nameof(MaxAttachmentBytes));
        }
    }

    // Both values travel inside every SOAP envelope: a character XML cannot carry is a configuration error.
    private static void RequireXmlText(string value, string name)
    {
        try
        {
            System.Xml.XmlConvert.VerifyXmlChars(value);
        }
        catch (System.Xml.XmlException)
        {
            // The value itself is not echoed: the access code is a secret.
            throw new ArgumentException("SignantClientOptions." + name + " contains a character that XML cannot carry.", name);
        }
    }

    /// <summary>A display form without secrets.</summary>
    /// <returns>Endpoint and distributor id; the access code is masked.</returns>
    public override string ToString() =>
        "SignantClientOptions { Endpoint = " + EndpointForDisplay + ", DistributorId = " + DistributorId + ", AccessCode = " + (string.IsNullOrEmpty(AccessCode) ? "(not set)" : "***") + " }";

    private static void RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("SignantClientOptions." + name + " is required.", name);
        }
    }
}
