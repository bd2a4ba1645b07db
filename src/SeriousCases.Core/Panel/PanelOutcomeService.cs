using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Panel;

/// <summary>A decision as the secretariat records it. When it commissions work, that work enters the action register
/// with an owner team, the accountable Director General and a due date. Names are the form's and the API's.</summary>
public sealed record NewDecisionInput
{
    public string? Text { get; init; }
    /// <summary>The number of the agenda item it was taken under (optional).</summary>
    public int? AgendaItem { get; init; }
    public bool CommissionsWork { get; init; }
    /// <summary>The commissioned work in words; the decision's text when left out.</summary>
    public string? WorkText { get; init; }
    public string? Owner { get; init; }
    public Guid? OwnerTeamId { get; init; }
    public string? DirectorGeneral { get; init; }
    public DateOnly? DueOn { get; init; }
}

/// <summary>An action point: an owner team and a timescale (in words, a date or both).</summary>
public sealed record NewActionPointInput
{
    public string? Text { get; init; }
    /// <summary>The owner team's short name.</summary>
    public string? Owner { get; init; }
    public Guid? OwnerTeamId { get; init; }
    public string? ResponsiblePerson { get; init; }
    public string? Timescale { get; init; }
    public DateOnly? DueOn { get; init; }
}

/// <summary>A recommendation: one Director General or committee accountable, a sponsoring owner team and any contributing teams.</summary>
public sealed record NewRecommendationInput
{
    public string? Text { get; init; }
    public string? DirectorGeneral { get; init; }
    /// <summary>The sponsoring owner team's short name.</summary>
    public string? Owner { get; init; }
    public Guid? OwnerTeamId { get; init; }
    public IReadOnlyList<string>? Contributors { get; init; }
    public string? ResponsiblePerson { get; init; }
    public DateOnly? DueOn { get; init; }
}

public sealed record DecisionView(Guid Id, int Number, int? AgendaItem, string? AgendaItemTitle, string Text, int Version, Guid? WorkActivityId, string? WorkReference);

public sealed record ActionPointView(
    Guid Id, int Number, string Reference, string Text, string? OwnerTeam, string? OwnerTeamName, string? ResponsiblePerson, string? Timescale,
    DateOnly? DueOn, ActivityState Status);

public sealed record RecommendationView(
    Guid Id, int? Number, string Reference, string Text, string? DirectorGeneral, string? OwnerTeam, IReadOnlyList<string> Contributors,
    string? ResponsiblePerson, DateOnly? DueOn, ActivityState Status);

/// <summary>What a meeting decided and asked for, as its page, the API and the minutes show it.</summary>
public sealed record MeetingOutcomes(
    IReadOnlyList<DecisionView> Decisions, IReadOnlyList<ActionPointView> ActionPoints, IReadOnlyList<RecommendationView> Recommendations);

public sealed record DecisionAdded(PanelDecision Decision, AgreedActivity? Work);

/// <summary>The outcomes of a Panel meeting: Decisions numbered per meeting (Decision 1, 2 ...), action points (AP1,
/// AP2 ...) and recommendations (R1, R2 ...), the last two entering the action register through its own checks. The
/// numbers are the service's: each is the meeting's highest plus one, and the unique indexes make a duplicate
/// impossible, so when two people add at once the second takes the next number. Only the secretariat adds or edits;
/// every change is audited with the save.</summary>
public sealed class PanelOutcomeService(SeriousCasesDbContext db, ActionRegisterService register)
{
    public const int DecisionTextMax = 4000;

    /// <summary>The meeting, or "not found".</summary>
    private async Task<PanelMeeting> MeetingAsync(Guid meetingId, CancellationToken ct) =>
        await db.PanelMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new RecordNotFoundException("The Panel meeting");

    private static void RequireSecretariat(RegisterUser by)
    {
        if (!by.Is(RegisterRoles.Secretariat))
        {
            throw new ForbiddenChangeException("Only the Panel secretariat records the Panel's decisions, action points and recommendations");
        }
    }

