using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace SigningClients.Benchmarks.Infrastructure;

/// <summary>SigningToday routes of the loopback server (filled in once the SigningToday.Dst package lands).</summary>
internal static class SigningTodayServer
{
    public static Task HandleAsync(HttpContext context, string[] segments) => BenchServer.NotFound(context);
}
