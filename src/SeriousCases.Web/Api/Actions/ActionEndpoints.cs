using System.Security.Claims;
using SeriousCases.Core.Actions;
using SeriousCases.Web.Api.ReferenceData;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Actions;

public sealed record ActionListResponse(IReadOnlyList<ActivityRow> Items, int Total, string? NextAfter);

public sealed record ActionHistoryItem(DateTime At, ActivityEventKind Kind, string By, string Note);

public sealed record DueDateChangeItem(DateOnly? From, DateOnly To, string Reason, DateTime At, string By);

public sealed record ActionResponse(
    Guid Id, string Reference, ActivityOrigin Origin, string OriginDescription, string? InvestigationReference, DateOnly? PanelMeetingOn, int? DecisionNumber,
    string? ReferralReference, string? CommitmentMadeIn, int? ActionPointNumber, string Text, string? Owner, IReadOnlyList<string> Contributors,
    string? ResponsiblePerson, string? DirectorGeneral, string? ServiceLine, ActivityPriority Priority, DateOnly? FirstDueOn, DateOnly? DueOn,
    ActivityState Status, int DaysOverdue, DateOnly? CompletedOn, string? Evidence, AssuranceGrade? Assurance, DateOnly? AssuredOn, string? LearningOutcome,
    string? ClosedReason, IReadOnlyList<ActionHistoryItem> History, IReadOnlyList<DueDateChangeItem> DueDateChanges, int Version);

public sealed record ActionUpdateRequest(string? Note);

public sealed record ActionCompleteRequest(string? Outcome, string? Evidence);

public sealed record ActionReplanRequest(DateOnly? DueOn, string? Reason);

public sealed record ActionAssuranceRequest(AssuranceGrade? Grade, string? Note, string? SupersededBy);

public sealed record ActionCloseRequest(string? Reason);

/// <summary>The action register for other systems. Reads show what the caller's roles may see (others get 404);
/// every write needs the ETag the caller read in If-Match (428 without it, 412 when the activity changed since).</summary>
public static class ActionEndpoints
{
    public static RouteGroupBuilder MapActionApi(this RouteGroupBuilder v1)
    {
        var actions = v1.MapGroup("/actions").WithTags("Action register").RequireAuthorization(Policies.ActionRegister);
        actions.MapGet("/", async (
                ActivityState? status, string? owner, string? directorGeneral, string? serviceLine, ActivityOrigin? origin, DateOnly? dueFrom, DateOnly? dueTo,
                bool? overdue, bool? dueSoon, bool? mine, string? after, int? pageSize, ActionRegisterService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var page = await service.ListAsync(new ActivityQuery
                {
                    Status = status,
                    Owner = owner,
                    DirectorGeneral = directorGeneral,
                    ServiceLine = serviceLine,
                    Origin = origin,
                    DueFrom = dueFrom,
                    DueTo = dueTo,
                    Overdue = overdue ?? false,
                    DueSoon = dueSoon ?? false,
                    Mine = mine ?? false,
                    After = after,
                    PageSize = pageSize ?? ActionRegisterService.DefaultPageSize,
                }, user.RegisterUser(), ct);
                return new ActionListResponse(page.Rows, page.Total, page.NextAfter);
            })
            .WithName("ListActions")
            .WithSummary("The register, soonest due first: status (NotStarted, InProgress, AwaitingAssurance, PartlyAssured, Complete, ClosedWithoutCompletion), owner (team short name), directorGeneral, serviceLine (code), origin, dueFrom, dueTo, overdue=true, dueSoon=true, mine=true; pageSize up to 200 and after=nextAfter for the next page.");

        actions.MapPost("/", async (NewActivityInput request, ActionRegisterService service, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                var by = user.RegisterUser();
                var created = await service.CreateAsync(request, by, ct);
                var detail = await service.GetAsync(created.Id, by, ct);
                http.Response.Headers.ETag = ETag.For(detail.Activity.Version);
                return TypedResults.Created($"/api/v1/actions/{created.Id}", ToResponse(detail));
            })
            .WithName("AddAction")
            .WithSummary("Add a Panel recommendation (meetingOn, directorGeneral required), action point (meetingOn; numbered per meeting), decision's work (meetingOn, decisionNumber), ACS learning (referralReference) or commitment to Parliament or the NAO (originDescription): origin, text, owner, contributors, serviceLine, responsiblePerson, dueOn, priority. Panel secretariat; ACS learning also ACS Senior Leaders.");

        actions.MapGet("/{id:guid}", async (Guid id, ActionRegisterService service, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                var detail = await service.GetAsync(id, user.RegisterUser(), ct);
                http.Response.Headers.ETag = ETag.For(detail.Activity.Version);
                return ToResponse(detail);
            })
            .WithName("GetAction")
            .WithSummary("One activity with its history and re-plans. The ETag is the version to send in If-Match with a change.");

        MapWrite(actions, "/{id:guid}/updates", "AddActionUpdate", "A dated progress update: note. A not-started activity becomes in progress.",
            (ActionUpdateRequest r, Guid id, int version, RegisterUser by, ActionRegisterService s, CancellationToken ct) => s.AddUpdateAsync(id, version, r.Note, by, ct));
        MapWrite(actions, "/{id:guid}/complete", "CompleteAction", "Report completion: outcome (the learning outcome the publication prints) and evidence. It counts as complete once assured.",
            (ActionCompleteRequest r, Guid id, int version, RegisterUser by, ActionRegisterService s, CancellationToken ct) => s.ReportCompleteAsync(id, version, r.Evidence, r.Outcome, by, ct));
        MapWrite(actions, "/{id:guid}/replan", "ReplanAction", "Move the due date: dueOn and reason. The first commitment is kept.",
            (ActionReplanRequest r, Guid id, int version, RegisterUser by, ActionRegisterService s, CancellationToken ct) => s.ReplanAsync(id, version, r.DueOn, r.Reason, by, ct));
        MapWrite(actions, "/{id:guid}/assurance", "AssureAction", "Grade the evidence of a reported completion: grade (Assured, PartlyAssured, NotAssuredReopened, Superseded), note, supersededBy (a reference). The IPRG for IPR activities, the secretariat for the rest.",
            (ActionAssuranceRequest r, Guid id, int version, RegisterUser by, ActionRegisterService s, CancellationToken ct) => s.AssureAsync(id, version, r.Grade, r.Note, r.SupersededBy, by, ct));
        MapWrite(actions, "/{id:guid}/close", "CloseAction", "Close without completion: reason. The IPRG for IPR activities, the secretariat for the rest.",
            (ActionCloseRequest r, Guid id, int version, RegisterUser by, ActionRegisterService s, CancellationToken ct) => s.CloseAsync(id, version, r.Reason, by, ct));
        return v1;
    }

