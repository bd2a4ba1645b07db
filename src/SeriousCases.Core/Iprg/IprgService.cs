using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;

namespace SeriousCases.Core.Iprg;

public sealed record ReviewCase(Guid Id, string Reference, DateOnly? SentToIprgOn, int Findings, int Activities);

/// <summary>A case as the IPRG reviews it: its findings, each with the activities agreed for it.</summary>
public sealed record ReviewView(Investigation Investigation, IReadOnlyList<Finding> Findings, IReadOnlyList<AgreedActivity> Activities);

/// <summary>The Internal Process Review Group: cases with the group, the activities it agrees for each
/// finding, and its review, which lets the case conclude. The group sees a case while it is with them.</summary>
public sealed class IprgService(SeriousCasesDbContext db, TimeProvider clock)
{
    public const int ActivityMax = 4000;

    public async Task<IReadOnlyList<ReviewCase>> ReadyForReviewAsync(CancellationToken ct) =>
        await db.Investigations.AsNoTracking()
            .Where(i => i.Stage == InvestigationStage.WithIprg)
            .OrderBy(i => i.SentToIprgOn).ThenBy(i => i.Reference)
            .Select(i => new ReviewCase(i.Id, i.Reference, i.SentToIprgOn,
                db.Findings.Count(f => f.InvestigationId == i.Id),
                db.AgreedActivities.Count(a => a.InvestigationId == i.Id)))
            .ToListAsync(ct);

    public async Task<ReviewView> GetAsync(Guid id, CancellationToken ct)
    {
        var ipr = await db.Investigations.AsNoTracking()
            .Include(i => i.ServiceLines).ThenInclude(l => l.ServiceLine)
            .SingleOrDefaultAsync(i => i.Id == id && i.Stage == InvestigationStage.WithIprg, ct)
            ?? throw new RecordNotFoundException("The IPR");
        db.RecordView(nameof(Investigation), ipr.Id, "IPRG review");
        await db.SaveAuditEventsAsync(ct);
        var findings = await db.Findings.AsNoTracking().Include(f => f.ServiceLine).Include(f => f.Themes).ThenInclude(t => t.Theme)
            .Where(f => f.InvestigationId == id).OrderBy(f => f.Order).AsSplitQuery().ToListAsync(ct);
        var activities = await db.AgreedActivities.AsNoTracking().Include(a => a.OwnerTeam).Include(a => a.ServiceLine)
            .Where(a => a.InvestigationId == id).OrderBy(a => a.Order).ToListAsync(ct);
        return new ReviewView(ipr, findings, activities);
    }

