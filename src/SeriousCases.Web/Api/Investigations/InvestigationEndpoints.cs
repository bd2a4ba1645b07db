using System.Security.Claims;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Web.Api.ReferenceData;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Investigations;

public sealed record CaseloadItem(Guid Id, string Reference, InvestigationStage Stage, DateOnly? NotifiedOn, DateOnly? AcceptedOn, int? DaysOpen, string? Investigator);

public sealed record StageChangeItem(InvestigationStage From, InvestigationStage To, DateOnly On);

public sealed record InvestigationResponse(
    Guid Id, string Reference, InvestigationStage Stage, InvestigationOutcome? Outcome, string? Investigator,
    DateOnly? NotifiedOn, DateOnly? AcceptedOn, DateOnly? LaunchedOn, DateOnly? SentToIprgOn, DateOnly? IprgReviewedOn, DateOnly? ConcludedOn,
    IReadOnlyList<string> ServiceLines, int Findings, bool ExternalScrutiny, IReadOnlyList<StageChangeItem> History, int Version);

public sealed record FindingRequest(string? Text, string? ServiceLine, IReadOnlyList<string>? Themes);

public sealed record FindingResponse(Guid Id, int Order, string Text, string ServiceLine, IReadOnlyList<string> Themes);

public sealed record StageRequest(InvestigationStage? Stage, InvestigationOutcome? Outcome);

/// <summary>The investigation workspace for other systems: caseload, one IPR, moving its stage. An investigator
/// asking for someone else's case gets 404, and the attempt is audited.</summary>
public static class InvestigationEndpoints
{
    public static RouteGroupBuilder MapInvestigationApi(this RouteGroupBuilder v1)
    {
        var investigations = v1.MapGroup("/investigations").WithTags("Investigations").RequireAuthorization(Policies.Investigate);
        investigations.MapGet("/", async (string? assignedTo, InvestigationService service, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
            {
                if (assignedTo is not (null or "me"))
                {
                    throw new DomainValidationException("assignedTo", "assignedTo can only be me; leave it out for every case you may see");
                }

                var by = user.Requester();
                var rows = await service.CaseloadAsync(assignedTo == "me" ? by with { IsTriage = false } : by, ct);
                var today = UkTime.Today(clock);
                return rows.Select(r => new CaseloadItem(r.Id, r.Reference, r.Stage, r.NotifiedOn, r.AcceptedOn,
                    r.AcceptedOn is { } a ? today.DayNumber - a.DayNumber : null, r.InvestigatorName)).ToList();
            })
            .WithName("ListInvestigations")
            .WithSummary("Open IPRs, longest open first: assignedTo=me for the caller's caseload; Triage sees every open IPR without it.");

        investigations.MapGet("/{id:guid}", async (Guid id, InvestigationService service, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                var view = await service.GetAsync(id, user.Requester(), ct);
                http.Response.Headers.ETag = ETag.For(view.Investigation.Version);
                return ToResponse(view);
            })
            .WithName("GetInvestigation")
            .WithSummary("One IPR. Each read is audited; a case not assigned to the caller answers 404 and the attempt is audited.");

        investigations.MapPost("/{id:guid}/stage", async (Guid id, StageRequest request, InvestigationService service, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                var by = user.Requester();
                var current = await service.GetAsync(id, by, ct);
                var version = ETag.Parse(http.Request.Headers.IfMatch) ?? current.Investigation.Version;
                await service.MoveStageAsync(id, version, request.Stage, request.Outcome, by, ct);
                var view = await service.GetAsync(id, by, ct);
                http.Response.Headers.ETag = ETag.For(view.Investigation.Version);
                return ToResponse(view);
            })
            .WithName("MoveInvestigationStage")
            .WithSummary("Move the IPR to another stage: Launched, FactFinding, Drafting, WithIprg, Concluded (with outcome LearningIdentified or NoLearningIdentified). If-Match is honoured when sent.");
        investigations.MapPost("/{id:guid}/findings", async (Guid id, FindingRequest request, InvestigationService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var finding = await service.AddFindingAsync(id, request.Text, request.ServiceLine, request.Themes ?? [], user.Requester(), ct);
                var saved = (await service.FindingsAsync(id, ct)).Single(f => f.Id == finding.Id);
                return TypedResults.Created($"/api/v1/investigations/{id}/findings/{saved.Id}", new FindingResponse(saved.Id, saved.Order, saved.Text,
                    saved.ServiceLine!.Name, [.. saved.Themes.Select(t => t.Theme!.Name).Order(StringComparer.Ordinal)]));
            })
            .WithName("AddFinding")
            .WithSummary("Record learning identified: text, serviceLine (name, abbreviation or code), themes (codes or names, at least one). While the IPR is launched, fact-finding or drafting.");
        return v1;
    }

    private static InvestigationResponse ToResponse(InvestigationView v)
    {
        var i = v.Investigation;
        return new InvestigationResponse(i.Id, i.Reference, i.Stage, i.Outcome, v.InvestigatorName, i.NotifiedOn, i.AcceptedOn, i.LaunchedOn,
            i.SentToIprgOn, i.IprgReviewedOn, i.ConcludedOn, [.. i.ServiceLines.Select(l => l.ServiceLine!.Name).Order(StringComparer.Ordinal)],
            v.Findings, i.ExternalScrutiny, [.. v.History.Select(h => new StageChangeItem(h.From, h.To, h.On))], i.Version);
    }
}