    /// <summary>Every write: If-Match required, the change, then the activity as it now stands with its new ETag.</summary>
    private static void MapWrite<TRequest>(RouteGroupBuilder actions, string pattern, string name, string summary,
        Func<TRequest, Guid, int, RegisterUser, ActionRegisterService, CancellationToken, Task<AgreedActivity>> change)
    {
        actions.MapPost(pattern, async (Guid id, TRequest request, ActionRegisterService service, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
            {
                var by = user.RegisterUser();
                if (ETag.Parse(http.Request.Headers.IfMatch) is not { } version)
                {
                    await service.GetAsync(id, by, ct); // 404 first for an activity the caller may not see
                    return Results.Problem(
                        statusCode: StatusCodes.Status428PreconditionRequired,
                        title: "If-Match header required",
                        detail: "Send the ETag from GET /api/v1/actions/{id} in the If-Match header, so a change made by someone else is not overwritten.");
                }

                await change(request, id, version, by, service, ct);
                var detail = await service.GetAsync(id, by, ct);
                http.Response.Headers.ETag = ETag.For(detail.Activity.Version);
                return Results.Ok(ToResponse(detail));
            })
            .RequireAuthorization(Policies.ActionRegister)
            .WithName(name)
            .WithSummary(summary + " Requires If-Match.");
    }

    private static ActionResponse ToResponse(ActivityDetail d)
    {
        var a = d.Activity;
        var o = d.OriginLink;
        return new ActionResponse(a.Id, a.Reference, a.Origin, o.Description, o.InvestigationReference, o.MeetingOn, o.DecisionNumber, o.ReferralReference, o.Note,
            a.Origin == ActivityOrigin.PanelActionPoint ? a.Number : null, a.Text, d.Owner, d.Contributors, a.ResponsiblePerson, a.AccountableDirectorGeneral,
            d.ServiceLine, a.Priority, a.FirstDueOn, a.DueOn, d.State, d.DaysOverdue, a.CompletedOn, a.EvidenceOfCompletion, a.Assurance, a.AssuredOn, a.LearningOutcome,
            a.ClosedReason, [.. d.Updates.Select(u => new ActionHistoryItem(u.At, u.Kind, u.ByName, u.Note))],
            [.. d.DueDateChanges.Select(c => new DueDateChangeItem(c.FromDueOn, c.ToDueOn, c.Reason, c.At, c.ByName))], a.Version);
    }
}
