namespace SeriousCases.Core.Audit;

public enum AuditAction
{
    Create = 1,
    Update = 2,
    Delete = 3,
    View = 4,
    SignIn = 5,
    Export = 6,
    /// <summary>A bulk import: one entry for the file, with its counts (the rows are not audited one by one).</summary>
    Import = 7,
    /// <summary>Someone asked for a record they may not see; they were told it was not found.</summary>
    AccessRefused = 8,
}

/// <summary>One append-only entry of the audit trail. Each entry's hash covers its content and the
/// previous entry's hash, so altering or removing an entry breaks the chain.</summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, 1-based, assigned under a lock so the chain has no gaps.</summary>
    public long Sequence { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid? ActorUserId { get; set; }
    public required string ActorEmail { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>Before/after values as JSON; personal data masked.</summary>
    public string? Changes { get; set; }
    public string? CorrelationId { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
