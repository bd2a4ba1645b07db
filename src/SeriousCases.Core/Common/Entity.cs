namespace SeriousCases.Core.Common;

/// <summary>Base for every stored record: a time-ordered id and an app-managed version used as the
/// optimistic concurrency token (works the same on SQLite and PostgreSQL).</summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Incremented on every update by the DbContext; the original value is compared on save.</summary>
    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>Marks a property that holds personal data: masked in the audit trail, removed by retention.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;

/// <summary>A value the system keeps from other records (a finding's month follows its IPR's dates). A change to it
/// alone is audited but is not an edit of the record: its version stays, so someone editing the record meanwhile is not
/// told that it changed under them.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DerivedValueAttribute : Attribute;

/// <summary>Marks an entity whose individual record views must be written to the audit trail.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HoldsPersonalDataAttribute : Attribute;
