using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SeriousCases.Core.Common;

namespace SeriousCases.Core.Data;

/// <summary>Text the database would refuse is refused before anything is saved, on both providers alike, naming the
/// field: longer than its column (PostgreSQL enforces the length, SQLite would store it silently) or holding the NUL
/// character (U+0000, which PostgreSQL cannot store). Found by the fuzz tests as 500s on PostgreSQL.</summary>
internal static class TextGuard
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
                if (property.CurrentValue is not string text || (entry.State == EntityState.Modified && !property.IsModified))
                {
                    continue;
                }

                var name = property.Metadata.Name;
                var field = char.ToLowerInvariant(name[0]) + name[1..];
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    errors.Add(new ValidationError(field, $"Remove the invisible control character (NUL) from {field}"));
                }
                else if (property.Metadata.GetMaxLength() is { } max && text.Length > max)
                {
                    errors.Add(new ValidationError(field, $"{field} must be {max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters or fewer"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException(errors);
        }
    }
}
