using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SeriousCases.Core.Common;

namespace SeriousCases.Core.Data;

/// <summary>PostgreSQL cannot store the NUL character (U+0000) in text, and SQLite would store it silently: text holding
/// one is refused on both before anything is saved, naming the field, instead of failing inside the database.</summary>
internal static class NulCharacterGuard
{
    public static void ThrowIfAny(ChangeTracker tracker)
    {
        var errors = new List<ValidationError>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && text.Contains('\0', StringComparison.Ordinal)
                    && (entry.State == EntityState.Added || property.IsModified))
                {
                    var name = property.Metadata.Name;
                    var field = char.ToLowerInvariant(name[0]) + name[1..];
                    errors.Add(new ValidationError(field, $"Remove the invisible control character (NUL) from {field}"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }
    }
}
