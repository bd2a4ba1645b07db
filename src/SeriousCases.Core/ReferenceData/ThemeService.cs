using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.ReferenceData;

/// <summary>What an Administrator gives for a theme. The code is set once: findings, insight and Panel
/// papers refer to it, and the themes analysis groups by it.</summary>
public sealed record ThemeChange(string? Name, string? Description, bool IsActive);

/// <summary>Rules for themes, in GOV.UK wording.</summary>
public static partial class ThemeRules
{
    public const int CodeMax = 20;
    public const int NameMax = 200;
    public const int DescriptionMax = 2000;

    public static ValidationErrors Validate(string? code, ThemeChange change, bool isNew)
    {
        var errors = new ValidationErrors();
        if (isNew)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                errors.Add("code", "Enter a short code for the theme, for example CALLBACK");
            }
            else if (!CodePattern().IsMatch(code.Trim()))
            {
                errors.Add("code", $"The code must be 2 to {CodeMax} capital letters or digits, with no spaces, for example CALLBACK");
            }
        }

        if (string.IsNullOrWhiteSpace(change.Name))
        {
            errors.Add("name", "Enter the name of the theme");
        }
        else if (change.Name.Trim().Length > NameMax)
        {
            errors.Add("name", $"Name must be {NameMax} characters or fewer");
        }

        if (change.Description?.Trim().Length > DescriptionMax)
        {
            errors.Add("description", $"Description must be {DescriptionMax:N0} characters or fewer");
        }

        return errors;
    }

    [GeneratedRegex("^[A-Z0-9]{2,20}$")]
    private static partial Regex CodePattern();
}

/// <summary>The theme list that findings and insight are coded against. Administrators extend it; a theme
/// no longer in use stays on the records coded with it but cannot be chosen for new ones.</summary>
public sealed class ThemeService(SeriousCasesDbContext db)
{
    public async Task<IReadOnlyList<Theme>> ListAsync(CancellationToken ct) =>
        await db.Themes.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);

    public async Task<Theme> GetAsync(Guid id, CancellationToken ct) =>
        await db.Themes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct)
        ?? throw new RecordNotFoundException("The theme");

    public async Task<Theme> AddAsync(string? code, ThemeChange change, CancellationToken ct)
    {
        var errors = ThemeRules.Validate(code, change, isNew: true);
        var trimmedCode = code?.Trim() ?? "";
        var name = change.Name?.Trim() ?? "";
        if (!errors.Has("code") && await db.Themes.AnyAsync(t => t.Code == trimmedCode, ct))
        {
            errors.Add("code", $"There is already a theme with the code {trimmedCode}");
        }

        await CheckNameAsync(errors, null, name, ct);
        errors.ThrowIfAny();
        var theme = new Theme { Code = trimmedCode, Name = name, Description = Blank(change.Description), IsActive = change.IsActive };
        db.Themes.Add(theme);
        await db.SaveChangesAsync(ct);
        return theme;
    }

    public async Task<Theme> UpdateAsync(Guid id, int expectedVersion, ThemeChange change, CancellationToken ct)
    {
        var errors = ThemeRules.Validate(null, change, isNew: false);
        var name = change.Name?.Trim() ?? "";
        await CheckNameAsync(errors, id, name, ct);
        errors.ThrowIfAny();
        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new RecordNotFoundException("The theme");
        db.ExpectVersion(theme, expectedVersion);
        theme.Name = name;
        theme.Description = Blank(change.Description);
        theme.IsActive = change.IsActive;
        await db.SaveChangesAsync(ct);
        return theme;
    }

    private async Task CheckNameAsync(ValidationErrors errors, Guid? id, string name, CancellationToken ct)
    {
        if (!errors.Has("name") && await db.Themes.AnyAsync(t => t.Id != id && t.Name.ToLower() == name.ToLower(), ct))
        {
            errors.Add("name", $"There is already a theme called {name}");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
