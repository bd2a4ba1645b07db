using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.ReferenceData;

/// <summary>What an Administrator may change about a service line. The code never changes: other
/// records and the publication refer to it.</summary>
public sealed record ServiceLineChange(string? Name, string? Abbreviation, string? Description, bool IsActive);

/// <summary>Rules for a service line's editable fields, in GOV.UK wording.</summary>
public static class ServiceLineRules
{
    public const int NameMax = 120;
    public const int AbbreviationMax = 20;
    public const int DescriptionMax = 2000;

    public static ValidationErrors Validate(ServiceLineChange change)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(change.Name))
        {
            errors.Add("name", "Enter the name of the service line");
        }
        else if (change.Name.Trim().Length > NameMax)
        {
            errors.Add("name", $"Name must be {NameMax} characters or fewer");
        }

        if (string.IsNullOrWhiteSpace(change.Abbreviation))
        {
            errors.Add("abbreviation", "Enter the abbreviation, for example UC");
        }
        else if (change.Abbreviation.Trim().Length > AbbreviationMax)
        {
            errors.Add("abbreviation", $"Abbreviation must be {AbbreviationMax} characters or fewer");
        }

        if (change.Description?.Trim().Length > DescriptionMax)
        {
            errors.Add("description", $"Description must be {DescriptionMax} characters or fewer");
        }

        return errors;
    }
}

/// <summary>Reads and changes service lines for pages and the API alike. Changes are audited by the
/// context; a change made against an old version is refused with <see cref="ConcurrencyConflictException"/>.</summary>
public sealed class ServiceLineService(SeriousCasesDbContext db)
{
    public async Task<IReadOnlyList<ServiceLine>> ListAsync(CancellationToken ct) =>
        await db.ServiceLines.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(ct);

    public async Task<ServiceLine> GetAsync(Guid id, CancellationToken ct) =>
        await db.ServiceLines.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct)
        ?? throw new RecordNotFoundException("The service line");

    public async Task<ServiceLine> UpdateAsync(Guid id, int expectedVersion, ServiceLineChange change, CancellationToken ct)
    {
        var errors = ServiceLineRules.Validate(change);
        var name = change.Name?.Trim() ?? "";
        var abbreviation = change.Abbreviation?.Trim() ?? "";
        if (!errors.Has("name") && await db.ServiceLines.AnyAsync(s => s.Id != id && s.Name == name, ct))
        {
            errors.Add("name", $"There is already a service line called {name}");
        }

        if (!errors.Has("abbreviation") && await db.ServiceLines.AnyAsync(s => s.Id != id && s.Abbreviation == abbreviation, ct))
        {
            errors.Add("abbreviation", $"Another service line already uses the abbreviation {abbreviation}");
        }

        errors.ThrowIfAny();
        var line = await db.ServiceLines.SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new RecordNotFoundException("The service line");
        db.ExpectVersion(line, expectedVersion);
        line.Name = name;
        line.Abbreviation = abbreviation;
        line.Description = string.IsNullOrWhiteSpace(change.Description) ? null : change.Description.Trim();
        line.IsActive = change.IsActive;
        await db.SaveChangesAsync(ct);
        return line;
    }
}
