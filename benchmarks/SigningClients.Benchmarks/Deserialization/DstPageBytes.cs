using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Benchmarks.Infrastructure;
using SigningClients.Testing;
using SigningClients.Testing.SigningToday;

namespace SigningClients.Benchmarks.Deserialization;

/// <summary>
/// P2's input: one <c>GET /api/DSTs</c> page exactly as the SigningToday simulator emits it. The simulator
/// (in this process, only while the page is built) gets <c>count</c> DSTs created through its HTTP API with two documents
/// (forms, signature requests with restrictions, signers in groups), resources, tags, cc lists and extraData; two in
/// three are published and signed (signatures with extraData), the others stay drafts. The bytes of the page that lists
/// them all are what both sides of P2 deserialize.
/// </summary>
internal static class DstPageBytes
{
    private static readonly ConcurrentDictionary<int, Lazy<byte[]>> Pages = new();

    /// <summary>The page of <paramref name="count"/> DSTs (built once per process and count).</summary>
    public static byte[] Get(int count) =>
        Pages.GetOrAdd(count, n => new Lazy<byte[]>(() => Task.Run(() => BuildAsync(n)).GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private static async Task<byte[]> BuildAsync(int count)
    {
        await using var sim = await SigningTodaySimulator.StartAsync(new SigningTodaySimulatorOptions { MaxPageSize = Math.Max(1000, count) }).ConfigureAwait(false);
        using var http = Http.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sim.Settings.RobotToken);
        var api = sim.ApiEndpoint;
        for (int i = 0; i < count; i++)
        {
            using var created = await http.PostAsync(new Uri(api, "DSTs"), new StringContent(Body(i), Encoding.UTF8, "application/json")).ConfigureAwait(false);
            created.EnsureSuccessStatusCode();
            using var doc = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
            string id = doc.RootElement.GetProperty("id").GetString()!;
            if (i % 3 != 2)
            {
                using var published = await http.PostAsync(new Uri(api, "DST/" + id + "/publish"), null).ConfigureAwait(false);
                published.EnsureSuccessStatusCode();
                sim.Sign(id);
            }
        }

        using var page = await http.GetAsync(new Uri(api, "DSTs?$top=" + count.ToString(CultureInfo.InvariantCulture) + "&$skip=0&$count=true")).ConfigureAwait(false);
        page.EnsureSuccessStatusCode();
        return await page.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
    }

    private static string Body(int i)
    {
        string n = i.ToString(CultureInfo.InvariantCulture);
        string resA = Guid.NewGuid().ToString(), resB = Guid.NewGuid().ToString();
        return "{\"title\":\"Real estate sales contract transaction " + n + "\",\"expiresAt\":\"2099-12-31T23:59:59.000Z\"," +
            "\"tags\":[\"sales\",\"2024\",\"region-" + (i % 7).ToString(CultureInfo.InvariantCulture) + "\"],\"urgent\":" + (i % 5 == 0 ? "true" : "false") + "," +
            "\"ccUsers\":[\"4c8a1f2e-1111-4f8a-9a9a-0123456789ab\"],\"ccGroups\":[\"legal\"],\"visibleTo\":[\"4c8a1f2e-1111-4f8a-9a9a-0123456789ab\",\"9d2b3c4e-2222-4f8a-9a9a-0123456789ab\"]," +
            "\"extraData\":{\"email_disabled\":false,\"dst_urlback\":\"https://crm.example/deals/" + n + "/signed\",\"crm_deal\":" + n + "}," +
            "\"documents\":[" + Document(0, resA, "Adam", "Smith", textForm: true) + "," + Document(1, resB, "Eve", "Jones", textForm: false) + "]," +
            "\"resources\":[" + Resource(resA, "contract-" + n + ".pdf", 3) + "," + Resource(resB, "annex-" + n + ".pdf", 1) + "]}";
    }

    private static string Document(int id, string resource, string name, string surname, bool textForm) =>
        "{\"id\":" + id.ToString(CultureInfo.InvariantCulture) + ",\"plainDocumentUuid\":\"" + resource + "\"," +
        "\"forms\":[" +
        "{\"id\":0,\"documentId\":" + id.ToString(CultureInfo.InvariantCulture) + ",\"type\":\"SignatureForm\",\"positionX\":\"100.00\",\"positionY\":\"58.14\",\"width\":\"10.1\",\"height\":\"5.66\",\"page\":1,\"signerId\":0,\"toFill\":false,\"filled\":false,\"invisible\":false,\"extraData\":{\"signatureRequestId\":0}}," +
        "{\"id\":1,\"documentId\":" + id.ToString(CultureInfo.InvariantCulture) + ",\"type\":\"SignatureForm\",\"positionX\":\"20.5\",\"positionY\":\"58.14\",\"width\":\"10.1\",\"height\":\"5.66\",\"page\":3,\"signerId\":1,\"toFill\":false,\"filled\":false,\"invisible\":false,\"extraData\":{\"signatureRequestId\":1}}" + (!textForm ? string.Empty :
        ",{\"id\":2,\"documentId\":" + id.ToString(CultureInfo.InvariantCulture) + ",\"type\":\"TextForm\",\"positionX\":\"12\",\"positionY\":\"80.5\",\"width\":\"30\",\"height\":\"3.5\",\"page\":1,\"signerId\":0,\"toFill\":true,\"filled\":false,\"invisible\":false,\"extraData\":{\"label\":\"Place and date\"}}") + "]," +
        "\"signatureRequests\":[" +
        "{\"id\":0,\"reason\":\"As the Buyer\",\"description\":\"The proponent\",\"signerId\":0,\"signProfile\":\"PAdES\",\"withTimestamp\":true,\"declinable\":false,\"restrictions\":[{\"rule\":\"\",\"operator\":\"\",\"value\":\"\"}]}," +
        "{\"id\":1,\"reason\":\"As the Seller\",\"description\":\"The counterpart\",\"signerId\":1,\"signProfile\":\"PAdES\",\"withTimestamp\":false,\"declinable\":true,\"restrictions\":[{\"rule\":\"email\",\"operator\":\"==\",\"value\":\"seller@example.com\"}]}]," +
        "\"signerGroups\":[" +
        "{\"label\":\"Buyers\",\"signers\":[{\"id\":0,\"name\":\"" + name + "\",\"surname\":\"" + surname + "\",\"email\":\"" + name.ToLowerInvariant() + "." + surname.ToLowerInvariant() + "@email.com\",\"phone\":\"+390000000000\",\"role\":\"buyer\"}]}," +
        "{\"label\":\"Sellers\",\"signers\":[{\"id\":1,\"name\":\"Marie\",\"surname\":\"Gagnon\",\"email\":\"marie.gagnon@email.com\",\"role\":\"seller\",\"userUUID\":\"9d2b3c4e-2222-4f8a-9a9a-0123456789ab\"}]}]," +
        "\"extraData\":{\"additionalProperty\":{}}}";

    private static string Resource(string id, string file, int pages) =>
        "{\"id\":\"" + id + "\",\"domain\":\"demo\",\"type\":\"PDF_Document\",\"title\":\"" + file + "\",\"filename\":\"" + file + "\",\"size\":184320,\"createdAt\":\"2024-05-01T10:00:00.000Z\",\"mimetype\":\"application/pdf\",\"pages\":" +
        pages.ToString(CultureInfo.InvariantCulture) + ",\"extraData\":{\"toSign\":true}}";
}
