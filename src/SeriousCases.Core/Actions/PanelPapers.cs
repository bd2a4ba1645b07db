using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Panel;

namespace SeriousCases.Core.Actions;

/// <summary>A Panel meeting as the papers name it.</summary>
public sealed record PaperMeeting(Guid Id, DateOnly MeetingOn, MeetingStatus Status)
{
    public string Title => $"Serious Case Panel, {UkTime.Format(MeetingOn)}";
}

/// <summary>A dated entry from an activity's history, as a paper quotes it.</summary>
public sealed record PaperNote(DateOnly On, string Text);

/// <summary>One Panel recommendation, action point or decision's commissioned work, as the papers show it. Never a
/// customer's details: Panel papers are about themes and delivery.</summary>
public sealed record PaperItem(
    Guid Id,
    string Reference,
    string Label,
    ActivityOrigin Origin,
    string Text,
    string? Owner,
    string? ResponsiblePerson,
    string? DirectorGeneral,
    string? Timescale,
    DateOnly? FirstDueOn,
    DateOnly? DueOn,
    PaperNote? Replan,
    ActivityState State,
    PaperNote? LatestUpdate,
    int DaysOverdue)
{
    public string StateText => ActivityRules.Describe(State);

    /// <summary>True when the due date was moved from the first commitment.</summary>
    public bool Replanned => Replan is not null || (FirstDueOn is { } first && DueOn is { } due && first != due);
}

/// <summary>An overdue item with why it is late and whether the escalation ladder put it before the Panel.</summary>
public sealed record OverdueItem(PaperItem Item, int DaysOverdue, string Why, DateOnly? FlaggedOn)
{
    public bool Flagged => FlaggedOn is not null;
}

/// <summary>An item delivered since the last meeting: assured, or reported complete and awaiting assurance.</summary>
public sealed record CompletedItem(PaperItem Item, DateOnly On, bool Assured, string? Evidence, string? Outcome)
{
    public string HowText => Assured ? "Assured" : Item.State == ActivityState.PartlyAssured ? "Reported complete, partly assured" : "Reported complete, awaiting assurance";
}

/// <summary>"Paper 1: Actions Update": progress on everything the Panel agreed at earlier meetings.</summary>
public sealed record ActionsUpdatePaper(
    PaperMeeting Meeting,
    PaperMeeting? Since,
    DateOnly AsAt,
    IReadOnlyList<PaperItem> Progress,
    IReadOnlyList<OverdueItem> Overdue,
    IReadOnlyList<CompletedItem> Completed)
{
    public const string Marking = "OFFICIAL-SENSITIVE";

    public string Title => $"Actions update for the Serious Case Panel of {UkTime.Format(Meeting.MeetingOn)}";

    public string FileName => $"actions-update-{Meeting.MeetingOn:yyyy-MM-dd}.docx";
}

/// <summary>One row of the ministers' update: what the Panel agreed under one accountable Director General.</summary>
public sealed record DirectorGeneralLine(string DirectorGeneral, int Agreed, int OnTrack, int Overdue, int AwaitingAssurance, int Completed, int Closed);

/// <summary>An item the escalation ladder's MINISTERS step flagged: overdue 16 weeks or more.</summary>
public sealed record FlaggedItem(PaperItem Item, DateOnly FlaggedOn, string Why);

/// <summary>The Secretary of State and ministers' update for the Delivery Board: aggregate figures by accountable
/// Director General, and the items stalled long enough to reach ministers.</summary>
public sealed record MinistersUpdate(DateOnly AsAt, IReadOnlyList<DirectorGeneralLine> Lines, DirectorGeneralLine Totals, IReadOnlyList<FlaggedItem> Flagged)
{
    public const string Marking = ActionsUpdatePaper.Marking;
    public const string NoDirectorGeneral = "No accountable Director General recorded";

    public string Title => $"Serious Case Panel recommendations: update for ministers, {UkTime.Format(AsAt)}";

