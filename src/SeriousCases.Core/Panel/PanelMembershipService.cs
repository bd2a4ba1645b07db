using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Panel;

/// <summary>What the secretariat gives for a new membership. Names are the form's and the API's.</summary>
public sealed record NewPanelMembership(PanelRole? Role, string? PersonName, string? JobTitle, DateOnly? From, DateOnly? To);

/// <summary>The members of one role on a date.</summary>
public sealed record RoleMembers(PanelRole Role, string Heading, IReadOnlyList<PanelMembership> Members);

/// <summary>Who sits on the Serious Case Panel, in which role, between which dates: the Panel's membership on any past
/// date can be shown. Only one Chair and one Permanent Secretary on any day.</summary>
public sealed class PanelMembershipService(SeriousCasesDbContext db)
{
    /// <summary>The members on <paramref name="date"/>, in the order of the roles, then by start date and name.</summary>
    public async Task<IReadOnlyList<PanelMembership>> OnAsync(DateOnly date, CancellationToken ct = default)
    {
        var members = await db.PanelMemberships.AsNoTracking()
            .Where(m => m.From <= date && (m.To == null || m.To >= date))
            .ToListAsync(ct);
        return [.. members
            .OrderBy(m => Array.IndexOf(PanelMembershipRules.Roles, m.Role))
            .ThenBy(m => m.From)
            .ThenBy(m => m.PersonName, StringComparer.Ordinal)];
    }

    /// <summary>The members on <paramref name="date"/> grouped by role, roles without a member left out.</summary>
    public async Task<IReadOnlyList<RoleMembers>> ByRoleOnAsync(DateOnly date, CancellationToken ct = default)
    {
        var members = await OnAsync(date, ct);
        return [.. PanelMembershipRules.Roles
            .Select(r => members.Where(m => m.Role == r).ToList())
            .Where(g => g.Count > 0)
            .Select(g => new RoleMembers(g[0].Role, PanelMembershipRules.Describe(g[0].Role, g.Count), g))];
    }

    public async Task<PanelMembership> GetAsync(Guid id, CancellationToken ct = default) =>
        await db.PanelMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct)
        ?? throw new RecordNotFoundException("The Panel membership");

    public async Task<PanelMembership> AddAsync(NewPanelMembership input, CancellationToken ct = default)
    {
        // Two colleagues adding a Chair at the same moment: the second reads after the first has saved.
        await using var transaction = await db.BeginSerialisedAsync(ct);
        var sameRole = input.Role is { } role
            ? await db.PanelMemberships.AsNoTracking().Where(m => m.Role == role).ToListAsync(ct)
            : [];
        PanelMembershipRules.Validate(input, sameRole).ThrowIfAny();
        var membership = new PanelMembership
        {
            Role = input.Role!.Value,
            PersonName = input.PersonName!.Trim(),
            JobTitle = input.JobTitle!.Trim(),
            From = input.From!.Value,
            To = input.To,
        };
        db.PanelMemberships.Add(membership);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return membership;
    }

    /// <summary>Ends a membership on <paramref name="to"/>, against the version the secretariat read.</summary>
    public async Task<PanelMembership> EndAsync(Guid id, int expectedVersion, DateOnly? to, CancellationToken ct = default)
    {
        var membership = await db.PanelMemberships.SingleOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new RecordNotFoundException("The Panel membership");
        db.ExpectVersion(membership, expectedVersion);
        if (membership.Version != expectedVersion)
        {
            // Someone else's change is already stored: say so rather than judging their change as this user's mistake.
            throw new ConcurrencyConflictException($"{membership.PersonName}'s membership");
        }

        PanelMembershipRules.ValidateEnd(membership, to).ThrowIfAny();
        membership.To = to;
        await db.SaveChangesAsync(ct);
        return membership;
    }
}
