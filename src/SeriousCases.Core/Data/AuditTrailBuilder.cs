using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;

namespace SeriousCases.Core.Data;

internal sealed record PendingAudit(string EntityType, string EntityId, AuditAction Action, string? Changes)
{
    /// <summary>For added rows with store-generated keys the id is only known after saving.</summary>
    public EntityEntry? Entry { get; init; }

    public string ResolveId() => Entry is null ? EntityId : AuditTrailBuilder.KeyOf(Entry);
}

/// <summary>Turns tracked changes into audit entries: before/after values, personal data masked.</summary>
internal static class AuditTrailBuilder
{
    private const string Masked = "(personal data)";
    private const string KeyMaterial = "(key material)";
    private static readonly HashSet<string> Ignored = [nameof(Entity.Version), nameof(Entity.CreatedAt), nameof(Entity.UpdatedAt)];

    public static List<PendingAudit> Build(ChangeTracker tracker, DateTime now)
    {
        var result = new List<PendingAudit>();
        foreach (var entry in tracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.Entity is Entity entity)
            {
                if (entry.State == EntityState.Added)
                {
                    entity.CreatedAt = now;
                    entity.UpdatedAt = now;
                    entity.Version = entity.Version <= 0 ? 1 : entity.Version;
                }
                else if (entry.State == EntityState.Modified)
                {
                    entity.UpdatedAt = now;
                    if (entry.Properties.Any(p => p.IsModified && !Ignored.Contains(p.Metadata.Name) && !IsDerived(p.Metadata)))
                    {
                        entity.Version++;
                    }
                }
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Create,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            var changes = Describe(entry, action);
            if (action == AuditAction.Update && changes is null)
            {
                continue;
            }

            result.Add(new PendingAudit(entry.Metadata.ClrType.Name, KeyOf(entry), action, changes) { Entry = entry });
        }

        return result;
    }

    private static bool IsDerived(Microsoft.EntityFrameworkCore.Metadata.IProperty property) =>
        property.PropertyInfo?.GetCustomAttribute<DerivedValueAttribute>() is not null;

    public static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join('/', key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    public static string DetailJson(string detail) => new JsonObject { ["detail"] = detail }.ToJsonString();

    private static string? Describe(EntityEntry entry, AuditAction action)
    {
        var json = new JsonObject();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (Ignored.Contains(name))
            {
                continue;
            }

            var personal = property.Metadata.PropertyInfo?.GetCustomAttribute<PersonalDataAttribute>() is not null;
            if (entry.Entity is Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey && name == "Xml")
            {
                // A data protection key is a secret: the trail records that a key was added, never the key.
                if (action != AuditAction.Update)
                {
                    json[name] = KeyMaterial;
                }

                continue;
            }

            switch (action)
            {
                case AuditAction.Create when property.CurrentValue is not null:
                    json[name] = personal ? Masked : ToNode(property.CurrentValue);
                    break;
                case AuditAction.Delete when property.OriginalValue is not null:
                    json[name] = personal ? Masked : ToNode(property.OriginalValue);
                    break;
                case AuditAction.Update when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    json[name] = new JsonObject
                    {
                        ["before"] = personal ? Masked : ToNode(property.OriginalValue),
                        ["after"] = personal ? Masked : ToNode(property.CurrentValue),
                    };
                    break;
            }
        }

        return json.Count == 0 && action == AuditAction.Update ? null : json.ToJsonString();
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        DateTime d => JsonValue.Create(d.ToString("O")),
        Enum e => JsonValue.Create(e.ToString()),
        // Binary content (a trained model) is recorded by its size: the trail says what changed, not the bytes.
        byte[] bytes => JsonValue.Create($"({bytes.Length} bytes)"),
        _ => JsonSerializer.SerializeToNode(value),
    };
}
