using System;
using Xunit;

namespace ConsignO.Workflows.Tests;

/// <summary>
/// ConsignO's own option rules. DI binding, named clients, validation at resolution, plain-http refusal, redaction
/// and cancellation are the shared provider contract (SigningClients.Conventions.Tests, Contract/).
/// </summary>
public sealed class ValidationTests
{
    [Fact]
    public void Platform_credentials_need_both_the_client_id_and_its_secret()
    {
        Assert.Throws<ArgumentException>(() => new ConsignOClient(new ConsignOClientOptions { Endpoint = new Uri("https://cloud.example.com/api/v1"), Username = "u", Password = "p", ClientId = "id" }));
        Assert.Throws<ArgumentException>(() => new ConsignOClient(new ConsignOClientOptions { Endpoint = new Uri("https://cloud.example.com/api/v1"), Username = "u", Password = "p", ClientSecret = "secret" }));
    }
}
