using SeriousCases.Core.Common;

namespace SeriousCases.Core.ReferenceData;

/// <summary>A DWP service line (benefit or service). Reference data, extendable by Administrators.</summary>
public sealed class ServiceLine : Entity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Abbreviation { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Short description used in the publication's section introduction.</summary>
    public string? Description { get; set; }

    /// <summary>Whether someone naming a service line meant this one: its name, abbreviation or code, in any case.</summary>
    public bool IsNamed(string value) =>
        string.Equals(Name, value.Trim(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(Abbreviation, value.Trim(), StringComparison.OrdinalIgnoreCase)
        || string.Equals(Code, value.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>A theme used to code findings, insight and Panel papers.</summary>
public sealed class Theme : Entity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool IsActive { get; set; } = true;
}

/// <summary>A team or role that owns improvement activities. Teams are reorganised: open work moves
/// to the successor and the link is kept so history is never lost.</summary>
public sealed class OwnerTeam : Entity
{
    public required string Name { get; set; }
    /// <summary>How the publication names the owner, e.g. "ESA", "CMG", "UC Local Operational Leaders".</summary>
    public required string ShortName { get; set; }
    public Guid? ServiceLineId { get; set; }
    public ServiceLine? ServiceLine { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid? SuccessorTeamId { get; set; }
    public OwnerTeam? SuccessorTeam { get; set; }
}

/// <summary>A source of customer-experience insight (coroners' reports, complaints, ICE ...). "Not an exhaustive list".</summary>
public sealed class InsightSource : Entity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Days from receipt within which the department must respond, where the source sets a
    /// deadline (a coroner's Prevention of Future Deaths report: 56 days); null otherwise.</summary>
    public int? ResponseDays { get; set; }
}

/// <summary>A time the department aims to do something in, counted in calendar days (seed 003's
/// "within X days" measures). Reference data: the figures are policy, changed without a code change.</summary>
public sealed class TimelinessTarget : Entity
{
    public const string TriageDecision = "TRIAGE_DECISION";

    public required string Code { get; set; }
    public required string Name { get; set; }
    public int Days { get; set; }

    public DateOnly DueOn(DateOnly start) => start.AddDays(Days);
}
