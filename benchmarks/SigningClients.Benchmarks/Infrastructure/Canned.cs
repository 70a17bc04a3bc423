using System;
using System.Text;

namespace SigningClients.Benchmarks.Infrastructure;

/// <summary>The canned answers the loopback server sends (realistic shapes and sizes of each provider's answers).</summary>
internal static class Canned
{
    public const string ConsignOToken = "bench-session-token-0123456789abcdef";
    public const string ConsignOWorkflowId = "64b7f0c2a1e3d4f5a6b7c8d9";
    public const string TridentToken = "bench-access-token-0123456789abcdef";
    public static readonly Guid SignantPostingId = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    public static readonly Guid SignantAttachmentId = Guid.Parse("0b1e2d3c-4f5a-6b7c-8d9e-0f1a2b3c4d5e");

    /// <summary>GET workflows/{id}: a launched workflow with one document, two signers and their zones.</summary>
    public static readonly byte[] ConsignOWorkflow = Encoding.UTF8.GetBytes(
        "{\"msg\":\"OK\",\"parameters\":null,\"response\":{" +
        "\"id\":\"" + ConsignOWorkflowId + "\",\"name\":\"Employment contract - J. Tremblay\",\"status\":1," +
        "\"documents\":[{\"documentId\":\"64b7f0c2a1e3d4f5a6b7c801\",\"name\":\"contract.pdf\",\"originalDocumentId\":\"64b7f0c2a1e3d4f5a6b7c800\"," +
        "\"fields\":[{\"x\":72.5,\"y\":640.25,\"width\":180,\"height\":48,\"page\":3,\"assignedTo\":\"a1\",\"isSigned\":false,\"isDeclined\":false}," +
        "{\"x\":320,\"y\":640.25,\"width\":180,\"height\":48,\"page\":3,\"assignedTo\":\"a2\",\"isSigned\":false,\"isDeclined\":false}]}]," +
        "\"totalActions\":2,\"remainingActions\":2,\"createdOn\":\"2024-05-01T10:00:00.000Z\",\"expiresOn\":\"2024-05-31T10:00:00.000Z\"," +
        "\"statusDate\":\"2024-05-01T10:00:05.000Z\",\"editUrl\":\"https://cloud.consigno.com/workspace/64b7f0c2a1e3d4f5a6b7c8d9/edit\"," +
        "\"actions\":[{\"id\":\"a1\",\"step\":1,\"status\":\"STARTED\",\"statusDate\":\"2024-05-01T10:00:05.000Z\",\"mode\":\"REMOTE\"," +
        "\"signer\":{\"type\":\"EXTERNAL\",\"firstName\":\"Jean\",\"lastName\":\"Tremblay\",\"email\":\"jean.tremblay@example.com\",\"phone\":\"+15145550100\",\"lang\":\"fr\",\"amr\":[\"EMAIL\",\"SMS\"],\"placeHolder\":false}}," +
        "{\"id\":\"a2\",\"step\":2,\"status\":\"NOT_STARTED\",\"mode\":\"REMOTE\"," +
        "\"signer\":{\"type\":\"EXTERNAL\",\"firstName\":\"Marie\",\"lastName\":\"Gagnon\",\"email\":\"marie.gagnon@example.com\",\"lang\":\"en\",\"amr\":[\"EMAIL\"],\"placeHolder\":false}}]," +
        "\"webhooks\":[],\"workflowOwnerEmailsEnabled\":true}}");

    public static readonly byte[] ConsignOUploaded = Encoding.UTF8.GetBytes("{\"msg\":\"OK\",\"response\":{\"documentId\":\"64b7f0c2a1e3d4f5a6b7c800\"}}");

    public static readonly byte[] ConsignOLoggedIn = Encoding.UTF8.GetBytes("{\"msg\":\"OK\",\"response\":{\"username\":\"bench\"}}");

    public static readonly byte[] TridentTokenAnswer = Encoding.UTF8.GetBytes(
        "{\"access_token\":\"" + TridentToken + "\",\"token_type\":\"Bearer\",\"expires_in\":36000,\"scope\":\"urn:safelayer:eidas:sign:process:document\"}");

    public static readonly byte[] TridentCreated = Encoding.UTF8.GetBytes(
        "{\"id\":\"sp-0001\",\"self\":\"https://trident.example/trustedx-resources/esignsp/v2/signer_processes/sp-0001\"," +
        "\"process_type\":\"urn:safelayer:eidas:processes:document:sign:esigp\"," +
        "\"tasks\":{\"pending\":[{\"type\":\"UserBrowserTask\",\"id\":\"task-0001\",\"url\":\"https://trident.example/trustedx-gw/SignViaBrowser/task-0001\"}]}," +
        "\"documents\":[{\"id\":\"doc-0001\",\"url\":\"https://trident.example/trustedx-resources/esignsp/v2/documents/doc-0001\",\"content\":\"https://trident.example/trustedx-resources/esignsp/v2/documents/doc-0001/content\"}]}");

