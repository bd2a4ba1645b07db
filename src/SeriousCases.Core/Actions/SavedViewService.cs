using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Actions;

/// <summary>The register's filters a user keeps under a name of their own ("My overdue UC activities"). Each user
/// sees, applies and deletes only their own views.</summary>
public sealed class SavedViewService(SeriousCasesDbContext db)
{
    public const int NameMax = 100;
    public const int QueryMax = 1000;

    public Task<List<SavedView>> ListAsync(Guid userId, CancellationToken ct) =>
        db.SavedViews.AsNoTracking().Where(v => v.UserId == userId).OrderBy(v => v.Name).ToListAsync(ct);

    public async Task<SavedView> SaveAsync(Guid userId, string? name, string query, CancellationToken ct)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainValidationException("viewName", "Enter a name for the view");
        }

        if (trimmed.Length > NameMax)
        {
            throw new DomainValidationException("viewName", $"The name must be {NameMax} characters or fewer");
        }

        if (query.Length > QueryMax)
        {
            throw new DomainValidationException("viewName", "These filters are too long to save: remove some and try again");
        }

        // Compared without case: "overdue UC" and "Overdue UC" would look the same in the list.
        var lower = trimmed.ToLowerInvariant();
        if (await db.SavedViews.AnyAsync(v => v.UserId == userId && v.Name.ToLower() == lower, ct))
        {
            throw new DomainValidationException("viewName", $"You already have a view called ‘{trimmed}’: choose another name, or delete that view first");
        }

        var view = new SavedView { UserId = userId, Name = trimmed, Query = query };
        db.SavedViews.Add(view);
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>Deletes one of the user's own views; anyone else's is "not found".</summary>
    public async Task<string> DeleteAsync(Guid userId, Guid id, CancellationToken ct)
    {
        var view = await db.SavedViews.SingleOrDefaultAsync(v => v.Id == id && v.UserId == userId, ct)
            ?? throw new RecordNotFoundException("The saved view");
        db.SavedViews.Remove(view);
        await db.SaveChangesAsync(ct);
        return view.Name;
    }
}
