using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Panel;
using SeriousCases.Web.Infrastructure.Authentication;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Panel;

public sealed record PanelMeetingSummary(Guid Id, DateOnly MeetingOn, MeetingFormat Format, MeetingStatus Status, string? Chair);

public sealed record PanelAgendaItem(int Number, AgendaItemKind Kind, string Title, string? Theme);

public sealed record PanelPaperItem(int Number, string Title, string? Presenter, string? Theme, DateOnly? CirculatedOn, bool CirculatedLate);

public sealed record PanelAttendanceItem(AttendanceKind Kind, int Order, string Name, string? JobTitle, string? OnBehalfOf, bool ChairAgreedDeputy);

public sealed record PanelDecisionItem(Guid Id, int Number, int? AgendaItem, string Text, string? WorkReference);

public sealed record PanelActionPointItem(
    Guid Id, int Number, string Reference, string Text, string? OwnerTeam, string? ResponsiblePerson, string? Timescale, DateOnly? DueOn, ActivityState Status);

public sealed record PanelRecommendationItem(
    Guid Id, int? Number, string Reference, string Text, string? DirectorGeneral, string? OwnerTeam, IReadOnlyList<string> Contributors, DateOnly? DueOn,
    ActivityState Status);

public sealed record PanelMeetingResponse(
    Guid Id, DateOnly MeetingOn, MeetingFormat Format, string? FormatNote, MeetingStatus Status, string? Chair, string? ChairOnBehalfOf,
    DateOnly? MinutesAgreedOn, DateOnly? MinutesCirculatedOn, DateOnly? MinutesPublishedOn,
    IReadOnlyList<PanelAgendaItem> AgendaItems, IReadOnlyList<PanelPaperItem> Papers, IReadOnlyList<PanelAttendanceItem> Attendance,
    IReadOnlyList<PanelDecisionItem> Decisions, IReadOnlyList<PanelActionPointItem> ActionPoints, IReadOnlyList<PanelRecommendationItem> Recommendations);

/// <summary>A decision to record: text and the agenda item (optional). With commissionsWork, the work enters the action register:
/// workText (the decision's text when left out), ownerTeamId or ownerTeamCode, directorGeneral and dueOn are then needed.</summary>
public sealed record PanelDecisionRequest(
    string? Text, int? AgendaItem, bool? CommissionsWork, string? WorkText, Guid? OwnerTeamId, string? OwnerTeamCode, string? DirectorGeneral, DateOnly? DueOn);

/// <summary>An action point to record: text, the owner team (ownerTeamId or ownerTeamCode, its short name), responsiblePerson,
/// and a timescale in words, a dueOn date or both.</summary>
public sealed record PanelActionPointRequest(string? Text, Guid? OwnerTeamId, string? OwnerTeamCode, string? ResponsiblePerson, string? Timescale, DateOnly? DueOn);

