using System;
using System.Net.Http;
using System.Threading;
using SigningClients.Core.Http;
using Xunit;

namespace SigningClients.Core.Tests;

public sealed class HttpClientOwnerTests
{
    [Fact]
    public void Created_client_is_disposed_with_the_owner_and_a_callers_client_is_not()
    {
        var callers = new HttpClient();
        var borrowed = new HttpClientOwner(callers);
        Assert.Same(callers, borrowed.Provider());
        borrowed.Dispose();
        callers.Timeout = TimeSpan.FromSeconds(5); // still usable: would throw ObjectDisposedException if disposed
        callers.Dispose();

        var owned = new HttpClientOwner(null);
        var created = owned.Provider();
        Assert.Equal(Timeout.InfiniteTimeSpan, created.Timeout);
        owned.Dispose();
        Assert.Throws<ObjectDisposedException>(() => { created.CancelPendingRequests(); created.Timeout = TimeSpan.FromSeconds(1); });
    }
}
