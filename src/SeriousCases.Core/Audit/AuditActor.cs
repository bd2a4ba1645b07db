namespace SeriousCases.Core.Audit;

/// <summary>Who is acting, for the audit trail. The web app supplies the signed-in user; the CLI and
/// scheduled jobs supply a named system actor.</summary>
public interface IAuditActor
{
    Guid? UserId { get; }
    string Email { get; }
    string? CorrelationId { get; }
}

public sealed class SystemActor(string name) : IAuditActor
{
    public Guid? UserId => null;
    public string Email { get; } = name;
    public string? CorrelationId => null;
}
