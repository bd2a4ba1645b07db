using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.ReferenceData;

public sealed record ServiceLineResponse(Guid Id, string Code, string Name, string Abbreviation, string? Description, bool IsActive, int Version);

public sealed record ServiceLineUpdateRequest(string? Name, string? Abbreviation, string? Description, bool IsActive);

/// <summary>Service lines: anyone signed in may read them; Administrators change them. A change must
/// carry the ETag it read in If-Match, so two administrators never overwrite each other.</summary>
public static class ServiceLineEndpoints
{
    public static RouteGroupBuilder MapServiceLineApi(this RouteGroupBuilder v1)
    {
        var lines = v1.MapGroup("/service-lines").WithTags("Reference data");
        lines.MapGet("/", async (ServiceLineService service, CancellationToken ct) =>
                (await service.ListAsync(ct)).Select(ToResponse).ToList())
            .RequireAuthorization(Policies.SignedIn)
            .WithName("ListServiceLines")
            .WithSummary("Every service line, active or not, in display order.");

        lines.MapGet("/{id:guid}", async (Guid id, ServiceLineService service, HttpContext http, CancellationToken ct) =>
            {
                var line = await service.GetAsync(id, ct);
                http.Response.Headers.ETag = ETag.For(line.Version);
                return ToResponse(line);
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithName("GetServiceLine")
            .WithSummary("One service line. The ETag header is its version, to send back in If-Match.");

        lines.MapPut("/{id:guid}", async Task<Results<Ok<ServiceLineResponse>, ProblemHttpResult>> (
                Guid id, ServiceLineUpdateRequest request, ServiceLineService service, HttpContext http, CancellationToken ct) =>
            {
                if (ETag.Parse(http.Request.Headers.IfMatch) is not { } version)
                {
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status428PreconditionRequired,
                        title: "If-Match header required",
                        detail: "Send the ETag from GET /api/v1/service-lines/{id} in the If-Match header, so a change made by someone else is not overwritten.");
                }

                var line = await service.UpdateAsync(id, version, new ServiceLineChange(request.Name, request.Abbreviation, request.Description, request.IsActive), ct);
                http.Response.Headers.ETag = ETag.For(line.Version);
                return TypedResults.Ok(ToResponse(line));
            })
            .RequireAuthorization(Policies.Administer)
            .WithName("UpdateServiceLine")
            .WithSummary("Change a service line's name, abbreviation, description or whether it is in use. Requires If-Match.");
        return v1;
    }

    private static ServiceLineResponse ToResponse(ServiceLine s) =>
        new(s.Id, s.Code, s.Name, s.Abbreviation, s.Description, s.IsActive, s.Version);
}

/// <summary>Record versions as strong ETags: <c>"3"</c>.</summary>
public static class ETag
{
    public static string For(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static int? Parse(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || !EntityTagHeaderValue.TryParse(ifMatch, out var tag) || tag.IsWeak)
        {
            return null;
        }

        return int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
