using SeriousCases.Core.Iprg;
using SeriousCases.Web.Api.ReferenceData;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Iprg;

public sealed record ActivityRequest(string? Owner, string? ServiceLine, string? Text, DateOnly? DueOn);

public sealed record SessionRequest(DateOnly? HeldOn, string? Notes);

public sealed record SessionCaseRequest(Guid? InvestigationId);

public sealed record SessionCaseItem(Guid InvestigationId, string Reference, string Stage, DateOnly? IprgReviewedOn, int Findings, int Activities);

public sealed record SessionResponse(Guid Id, DateOnly HeldOn, string? Notes, IReadOnlyList<SessionCaseItem> Cases);

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

        var sessions = v1.MapGroup("/iprg/sessions").WithTags("IPRG").RequireAuthorization(Policies.ReviewFindings);
        sessions.MapGet("/", async (IprgSessionService service, CancellationToken ct) => await service.ListAsync(ct))
            .WithName("ListIprgSessions")
            .WithSummary("IPRG review sessions from a year ago onwards, with how many cases each has and how many are reviewed.");
        sessions.MapPost("/", async (SessionRequest r, IprgSessionService service, CancellationToken ct) =>
            {
                var session = await service.ScheduleAsync(r.HeldOn, r.Notes, ct);
                return TypedResults.Created($"/api/v1/iprg/sessions/{session.Id}", await SessionAsync(service, session.Id, ct));
            })
            .WithName("ScheduleIprgSession")
            .WithSummary("Schedules a session: heldOn (within the last 90 days or the next 2 years, one session a day), notes.");
        sessions.MapGet("/{id:guid}", async (Guid id, IprgSessionService service, CancellationToken ct) => await SessionAsync(service, id, ct))
            .WithName("GetIprgSession")
            .WithSummary("One session with its cases in agenda order.");
        sessions.MapPost("/{id:guid}/cases", async (Guid id, SessionCaseRequest r, IprgSessionService service, CancellationToken ct) =>
            {
                await service.AddCaseAsync(id, r.InvestigationId, ct);
                return await SessionAsync(service, id, ct);
            })
            .WithName("AddCaseToIprgSession")
            .WithSummary("Puts a case that is with the IPRG on the session: investigationId.");
        return v1;
    }

    private static async Task<SessionResponse> SessionAsync(IprgSessionService service, Guid id, CancellationToken ct)
    {
        var view = await service.GetAsync(id, ct);
        return new SessionResponse(view.Session.Id, view.Session.HeldOn, view.Session.Notes,
            [.. view.Cases.Select(c => new SessionCaseItem(c.InvestigationId, c.Reference, c.Stage.ToString(), c.IprgReviewedOn, c.Findings, c.Activities))]);
    }
}
