using SeriousCases.Core.Common;

namespace SeriousCases.Core.Referrals;

/// <summary>The customer a serious case is about. Kept apart from the case records so that retention
/// can dispose of the identity while counts, findings and activities remain.</summary>
[HoldsPersonalData]
public sealed class Customer : Entity
{
    [PersonalData] public string? FullName { get; set; }
    [PersonalData] public DateOnly? DateOfBirth { get; set; }
    [PersonalData] public string? NationalInsuranceNumber { get; set; }
    [PersonalData] public DateOnly? DateOfDeath { get; set; }
    public Nation? Nation { get; set; }
    /// <summary>Set when retention removed the identity; the row remains as an anonymous anchor.</summary>
    public DateTime? IdentityDisposedAt { get; set; }
}
