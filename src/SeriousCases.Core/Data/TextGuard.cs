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

/// <summary>The last line for the NUL character: text that reaches a query (a lookup by reference, say) before
/// <see cref="TextGuard"/> sees it at saving. PostgreSQL refuses U+0000 in a parameter with an error (a 500), SQLite
/// would quietly match nothing; here both refuse it the same way, as something the user can fix. The API and the
/// pages refuse it earlier, naming the field; this catches any path they miss.</summary>
internal sealed class NulTextInterceptor : DbCommandInterceptor
{
    public static readonly NulTextInterceptor Instance = new();

    public const string Message = "Remove the invisible control character (NUL) from what you entered";

    private static void ThrowIfNul(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter.Value is string text && text.Contains('\0', StringComparison.Ordinal))
            {
                throw new DomainValidationException("text", Message);
            }
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result)
    {
        ThrowIfNul(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ThrowIfNul(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result)
    {
        ThrowIfNul(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        ThrowIfNul(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(
        DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result)
    {
        ThrowIfNul(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ThrowIfNul(command);
        return ValueTask.FromResult(result);
    }
}
