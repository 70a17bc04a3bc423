using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using SigningClients.Core.Http;
using Xunit;

namespace SigningClients.Core.Tests;

public sealed class MultipartFileNameTests
{
    [Fact]
    public async Task Ascii_file_name_is_sent_quoted_without_a_quoted_filename_star()
    {
        var content = RequestContent.Multipart(new MultipartPart("document", RequestContent.Bytes(new byte[] { 1 }, "application/pdf"), "contract.pdf")).CreateHttpContent();
        var text = await content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("Content-Disposition: form-data; name=\"document\"; filename=\"contract.pdf\"\r\n", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("%22", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_file_name_gets_an_rfc5987_filename_star_without_quotes()
    {
        var multipart = (MultipartFormDataContent)RequestContent.Multipart(new MultipartPart("document", RequestContent.Bytes(new byte[] { 1 }, "application/pdf"), "Müller.pdf")).CreateHttpContent();
        var disposition = multipart.Single().Headers.ContentDisposition!;

        Assert.Equal("Müller.pdf", disposition.FileNameStar);
    }

    [Fact]
    public async Task Content_type_is_sent_as_given_and_still_readable_as_a_parsed_header()
    {
        var content = RequestContent.Multipart(new MultipartPart("document", RequestContent.Bytes(new byte[] { 1 }, "application/pdf; name=a"), "contract.pdf")).CreateHttpContent();
        var text = await content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = RequestContent.Json(new Item { Id = 1, Name = "a" }, TestJsonContext.Default.Item).CreateHttpContent();

        Assert.Contains("Content-Type: application/pdf; name=a\r\n", text, System.StringComparison.Ordinal);
        Assert.Equal("application/json", json.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", json.Headers.ContentType.CharSet);
    }

    [Fact]
    public void A_content_type_with_a_line_break_is_refused_not_sent()
    {
        Assert.Throws<System.FormatException>(() => RequestContent.Bytes(new byte[] { 1 }, "text/plain\r\nX-Injected: 1").CreateHttpContent());
    }
}