    private const string SoapOpen = "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>";
    private const string SoapClose = "</s:Body></s:Envelope>";
    private const string DataNs = "xmlns:a=\"http://schemas.datacontract.org/2004/07/Signant.Common.Models\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"";

    public static string SoapResultOpen(string operation) =>
        SoapOpen + "<" + operation + "Response xmlns=\"http://tempuri.org/\"><" + operation + "Result " + DataNs + ">";

    public static string SoapResultClose(string operation) => "</" + operation + "Result></" + operation + "Response>" + SoapClose;

    /// <summary>GetPostingStatus answer in WCF's wire form (members alphabetical).</summary>
    public static readonly byte[] SignantStatus = Encoding.UTF8.GetBytes(
        SoapResultOpen("GetPostingStatus") +
        "<a:Activated>true</a:Activated><a:ActiveTo>2024-05-01T10:15:00Z</a:ActiveTo><a:CompletedDateTime i:nil=\"true\"/><a:CreatedDateTime>2024-05-01T10:00:00Z</a:CreatedDateTime>" +
        "<a:DefaultLanguage>no</a:DefaultLanguage><a:Description>Terms</a:Description><a:ErrorCode>0</a:ErrorCode><a:LastModifiedDateTime>2024-05-01T10:00:30+02:00</a:LastModifiedDateTime>" +
        "<a:LastReminderDateTime i:nil=\"true\"/><a:Message i:nil=\"true\"/><a:PostingID>" + SignantPostingId + "</a:PostingID><a:PostingType>InstantSign</a:PostingType>" +
        "<a:SignatureCount>1</a:SignatureCount><a:Status>Sent</a:Status><a:Success>true</a:Success><a:Title>Order terms</a:Title><a:ToBeSignedCount>2</a:ToBeSignedCount>" +
        "<a:TotalDocsRead>0</a:TotalDocsRead><a:TotalDocsRejected>0</a:TotalDocsRejected><a:TotalDocsSigned>0</a:TotalDocsSigned><a:TotalDocsToRead>0</a:TotalDocsToRead>" +
        "<a:TotalDocsToSign>1</a:TotalDocsToSign><a:TotalDocsToUpload>0</a:TotalDocsToUpload><a:TotalDocsUploaded>0</a:TotalDocsUploaded>" +
        "<a:WillBeDeletedDateTime>2024-05-01T10:15:00Z</a:WillBeDeletedDateTime>" +
        SoapResultClose("GetPostingStatus"));

    public static readonly byte[] SignantCreated = Encoding.UTF8.GetBytes(
        SoapResultOpen("CreateInstantPosting") +
        "<a:AttachmentID>" + SignantAttachmentId + "</a:AttachmentID><a:ErrorCode>0</a:ErrorCode><a:Message i:nil=\"true\"/><a:PostingID>" + SignantPostingId + "</a:PostingID>" +
        "<a:SignUrls><a:UrlToSigning><a:Name>Kari Nordmann</a:Name><a:Url>https://test3.signant.no/sign/abc</a:Url></a:UrlToSigning></a:SignUrls><a:Success>true</a:Success>" +
        SoapResultClose("CreateInstantPosting"));

    public static readonly byte[] SigningTodayDst = Encoding.UTF8.GetBytes("{\"id\":\"dst-00000001\",\"domain\":\"bit4id\",\"title\":\"Real estate sales contract transaction\",\"documents\":[{\"id\":1,\"plainDocumentUuid\":\"737dc132-a3f0-11e9-a2a3-2a2ae2dbcce4\",\"forms\":[{\"id\":0,\"documentId\":0,\"type\":\"SignatureForm\",\"positionX\":\"100.00\",\"positionY\":\"58.14\",\"width\":\"10.1\",\"height\":\"5.66\",\"page\":1,\"signerId\":0,\"toFill\":true,\"filled\":false,\"invisible\":true,\"extraData\":{\"signatureRequestId\":0}}],\"signatureRequests\":[{\"id\":0,\"reason\":\"As the Buyer\",\"description\":\"The proponent\",\"signerId\":0,\"signProfile\":\"PAdES\",\"withTimestamp\":true,\"declinable\":false,\"restrictions\":[{\"rule\":\"\",\"operator\":\"\",\"value\":\"\"}],\"extraData\":{\"st_ticketUrl\":\"http://signing.today/ticket/8bd4aead-ad37-42bc-b3b0-22ce3d1c9e79\"}}],\"signerGroups\":[{\"label\":\"Group 1\",\"signers\":[{\"id\":0,\"name\":\"Adam\",\"surname\":\"Smith\",\"email\":\"adam.smith@email.com\"}]}],\"extraData\":{\"additionalProperty\":{}}}],\"resources\":[{\"id\":\"05a80817-a3a5-48fe-83c0-0df0f48a2a26\",\"domain\":\"bit4id\",\"title\":\"Sales Contract\",\"filename\":\"contract.pdf\",\"pages\":3,\"extraData\":{\"toSign\":true}}],\"signatures\":[{\"documentId\":3,\"signatureRequestId\":0,\"signedAt\":\"2021-10-17T07:26Z\",\"declinedReason\":\"Reason of declination\",\"extraData\":{\"st_uuid\":\"d6ebb1ed-73a4-45ba-b33a-7db8a6cdd882\"}}],\"errorMessage\":null,\"tags\":null,\"template\":false,\"publicTemplate\":false,\"extraData\":{\"st_uuid\":\"d6ebb1ed-73a4-45ba-b33a-7db8a6cdd882\"},\"visibleTo\":null,\"ccGroups\":null,\"ccUsers\":null,\"urgent\":false,\"status\":\"published\",\"createdAt\":\"2024-05-01T10:00:00Z\",\"publishedAt\":\"2024-05-01T10:05:00Z\",\"expiresAt\":\"2024-05-31T10:00:00Z\",\"updatedAt\":\"2024-05-01T10:05:00Z\",\"createdByUser\":\"4c8a1f2e-1111-4f8a-9a9a-0123456789ab\"}");

