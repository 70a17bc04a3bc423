namespace SigningClients.Hostile.Tests.Probes;

/// <summary>Signant SOAP answers, well-formed or hostile.</summary>
internal static class SoapEnvelopes
{
    public const string Ns = "http://schemas.xmlsoap.org/soap/envelope/";

    public static string Result(string operation, string members) =>
        "<s:Envelope xmlns:s=\"" + Ns + "\"><s:Body><" + operation + "Response xmlns=\"http://signant.no/\"><" + operation + "Result>" + members +
        "</" + operation + "Result></" + operation + "Response></s:Body></s:Envelope>";

    public static string Status(string extra = "") => Result("GetPostingStatus", "<ErrorCode>0</ErrorCode><Success>true</Success>" + extra);

    public static string DeepFault(int depth) =>
        "<s:Envelope xmlns:s=\"" + Ns + "\"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>bad</faultstring><detail>" +
        string.Concat(Enumerable.Repeat("<d>", depth)) + string.Concat(Enumerable.Repeat("</d>", depth)) + "</detail></s:Fault></s:Body></s:Envelope>";

    public static string DownloadPrefix(string operation = "DownloadInstantAttachment") =>
        "<s:Envelope xmlns:s=\"" + Ns + "\"><s:Body><" + operation + "Response xmlns=\"http://signant.no/\"><" + operation + "Result><Success>true</Success><ErrorCode>0</ErrorCode><FileName>a.pdf</FileName><AttachmentFile>";
}
