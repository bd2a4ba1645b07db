using SeriousCases.Core.Iprg;
using SeriousCases.Web.Api.ReferenceData;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Iprg;

public sealed record ActivityRequest(string? Owner, string? ServiceLine, string? Text, DateOnly? DueOn);

public sealed record ActivityResponse(Guid Id, string Reference, Guid FindingId, string Owner, string ServiceLine, string Text, DateOnly? DueOn, string Status);

/// <summary>The IPRG's part: activities agreed for a finding, and the group's review of a case.</summary>
public static class IprgEndpoints
{
    public static RouteGroupBuilder MapIprgApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/findings/{id:guid}/activities", async (Guid id, ActivityRequest r, IprgService service, CancellationToken ct) =>
            {
                var a = await service.AddActivityAsync(id, r.Owner, r.ServiceLine, r.Text, r.DueOn, ct);
                var view = await service.GetAsync(a.InvestigationId!.Value, ct);
                var saved = view.Activities.Single(x => x.Id == a.Id);
                return TypedResults.Created($"/api/v1/activities/{a.Id}", new ActivityResponse(saved.Id, saved.Reference, id, saved.OwnerTeam!.ShortName,
                    saved.ServiceLine!.Name, saved.Text, saved.DueOn, saved.Status.ToString()));
            })
            .RequireAuthorization(Policies.ReviewFindings)
            .WithTags("IPRG")
            .WithName("AgreeActivity")
            .WithSummary("The IPRG agrees an activity for a finding: owner (team short name or name), serviceLine, text (\"<owner> to assure IPRG that ...\"), dueOn. The case must be with the IPRG.");

        v1.MapPost("/investigations/{id:guid}/iprg-review", async (Guid id, IprgService service, HttpContext http, CancellationToken ct) =>
            {
                var current = await service.GetAsync(id, ct);
                var version = ETag.Parse(http.Request.Headers.IfMatch) ?? current.Investigation.Version;
                var reviewed = await service.RecordReviewAsync(id, version, ct);
                http.Response.Headers.ETag = ETag.For(reviewed.Version);
                return TypedResults.Ok(new { reviewed.Id, reviewed.Reference, reviewed.IprgReviewedOn });
            })
            .RequireAuthorization(Policies.ReviewFindings)
            .WithTags("IPRG")
            .WithName("RecordIprgReview")
            .WithSummary("Records the IPRG's review of a case with the group (every finding needs an agreed activity first); the case can then conclude.");
        return v1;
    }
}
