using SeriousCases.Core.Common;

namespace SeriousCases.Core.Iprg;

/// <summary>A dated meeting of the Internal Process Review Group, with the cases put before it.</summary>
public sealed class IprgSession : Entity
{
    public DateOnly HeldOn { get; set; }
    public string? Notes { get; set; }
    public List<IprgSessionCase> Cases { get; set; } = [];
}

public sealed class IprgSessionCase
{
    public Guid IprgSessionId { get; set; }
    public Guid InvestigationId { get; set; }
    public int Order { get; set; }
}