    /// <summary>A full DST (the doc example) split around its id, for generated list pages.</summary>
    public const string SigningTodayFullItemHead = "{\"id\":\"";

    public const string SigningTodayFullItemTail = "\",\"domain\":\"bit4id\",\"title\":\"Real estate sales contract transaction\",\"documents\":[{\"id\":1,\"plainDocumentUuid\":\"737dc132-a3f0-11e9-a2a3-2a2ae2dbcce4\",\"forms\":[{\"id\":0,\"documentId\":0,\"type\":\"SignatureForm\",\"positionX\":\"100.00\",\"positionY\":\"58.14\",\"width\":\"10.1\",\"height\":\"5.66\",\"page\":1,\"signerId\":0,\"toFill\":true,\"filled\":false,\"invisible\":true,\"extraData\":{\"signatureRequestId\":0}}],\"signatureRequests\":[{\"id\":0,\"reason\":\"As the Buyer\",\"description\":\"The proponent\",\"signerId\":0,\"signProfile\":\"PAdES\",\"withTimestamp\":true,\"declinable\":false,\"restrictions\":[{\"rule\":\"\",\"operator\":\"\",\"value\":\"\"}],\"extraData\":{\"st_ticketUrl\":\"http://signing.today/ticket/8bd4aead-ad37-42bc-b3b0-22ce3d1c9e79\"}}],\"signerGroups\":[{\"label\":\"Group 1\",\"signers\":[{\"id\":0,\"name\":\"Adam\",\"surname\":\"Smith\",\"email\":\"adam.smith@email.com\"}]}],\"extraData\":{\"additionalProperty\":{}}}],\"resources\":[{\"id\":\"05a80817-a3a5-48fe-83c0-0df0f48a2a26\",\"domain\":\"bit4id\",\"title\":\"Sales Contract\",\"filename\":\"contract.pdf\",\"pages\":3,\"extraData\":{\"toSign\":true}}],\"signatures\":[{\"documentId\":3,\"signatureRequestId\":0,\"signedAt\":\"2021-10-17T07:26Z\",\"declinedReason\":\"Reason of declination\",\"extraData\":{\"st_uuid\":\"d6ebb1ed-73a4-45ba-b33a-7db8a6cdd882\"}}],\"errorMessage\":null,\"tags\":null,\"template\":false,\"publicTemplate\":false,\"extraData\":{\"st_uuid\":\"d6ebb1ed-73a4-45ba-b33a-7db8a6cdd882\"},\"visibleTo\":null,\"ccGroups\":null,\"ccUsers\":null,\"urgent\":false,\"status\":\"published\",\"createdAt\":\"2024-05-01T10:00:00Z\",\"publishedAt\":\"2024-05-01T10:05:00Z\",\"expiresAt\":\"2024-05-31T10:00:00Z\",\"updatedAt\":\"2024-05-01T10:05:00Z\",\"createdByUser\":\"4c8a1f2e-1111-4f8a-9a9a-0123456789ab\"}";

    /// <summary>A compact DST (no documents) split around its id, for the 100,000-item paging runs.</summary>
    public const string SigningTodayCompactItemHead = "{\"id\":\"";

    public const string SigningTodayCompactItemTail = "\",\"domain\":\"bit4id\",\"title\":\"Real estate sales contract transaction\",\"status\":\"published\",\"createdAt\":\"2024-05-01T10:00:00Z\",\"updatedAt\":\"2024-05-01T10:05:00Z\",\"tags\":[\"sales\",\"2024\"],\"template\":false,\"urgent\":false}";

    public const string SigningTodayRobotToken = "bench-robot-token-0123456789abcdef";
}
