using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Actions;

/// <summary>An owner team with how many open activities it leads or contributes to.</summary>
public sealed record OwnerTeamSummary(Guid Id, string ShortName, string Name, bool IsActive, string? Successor, int OpenAsLead, int OpenAsContributor, int Version)
{
    public int Open => OpenAsLead + OpenAsContributor;
}

/// <summary>What a transfer did.</summary>
public sealed record OwnerTransferResult(Guid TransferId, string From, string To, int Moved, bool Abolished);

/// <summary>A team reorganisation: an Administrator moves every open activity of a team (as lead owner and as
/// contributor) to its successor in one step and one transaction. The history stays: the transfer itself, an
/// "owner moved" entry on each activity, and completed or closed activities left with the old team, so past
/// figures still name who delivered them. Earlier attempts lost recommendations when the body tracking them was
/// abolished; this is why nothing open may stay with a team that no longer exists.</summary>
public sealed class OwnerTransferService(SeriousCasesDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<OwnerTeamSummary>> ListAsync(CancellationToken ct)
    {
        var teams = await db.OwnerTeams.AsNoTracking()
            .OrderBy(t => !t.IsActive).ThenBy(t => t.ShortName)
            .Select(t => new { t.Id, t.ShortName, t.Name, t.IsActive, Successor = t.SuccessorTeam!.ShortName, t.Version })
            .ToListAsync(ct);
        var lead = await Open(db.AgreedActivities).Where(a => a.OwnerTeamId != null)
            .GroupBy(a => a.OwnerTeamId!.Value).Select(g => new { Team = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Team, x => x.Count, ct);
        var contributing = await (
                from c in db.ActivityContributors
                join a in Open(db.AgreedActivities) on c.AgreedActivityId equals a.Id
                group c by c.OwnerTeamId into g
                select new { Team = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Team, x => x.Count, ct);
        return [.. teams.Select(t => new OwnerTeamSummary(t.Id, t.ShortName, t.Name, t.IsActive, t.Successor,
            lead.GetValueOrDefault(t.Id), contributing.GetValueOrDefault(t.Id), t.Version))];
    }

    public async Task<OwnerTeamSummary> GetAsync(Guid id, CancellationToken ct)
    {
        var team = await db.OwnerTeams.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new { t.Id, t.ShortName, t.Name, t.IsActive, Successor = t.SuccessorTeam!.ShortName, t.Version })
            .SingleOrDefaultAsync(ct) ?? throw new RecordNotFoundException("The owner team");
        var lead = await Open(db.AgreedActivities).CountAsync(a => a.OwnerTeamId == id, ct);
        var contributing = await Open(db.AgreedActivities).CountAsync(a => a.OwnerTeamId != id && a.Contributors.Any(c => c.OwnerTeamId == id), ct);
        return new OwnerTeamSummary(team.Id, team.ShortName, team.Name, team.IsActive, team.Successor, lead, contributing, team.Version);
    }

    /// <summary>Moves the open activities of team <paramref name="fromId"/> to <paramref name="successor"/> (a short
    /// name or full name). With <paramref name="expectedVersion"/> (the team's version the admin saw) a second
    /// admin acting on the same team at the same time gets a conflict instead of a second transfer.</summary>
    public async Task<OwnerTransferResult> TransferAsync(
        Guid fromId, string? successor, string? reason, bool? abolished, RegisterUser by, int? expectedVersion, CancellationToken ct)
    {
        var from = await db.OwnerTeams.SingleOrDefaultAsync(t => t.Id == fromId, ct) ?? throw new RecordNotFoundException("The owner team");
        if (expectedVersion is { } seen && seen != from.Version)
        {
            throw new ConcurrencyConflictException($"The owner team {from.ShortName}");
        }

        var errors = new ValidationErrors();
        OwnerTeam? to = null;
        var name = successor?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("successor", "Select the team that takes over the activities");
        }
        else
        {
            to = await db.OwnerTeams.Where(t => t.ShortName == name).FirstOrDefaultAsync(ct)
                ?? await db.OwnerTeams.Where(t => t.Name == name).FirstOrDefaultAsync(ct);
            if (to is null)
            {
                errors.Add("successor", $"There is no owner team called {name}: use a short name such as UC or CMG");
            }
            else if (to.Id == from.Id)
            {
                errors.Add("successor", $"Select a team other than {from.ShortName}: a team cannot take over its own activities");
            }
            else if (!to.IsActive)
            {
                errors.Add("successor", $"{to.ShortName} is no longer in use: select a team that is");
            }
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Enter why the activities are moving");
        }
        else if (reason.Trim().Length > ActivityRules.ReasonMax)
        {
            errors.Add("reason", $"The reason must be {ActivityRules.ReasonMax:N0} characters or fewer");
        }

        if (abolished is null)
        {
            errors.Add("abolished", $"Select whether {from.ShortName} was abolished");
        }

        errors.ThrowIfAny();
        var why = reason!.Trim();
        var moving = await Open(db.AgreedActivities)
            .Where(a => a.OwnerTeamId == from.Id || a.Contributors.Any(c => c.OwnerTeamId == from.Id))
            .Include(a => a.Contributors)
            .ToListAsync(ct);
        if (moving.Count == 0 && abolished == false)
        {
            throw new DomainValidationException("successor", $"{from.ShortName} has no open activities to move");
        }

        if (expectedVersion is { } v)
        {
            db.ExpectVersion(from, v);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var a in moving)
        {
            var asLead = a.OwnerTeamId == from.Id;
            a.Contributors.RemoveAll(c => c.OwnerTeamId == from.Id || (asLead && c.OwnerTeamId == to!.Id));
            if (asLead)
            {
                a.OwnerTeamId = to!.Id;
            }
            else if (a.OwnerTeamId != to!.Id && !a.Contributors.Exists(c => c.OwnerTeamId == to.Id))
            {
                a.Contributors.Add(new ActivityContributor { AgreedActivityId = a.Id, OwnerTeamId = to.Id });
            }

            db.ActivityUpdates.Add(new ActivityUpdate
            {
                AgreedActivityId = a.Id,
                Kind = ActivityEventKind.OwnerMoved,
                At = now,
                ByUserId = by.UserId == Guid.Empty ? null : by.UserId,
                ByName = by.Name,
                Note = $"Moved from {from.ShortName} to {to.ShortName}{(asLead ? "" : " as a contributing team")} because {why}",
            });
            // The activity's version moves with its history, so an owner's stale form cannot undo the move.
            db.Entry(a).State = EntityState.Modified;
        }

        var transfer = new OwnerTransfer
        {
            FromTeamId = from.Id,
            ToTeamId = to!.Id,
            ActivitiesMoved = moving.Count,
            At = now,
            ByName = by.Name,
            Reason = why,
        };
        db.OwnerTransfers.Add(transfer);
        if (abolished == true)
        {
            from.IsActive = false;
            from.SuccessorTeamId = to.Id;
        }

        // The team's version moves too, so a second transfer from a page opened before this one is refused.
        db.Entry(from).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return new OwnerTransferResult(transfer.Id, from.ShortName, to.ShortName, moving.Count, abolished == true);
    }

    /// <summary>Open for a reorganisation: not started, in progress, awaiting assurance or partly assured. Complete
    /// (assured) and closed activities stay with the team that delivered them.</summary>
    private static IQueryable<AgreedActivity> Open(IQueryable<AgreedActivity> activities) =>
        activities.Where(a => a.Status == ActivityStatus.NotStarted || a.Status == ActivityStatus.InProgress
            || (a.Status == ActivityStatus.Complete && (a.Assurance == null || a.Assurance == AssuranceGrade.PartlyAssured)));
}