    public async Task<MeetingOutcomes> GetAsync(Guid meetingId, CancellationToken ct)
    {
        await MeetingAsync(meetingId, ct);
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.PanelMeetingId == meetingId).ToDictionaryAsync(a => a.Number, a => a.Title, ct);
        var activities = await db.AgreedActivities.AsNoTracking()
            .Where(a => a.PanelMeetingId == meetingId)
            .Include(a => a.OwnerTeam).Include(a => a.Contributors).ThenInclude(c => c.OwnerTeam)
            .AsSplitQuery()
            .ToListAsync(ct);
        var decisions = await db.PanelDecisions.AsNoTracking().Where(d => d.PanelMeetingId == meetingId).OrderBy(d => d.Number).ToListAsync(ct);
        var work = activities.Where(a => a.Origin == ActivityOrigin.PanelDecisionWork && a.PanelDecisionId is not null)
            .GroupBy(a => a.PanelDecisionId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Reference, StringComparer.Ordinal).First());
        return new MeetingOutcomes(
            [.. decisions.Select(d => new DecisionView(
                d.Id, d.Number, d.AgendaItemNumber, d.AgendaItemNumber is { } n ? agenda.GetValueOrDefault(n) : null, d.Text, d.Version,
                work.GetValueOrDefault(d.Id)?.Id, work.GetValueOrDefault(d.Id)?.Reference))],
            [.. activities.Where(a => a.Origin == ActivityOrigin.PanelActionPoint).OrderBy(a => a.Number)
                .Select(a => new ActionPointView(a.Id, a.Number ?? 0, a.Reference, a.Text, a.OwnerTeam?.ShortName, a.OwnerTeam?.Name, a.ResponsiblePerson,
                    a.Timescale, a.DueOn, ActivityRules.StateOf(a)))],
            [.. activities.Where(a => a.Origin == ActivityOrigin.PanelRecommendation).OrderBy(a => a.Number ?? int.MaxValue).ThenBy(a => a.Reference, StringComparer.Ordinal)
                .Select(a => new RecommendationView(a.Id, a.Number, a.Reference, a.Text, a.AccountableDirectorGeneral, a.OwnerTeam?.ShortName,
                    [.. a.Contributors.Select(c => c.OwnerTeam!.ShortName).Order(StringComparer.Ordinal)], a.ResponsiblePerson, a.DueOn, ActivityRules.StateOf(a)))]);
    }

    /// <summary>Records Decision n of the meeting and, when it commissions work, that work in the action register, in one save.</summary>
    public async Task<DecisionAdded> AddDecisionAsync(Guid meetingId, NewDecisionInput input, RegisterUser by, CancellationToken ct, IReadOnlyCollection<string>? unreadable = null)
    {
        RequireSecretariat(by);
        await MeetingAsync(meetingId, ct);
        var errors = new ValidationErrors();
        var text = CheckDecisionText(input.Text, errors);
        if (input.AgendaItem is { } item)
        {
            var items = await db.AgendaItems.Where(a => a.PanelMeetingId == meetingId).Select(a => a.Number).ToListAsync(ct);
            if (!items.Contains(item))
            {
                errors.Add("agendaItem", items.Count == 0
                    ? "The meeting has no agenda yet. Leave the agenda item out, or add the agenda first"
                    : $"The meeting has no agenda item {item}. Choose one of items {string.Join(", ", items.Order())}");
            }
        }

        var decision = new PanelDecision { PanelMeetingId = meetingId, Text = text ?? "", AgendaItemNumber = input.AgendaItem };
        PreparedActivity? work = null;
        if (input.CommissionsWork)
        {
            // Work commissioned by a decision is accounted for by a Director General, like a recommendation.
            if (string.IsNullOrWhiteSpace(input.DirectorGeneral))
            {
                errors.Add("directorGeneral", "Enter the Director General or committee accountable for the commissioned work");
            }

            // The register's own checks; its "text" is the work's wording here. Without wording of its own the work is
            // the decision's (whose absence is already reported).
            var workErrors = new ValidationErrors();
            work = await register.PrepareAsync(new NewActivityInput
            {
                Origin = ActivityOrigin.PanelDecisionWork,
                Text = string.IsNullOrWhiteSpace(input.WorkText) ? text ?? "-" : input.WorkText,
                Owner = input.Owner,
                OwnerTeamId = input.OwnerTeamId,
                DirectorGeneral = input.DirectorGeneral,
                DueOn = input.DueOn,
                MeetingId = meetingId,
                Priority = ActivityPriority.High,
            }, by, workErrors, decision, ct);
            foreach (var e in workErrors.All)
            {
                errors.Add(e.Field == "text" ? "workText" : e.Field, e.Message);
            }
        }

        ThrowIfAny(errors, unreadable);
        db.PanelDecisions.Add(decision);
        if (work is not null)
        {
            register.Track(work, by);
        }

        await UniqueViolation.SaveNumberedAsync(db, async attempt =>
        {
            var last = await db.PanelDecisions.Where(d => d.PanelMeetingId == meetingId && d.Id != decision.Id).MaxAsync(d => (int?)d.Number, ct) ?? 0;
            decision.Number = attempt > 1 && last + 1 <= decision.Number ? decision.Number + 1 : last + 1;
            if (work is not null)
            {
                await register.NumberAsync(work, attempt, ct);
            }
        }, ct);
        return new DecisionAdded(decision, work?.Activity);
    }

    /// <summary>Records action point APn of the meeting in the action register.</summary>
    public async Task<AgreedActivity> AddActionPointAsync(Guid meetingId, NewActionPointInput input, RegisterUser by, CancellationToken ct, IReadOnlyCollection<string>? unreadable = null)
    {
        RequireSecretariat(by);
        await MeetingAsync(meetingId, ct);
        return await AddToRegisterAsync(new NewActivityInput
        {
            Origin = ActivityOrigin.PanelActionPoint,
            Text = input.Text,
            Owner = input.Owner,
            OwnerTeamId = input.OwnerTeamId,
            ResponsiblePerson = input.ResponsiblePerson,
            Timescale = input.Timescale,
            DueOn = input.DueOn,
            MeetingId = meetingId,
            Priority = ActivityPriority.High,
        }, by, unreadable, ct);
    }

    /// <summary>Records recommendation Rn of the meeting in the action register, with its accountable Director General.</summary>
    public async Task<AgreedActivity> AddRecommendationAsync(Guid meetingId, NewRecommendationInput input, RegisterUser by, CancellationToken ct, IReadOnlyCollection<string>? unreadable = null)
    {
        RequireSecretariat(by);
        await MeetingAsync(meetingId, ct);
        return await AddToRegisterAsync(new NewActivityInput
        {
            Origin = ActivityOrigin.PanelRecommendation,
            Text = input.Text,
            Owner = input.Owner,
            OwnerTeamId = input.OwnerTeamId,
            Contributors = input.Contributors,
            DirectorGeneral = input.DirectorGeneral,
            ResponsiblePerson = input.ResponsiblePerson,
            DueOn = input.DueOn,
            MeetingId = meetingId,
            Priority = ActivityPriority.High,
        }, by, unreadable, ct);
    }

    /// <summary>Through the register's own checks and numbering (its CreateAsync, with the fields a page could not read).</summary>
    private async Task<AgreedActivity> AddToRegisterAsync(NewActivityInput input, RegisterUser by, IReadOnlyCollection<string>? unreadable, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var prepared = await register.PrepareAsync(input, by, errors, null, ct);
        ThrowIfAny(errors, unreadable);
        register.Track(prepared!, by);
        await UniqueViolation.SaveNumberedAsync(db, attempt => register.NumberAsync(prepared!, attempt, ct), ct);
        return prepared!.Activity;
    }

    /// <summary>Refuses the change when there is a problem, or when the page could not read a field (a date whose boxes make
    /// no date): the page already says what is wrong with that field, so the service's own message for it is left out.</summary>
    private static void ThrowIfAny(ValidationErrors errors, IReadOnlyCollection<string>? unreadable)
    {
        var kept = errors.All.Where(e => unreadable is null || !unreadable.Contains(e.Field)).ToList();
        if (kept.Count > 0 || unreadable is { Count: > 0 })
        {
            throw new DomainValidationException(kept);
        }
    }

    /// <summary>Corrects a decision's wording. Refused when someone else changed it after <paramref name="expectedVersion"/> was read.</summary>
    public async Task<PanelDecision> EditDecisionAsync(Guid meetingId, Guid decisionId, int expectedVersion, string? text, RegisterUser by, CancellationToken ct)
    {
        RequireSecretariat(by);
        var decision = await db.PanelDecisions.SingleOrDefaultAsync(d => d.Id == decisionId && d.PanelMeetingId == meetingId, ct)
            ?? throw new RecordNotFoundException("The decision");
        var errors = new ValidationErrors();
        var checkedText = CheckDecisionText(text, errors);
        errors.ThrowIfAny();
        db.ExpectVersion(decision, expectedVersion);
        decision.Text = checkedText!;
        db.Entry(decision).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return decision;
    }

    private static string? CheckDecisionText(string? text, ValidationErrors errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add("text", "Enter the decision");
        }
        else if (trimmed.Length > DecisionTextMax)
        {
            errors.Add("text", $"The decision must be {DecisionTextMax:N0} characters or fewer");
        }

        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
