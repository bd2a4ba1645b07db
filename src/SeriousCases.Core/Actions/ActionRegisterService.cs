using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Actions;

/// <summary>The parts a user plays in the register; a user may hold several.</summary>
[Flags]
public enum RegisterRoles
{
    None = 0,
    /// <summary>Panel secretariat: sees everything, assures Panel items, ACS learning and commitments.</summary>
    Secretariat = 1,
    /// <summary>IPRG member: sees and assures IPRG agreed activities.</summary>
    Iprg = 2,
    /// <summary>Activity owner: sees and updates the activities of the teams they work for.</summary>
    Owner = 4,
    /// <summary>Panel member: Panel recommendations, action points and decisions' work; never case details.</summary>
    PanelMember = 8,
    /// <summary>Analyst: reads everything for figures and the publication.</summary>
    Analyst = 16,
    /// <summary>ACS Senior Leader: the learning they captured.</summary>
    AcsSeniorLeader = 32,
}

/// <summary>Who is asking, as the register needs to know.</summary>
public sealed record RegisterUser(Guid UserId, string Name, RegisterRoles Roles)
{
    public bool Is(RegisterRoles role) => (Roles & role) != 0;
}

/// <summary>The register's filters. Every one is optional; names are the page's and the API's query names.</summary>
public sealed record ActivityQuery
{
    public ActivityState? Status { get; init; }
    /// <summary>An owner team's short name ("UC", "CMG").</summary>
    public string? Owner { get; init; }
    public string? DirectorGeneral { get; init; }
    /// <summary>A service line code ("UC").</summary>
    public string? ServiceLine { get; init; }
    public ActivityOrigin? Origin { get; init; }
    public DateOnly? DueFrom { get; init; }
    public DateOnly? DueTo { get; init; }
    public bool Overdue { get; init; }
    public bool DueSoon { get; init; }
    /// <summary>Only the activities of the teams the user works for.</summary>
    public bool Mine { get; init; }
    public string? After { get; init; }
    public int PageSize { get; init; } = ActionRegisterService.DefaultPageSize;
    /// <summary>Count at most this many matching activities (null: count them all; 0: do not count). Counting every
    /// match of a large selection on every page is most of a page's cost; nobody reads "9,512" differently from "more
    /// than 1,000".</summary>
    public int? CountUpTo { get; init; }
}

public sealed record ActivityRow(
    Guid Id, string Reference, ActivityOrigin Origin, string Text, string? Owner, string? ServiceLine, string? DirectorGeneral,
    DateOnly? FirstDueOn, DateOnly? DueOn, ActivityPriority Priority, ActivityState State, int DaysOverdue, bool DueSoon, int Version);

/// <param name="Total">How many activities match, or the count limit when <paramref name="MoreThanTotal"/>.</param>
/// <param name="MoreThanTotal">More activities match than <paramref name="Total"/> (the count stopped at the query's limit).</param>
public sealed record ActivityPage(IReadOnlyList<ActivityRow> Rows, int Total, string? NextAfter, bool MoreThanTotal = false);

/// <summary>What someone typed or sent to add an activity that does not come from an IPR (those the IPRG agrees on a
/// finding). Names are the form's and the API's.</summary>
public sealed record NewActivityInput
{
    public ActivityOrigin? Origin { get; init; }
    public string? Text { get; init; }
    /// <summary>The lead owner team's short name.</summary>
    public string? Owner { get; init; }
    /// <summary>The lead owner team by id, instead of <see cref="Owner"/>.</summary>
    public Guid? OwnerTeamId { get; init; }
    /// <summary>Contributing owner teams' short names, for a recommendation that cuts across several areas.</summary>
    public IReadOnlyList<string>? Contributors { get; init; }
    public string? ServiceLine { get; init; }
    public string? ResponsiblePerson { get; init; }
    public string? DirectorGeneral { get; init; }
    public DateOnly? DueOn { get; init; }
    /// <summary>The timescale in words, as the minutes give it ("by the next meeting"); an action point needs this or a date.</summary>
    public string? Timescale { get; init; }
    public ActivityPriority? Priority { get; init; }
    /// <summary>For Panel items: the meeting (its date).</summary>
    public DateOnly? MeetingOn { get; init; }
    /// <summary>For Panel items: the meeting by id, instead of <see cref="MeetingOn"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? MeetingId { get; init; }
    /// <summary>For a Panel decision's commissioned work: the decision's number at that meeting.</summary>
    public int? DecisionNumber { get; init; }
    /// <summary>For learning captured by an ACS Senior Leader: the referral's reference.</summary>
    public string? ReferralReference { get; init; }
    /// <summary>For a commitment to Parliament or the NAO: where it was made.</summary>
    public string? OriginDescription { get; init; }
}

/// <summary>A new activity that passed the register's checks, with the meeting and decision it is numbered under.</summary>
internal sealed record PreparedActivity(AgreedActivity Activity, Panel.PanelMeeting? Meeting, Panel.PanelDecision? Decision, DateOnly Today);

/// <summary>Where an activity came from, as much as the reader may see of it.</summary>
public sealed record ActivityOriginLink(string Description, Guid? InvestigationId, string? InvestigationReference, Guid? PanelMeetingId, DateOnly? MeetingOn, int? DecisionNumber, string? ReferralReference, string? Note);

public sealed record ActivityDetail(
    AgreedActivity Activity,
    ActivityState State,
    ActivityOriginLink OriginLink,
    string? Owner,
    string? ServiceLine,
    IReadOnlyList<string> Contributors,
    IReadOnlyList<ActivityUpdate> Updates,
    IReadOnlyList<DueDateChange> DueDateChanges,
    IReadOnlyList<(string Step, DateOnly RaisedOn)> Escalations,
    bool MayUpdate,
    bool MayAssure,
    int DaysOverdue);