    public string FileName => $"ministers-update-{AsAt:yyyy-MM-dd}.docx";
}

/// <summary>The papers the action register produces for the Panel secretariat: the actions update for a Panel
/// meeting and the ministers' update for the Delivery Board. Read-only; positions are as at today.</summary>
public sealed class PanelPapersService(SeriousCasesDbContext db, TimeProvider clock)
{
    private static readonly ActivityOrigin[] PanelOrigins =
        [ActivityOrigin.PanelRecommendation, ActivityOrigin.PanelActionPoint, ActivityOrigin.PanelDecisionWork];

    /// <summary>Every Panel meeting, newest first, to choose the paper's meeting from.</summary>
    public async Task<IReadOnlyList<PaperMeeting>> MeetingsAsync(CancellationToken ct) =>
        await db.PanelMeetings.AsNoTracking().OrderByDescending(m => m.MeetingOn)
            .Select(m => new PaperMeeting(m.Id, m.MeetingOn, m.Status)).ToListAsync(ct);

    /// <summary>The meeting a paper is most likely for: the next planned one, otherwise the latest held.</summary>
    public async Task<PaperMeeting?> DefaultMeetingAsync(CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var meetings = await MeetingsAsync(ct);
        return meetings.Where(m => m.Status == MeetingStatus.Planned && m.MeetingOn >= today).MinBy(m => m.MeetingOn)
            ?? meetings.FirstOrDefault();
    }

    /// <summary>The actions update for a meeting: progress on every open Panel item agreed before it, the overdue
    /// ones and why (with those the ladder's PANEL step flagged, from any origin), and what was completed since the
    /// previous meeting.</summary>
    public async Task<ActionsUpdatePaper> ActionsUpdateAsync(Guid meetingId, CancellationToken ct)
    {
        var meetings = await MeetingsAsync(ct);
        var meeting = meetings.SingleOrDefault(m => m.Id == meetingId) ?? throw new RecordNotFoundException("The Panel meeting");
        var since = meetings.Where(m => m.MeetingOn < meeting.MeetingOn).MaxBy(m => m.MeetingOn);
        var today = UkTime.Today(clock);

        var flagged = await FlaggedAsync(EscalationRecipient.PanelActionsUpdate, ct);
        var on = meeting.MeetingOn;
        var panelIds = await db.AgreedActivities.AsNoTracking()
            .Where(a => PanelOrigins.Contains(a.Origin) && a.Status != ActivityStatus.ClosedWithoutCompletion)
            .Where(a => a.PanelMeetingId == null || a.PanelMeeting!.MeetingOn < on)
            .Select(a => a.Id).ToListAsync(ct);
        var items = await LoadAsync([.. panelIds.Union(flagged.Keys)], today, ct);

        // A completion counts in the window from the previous meeting to this one, both days included.
        var from = since?.MeetingOn ?? DateOnly.MinValue;
        var completed = new List<CompletedItem>();
        foreach (var (a, item) in items.Where(x => panelIds.Contains(x.Activity.Id)))
        {
            if (a.Status != ActivityStatus.Complete)
            {
                continue;
            }

            var assured = a.Assurance == AssuranceGrade.Assured;
            var date = assured ? a.AssuredOn ?? a.CompletedOn : a.ReportedCompleteOn ?? a.CompletedOn;
            if (date is { } d && d >= from && d <= on)
            {
                completed.Add(new CompletedItem(item, d, assured, a.EvidenceOfCompletion, a.LearningOutcome));
            }
        }

        var listed = completed.Select(c => c.Item.Id).ToHashSet();
        var progress = items
            .Where(x => panelIds.Contains(x.Activity.Id) && !listed.Contains(x.Activity.Id) && x.Item.State is not (ActivityState.Complete or ActivityState.ClosedWithoutCompletion))
            .Select(x => x.Item)
            .ToList();
        var overdue = items
            .Where(x => ActivityRules.IsOverdue(x.Activity, today) && (panelIds.Contains(x.Activity.Id) || flagged.ContainsKey(x.Activity.Id)))
            .Select(x => new OverdueItem(x.Item, x.Item.DaysOverdue, Why(x.Item), flagged.TryGetValue(x.Activity.Id, out var raised) ? raised : null))
            .OrderByDescending(o => o.DaysOverdue).ThenBy(o => o.Item.Reference, StringComparer.Ordinal)
            .ToList();

        return new ActionsUpdatePaper(meeting, since, today, progress, overdue, [.. completed.OrderBy(c => c.On).ThenBy(c => c.Item.Reference, StringComparer.Ordinal)]);
    }

