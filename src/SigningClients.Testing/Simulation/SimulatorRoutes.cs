using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SigningClients.Testing.Simulation;

/// <summary>
/// How a simulator authenticates its callers and renders state errors; one per simulator, given to
/// <see cref="SimulatorRoutes.MapSimulatorGroup"/>.
/// </summary>
/// <typeparam name="TCaller">What an authenticated request carries to the routes (a session, a user id, …).</typeparam>
internal interface ISimulatorWire<TCaller>
    where TCaller : class
{
    /// <summary>
    /// Authenticates the request: returns the caller, or throws a <see cref="SimulatorStateException"/> of kind
    /// <see cref="SimulatorErrorKind.Unauthenticated"/> (rendered by <see cref="WriteErrorAsync"/>).
    /// </summary>
    ValueTask<TCaller> AuthenticateAsync(HttpContext context);

    /// <summary>Writes a state error as the provider's error body.</summary>
    Task WriteErrorAsync(HttpContext context, SimulatorStateException error);
}

/// <summary>Endpoint metadata: the route is reachable without credentials (login, token endpoints, public pages).</summary>
internal sealed class AnonymousRoute
{
    public static readonly AnonymousRoute Instance = new();
}

/// <summary>
/// The shared route kit: one route group per simulator with one auth filter and one error writer. Handlers follow
/// parse → call the state model → render; they take the caller from <see cref="Caller{TCaller}"/> and let
/// <see cref="SimulatorStateException"/> propagate to the group's error writer.
/// </summary>
internal static class SimulatorRoutes
{
    private static readonly object CallerKey = new();

    /// <summary>
    /// Maps a route group under <paramref name="prefix"/> whose every endpoint is authenticated by
    /// <paramref name="wire"/> (unless marked <see cref="Anonymous{TBuilder}"/>) and whose state errors are rendered by it.
    /// </summary>
    public static RouteGroupBuilder MapSimulatorGroup<TCaller>(this IEndpointRouteBuilder routes, string prefix, ISimulatorWire<TCaller> wire)
        where TCaller : class
    {
        var group = routes.MapGroup(prefix);
        ((IEndpointConventionBuilder)group).Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException("The endpoint has no request delegate.");
            endpoint.RequestDelegate = context => InvokeAsync(context, inner, wire);
        });
        return group;
    }

    /// <summary>Marks endpoints as reachable without credentials.</summary>
    public static TBuilder Anonymous<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(AnonymousRoute.Instance);

    /// <summary>The authenticated caller of the request.</summary>
    public static TCaller Caller<TCaller>(this HttpContext context)
        where TCaller : class =>
        context.Items[CallerKey] as TCaller ?? throw new InvalidOperationException("The route is anonymous or the request was not authenticated.");

    /// <summary>A route value, or the empty string.</summary>
    public static string Route(this HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? string.Empty;

    /// <summary>A query value, or <see langword="null"/>.</summary>
    public static string? Query(this HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>Answers 204 No Content.</summary>
    public static Task NoContent(this HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    /// <summary>Writes raw bytes with a content type and, when given, an attachment file name.</summary>
    public static async Task WriteBytesAsync(this HttpContext context, byte[] bytes, string contentType, string? fileName = null, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        if (fileName is not null)
        {
            context.Response.Headers.ContentDisposition = "attachment; filename=\"" + fileName.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";
        }

        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task InvokeAsync<TCaller>(HttpContext context, RequestDelegate inner, ISimulatorWire<TCaller> wire)
        where TCaller : class
    {
        try
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<AnonymousRoute>() is null)
            {
                context.Items[CallerKey] = await wire.AuthenticateAsync(context).ConfigureAwait(false);
            }

            await inner(context).ConfigureAwait(false);
        }
        catch (SimulatorStateException error) when (!context.Response.HasStarted)
        {
            await wire.WriteErrorAsync(context, error).ConfigureAwait(false);
        }
    }
}