/// <summary>The action register: one place for every improvement activity and recommendation until its outcome
/// is recorded. Owners report progress and completion; the IPRG (for IPR activities) or the Panel secretariat (for
/// everything else) grades the evidence; due dates are re-planned with the first commitment kept. Every write takes
/// the version the writer read, so two owners never overwrite each other silently.</summary>
public sealed class ActionRegisterService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The owner teams the user works for.</summary>
    public Task<List<Guid>> TeamsOfAsync(Guid userId, CancellationToken ct) =>
        db.OwnerTeamMembers.Where(m => m.UserId == userId).Select(m => m.OwnerTeamId).ToListAsync(ct);

    /// <summary>The activities <paramref name="by"/> may see.</summary>
    public async Task<IQueryable<AgreedActivity>> VisibleAsync(RegisterUser by, CancellationToken ct)
    {
        var branches = await BranchesAsync(by, ct);
        return branches.Skip(1).Aggregate(branches[0], (all, branch) => all.Concat(branch));
    }

    /// <summary>What <paramref name="by"/> may see as disjoint branches, one per part they play (each branch leaves out
    /// what an earlier one covers). The register pages each branch from its own index and merges the pages.</summary>
    private async Task<List<IQueryable<AgreedActivity>>> BranchesAsync(RegisterUser by, CancellationToken ct)
    {
        var all = db.AgreedActivities.AsNoTracking();
        if (by.Is(RegisterRoles.Secretariat) || by.Is(RegisterRoles.Analyst))
        {
            return [all];
        }

        // Only the parts the user plays go into the query, each a branch of its own.
        var (teams, contributed) = by.Is(RegisterRoles.Owner) ? await UserScopeAsync(by, ct) : ([], []);
        var parts = new List<Expression<Func<AgreedActivity, bool>>>();
        if (by.Is(RegisterRoles.Iprg))
        {
            parts.Add(a => a.Origin == ActivityOrigin.IprgAgreedActivity);
        }

        if (by.Is(RegisterRoles.PanelMember))
        {
            parts.Add(a => a.Origin == ActivityOrigin.PanelRecommendation || a.Origin == ActivityOrigin.PanelActionPoint || a.Origin == ActivityOrigin.PanelDecisionWork);
        }

        if (by.Is(RegisterRoles.AcsSeniorLeader))
        {
            parts.Add(a => a.Origin == ActivityOrigin.AcsSeniorLeaderLearning);
        }

        if (teams.Count > 0)
        {
            parts.Add(OwnedBy(teams));
        }

        if (contributed.Count > 0)
        {
            parts.Add(a => contributed.Contains(a.Id));
        }

        if (parts.Count == 0)
        {
            return [all.Where(a => false)];
        }

        var branches = new List<IQueryable<AgreedActivity>> { all.Where(parts[0]) };
        for (var i = 1; i < parts.Count; i++)
        {
            branches.Add(all.Where(parts[i]).Where(RuleExpressions.Not(RuleExpressions.AnyOf(parts[..i]))));
        }

        return branches;
    }

    /// <summary>Owned by one of the teams: equality for one team, so the owner's index gives the rows in due-date order.</summary>
    private static Expression<Func<AgreedActivity, bool>> OwnedBy(List<Guid> teams)
    {
        if (teams.Count == 1)
        {
            var team = teams[0];
            return a => a.OwnerTeamId == team;
        }

        return a => a.OwnerTeamId != null && teams.Contains(a.OwnerTeamId.Value);
    }

    /// <summary>The teams and the activities they contribute to (few), read first so the register's query is two
    /// index lookups joined by OR rather than a subquery PostgreSQL would answer by reading every activity.</summary>
    private async Task<(List<Guid> Teams, List<Guid> Contributed)> TeamScopeAsync(List<Guid> teams, CancellationToken ct) =>
        (teams, teams.Count == 0 ? [] : await db.ActivityContributors.Where(c => teams.Contains(c.OwnerTeamId)).Select(c => c.AgreedActivityId).ToListAsync(ct));

    /// <summary>A user's teams and what those teams contribute to, in one round trip (each row a membership, with one
    /// contribution of that team or none).</summary>
    private async Task<(List<Guid> Teams, List<Guid> Contributed)> MembershipScopeAsync(Guid userId, CancellationToken ct)
    {
        var pairs = await (
            from m in db.OwnerTeamMembers
            where m.UserId == userId
            from c in db.ActivityContributors.Where(c => c.OwnerTeamId == m.OwnerTeamId).DefaultIfEmpty()
            select new { m.OwnerTeamId, ActivityId = (Guid?)c!.AgreedActivityId }).ToListAsync(ct);
        return ([.. pairs.Select(p => p.OwnerTeamId).Distinct()], [.. pairs.Where(p => p.ActivityId != null).Select(p => p.ActivityId!.Value).Distinct()]);
    }

    private (Guid UserId, List<Guid> Teams, List<Guid> Contributed)? userScope;

    /// <summary>The user's teams and what they contribute to, read once per request (this service is scoped): the
    /// register page asks for them for its list, its count and its filter choices.</summary>
    private async Task<(List<Guid> Teams, List<Guid> Contributed)> UserScopeAsync(RegisterUser by, CancellationToken ct)
    {
        if (userScope is not { } known || known.UserId != by.UserId)
        {
            var (teams, contributed) = await MembershipScopeAsync(by.UserId, ct);
            known = (by.UserId, teams, contributed);
            userScope = known;
        }

        return (known.Teams, known.Contributed);
    }

    /// <summary>The directors general accountable for what <paramref name="by"/> may see, for the register's filter.</summary>
    public async Task<List<string>> DirectorsGeneralAsync(RegisterUser by, CancellationToken ct) =>
        await (await VisibleAsync(by, ct))
            .Where(a => a.AccountableDirectorGeneral != null)
            .Select(a => a.AccountableDirectorGeneral!)
            .Distinct()
            .OrderBy(d => d)
            .ToListAsync(ct);

    public async Task<ActivityPage> ListAsync(ActivityQuery q, RegisterUser by, CancellationToken ct)
    {
        var today = UkTime.Today(clock);
        var pageSize = Math.Clamp(q.PageSize, 1, MaxPageSize);
        var cursor = ActivityCursor.Parse(q.After);
        var limit = q.CountUpTo is { } up ? Math.Max(0, up) : (int?)null;
        var total = 0;
        var more = false;
        var rows = new List<ActivityRowData>();
        foreach (var branch in await BranchesAsync(by, ct))
        {
            var items = await FilterAsync(branch, q, by, today, ct);
            var (page, count) = await PageAsync(items, cursor, pageSize + 1, limit, ct);
            rows.AddRange(page);
            total += count;
            more |= limit is { } l && count > l;
        }

        if (limit is { } cap && (more || total > cap))
        {
            (total, more) = (cap, true);
        }

        // The branches are disjoint; their pages merged in the database's order give the register's page.
        rows = [.. rows.OrderBy(r => r.DueOn is null).ThenBy(r => r.DueOn).ThenBy(r => r.Id.ToString(), StringComparer.OrdinalIgnoreCase).Take(pageSize + 1)];
        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            next = ActivityCursor.Of(rows[^1].DueOn, rows[^1].Id);
        }

        return new ActivityPage(
            [.. rows.Select(r =>
            {
                var probe = new AgreedActivity { Reference = r.Reference, Text = r.Text, Status = r.Status, Assurance = r.Assurance, DueOn = r.DueOn };
                return new ActivityRow(r.Id, r.Reference, r.Origin, r.Text, r.Owner, r.Line, r.AccountableDirectorGeneral, r.FirstDueOn, r.DueOn, r.Priority,
                    ActivityRules.StateOf(probe), ActivityRules.DaysOverdue(probe, today), ActivityRules.IsDueSoon(probe, today), r.Version);
            })],
            total,
            next,
            more);
    }

    /// <summary>Keyset paging on (due date, id): as quick on the thousandth page as on the first. Dated activities come
    /// first in due-date order, then those with no due date (older Panel items with a timescale in words) by id. Two
    /// plain queries rather than one sorted on "has a date", so each reads an index in order and stops. The count of
    /// matches (up to <paramref name="countUpTo"/> + 1 rows) rides on the page's own statement as a scalar subquery
    /// both databases evaluate once, so a page is usually one round trip.</summary>
    private static async Task<(List<ActivityRowData> Rows, int Count)> PageAsync(
        IQueryable<AgreedActivity> items, (DateOnly? DueOn, Guid Id)? cursor, int take, int? countUpTo, CancellationToken ct)
    {
        var counted = countUpTo is { } up ? items.Take(up + 1) : items;
        var counts = countUpTo != 0;
        int? count = counts ? null : 0;
        var rows = new List<ActivityRowData>();
        if (cursor is not { DueOn: null })
        {
            var dated = items.Where(a => a.DueOn != null);
            if (cursor is { DueOn: { } d } c)
            {
                dated = dated.Where(a => a.DueOn > d || (a.DueOn == d && a.Id > c.Id));
            }

            rows.AddRange(await ReadAsync(dated.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(take)));
        }

        if (rows.Count < take)
        {
            var undated = items.Where(a => a.DueOn == null);
            if (cursor is { DueOn: null } c)
            {
                undated = undated.Where(a => a.Id > c.Id);
            }

            rows.AddRange(await ReadAsync(undated.OrderBy(a => a.Id).Take(take - rows.Count)));
        }

        // From the start, a short page is the whole selection; past the end of it the page has no row to carry the
        // count: ask for it alone.
        return (rows, count ?? (cursor is null ? rows.Count : await counted.CountAsync(ct)));

        async Task<List<ActivityRowData>> ReadAsync(IQueryable<AgreedActivity> page)
        {
            if (!counts || count is not null)
            {
                return await Project(page).ToListAsync(ct);
            }

            var read = await page.Select(a => new { Row = a, Count = counted.Count() })
                .Select(x => new CountedRow(
                    new ActivityRowData(x.Row.Id, x.Row.Reference, x.Row.Origin, x.Row.Text, x.Row.OwnerTeam!.ShortName, x.Row.ServiceLine!.Name,
                        x.Row.AccountableDirectorGeneral, x.Row.FirstDueOn, x.Row.DueOn, x.Row.Priority, x.Row.Status, x.Row.Assurance, x.Row.Version),
                    x.Count))
                .ToListAsync(ct);
            if (read.Count > 0)
            {
                count = read[0].Count;
            }

            return [.. read.Select(r => r.Row)];
        }
    }

    private sealed record CountedRow(ActivityRowData Row, int Count);

    private sealed record ActivityRowData(
        Guid Id, string Reference, ActivityOrigin Origin, string Text, string? Owner, string? Line, string? AccountableDirectorGeneral,
        DateOnly? FirstDueOn, DateOnly? DueOn, ActivityPriority Priority, ActivityStatus Status, AssuranceGrade? Assurance, int Version);

    private static IQueryable<ActivityRowData> Project(IQueryable<AgreedActivity> items) =>
        items.Select(a => new ActivityRowData(a.Id, a.Reference, a.Origin, a.Text, a.OwnerTeam!.ShortName, a.ServiceLine!.Name, a.AccountableDirectorGeneral,
            a.FirstDueOn, a.DueOn, a.Priority, a.Status, a.Assurance, a.Version));

    private async Task<IQueryable<AgreedActivity>> FilterAsync(IQueryable<AgreedActivity> items, ActivityQuery q, RegisterUser by, DateOnly today, CancellationToken ct)
    {
        // For someone who is only an owner, what they may see already is their teams' activities.
        if (q.Mine && by.Roles != RegisterRoles.Owner)
        {
            var (teams, contributed) = await UserScopeAsync(by, ct);
            var owned = OwnedBy(teams);
            items = contributed.Count == 0
                ? items.Where(owned)
                : items.Where(RuleExpressions.AnyOf<AgreedActivity>([owned, a => contributed.Contains(a.Id)]));
        }

        if (!string.IsNullOrWhiteSpace(q.Owner))
        {
            var owner = q.Owner.Trim();
            var team = await db.OwnerTeams.Where(t => t.ShortName == owner || t.Name == owner).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct)
                ?? throw new DomainValidationException("owner", $"There is no owner team called {owner}: use a short name such as UC or CMG");
            var (_, contributed) = await TeamScopeAsync([team], ct);
            items = contributed.Count == 0 ? items.Where(a => a.OwnerTeamId == team) : items.Where(a => a.OwnerTeamId == team || contributed.Contains(a.Id));
        }

        if (!string.IsNullOrWhiteSpace(q.DirectorGeneral))
        {
            var dg = q.DirectorGeneral.Trim();
            items = items.Where(a => a.AccountableDirectorGeneral == dg);
        }

        if (!string.IsNullOrWhiteSpace(q.ServiceLine))
        {
            var code = q.ServiceLine.Trim();
            var line = await db.ServiceLines.Where(l => l.Code == code).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct)
                ?? throw new DomainValidationException("serviceLine", $"There is no service line with the code {code}: use a code such as UC or PIP");
            items = items.Where(a => a.ServiceLineId == line);
        }

        if (q.Origin is { } origin)
        {
            items = items.Where(a => a.Origin == origin);
        }

        if (q.DueFrom is { } from)
        {
            items = items.Where(a => a.DueOn >= from);
        }

        if (q.DueTo is { } to)
        {
            items = items.Where(a => a.DueOn <= to);
        }

        // Written with constants so PostgreSQL matches the partial index of open activities by due date.
        if (q.Overdue)
        {
            items = items.Where(a => (a.Status == ActivityStatus.NotStarted || a.Status == ActivityStatus.InProgress) && a.DueOn < today);
        }

        if (q.DueSoon)
        {
            var soon = today.AddDays(ActivityRules.DueSoonDays);
            items = items.Where(a => (a.Status == ActivityStatus.NotStarted || a.Status == ActivityStatus.InProgress) && a.DueOn >= today && a.DueOn <= soon);
        }

        return q.Status switch
        {
            null => items,
            ActivityState.NotStarted => items.Where(a => a.Status == ActivityStatus.NotStarted),
            ActivityState.InProgress => items.Where(a => a.Status == ActivityStatus.InProgress),
            ActivityState.ClosedWithoutCompletion => items.Where(a => a.Status == ActivityStatus.ClosedWithoutCompletion),
            ActivityState.Complete => items.Where(a => a.Status == ActivityStatus.Complete && a.Assurance == AssuranceGrade.Assured),
            ActivityState.PartlyAssured => items.Where(a => a.Status == ActivityStatus.Complete && a.Assurance == AssuranceGrade.PartlyAssured),
            _ => items.Where(a => a.Status == ActivityStatus.Complete && a.Assurance == null),
        };
    }

    /// <summary>One activity with its history, if <paramref name="by"/> may see it; otherwise "not found".</summary>
    public async Task<ActivityDetail> GetAsync(Guid id, RegisterUser by, CancellationToken ct)
    {
        var visible = await VisibleAsync(by, ct);
        if (!await visible.AnyAsync(x => x.Id == id, ct))
        {
            throw new RecordNotFoundException("The activity");
        }

        var a = await db.AgreedActivities.AsNoTracking()
            .Include(x => x.OwnerTeam).Include(x => x.ServiceLine).Include(x => x.PanelMeeting).Include(x => x.PanelDecision)
            .Include(x => x.Investigation)
            .Include(x => x.Contributors).ThenInclude(c => c.OwnerTeam)
            .Include(x => x.Updates).Include(x => x.DueDateChanges)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new RecordNotFoundException("The activity");
        var escalations = await db.ActivityEscalations.AsNoTracking().Where(e => e.AgreedActivityId == id)
            .OrderBy(e => e.RaisedOn).Select(e => new { e.EscalationStep!.Name, e.RaisedOn }).ToListAsync(ct);
        var referral = a.ReferralId is { } rid ? await db.Referrals.Where(r => r.Id == rid).Select(r => r.Reference).SingleOrDefaultAsync(ct) : null;

        // Panel members never see case details: the IPR's reference is shown only to those who may read the register in full.
        var showCase = !by.Is(RegisterRoles.PanelMember) || by.Is(RegisterRoles.Secretariat) || by.Is(RegisterRoles.Iprg);
        var link = new ActivityOriginLink(
            ActivityRules.Describe(a.Origin),
            showCase ? a.InvestigationId : null,
            showCase ? a.Investigation?.Reference : null,
            a.PanelMeetingId,
            a.PanelMeeting?.MeetingOn,
            a.PanelDecision?.Number,
            referral,
            a.OriginDescription);
        var teams = by.Is(RegisterRoles.Owner) ? await TeamsOfAsync(by.UserId, ct) : [];
        return new ActivityDetail(
            a,
            ActivityRules.StateOf(a),
            link,
            a.OwnerTeam?.ShortName,
            a.ServiceLine?.Name,
            [.. a.Contributors.Select(c => c.OwnerTeam!.ShortName).Order(StringComparer.Ordinal)],
            [.. a.Updates.OrderByDescending(u => u.At)],
            [.. a.DueDateChanges.OrderBy(c => c.At)],
            [.. escalations.Select(e => (e.Name, e.RaisedOn))],
            MayUpdate(a, by, teams),
            MayAssure(a, by),
            ActivityRules.DaysOverdue(a, UkTime.Today(clock)));
    }

    /// <summary>Owners of the activity (lead or contributing team), the secretariat, and the IPRG for its own activities.</summary>
    public static bool MayUpdate(AgreedActivity a, RegisterUser by, IReadOnlyCollection<Guid> teams) =>
        by.Is(RegisterRoles.Secretariat)
        || (by.Is(RegisterRoles.Iprg) && a.Origin == ActivityOrigin.IprgAgreedActivity)
        || (by.Is(RegisterRoles.AcsSeniorLeader) && a.Origin == ActivityOrigin.AcsSeniorLeaderLearning)
        || (by.Is(RegisterRoles.Owner) && ((a.OwnerTeamId is { } t && teams.Contains(t)) || a.Contributors.Exists(c => teams.Contains(c.OwnerTeamId))));

    /// <summary>The IPRG grades the evidence for IPR activities; the secretariat for everything else.</summary>
    public static bool MayAssure(AgreedActivity a, RegisterUser by) =>
        a.Origin == ActivityOrigin.IprgAgreedActivity ? by.Is(RegisterRoles.Iprg) : by.Is(RegisterRoles.Secretariat);

    /// <summary>Adds an activity of any origin but the IPRG's (agreed on a finding through the IPRG's own pages): the Panel
    /// secretariat records Panel recommendations (R1, R2 ... per meeting), action points (AP1, AP2 ... per meeting),
    /// decisions' commissioned work and commitments to Parliament or the NAO; an ACS Senior Leader (or the secretariat)
    /// records learning captured. Numbers are the service's: when two people add at once, each gets its own.</summary>
    public async Task<AgreedActivity> CreateAsync(NewActivityInput input, RegisterUser by, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var prepared = await PrepareAsync(input, by, errors, null, ct);
        errors.ThrowIfAny();
        Track(prepared!, by);
        await UniqueViolation.SaveNumberedAsync(db, attempt => NumberAsync(prepared!, attempt, ct), ct);
        return prepared!.Activity;
    }

    /// <summary>Checks what someone entered for a new activity, adding each problem to <paramref name="errors"/>, and
    /// builds the activity (not yet numbered nor tracked) when there is none. <paramref name="pendingDecision"/> is a
    /// decision being recorded in the same save, for the work it commissions.</summary>
    internal async Task<PreparedActivity?> PrepareAsync(NewActivityInput input, RegisterUser by, ValidationErrors errors, Panel.PanelDecision? pendingDecision, CancellationToken ct)
    {
        var origin = input.Origin;
        if (origin is null or ActivityOrigin.IprgAgreedActivity)
        {
            errors.Add("origin", origin is null
                ? "Select where the activity comes from"
                : "An IPRG agreed activity is added by the IPRG against a finding of the IPR");
        }
        else if (!(by.Is(RegisterRoles.Secretariat) || (origin == ActivityOrigin.AcsSeniorLeaderLearning && by.Is(RegisterRoles.AcsSeniorLeader))))
        {
            throw new ForbiddenChangeException("Only the Panel secretariat can add this kind of activity to the register");
        }

        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("text", origin == ActivityOrigin.PanelActionPoint ? "Enter the action point" : "Enter the activity or recommendation");
        }
        else if (text.Length > ActivityRules.TextMax)
        {
            errors.Add("text", $"The activity must be {ActivityRules.TextMax:N0} characters or fewer");
        }

        var teams = await db.OwnerTeams.AsNoTracking().Where(t => t.IsActive).ToListAsync(ct);
        OwnerTeam? Team(string? name) => teams.FirstOrDefault(t => string.Equals(t.ShortName, name?.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        var owner = input.OwnerTeamId is { } ownerId ? teams.FirstOrDefault(t => t.Id == ownerId) : Team(input.Owner);
        if (owner is null)
        {
            errors.Add("owner", input.OwnerTeamId is not null
                ? "The owner team is not an active owner team. Choose a team from the list, or ask an Administrator to add it"
                : string.IsNullOrWhiteSpace(input.Owner)
                    ? "Select the team that owns the activity"
                    : $"'{input.Owner.Trim()}' is not an active owner team. Choose a team from the list, or ask an Administrator to add it");
        }

        var contributors = new List<OwnerTeam>();
        foreach (var name in input.Contributors ?? [])
        {
            if (Team(name) is { } t)
            {
                if (t.Id != owner?.Id && !contributors.Contains(t))
                {
                    contributors.Add(t);
                }
            }
            else
            {
                errors.Add("contributors", $"'{name}' is not an active owner team");
            }
        }

        Guid? lineId = null;
        if (!string.IsNullOrWhiteSpace(input.ServiceLine))
        {
            var code = input.ServiceLine.Trim();
            lineId = await db.ServiceLines.Where(l => l.Code == code || l.Name == code).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
            if (lineId is null)
            {
                errors.Add("serviceLine", $"'{code}' is not a service line");
            }
        }

        var dg = input.DirectorGeneral?.Trim();
        if (origin is { } o && ActivityRules.NeedsAccountableDirectorGeneral(o) && string.IsNullOrEmpty(dg))
        {
            errors.Add("directorGeneral", "Enter the Director General or committee accountable for the recommendation");
        }
        else if (dg is { Length: > ActivityRules.PersonMax })
        {
            errors.Add("directorGeneral", $"The accountable Director General must be {ActivityRules.PersonMax} characters or fewer");
        }

        if (input.ResponsiblePerson is { Length: > ActivityRules.PersonMax })
        {
            errors.Add("responsiblePerson", $"The responsible person must be {ActivityRules.PersonMax} characters or fewer");
        }

        var timescale = string.IsNullOrWhiteSpace(input.Timescale) ? null : input.Timescale.Trim();
        if (timescale is { Length: > ActivityRules.TimescaleMax })
        {
            errors.Add("timescale", $"The timescale must be {ActivityRules.TimescaleMax} characters or fewer");
        }

        var today = UkTime.Today(clock);
        if (input.DueOn is null)
        {
            // An action point may be timed by words alone ("by the next meeting"); everything else needs a date.
            if (origin != ActivityOrigin.PanelActionPoint)
            {
                errors.Add("dueOn", "Enter the date the activity is due");
            }
            else if (timescale is null)
            {
                errors.Add("dueOn", "Enter the date the action point is due, or its timescale");
            }
        }
        else if (input.DueOn < today)
        {
            errors.Add("dueOn", "The due date must be today or in the future");
        }

        Panel.PanelMeeting? meeting = null;
        Panel.PanelDecision? decision = null;
        Guid? referralId = null;
        switch (origin)
        {
            case ActivityOrigin.PanelRecommendation or ActivityOrigin.PanelActionPoint or ActivityOrigin.PanelDecisionWork:
                var meetings = db.PanelMeetings.Include(m => m.Decisions);
                meeting = input.MeetingId is { } meetingId ? await meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct)
                    : input.MeetingOn is { } on ? await meetings.SingleOrDefaultAsync(m => m.MeetingOn == on, ct)
                    : null;
                if (meeting is null)
                {
                    errors.Add("meetingOn", input.MeetingOn is null
                        ? "Enter the date of the Panel meeting"
                        : $"There is no Panel meeting on {UkTime.Format(input.MeetingOn.Value)}");
                }
                else if (origin == ActivityOrigin.PanelDecisionWork)
                {
                    decision = pendingDecision ?? meeting.Decisions.FirstOrDefault(d => d.Number == input.DecisionNumber);
                    if (decision is null)
                    {
                        errors.Add("decisionNumber", input.DecisionNumber is null
                            ? "Enter the number of the Panel's decision that commissioned the work"
                            : $"The meeting of {UkTime.Format(meeting.MeetingOn)} has no decision {input.DecisionNumber}");
                    }
                }

                break;
            case ActivityOrigin.AcsSeniorLeaderLearning:
                var reference = input.ReferralReference?.Trim();
                referralId = string.IsNullOrEmpty(reference) ? null : await db.Referrals.Where(r => r.Reference == reference).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(ct);
                if (referralId is null)
                {
                    errors.Add("referralReference", string.IsNullOrEmpty(reference)
                        ? "Enter the reference of the referral the learning came from"
                        : $"There is no referral with the reference {reference}");
                }

                break;
            case ActivityOrigin.ParliamentOrNaoCommitment when string.IsNullOrWhiteSpace(input.OriginDescription):
                errors.Add("originDescription", "Enter where the commitment was made, for example \"Government response to the Work and Pensions Committee, 2024\"");
                break;
        }

        if (input.OriginDescription is { Length: > 500 })
        {
            errors.Add("originDescription", "Where the commitment was made must be 500 characters or fewer");
        }

        if (errors.Any)
        {
            return null;
        }

        var activity = new AgreedActivity
        {
            Reference = "",
            Origin = origin!.Value,
            Text = text!,
            OwnerTeamId = owner!.Id,
            ServiceLineId = lineId ?? owner.ServiceLineId,
            ResponsiblePerson = string.IsNullOrWhiteSpace(input.ResponsiblePerson) ? null : input.ResponsiblePerson.Trim(),
            AccountableDirectorGeneral = string.IsNullOrEmpty(dg) ? null : dg,
            Timescale = timescale,
            FirstDueOn = input.DueOn,
            DueOn = input.DueOn,
            Priority = input.Priority ?? ActivityPriority.Medium,
            PanelMeetingId = meeting?.Id,
            PanelDecision = pendingDecision is null ? null : decision,
            PanelDecisionId = pendingDecision is null ? decision?.Id : null,
            ReferralId = referralId,
            OriginDescription = string.IsNullOrWhiteSpace(input.OriginDescription) ? null : input.OriginDescription.Trim(),
            Contributors = [.. contributors.Select(c => new ActivityContributor { OwnerTeamId = c.Id })],
        };
        return new PreparedActivity(activity, meeting, decision, today);
    }

    /// <summary>Adds a prepared activity to the unit of work with its "added" entry in its history; the caller numbers
    /// and saves it.</summary>
    internal void Track(PreparedActivity prepared, RegisterUser by)
    {
        db.AgreedActivities.Add(prepared.Activity);
        Log(prepared.Activity, ActivityEventKind.Created, $"Added to the register as {ActivityRules.Describe(prepared.Activity.Origin).ToLowerInvariant()}", by);
    }

    /// <summary>Gives a prepared activity its number and reference for the <paramref name="attempt"/>th try to save it:
    /// Panel items are named after their meeting (SCP-20200702-AP3, -R2, -D4); everything else is ACT-year-number. Action
    /// points and recommendations take the meeting's highest number plus one, and never the number a failed attempt
    /// tried.</summary>
    internal async Task NumberAsync(PreparedActivity prepared, int attempt, CancellationToken ct)
    {
        var (a, meeting, decision, today) = prepared;
        if (meeting is null)
        {
            var prefix = $"ACT-{today.Year}-";
            var taken = await db.AgreedActivities.CountAsync(x => x.Reference.StartsWith(prefix), ct);
            a.Reference = ReferenceNumber.Format("ACT", today.Year, taken + attempt);
            return;
        }

        var stem = $"SCP-{meeting.MeetingOn:yyyyMMdd}-";
        if (a.Origin is ActivityOrigin.PanelActionPoint or ActivityOrigin.PanelRecommendation)
        {
            var last = await db.AgreedActivities.Where(x => x.PanelMeetingId == meeting.Id && x.Origin == a.Origin && x.Id != a.Id).MaxAsync(x => x.Number, ct);
            var next = (last ?? 0) + 1;
            if (attempt > 1 && a.Number is { } tried && next <= tried)
            {
                next = tried + 1;
            }

            a.Number = next;
            a.Order = next;
            a.Reference = $"{stem}{(a.Origin == ActivityOrigin.PanelActionPoint ? "AP" : "R")}{next}";
            return;
        }

        var first = $"{stem}D{decision!.Number}";
        var existing = await db.AgreedActivities.CountAsync(x => (x.Reference == first || x.Reference.StartsWith(first + "-")) && x.Id != a.Id, ct);
        a.Reference = existing + attempt - 1 == 0 ? first : $"{first}-{existing + attempt}";
        a.Order = decision.Number;
    }

    /// <summary>A dated progress update. A not-started activity is in progress from its first update.</summary>
    public async Task<AgreedActivity> AddUpdateAsync(Guid id, int expectedVersion, string? note, RegisterUser by, CancellationToken ct)
    {
        var a = await ForUpdateAsync(id, by, ct);
        var errors = new ValidationErrors();
        ActivityRules.CheckNote(note, errors);
        if (!ActivityRules.IsOpen(a))
        {
            errors.Add("note", $"{a.Reference} is {ActivityRules.Describe(ActivityRules.StateOf(a)).ToLowerInvariant()}: progress can only be added to an activity not started or in progress");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(a, expectedVersion);
        a.Status = ActivityStatus.InProgress;
        Log(a, ActivityEventKind.Progress, note!.Trim(), by);
        await SaveAsync(a, ct);
        return a;
    }

    /// <summary>The owner reports completion with evidence and the learning outcome; it counts once assured.</summary>
    public async Task<AgreedActivity> ReportCompleteAsync(Guid id, int expectedVersion, string? evidence, string? outcome, RegisterUser by, CancellationToken ct)
    {
        var a = await ForUpdateAsync(id, by, ct);
        var errors = new ValidationErrors();
        ActivityRules.CheckCompletion(evidence, outcome, errors);
        var state = ActivityRules.StateOf(a);
        if (state is not (ActivityState.NotStarted or ActivityState.InProgress or ActivityState.PartlyAssured))
        {
            errors.Add("evidence", $"{a.Reference} is {ActivityRules.Describe(state).ToLowerInvariant()}: completion can be reported only for an open or partly assured activity");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(a, expectedVersion);
        var today = UkTime.Today(clock);
        a.Status = ActivityStatus.Complete;
        a.Assurance = null;
        a.AssuredOn = null;
        a.ReportedCompleteOn = today;
        a.CompletedOn = today;
        a.EvidenceOfCompletion = evidence!.Trim();
        a.LearningOutcome = outcome!.Trim();
        Log(a, ActivityEventKind.CompletionReported, $"Completion reported. Evidence: {a.EvidenceOfCompletion}", by);
        await SaveAsync(a, ct);
        return a;
    }

    /// <summary>Grades the evidence of a reported completion. "Not assured" reopens the activity; "superseded" closes
    /// it and names the activity that replaces it.</summary>
    public async Task<AgreedActivity> AssureAsync(Guid id, int expectedVersion, AssuranceGrade? grade, string? note, string? supersededBy, RegisterUser by, CancellationToken ct)
    {
        var a = await ForUpdateAsync(id, by, ct);
        if (!MayAssure(a, by))
        {
            throw new ForbiddenChangeException(a.Origin == ActivityOrigin.IprgAgreedActivity
                ? "Only the IPRG can record assurance for an IPRG agreed activity"
                : "Only the Panel secretariat can record assurance for this activity");
        }

        var errors = new ValidationErrors();
        if (grade is null)
        {
            errors.Add("grade", "Select whether the evidence gives assurance");
        }

        if (ActivityRules.StateOf(a) != ActivityState.AwaitingAssurance)
        {
            errors.Add("grade", $"{a.Reference} is not awaiting assurance: the owner must report completion with evidence first");
        }

        if (note is { Length: > ActivityRules.NoteMax })
        {
            errors.Add("note", $"The note must be {ActivityRules.NoteMax:N0} characters or fewer");
        }

        if (grade is AssuranceGrade.NotAssuredReopened or AssuranceGrade.PartlyAssured && string.IsNullOrWhiteSpace(note))
        {
            errors.Add("note", "Enter what the owner still needs to show");
        }

        AgreedActivity? replacement = null;
        if (grade == AssuranceGrade.Superseded)
        {
            var reference = supersededBy?.Trim();
            replacement = string.IsNullOrEmpty(reference) ? null : await db.AgreedActivities.SingleOrDefaultAsync(x => x.Reference == reference, ct);
            if (replacement is null || replacement.Id == a.Id)
            {
                errors.Add("supersededBy", string.IsNullOrEmpty(reference)
                    ? "Enter the reference of the activity that supersedes this one"
                    : $"There is no other activity with the reference {reference}");
            }
        }

        errors.ThrowIfAny();
        db.ExpectVersion(a, expectedVersion);
        var today = UkTime.Today(clock);
        a.Assurance = grade;
        a.AssuredOn = today;
        switch (grade)
        {
            case AssuranceGrade.NotAssuredReopened:
                a.Status = ActivityStatus.InProgress;
                a.CompletedOn = null;
                a.ReportedCompleteOn = null;
                break;
            case AssuranceGrade.Superseded:
                a.Status = ActivityStatus.ClosedWithoutCompletion;
                a.CompletedOn = null;
                a.SupersededByActivityId = replacement!.Id;
                a.ClosedReason = $"Superseded by {replacement.Reference}";
                break;
        }

        var text = ActivityRules.Describe(grade!.Value) + (string.IsNullOrWhiteSpace(note) ? "" : $". {note.Trim()}");
        Log(a, grade == AssuranceGrade.NotAssuredReopened ? ActivityEventKind.Reopened : ActivityEventKind.AssuranceRecorded, text, by);
        await SaveAsync(a, ct);
        return a;
    }

    /// <summary>Moves the due date. The first commitment stays, every change keeps its reason.</summary>
    public async Task<AgreedActivity> ReplanAsync(Guid id, int expectedVersion, DateOnly? dueOn, string? reason, RegisterUser by, CancellationToken ct)
    {
        var a = await ForUpdateAsync(id, by, ct);
        var errors = new ValidationErrors();
        if (!ActivityRules.IsOpen(a))
        {
            errors.Add("dueOn", $"{a.Reference} is {ActivityRules.Describe(ActivityRules.StateOf(a)).ToLowerInvariant()}: only an open activity can be re-planned");
        }
        else
        {
            ActivityRules.CheckReplan(a, dueOn, reason, UkTime.Today(clock), errors);
        }

        errors.ThrowIfAny();
        db.ExpectVersion(a, expectedVersion);
        var from = a.DueOn;
        a.FirstDueOn ??= from ?? dueOn;
        a.DueOn = dueOn;
        db.DueDateChanges.Add(new DueDateChange
        {
            AgreedActivityId = a.Id,
            FromDueOn = from,
            ToDueOn = dueOn!.Value,
            Reason = reason!.Trim(),
            At = clock.GetUtcNow().UtcDateTime,
            ByName = by.Name,
        });
        Log(a, ActivityEventKind.Replanned, $"Due date moved from {(from is { } f ? UkTime.Format(f) : "none")} to {UkTime.Format(dueOn.Value)}. {reason.Trim()}", by);
        await SaveAsync(a, ct);
        return a;
    }

    /// <summary>Closes an activity that will not be completed, with the reason (those who assure it only).</summary>
    public async Task<AgreedActivity> CloseAsync(Guid id, int expectedVersion, string? reason, RegisterUser by, CancellationToken ct)
    {
        var a = await ForUpdateAsync(id, by, ct);
        if (!MayAssure(a, by))
        {
            throw new ForbiddenChangeException(a.Origin == ActivityOrigin.IprgAgreedActivity
                ? "Only the IPRG can close an IPRG agreed activity"
                : "Only the Panel secretariat can close this activity");
        }

        var errors = new ValidationErrors();
        if (!ActivityRules.IsOpen(a) && ActivityRules.StateOf(a) is not (ActivityState.AwaitingAssurance or ActivityState.PartlyAssured))
        {
            errors.Add("reason", $"{a.Reference} is already {ActivityRules.Describe(ActivityRules.StateOf(a)).ToLowerInvariant()}");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Enter why the activity is closing without completion");
        }
        else if (reason.Length > ActivityRules.ReasonMax)
        {
            errors.Add("reason", $"The reason must be {ActivityRules.ReasonMax:N0} characters or fewer");
        }

        errors.ThrowIfAny();
        db.ExpectVersion(a, expectedVersion);
        a.Status = ActivityStatus.ClosedWithoutCompletion;
        a.ClosedReason = reason!.Trim();
        a.CompletedOn = null;
        Log(a, ActivityEventKind.Closed, $"Closed without completion. {a.ClosedReason}", by);
        await SaveAsync(a, ct);
        return a;
    }

    /// <summary>The activity, tracked, if <paramref name="by"/> may update it; "not found" if they may not see it.</summary>
    private async Task<AgreedActivity> ForUpdateAsync(Guid id, RegisterUser by, CancellationToken ct)
    {
        var visible = await VisibleAsync(by, ct);
        if (!await visible.AnyAsync(x => x.Id == id, ct))
        {
            throw new RecordNotFoundException("The activity");
        }

        var a = await db.AgreedActivities.Include(x => x.Contributors).SingleAsync(x => x.Id == id, ct);
        var teams = by.Is(RegisterRoles.Owner) ? await TeamsOfAsync(by.UserId, ct) : [];
        if (!MayUpdate(a, by, teams) && !MayAssure(a, by))
        {
            throw new ForbiddenChangeException($"You can see {a.Reference} but it is not yours to change: its owner team, the secretariat or the IPRG can");
        }

        return a;
    }

    private void Log(AgreedActivity a, ActivityEventKind kind, string note, RegisterUser by) =>
        db.ActivityUpdates.Add(new ActivityUpdate
        {
            AgreedActivityId = a.Id,
            Kind = kind,
            Note = note,
            At = clock.GetUtcNow().UtcDateTime,
            ByUserId = by.UserId == Guid.Empty ? null : by.UserId,
            ByName = by.Name,
        });

    /// <summary>Saves, making sure the activity's own row changes (and so its version moves) with every entry in its history.</summary>
    private async Task SaveAsync(AgreedActivity a, CancellationToken ct)
    {
        db.Entry(a).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The register's keyset cursor: the last row's due date (or "-" when it had none) and id.</summary>
public static class ActivityCursor
{
    public static string Of(DateOnly? due, Guid id) => $"{(due is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-")}_{id:N}";

    public static (DateOnly? DueOn, Guid Id)? Parse(string? after)
    {
        if (string.IsNullOrWhiteSpace(after))
        {
            return null;
        }

        var parts = after.Split('_');
        if (parts.Length == 2 && Guid.TryParseExact(parts[1], "N", out var id))
        {
            if (parts[0] == "-")
            {
                return (null, id);
            }

            if (DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return (d, id);
            }
        }

        throw new DomainValidationException("after", "The page link is not valid: go back to the first page of the register");
    }
}
