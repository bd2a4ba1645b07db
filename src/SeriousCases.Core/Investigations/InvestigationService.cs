using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Investigations;

public sealed record CaseloadRow(Guid Id, string Reference, InvestigationStage Stage, DateOnly? NotifiedOn, DateOnly? AcceptedOn,
    Guid? InvestigatorUserId, string? InvestigatorName, TimelinessDates Dates);

public sealed record InvestigatorChoice(Guid UserId, string Name);

/// <summary>An IPR with what its page and the API show.</summary>
public sealed record InvestigationView(Investigation Investigation, string? InvestigatorName, int Findings, IReadOnlyList<StageChange> History);

/// <summary>The investigation workspace for pages and the API. Record-level rule: an investigator sees only
/// the IPRs assigned to them; Triage (who assigns) sees all. Any other request is answered as not found,
/// so a case's existence is not revealed, and the refusal is written to the audit trail.</summary>
public sealed class InvestigationService(SeriousCasesDbContext db, TimeProvider clock)
{
    /// <summary>Open IPRs: an investigator's own, or all of them for Triage; longest open first.</summary>
    public async Task<IReadOnlyList<CaseloadRow>> CaseloadAsync(Requester by, CancellationToken ct)
    {
        var open = db.Investigations.AsNoTracking().Where(i => i.Stage != InvestigationStage.Concluded);
        if (!by.IsTriage)
        {
            open = open.Where(i => i.InvestigatorUserId == by.UserId);
        }

        return await open
            .OrderBy(i => i.AcceptedOn).ThenBy(i => i.Reference)
            .Take(500)
            .Select(i => new CaseloadRow(i.Id, i.Reference, i.Stage, i.NotifiedOn, i.AcceptedOn, i.InvestigatorUserId,
                db.Users.Where(u => u.Id == i.InvestigatorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                new TimelinessDates(i.NotifiedOn, i.LaunchedOn, i.SentToIprgOn, i.IprgReviewedOn, false)))
            .ToListAsync(ct);
    }

    /// <summary>The IPR timeliness targets (reference data), in the order the steps happen.</summary>
    public async Task<IReadOnlyList<ReferenceData.TimelinessTarget>> TargetsAsync(CancellationToken ct)
    {
        var order = new[] { Timeliness.NotificationToLaunch, Timeliness.LaunchToIprg, Timeliness.IprgToReview };
        var targets = await db.TimelinessTargets.AsNoTracking().Where(t => order.Contains(t.Code)).ToListAsync(ct);
        return [.. targets.OrderBy(t => Array.IndexOf(order, t.Code))];
    }

    public async Task<InvestigationView> GetAsync(Guid id, Requester by, CancellationToken ct)
    {
        var ipr = await db.Investigations.AsNoTracking()
            .Include(i => i.Customer)
            .Include(i => i.ServiceLines).ThenInclude(l => l.ServiceLine)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id, ct);
        if (ipr is null || !by.MayWork(ipr))
        {
            if (ipr is not null)
            {
                await db.RefuseAsync(id, ct);
            }

            throw new RecordNotFoundException("The IPR");
        }

        db.RecordView(nameof(Investigation), ipr.Id);
        await db.SaveAuditEventsAsync(ct);
        var name = ipr.InvestigatorUserId is { } uid ? await db.Users.Where(u => u.Id == uid).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        var findings = await db.Findings.CountAsync(f => f.InvestigationId == id, ct);
        var history = await db.StageChanges.AsNoTracking().Where(s => s.InvestigationId == id).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return new InvestigationView(ipr, name, findings, history);
    }

