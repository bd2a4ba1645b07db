using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Referrals.Criteria;

/// <summary>Versions of the IPR criteria for Administrators: list them and add one without a code change.
/// A referral keeps the version it was judged by, so adding a version never changes a past assessment.</summary>
public sealed partial class CriteriaVersionService(SeriousCasesDbContext db)
{
    public const int MaxRoutes = 4;

    public async Task<IReadOnlyList<CriteriaDefinition>> ListAsync(CancellationToken ct) =>
        [.. (await db.CriteriaVersions.AsNoTracking().OrderByDescending(v => v.InForceFrom).ToListAsync(ct)).Select(v => v.ToDefinition())];

    public async Task<CriteriaVersion> AddAsync(CriteriaDefinition definition, CancellationToken ct)
    {
        var existing = await db.CriteriaVersions.AsNoTracking().Select(v => new { v.Code, v.InForceFrom }).ToListAsync(ct);
        var errors = Validate(definition);
        if (existing.Any(v => string.Equals(v.Code, definition.Version?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add("version", $"There is already a version {definition.Version!.Trim()}. Give the new version its own name");
        }

        if (existing.Any(v => v.InForceFrom == definition.InForceFrom))
        {
            errors.Add("inForceFrom", $"Another version already comes into force on {UkTime.Format(definition.InForceFrom)}. Choose another date");
        }

        errors.ThrowIfAny();
        var version = CriteriaVersion.From(definition with { Version = definition.Version.Trim() });
        db.CriteriaVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return version;
    }

    /// <summary>The rules a version must follow: a name, at least one route, and each route named, described and with a condition.</summary>
    public static ValidationErrors Validate(CriteriaDefinition d)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(d.Version))
        {
            errors.Add("version", "Enter a name for the version, for example 2025-04");
        }
        else if (!VersionName().IsMatch(d.Version.Trim()))
        {
            errors.Add("version", "The version's name must be 20 characters or fewer, using letters, numbers and hyphens only");
        }

        if (d.Routes.Count == 0)
        {
            errors.Add("routes[0].name", "Add at least one route by which the criteria can be met");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < d.Routes.Count; i++)
        {
            var r = d.Routes[i];
            var which = $"route {i + 1}";
            if (string.IsNullOrWhiteSpace(r.Name))
            {
                errors.Add($"routes[{i}].name", $"Enter a name for {which}");
            }
            else if (!RouteName().IsMatch(r.Name))
            {
                errors.Add($"routes[{i}].name", $"The name of {which} must be one word of letters, for example Allegation, as the API returns it");
            }
            else if (!names.Add(r.Name))
            {
                errors.Add($"routes[{i}].name", $"Two routes are named {r.Name}. Give each route its own name");
            }

            if (string.IsNullOrWhiteSpace(r.Description))
            {
                errors.Add($"routes[{i}].description", $"Describe {which} as a case worker would read it");
            }

            if (!r.RequiresAllegation && r.Events.Count == 0 && r.Reviews.Count == 0)
            {
                errors.Add($"routes[{i}].conditions", $"Choose at least one condition for {which}");
            }
        }

        return errors;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,20}$")]
    private static partial Regex VersionName();

    [GeneratedRegex("^[A-Za-z]{1,40}$")]
    private static partial Regex RouteName();
}
