using System;
using System.Runtime.Serialization;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Threading.Tasks;

// P6's baseline: the client a .NET user generates for Signant's InstantSign service with WCF (System.ServiceModel.Http
// 10.1.0): a service contract and data contracts as svcutil/dotnet-svcutil would emit them (hand-written here, same
// names, namespaces and member order as the service's WSDL), over BasicHttpBinding. Benchmarks only, never in src.
#pragma warning disable CA1002, CA1056, CA1707, CA1711, CA1716, CA1819, CA2227, SA1402, SA1649
namespace SigningClients.Benchmarks.Wcf;

[ServiceContract(Namespace = "http://tempuri.org/", ConfigurationName = "IInstantSignatureService")]
public interface IInstantSignatureService
{
    [OperationContract(Action = "http://tempuri.org/IInstantSignatureService/GetPostingStatus", ReplyAction = "*")]
    Task<PostingStatusResult> GetPostingStatusAsync(string DistributorID, string AccessCode, Guid PostingID);

    [OperationContract(Action = "http://tempuri.org/IInstantSignatureService/DownloadInstantAttachment", ReplyAction = "*")]
    Task<DownloadAttachmentResult> DownloadInstantAttachmentAsync(string DistributorID, string AccessCode, Guid PostingID, Guid AttachmentID);
}

[DataContract(Name = "PostingStatusResult", Namespace = "http://schemas.datacontract.org/2004/07/Signant.Common.Models")]
public class PostingStatusResult
{
    [DataMember] public bool Activated { get; set; }
    [DataMember] public DateTime? ActiveTo { get; set; }
    [DataMember] public DateTime? CompletedDateTime { get; set; }
    [DataMember] public DateTime? CreatedDateTime { get; set; }
    [DataMember] public string? DefaultLanguage { get; set; }
    [DataMember] public string? Description { get; set; }
    [DataMember] public int ErrorCode { get; set; }
    [DataMember] public DateTime? LastModifiedDateTime { get; set; }
    [DataMember] public DateTime? LastReminderDateTime { get; set; }
    [DataMember] public string? Message { get; set; }
    [DataMember] public Guid PostingID { get; set; }
    [DataMember] public string? PostingType { get; set; }
    [DataMember] public int SignatureCount { get; set; }
    [DataMember] public string? Status { get; set; }
    [DataMember] public bool Success { get; set; }
    [DataMember] public string? Title { get; set; }
    [DataMember] public int ToBeSignedCount { get; set; }
    [DataMember] public int TotalDocsRead { get; set; }
    [DataMember] public int TotalDocsRejected { get; set; }
    [DataMember] public int TotalDocsSigned { get; set; }
    [DataMember] public int TotalDocsToRead { get; set; }
    [DataMember] public int TotalDocsToSign { get; set; }
    [DataMember] public int TotalDocsToUpload { get; set; }
    [DataMember] public int TotalDocsUploaded { get; set; }
    [DataMember] public DateTime? WillBeDeletedDateTime { get; set; }
}

[DataContract(Name = "DownloadAttachmentResult", Namespace = "http://schemas.datacontract.org/2004/07/Signant.Common.Models")]
public class DownloadAttachmentResult
{
    [DataMember] public byte[]? AttachmentFile { get; set; }
    [DataMember] public Guid AttachmentID { get; set; }
    [DataMember] public string? Description { get; set; }
    [DataMember] public int ErrorCode { get; set; }
    [DataMember] public string? FileHash { get; set; }
    [DataMember] public string? FileName { get; set; }
    [DataMember] public string? Message { get; set; }
    [DataMember] public bool Success { get; set; }
}

/// <summary>Channel factories as a user configures them: buffered (the default) or StreamedResponse, quotas opened for big files.</summary>
public static class SignantWcf
{
    public static ChannelFactory<IInstantSignatureService> CreateFactory(Uri endpoint, TransferMode mode)
    {
        var binding = new BasicHttpBinding(BasicHttpSecurityMode.None)
        {
            TransferMode = mode,
            MaxReceivedMessageSize = mode == TransferMode.Buffered ? int.MaxValue : long.MaxValue,
            MaxBufferSize = int.MaxValue,
            SendTimeout = TimeSpan.FromMinutes(10),
            ReceiveTimeout = TimeSpan.FromMinutes(10),
        };
        binding.ReaderQuotas = System.Xml.XmlDictionaryReaderQuotas.Max;
        var factory = new ChannelFactory<IInstantSignatureService>(binding, new EndpointAddress(endpoint));
        factory.Open();
        return factory;
    }
}