    public async Task<IReadOnlyList<InvestigatorChoice>> InvestigatorsAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Roles.Any(r => r.Role == Roles.Investigator))
            .OrderBy(u => u.DisplayName)
            .Select(u => new InvestigatorChoice(u.Id, u.DisplayName))
            .ToListAsync(ct);

    /// <summary>Triage assigns or reassigns the investigator; the audit trail keeps who had it before.</summary>
    public async Task<Investigation> AssignAsync(Guid id, int expectedVersion, Guid? investigatorUserId, CancellationToken ct)
    {
        var ipr = await db.Investigations.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw new RecordNotFoundException("The IPR");
        if (investigatorUserId is null || !await db.Users.AnyAsync(u => u.Id == investigatorUserId && u.IsActive && u.Roles.Any(r => r.Role == Roles.Investigator), ct))
        {
            throw new DomainValidationException("investigator", "Select an investigator");
        }

        if (ipr.Stage == InvestigationStage.Concluded)
        {
            throw new DomainValidationException("investigator", $"IPR {ipr.Reference} is concluded: it cannot be reassigned");
        }

        db.ExpectVersion(ipr, expectedVersion);
        ipr.InvestigatorUserId = investigatorUserId;
        await db.SaveChangesAsync(ct);
        return ipr;
    }

    /// <summary>Records external scrutiny of the case, at any stage, concluded included. A Significant Case
    /// Review exists only in Scotland.</summary>
    public async Task<ExternalScrutinyEntry> AddScrutinyAsync(Guid id, ScrutinyKind? kind, DateOnly? on, string? notes, Requester by, CancellationToken ct)
    {
        var ipr = await db.CaseForWorkAsync(id, by, ct);
        var nation = await db.Customers.Where(c => c.Id == ipr.CustomerId).Select(c => c.Nation).FirstOrDefaultAsync(ct);
        var errors = new ValidationErrors();
        if (kind is null)
        {
            errors.Add("kind", "Select the kind of external scrutiny");
        }
        else if (kind == ScrutinyKind.SignificantCaseReview && nation is { } n && n != Nation.Scotland)
        {
            errors.Add("kind", $"A Significant Case Review only happens in Scotland; the customer lived in {n}. For England or Wales, choose a Safeguarding Adults Review");
        }

        if (on is null)
        {
            errors.Add("on", "Enter the date DWP was asked to take part");
        }
        else if (on > UkTime.Today(clock))
        {
            errors.Add("on", "The date must be today or in the past");
        }

        notes = notes?.Trim();
        if (notes?.Length > 2000)
        {
            errors.Add("notes", "Notes must be 2,000 characters or fewer");
        }

        errors.ThrowIfAny();
        var entry = new ExternalScrutinyEntry { InvestigationId = id, Kind = kind!.Value, On = on!.Value, Notes = string.IsNullOrEmpty(notes) ? null : notes };
        db.ExternalScrutinyEntries.Add(entry);
        ipr.ExternalScrutiny = true;
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public async Task<IReadOnlyList<ExternalScrutinyEntry>> ScrutinyAsync(Guid id, CancellationToken ct) =>
        await db.ExternalScrutinyEntries.AsNoTracking().Where(e => e.InvestigationId == id).OrderBy(e => e.On).ToListAsync(ct);

    public const int FindingMax = 4000;

    /// <summary>Records one item of learning identified: the statement, the service line it concerns and one or
    /// more themes (codes or names from reference data). Findings are written while the case is being
    /// investigated: after launch and before it goes to the IPRG.</summary>
    public Task<Finding> AddFindingAsync(Guid id, string? text, string? serviceLine, IReadOnlyList<string> themes, Requester by, CancellationToken ct) =>
        AddFindingAsync(id, text, serviceLine, themes, [], by, ct);

    /// <summary>As above, from the form that offered <paramref name="suggestedThemes"/> (theme codes ticked in advance from
    /// the classifier; none when not asked): whether they were kept as they are or changed is stored on the finding, so the
    /// audit entry of the save records it.</summary>
    public async Task<Finding> AddFindingAsync(Guid id, string? text, string? serviceLine, IReadOnlyList<string> themes,
        IReadOnlyList<string> suggestedThemes, Requester by, CancellationToken ct)
    {
        var ipr = await db.CaseForWorkAsync(id, by, ct);
        var errors = new ValidationErrors();
        if (ipr.Stage is not (InvestigationStage.Launched or InvestigationStage.FactFinding or InvestigationStage.Drafting))
        {
            errors.Add("text", $"Learning is recorded while the IPR is being investigated (launched to drafting); IPR {ipr.Reference} is {InvestigationStages.Describe(ipr.Stage).ToLowerInvariant()}");
        }

        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("text", "Enter the learning identified, as the publication would print it");
        }
        else if (text.Length > FindingMax)
        {
            errors.Add("text", $"The learning identified must be {FindingMax} characters or fewer");
        }

        var lines = await db.ServiceLines.AsNoTracking().Where(l => l.IsActive).ToListAsync(ct);
        var line = string.IsNullOrWhiteSpace(serviceLine) ? null
            : lines.FirstOrDefault(l => l.IsNamed(serviceLine));
        if (line is null)
        {
            errors.Add("serviceLine", string.IsNullOrWhiteSpace(serviceLine) ? "Select the service line the learning concerns" : $"'{serviceLine.Trim()}' is not a service line");
        }

        var known = await db.Themes.AsNoTracking().Where(t => t.IsActive).ToListAsync(ct);
        var themeIds = new List<Guid>();
        foreach (var wanted in themes.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            var theme = known.FirstOrDefault(t => string.Equals(t.Code, wanted.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(t.Name, wanted.Trim(), StringComparison.OrdinalIgnoreCase));
            if (theme is null)
            {
                errors.Add("themes", $"'{wanted.Trim()}' is not a theme. Choose themes from the list, or ask an Administrator to add one");
            }
            else if (!themeIds.Contains(theme.Id))
            {
                themeIds.Add(theme.Id);
            }
        }

        if (themeIds.Count == 0 && !errors.Has("themes"))
        {
            errors.Add("themes", "Select at least one theme");
        }

        errors.ThrowIfAny();
        var order = await db.Findings.Where(f => f.InvestigationId == id).Select(f => (int?)f.Order).MaxAsync(ct) ?? 0;
        var finding = new Finding
        {
            InvestigationId = id,
            Order = order + 1,
            Text = text!,
            ServiceLineId = line!.Id,
            Themes = [.. themeIds.Select(t => new FindingTheme { ThemeId = t })],
            ThemeSuggestion = SeriousCases.Core.Themes.ThemeSuggestionRules.Use(suggestedThemes, [.. themeIds.Select(t => known.First(k => k.Id == t).Code)]),
        };
        db.Findings.Add(finding);
        await db.SaveChangesAsync(ct);
        return finding;
    }

    public async Task<IReadOnlyList<Finding>> FindingsAsync(Guid id, CancellationToken ct) =>
        await db.Findings.AsNoTracking()
            .Include(f => f.ServiceLine)
            .Include(f => f.Themes).ThenInclude(t => t.Theme)
            .Where(f => f.InvestigationId == id)
            .OrderBy(f => f.Order)
            .AsSplitQuery()
            .ToListAsync(ct);

    public async Task<(IReadOnlyList<ReferenceData.ServiceLine> Lines, IReadOnlyList<ReferenceData.Theme> Themes)> FindingChoicesAsync(CancellationToken ct) =>
        (await db.ServiceLines.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.SortOrder).ToListAsync(ct),
         await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).ToListAsync(ct));

    /// <summary>Moves the case to another stage under <see cref="InvestigationStages"/>, dating the move and recording it.</summary>
    public async Task<Investigation> MoveStageAsync(Guid id, int expectedVersion, InvestigationStage? to, InvestigationOutcome? outcome, Requester by, CancellationToken ct)
    {
        var ipr = await db.CaseForWorkAsync(id, by, ct);
        if (to is null)
        {
            throw new DomainValidationException("stage", "Select the stage to move the IPR to");
        }

        var findings = await db.Findings.CountAsync(f => f.InvestigationId == id, ct);
        InvestigationStages.Check(ipr, findings, to.Value, outcome).ThrowIfAny();
        db.ExpectVersion(ipr, expectedVersion);
        var today = UkTime.Today(clock);
        db.StageChanges.Add(new StageChange { InvestigationId = ipr.Id, From = ipr.Stage, To = to.Value, On = today, ByUserId = by.UserId });
        ipr.Stage = to.Value;
        switch (to.Value)
        {
            case InvestigationStage.Launched:
                ipr.LaunchedOn = today;
                break;
            case InvestigationStage.WithIprg:
                ipr.SentToIprgOn = today;
                break;
            case InvestigationStage.Concluded:
                ipr.ConcludedOn = today;
                ipr.Outcome = outcome;
                break;
            case InvestigationStage.Drafting when ipr.IprgReviewedOn is not null:
                // Sent back by the group: its review no longer stands; it reviews the case again.
                ipr.IprgReviewedOn = null;
                break;
        }

        await db.SaveChangesAsync(ct);
        return ipr;
    }
}
