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
}
