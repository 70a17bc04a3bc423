namespace Signant.InstantSign.Soap;

/// <summary>Fixed SOAP 1.1 names.</summary>
internal static class SoapNames
{
    public const string EnvelopeNamespace = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    public const string ContentType = "text/xml; charset=utf-8";
    public const string CreateInstantPosting = "CreateInstantPosting";
    public const string GetPostingStatus = "GetPostingStatus";
    public const string DownloadInstantAttachment = "DownloadInstantAttachment";
}