/// <summary>The Serious Case Panel's meetings for other systems: Panel members and the secretariat read them; only the
/// secretariat records decisions and action points. Numbers are the service's, never the caller's: the answer says which
/// number was given.</summary>
public static class PanelMeetingEndpoints
{
    public static RouteGroupBuilder MapPanelMeetingApi(this RouteGroupBuilder v1)
    {
        var meetings = v1.MapGroup("/panel/meetings").WithTags("Serious Case Panel").RequireAuthorization(Policies.ViewPanel);
        meetings.MapGet("/", async (string? year, SeriousCasesDbContext db, CancellationToken ct) =>
            {
                var query = db.PanelMeetings.AsNoTracking();
                if (year is not null)
                {
                    var panelYear = PanelYear.Parse(year) ?? throw new DomainValidationException("year", "Enter the year as the department writes it, for example 2020-21");
                    query = query.Where(m => m.MeetingOn >= panelYear.From && m.MeetingOn <= panelYear.To);
                }

                var rows = await query.OrderBy(m => m.MeetingOn).Select(m => new PanelMeetingSummary(m.Id, m.MeetingOn, m.Format, m.Status, m.ChairName)).ToListAsync(ct);
                return rows;
            })
            .WithName("ListPanelMeetings")
            .WithSummary("The Panel's meetings, earliest first: id, meetingOn, format, status and chair. year=2020-21 gives one business year (April to March).");

        meetings.MapGet("/{id:guid}", async (Guid id, SeriousCasesDbContext db, PanelOutcomeService outcomes, TimeProvider clock, CancellationToken ct) =>
            {
                var m = await db.PanelMeetings.AsNoTracking()
                    .Include(x => x.AgendaItems).ThenInclude(a => a.Theme)
                    .Include(x => x.Papers).ThenInclude(p => p.Theme)
                    .Include(x => x.Attendance)
                    .AsSplitQuery()
                    .SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException("The Panel meeting");
                var o = await outcomes.GetAsync(id, ct);
                var today = UkTime.Today(clock);
                return new PanelMeetingResponse(
                    m.Id, m.MeetingOn, m.Format, m.FormatNote, m.Status, m.ChairName, m.ChairOnBehalfOf, m.MinutesAgreedOn, m.MinutesCirculatedOn, m.MinutesPublishedOn,
                    [.. m.AgendaItems.OrderBy(a => a.Number).Select(a => new PanelAgendaItem(a.Number, a.Kind, a.Title, a.Theme?.Name))],
                    [.. m.Papers.OrderBy(p => p.Number).Select(p => new PanelPaperItem(p.Number, p.Title, p.Presenter, p.Theme?.Name, p.CirculatedOn,
                        PanelDeadlines.PaperIsLate(m.MeetingOn, p.CirculatedOn, today)))],
                    [.. m.Attendance.OrderBy(a => a.Kind).ThenBy(a => a.Order).Select(a => new PanelAttendanceItem(a.Kind, a.Order, a.PersonName, a.JobTitle, a.OnBehalfOf, a.ChairAgreedDeputy))],
                    [.. o.Decisions.Select(ToItem)],
                    [.. o.ActionPoints.Select(ToItem)],
                    [.. o.Recommendations.Select(r => new PanelRecommendationItem(r.Id, r.Number, r.Reference, r.Text, r.DirectorGeneral, r.OwnerTeam, r.Contributors, r.DueOn, r.Status))]);
            })
            .WithName("GetPanelMeeting")
            .WithSummary("One meeting: its details, agendaItems, papers (circulatedLate when later than a week ahead), attendance, decisions, actionPoints and recommendations, each with its number.");

        meetings.MapGet("/{id:guid}/decisions/{number:int}", async (Guid id, int number, PanelOutcomeService outcomes, CancellationToken ct) =>
            {
                var o = await outcomes.GetAsync(id, ct);
                return ToItem(o.Decisions.SingleOrDefault(d => d.Number == number) ?? throw new RecordNotFoundException($"Decision {number}"));
            })
            .WithName("GetPanelDecision")
            .WithSummary("One decision of a meeting, by its number.");

        meetings.MapPost("/{id:guid}/decisions", async (Guid id, PanelDecisionRequest r, PanelOutcomeService outcomes, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var added = await Renamed(r.OwnerTeamId, () => outcomes.AddDecisionAsync(id, new NewDecisionInput
                {
                    Text = r.Text,
                    AgendaItem = r.AgendaItem,
                    CommissionsWork = r.CommissionsWork ?? false,
                    WorkText = r.WorkText,
                    Owner = r.OwnerTeamCode,
                    OwnerTeamId = r.OwnerTeamId,
                    DirectorGeneral = r.DirectorGeneral,
                    DueOn = r.DueOn,
                }, user.RegisterUser(), ct));
                var d = added.Decision;
                return TypedResults.Created($"/api/v1/panel/meetings/{id}/decisions/{d.Number}",
                    new PanelDecisionItem(d.Id, d.Number, d.AgendaItemNumber, d.Text, added.Work?.Reference));
            })
            .RequireAuthorization(Policies.RunPanel)
            .WithName("AddPanelDecision")
            .WithSummary("Record the meeting's next decision: text, agendaItem (optional). The service gives it its number (Decision 1, 2 ...). Panel secretariat.");

        meetings.MapPost("/{id:guid}/action-points", async (Guid id, PanelActionPointRequest r, PanelOutcomeService outcomes, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var a = await Renamed(r.OwnerTeamId, () => outcomes.AddActionPointAsync(id, new NewActionPointInput
                {
                    Text = r.Text,
                    Owner = r.OwnerTeamCode,
                    OwnerTeamId = r.OwnerTeamId,
                    ResponsiblePerson = r.ResponsiblePerson,
                    Timescale = r.Timescale,
                    DueOn = r.DueOn,
                }, user.RegisterUser(), ct));
                var o = await outcomes.GetAsync(id, ct);
                return TypedResults.Created($"/api/v1/actions/{a.Id}", ToItem(o.ActionPoints.Single(x => x.Id == a.Id)));
            })
            .RequireAuthorization(Policies.RunPanel)
            .WithName("AddPanelActionPoint")
            .WithSummary("Record the meeting's next action point in the action register: text, ownerTeamId or ownerTeamCode, responsiblePerson, timescale and/or dueOn. The service gives it its number (AP1, AP2 ...); Location is the activity in the register. Panel secretariat.");
        return v1;
    }

    private static PanelDecisionItem ToItem(DecisionView d) => new(d.Id, d.Number, d.AgendaItem, d.Text, d.WorkReference);

    private static PanelActionPointItem ToItem(ActionPointView a) =>
        new(a.Id, a.Number, a.Reference, a.Text, a.OwnerTeam, a.ResponsiblePerson, a.Timescale, a.DueOn, a.Status);

    /// <summary>The register names the owner team "owner"; this API's callers sent ownerTeamId or ownerTeamCode.</summary>
    private static async Task<T> Renamed<T>(Guid? ownerTeamId, Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        catch (DomainValidationException ex) when (ex.Errors.Any(e => e.Field == "owner"))
        {
            var owner = ownerTeamId is null ? "ownerTeamCode" : "ownerTeamId";
            throw new DomainValidationException([.. ex.Errors.Select(e => e.Field == "owner" ? e with { Field = owner } : e)]);
        }
    }
}
