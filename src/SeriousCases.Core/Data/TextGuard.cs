using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
                if (NulCharacter.In(text))
                {
                    errors.Add(new ValidationError(field, NulCharacter.Fix(field)));
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

/// <summary>The NUL character (U+0000): no one can type it and PostgreSQL cannot take it in text, so it is refused
/// wherever text comes in (JSON as it is read, forms, searches), at saving (<see cref="TextGuard"/>) and in any
/// database command (<see cref="NulTextInterceptor"/>), always with the same words.</summary>
public static class NulCharacter
{
    public static bool In(string? text) => text?.Contains('\0', StringComparison.Ordinal) == true;

    /// <summary>What to do, for <paramref name="what"/>: a field's name, or "what you entered".</summary>
    public static string Fix(string what) => $"Remove the invisible control character (NUL) from {what}";
}

/// <summary>The last line for the NUL character: text that reaches a query (a lookup by reference, say) before
/// <see cref="TextGuard"/> sees it at saving. PostgreSQL refuses U+0000 in a parameter with an error (a 500), SQLite
/// would quietly match nothing; here both refuse it the same way, as something the user can fix. The API and the
/// pages refuse it earlier, naming the field; this catches any path they miss. It looks once the command has its
/// parameters, before any kind of execution.</summary>
internal sealed class NulTextInterceptor : DbCommandInterceptor
{
    public static readonly NulTextInterceptor Instance = new();

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        foreach (DbParameter parameter in result.Parameters)
        {
            if (parameter.Value is string text && NulCharacter.In(text))
            {
                throw new DomainValidationException("text", NulCharacter.Fix("what you entered"));
            }
        }

        return result;
    }
}
