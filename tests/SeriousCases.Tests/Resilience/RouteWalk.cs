using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace SeriousCases.Tests.Resilience;

/// <summary>Every route of the app from its own endpoint list (as the authorization walk does), with sample values
/// for its parameters, for the security walks.</summary>
public static class RouteWalk
{
    public sealed record Route(string Key, string Method, string Url, bool IsPage);

    /// <summary>A value for each route parameter, shared by every walk over the routes (authorization, headers, CSRF).</summary>
    public static readonly IReadOnlyDictionary<string, string> SampleValues = new Dictionary<string, string>()
    {
        ["sequence"] = "1",
        ["id"] = "0190e2b4-0000-7000-8000-000000000001",
        ["code"] = "404",
        ["documentName"] = "v1",
        ["question"] = "received",
        ["findingId"] = "0190e2b4-0000-7000-8000-000000000002",
        ["documentId"] = "0190e2b4-0000-7000-8000-000000000003",
        ["meetingDate"] = "2020-07-02",
        ["itemId"] = "0190e2b4-0000-7000-8000-000000000004",
        ["paperId"] = "0190e2b4-0000-7000-8000-000000000005",
        ["attendeeId"] = "0190e2b4-0000-7000-8000-000000000006",
        ["number"] = "1",
        ["year"] = "2022-23",
        ["format"] = "json",
    };

    public static IReadOnlyList<Route> All(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new List<Route>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null
                || endpoint.Metadata.OfType<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>().Any();
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                routes.Add(new Route($"{method} {pattern}", method, Fill(endpoint.RoutePattern), isPage));
            }
        }

        return routes.DistinctBy(r => r.Key).ToList();
    }

    private static string Fill(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => SampleValues.TryGetValue(parameter.Name, out var value)
                ? value
                : throw new InvalidOperationException($"Add a sample value for route parameter {{{parameter.Name}}} to RouteWalk."),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }
}