    /// <summary>The ministers' update: every Panel recommendation, action point and decision's work by accountable
    /// Director General (only assured counts as complete), and the items the ladder's MINISTERS step flagged.</summary>
    public async Task<MinistersUpdate> MinistersUpdateAsync(CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var rows = await db.AgreedActivities.AsNoTracking()
            .Where(a => PanelOrigins.Contains(a.Origin))
            .Select(a => new { a.AccountableDirectorGeneral, a.Status, a.Assurance, a.DueOn })
            .ToListAsync(ct);
        var lines = rows
            .Select(r => (Dg: string.IsNullOrWhiteSpace(r.AccountableDirectorGeneral) ? null : r.AccountableDirectorGeneral.Trim(),
                Probe: new AgreedActivity { Reference = "", Text = "", Status = r.Status, Assurance = r.Assurance, DueOn = r.DueOn }))
            .GroupBy(r => r.Dg)
            .Select(g => Line(g.Key ?? MinistersUpdate.NoDirectorGeneral, g.Select(r => r.Probe), today))
            .OrderBy(l => l.DirectorGeneral == MinistersUpdate.NoDirectorGeneral)
            .ThenBy(l => l.DirectorGeneral, StringComparer.Ordinal)
            .ToList();
        var totals = new DirectorGeneralLine("Total",
            lines.Sum(l => l.Agreed), lines.Sum(l => l.OnTrack), lines.Sum(l => l.Overdue), lines.Sum(l => l.AwaitingAssurance), lines.Sum(l => l.Completed), lines.Sum(l => l.Closed));

        var flagged = await FlaggedAsync(EscalationRecipient.MinistersUpdate, ct);
        var items = await LoadAsync([.. flagged.Keys], today, ct);
        var stalled = items
            .Select(x => new FlaggedItem(x.Item, flagged[x.Activity.Id], Why(x.Item)))
            .OrderByDescending(f => f.Item.DaysOverdue).ThenBy(f => f.Item.Reference, StringComparer.Ordinal)
            .ToList();
        return new MinistersUpdate(today, lines, totals, stalled);
    }

    /// <summary>Audits the download of a paper as an export (the papers are OFFICIAL-SENSITIVE).</summary>
    public Task RecordExportAsync(string paper, string id, CancellationToken ct)
    {
        db.RecordEvent(AuditAction.Export, paper, id, $"{paper} (Word document)");
        return db.SaveAuditEventsAsync(ct);
    }

    private static DirectorGeneralLine Line(string dg, IEnumerable<AgreedActivity> items, DateOnly today)
    {
        int onTrack = 0, overdue = 0, awaiting = 0, completed = 0, closed = 0;
        foreach (var a in items)
        {
            switch (ActivityRules.StateOf(a))
            {
                case ActivityState.Complete: completed++; break;
                case ActivityState.ClosedWithoutCompletion: closed++; break;
                case ActivityState.AwaitingAssurance or ActivityState.PartlyAssured: awaiting++; break;
                default:
                    if (ActivityRules.IsOverdue(a, today))
                    {
                        overdue++;
                    }
                    else
                    {
                        onTrack++;
                    }

                    break;
            }
        }

        return new DirectorGeneralLine(dg, onTrack + overdue + awaiting + completed + closed, onTrack, overdue, awaiting, completed, closed);
    }

