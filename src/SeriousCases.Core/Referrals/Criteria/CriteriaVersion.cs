using SeriousCases.Core.Common;

namespace SeriousCases.Core.Referrals.Criteria;

/// <summary>A stored version of the IPR criteria: reference data an Administrator can add to when the
/// department changes how the conditions combine. <see cref="Definition"/> holds a
/// <see cref="CriteriaDefinition"/> as JSON.</summary>
public sealed class CriteriaVersion : Entity
{
    /// <summary>The version's name, e.g. "2022-04" (recorded on each referral judged by it).</summary>
    public required string Code { get; set; }
    public DateOnly InForceFrom { get; set; }
    public required string Definition { get; set; }

    public CriteriaDefinition ToDefinition() => CriteriaDefinition.FromJson(Definition);

    public static CriteriaVersion From(CriteriaDefinition definition) => new()
    {
        Code = definition.Version,
        InForceFrom = definition.InForceFrom,
        Definition = definition.ToJson(),
    };
}