    public async Task<(IReadOnlyList<ReferenceData.OwnerTeam> Owners, IReadOnlyList<ReferenceData.ServiceLine> Lines)> ChoicesAsync(CancellationToken ct) =>
        (await db.OwnerTeams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.ShortName).ToListAsync(ct),
         await db.ServiceLines.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.SortOrder).ToListAsync(ct));

    /// <summary>Agrees an activity for a finding: the owner (a team from reference data), the service line it
    /// counts under, the wording ("UC to assure IPRG that ..."), and a due date. It enters the action register.</summary>
    public async Task<AgreedActivity> AddActivityAsync(Guid findingId, string? owner, string? serviceLine, string? text, DateOnly? dueOn, CancellationToken ct)
    {
        var finding = await db.Findings.AsNoTracking().Include(f => f.Investigation).SingleOrDefaultAsync(f => f.Id == findingId, ct)
            ?? throw new RecordNotFoundException("The finding");
        var ipr = finding.Investigation!;
        var errors = new ValidationErrors();
        if (ipr.Stage != InvestigationStage.WithIprg)
        {
            errors.Add("text", $"The IPRG agrees activities while a case is with the group; IPR {ipr.Reference} is {InvestigationStages.Describe(ipr.Stage).ToLowerInvariant()}");
        }

        var (owners, lines) = await ChoicesAsync(ct);
        var team = string.IsNullOrWhiteSpace(owner) ? null
            : owners.FirstOrDefault(t => string.Equals(t.ShortName, owner.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(t.Name, owner.Trim(), StringComparison.OrdinalIgnoreCase));
        if (team is null)
        {
            errors.Add("owner", string.IsNullOrWhiteSpace(owner) ? "Select the team that owns the activity" : $"'{owner.Trim()}' is not an owner team. Choose a team from the list, or ask an Administrator to add it");
        }

        var line = string.IsNullOrWhiteSpace(serviceLine) ? null
            : lines.FirstOrDefault(l => l.IsNamed(serviceLine));
        if (line is null)
        {
            errors.Add("serviceLine", string.IsNullOrWhiteSpace(serviceLine) ? "Select the service line the activity counts under" : $"'{serviceLine.Trim()}' is not a service line");
        }

        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("text", "Enter the activity as the IPRG agreed it, for example \"UC to assure IPRG that call backs are made when requested.\"");
        }
        else if (text.Length > ActivityMax)
        {
            errors.Add("text", $"The activity must be {ActivityMax} characters or fewer");
        }
        else if (!text.Contains("assure IPRG", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("text", $"Write the activity in the IPRG's form: \"{team?.ShortName ?? "<owner>"} to assure IPRG that ...\" or \"... to assure IPRG they will ...\"");
        }

        var today = UkTime.Today(clock);
        if (dueOn is null)
        {
            errors.Add("dueOn", "Enter the date the activity is due");
        }
        else if (dueOn < today)
        {
            errors.Add("dueOn", "The due date must be today or in the future");
        }

        errors.ThrowIfAny();
        var prefix = $"ACT-{today.Year}-";
        var taken = await db.AgreedActivities.CountAsync(a => a.Reference.StartsWith(prefix), ct);
        var order = await db.AgreedActivities.Where(a => a.InvestigationId == ipr.Id).Select(a => (int?)a.Order).MaxAsync(ct) ?? 0;
        var activity = new AgreedActivity
        {
            Reference = ReferenceNumber.Format("ACT", today.Year, taken + 1),
            Origin = ActivityOrigin.IprgAgreedActivity,
            Text = text!,
            Order = order + 1,
            InvestigationId = ipr.Id,
            FindingId = finding.Id,
            OwnerTeamId = team!.Id,
            ServiceLineId = line!.Id,
            FirstDueOn = dueOn,
            DueOn = dueOn,
            Status = ActivityStatus.NotStarted,
        };
        db.AgreedActivities.Add(activity);
        // The activity's history in the register starts with the group's agreement.
        var by = db.Actor.UserId is { } userId ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) : null;
        db.ActivityUpdates.Add(new ActivityUpdate
        {
            AgreedActivityId = activity.Id,
            Kind = ActivityEventKind.Created,
            At = clock.GetUtcNow().UtcDateTime,
            ByUserId = db.Actor.UserId,
            ByName = by ?? "IPRG",
            Note = "Agreed by the IPRG on a finding of the IPR",
        });
        await db.SaveChangesAsync(ct);
        return activity;
    }

    /// <summary>Records the group's review of a case. Every finding needs at least one agreed activity first,
    /// so no learning leaves the review without something tracked against it.</summary>
    public async Task<Investigation> RecordReviewAsync(Guid id, int expectedVersion, CancellationToken ct)
    {
        var ipr = await db.Investigations.SingleOrDefaultAsync(i => i.Id == id && i.Stage == InvestigationStage.WithIprg, ct)
            ?? throw new RecordNotFoundException("The IPR");
        var bare = await db.Findings.Where(f => f.InvestigationId == id && !db.AgreedActivities.Any(a => a.FindingId == f.Id))
            .OrderBy(f => f.Order).Select(f => f.Order).ToListAsync(ct);
        if (bare.Count > 0)
        {
            throw new DomainValidationException("review", $"Agree at least one activity for finding {string.Join(", ", bare)} before recording the review");
        }

        db.ExpectVersion(ipr, expectedVersion);
        ipr.IprgReviewedOn = UkTime.Today(clock);
        await db.SaveChangesAsync(ct);
        return ipr;
    }
}
