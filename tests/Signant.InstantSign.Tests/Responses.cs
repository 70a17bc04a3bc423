using System;
using System.Security.Cryptography;

namespace Signant.InstantSign.Tests;

/// <summary>Canned Signant answers in WCF's wire form (members alphabetical, as DataContractSerializer writes them).</summary>
internal static class Responses
{
    public const string PostingId = "6f9619ff-8b86-d011-b42d-00c04fc964ff";
    public const string AttachmentId = "0b1e2d3c-4f5a-6b7c-8d9e-0f1a2b3c4d5e";

    private const string Open = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>";
    private const string Close = "</s:Body></s:Envelope>";
    private const string Ns = "xmlns:a=\"http://schemas.datacontract.org/2004/07/Signant.Common.Models\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"";

    public static string Wrap(string operation, string members) =>
        Open + "<" + operation + "Response xmlns=\"http://tempuri.org/\"><" + operation + "Result " + Ns + ">" + members + "</" + operation + "Result></" + operation + "Response>" + Close;

    public static readonly string Create = Wrap("CreateInstantPosting",
        "<a:AttachmentID>" + AttachmentId + "</a:AttachmentID><a:ErrorCode>0</a:ErrorCode><a:Message i:nil=\"true\"/><a:PostingID>" + PostingId + "</a:PostingID>" +
        "<a:SignUrls><a:UrlToSigning><a:Name>Kari Nordmann</a:Name><a:Url>https://test3.signant.no/sign/abc</a:Url></a:UrlToSigning>" +
        "<a:UrlToSigning><a:Name>Ola Nordmann</a:Name><a:Url>https://test3.signant.no/sign/def</a:Url></a:UrlToSigning></a:SignUrls><a:Success>true</a:Success>");

    public static string Status(string status) => Wrap("GetPostingStatus",
        "<a:Activated>true</a:Activated><a:ActiveTo>2024-05-01T10:15:00Z</a:ActiveTo><a:CompletedDateTime i:nil=\"true\"/><a:CreatedDateTime>2024-05-01T10:00:00Z</a:CreatedDateTime>" +
        "<a:DefaultLanguage>no</a:DefaultLanguage><a:Description>Terms</a:Description><a:ErrorCode>0</a:ErrorCode><a:LastModifiedDateTime>2024-05-01T10:00:30+02:00</a:LastModifiedDateTime>" +
        "<a:LastReminderDateTime i:nil=\"true\"/><a:Message i:nil=\"true\"/><a:PostingID>" + PostingId + "</a:PostingID><a:PostingType>InstantSign</a:PostingType>" +
        "<a:SignatureCount>1</a:SignatureCount><a:Status>" + status + "</a:Status><a:Success>true</a:Success><a:Title>Order terms</a:Title><a:ToBeSignedCount>2</a:ToBeSignedCount>" +
        "<a:TotalDocsRead>0</a:TotalDocsRead><a:TotalDocsRejected>0</a:TotalDocsRejected><a:TotalDocsSigned>0</a:TotalDocsSigned><a:TotalDocsToRead>0</a:TotalDocsToRead>" +
        "<a:TotalDocsToSign>1</a:TotalDocsToSign><a:TotalDocsToUpload>0</a:TotalDocsToUpload><a:TotalDocsUploaded>0</a:TotalDocsUploaded>" +
        "<a:WillBeDeletedDateTime>2024-05-01T10:15:00Z</a:WillBeDeletedDateTime>");

    public static string Download(byte[] file, string? hash = null) => Wrap("DownloadInstantAttachment",
        "<a:AttachmentFile>" + Convert.ToBase64String(file, Base64FormattingOptions.InsertLineBreaks) + "</a:AttachmentFile><a:AttachmentID>" + AttachmentId + "</a:AttachmentID>" +
        "<a:Description>The terms</a:Description><a:ErrorCode>0</a:ErrorCode><a:FileHash>" + (hash ?? Md5Hex(file)) + "</a:FileHash><a:FileName>terms.pdf</a:FileName>" +
        "<a:Message i:nil=\"true\"/><a:Success>true</a:Success>");

    public static string Failure(string operation, int code, string message) =>
        Wrap(operation, "<a:ErrorCode>" + code + "</a:ErrorCode><a:Message>" + message + "</a:Message><a:Success>false</a:Success>");

    public const string Fault = Open + "<s:Fault><faultcode xmlns:a=\"http://schemas.microsoft.com/ws/2005/05/addressing/none\">a:ActionNotSupported</faultcode>" +
        "<faultstring xml:lang=\"en-US\">The message with Action 'x' cannot be processed at the receiver.</faultstring></s:Fault>" + Close;

    public const string BillionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">" +
        "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\"><!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">" +
        "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\"><!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">" +
        "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>" +
        Open + "<GetPostingStatusResponse xmlns=\"http://tempuri.org/\"><GetPostingStatusResult " + Ns + "><a:Title>&lol9;</a:Title><a:Success>true</a:Success></GetPostingStatusResult></GetPostingStatusResponse>" + Close;

    public const string Xxe = "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" +
        Open + "<GetPostingStatusResponse xmlns=\"http://tempuri.org/\"><GetPostingStatusResult " + Ns + "><a:Title>&xxe;</a:Title><a:Success>true</a:Success></GetPostingStatusResult></GetPostingStatusResponse>" + Close;

    public static string Md5Hex(byte[] data) => Convert.ToHexString(MD5.HashData(data)).ToLowerInvariant();
}