    /// <summary>Open activities flagged by a step reaching <paramref name="recipient"/> for their current due date
    /// (a re-plan starts the ladder again), with the day each was flagged.</summary>
    private async Task<Dictionary<Guid, DateOnly>> FlaggedAsync(EscalationRecipient recipient, CancellationToken ct)
    {
        var rows = await (
                from e in db.ActivityEscalations.AsNoTracking()
                join a in db.AgreedActivities on e.AgreedActivityId equals a.Id
                where e.EscalationStep!.Recipient == recipient
                    && (a.Status == ActivityStatus.NotStarted || a.Status == ActivityStatus.InProgress)
                    && a.DueOn == e.DueOn
                select new { e.AgreedActivityId, e.RaisedOn })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.AgreedActivityId).ToDictionary(g => g.Key, g => g.Min(r => r.RaisedOn));
    }

    private async Task<List<(AgreedActivity Activity, PaperItem Item)>> LoadAsync(List<Guid> ids, DateOnly today, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var activities = await db.AgreedActivities.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Include(a => a.OwnerTeam).Include(a => a.PanelMeeting).Include(a => a.PanelDecision)
            .Include(a => a.Updates.Where(u => u.Kind == ActivityEventKind.Progress))
            .Include(a => a.DueDateChanges)
            .AsSplitQuery()
            .ToListAsync(ct);
        return [.. activities
            .OrderBy(a => a.PanelMeeting?.MeetingOn ?? DateOnly.MaxValue)
            .ThenBy(a => a.Origin)
            .ThenBy(a => a.Number ?? a.PanelDecision?.Number ?? a.Order)
            .ThenBy(a => a.Reference, StringComparer.Ordinal)
            .Select(a => (a, ToItem(a, today)))];
    }

    private static PaperItem ToItem(AgreedActivity a, DateOnly today)
    {
        var update = a.Updates.MaxBy(u => u.At);
        var replan = a.DueDateChanges.MaxBy(c => c.At);
        return new PaperItem(
            a.Id,
            a.Reference,
            Label(a),
            a.Origin,
            a.Text,
            a.OwnerTeam?.ShortName,
            a.ResponsiblePerson,
            a.AccountableDirectorGeneral,
            a.Timescale,
            a.FirstDueOn,
            a.DueOn,
            replan is null ? null : new PaperNote(DateOnly.FromDateTime(UkTime.ToUk(replan.At)), replan.Reason),
            ActivityRules.StateOf(a),
            update is null ? null : new PaperNote(DateOnly.FromDateTime(UkTime.ToUk(update.At)), update.Note),
            ActivityRules.DaysOverdue(a, today));
    }

    /// <summary>How the minutes name the item: "AP3, 19 March 2020", "Decision 3, 2 July 2020".</summary>
    private static string Label(AgreedActivity a)
    {
        var what = a.Origin switch
        {
            ActivityOrigin.PanelActionPoint => a.Number is { } n ? $"AP{n}" : "Action point",
            ActivityOrigin.PanelDecisionWork => a.PanelDecision is { } d ? $"Decision {d.Number}" : "Decision",
            ActivityOrigin.PanelRecommendation => a.Number is { } n ? $"Recommendation {n}" : "Recommendation",
            var other => ActivityRules.Describe(other),
        };
        return a.PanelMeeting is { } m ? $"{what}, {UkTime.Format(m.MeetingOn)}" : what;
    }

    /// <summary>Why it is late: whichever is more recent of the latest progress update and the latest re-plan reason.</summary>
    private static string Why(PaperItem item) => (item.LatestUpdate, item.Replan) switch
    {
        ({ } u, { } r) when r.On > u.On => $"Re-planned on {UkTime.Format(r.On)}: {r.Text}",
        ({ } u, _) => $"Update of {UkTime.Format(u.On)}: {u.Text}",
        (null, { } r) => $"Re-planned on {UkTime.Format(r.On)}: {r.Text}",
        _ => "No update or reason recorded",
    };
}
