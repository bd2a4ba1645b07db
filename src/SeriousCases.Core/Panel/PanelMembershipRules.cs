using SeriousCases.Core.Common;

namespace SeriousCases.Core.Panel;

/// <summary>The Panel's roles and the rules for holding them (seeds 000 and 001: a Non-Executive Director chairs; the
/// Permanent Secretary, the Directors General, the Independent Case Examiner, legal advisers and the Chief Medical
/// Adviser are members).</summary>
public static class PanelMembershipRules
{
    public const int NameMax = 200;
    public const int JobTitleMax = 200;

    /// <summary>The roles in the order the minutes list members.</summary>
    public static readonly PanelRole[] Roles =
    [
        PanelRole.Chair, PanelRole.PermanentSecretary, PanelRole.DirectorGeneral, PanelRole.IndependentCaseExaminer,
        PanelRole.LegalAdviser, PanelRole.ChiefMedicalAdviser,
    ];

    public static string Describe(PanelRole role) => role switch
    {
        PanelRole.Chair => "Chair",
        PanelRole.PermanentSecretary => "Permanent Secretary",
        PanelRole.DirectorGeneral => "Director General",
        PanelRole.IndependentCaseExaminer => "Independent Case Examiner",
        PanelRole.LegalAdviser => "Legal adviser",
        PanelRole.ChiefMedicalAdviser => "Chief Medical Adviser",
        _ => role.ToString(),
    };

    /// <summary>The heading for the role's members when there are <paramref name="count"/> of them.</summary>
    public static string Describe(PanelRole role, int count) => (role, count > 1) switch
    {
        (PanelRole.DirectorGeneral, true) => "Directors General",
        (PanelRole.LegalAdviser, true) => "Legal advisers",
        _ => Describe(role),
    };

    /// <summary>Roles only one person holds on any day.</summary>
    public static bool IsHeldByOne(PanelRole role) => role is PanelRole.Chair or PanelRole.PermanentSecretary;

    /// <summary>A member on <paramref name="date"/>: from on or before it, and no end or an end on or after it.</summary>
    public static bool IsMemberOn(PanelMembership m, DateOnly date) => m.From <= date && (m.To is null || m.To >= date);

    /// <summary>Whether two periods share a day (an open end runs for ever).</summary>
    public static bool Overlap(DateOnly fromA, DateOnly? toA, DateOnly fromB, DateOnly? toB) =>
        (toB is null || fromA <= toB) && (toA is null || fromB <= toA);

    /// <summary>"from 19 March 2020 with no end date" or "from 19 March 2020 to 1 April 2024".</summary>
    public static string Period(DateOnly from, DateOnly? to) =>
        to is { } end ? $"from {UkTime.Format(from)} to {UkTime.Format(end)}" : $"from {UkTime.Format(from)} with no end date";

    /// <summary>The checks on a new membership against the memberships already recorded.</summary>
    public static ValidationErrors Validate(NewPanelMembership input, IReadOnlyCollection<PanelMembership> existing)
    {
        var errors = new ValidationErrors();
        if (input.Role is not { } role || !Roles.Contains(role))
        {
            errors.Add("role", "Select the member's role on the Panel");
        }

        Check(errors, "personName", input.PersonName, "Enter the member's full name", "The name", NameMax);
        Check(errors, "jobTitle", input.JobTitle, "Enter the member's job title, for example \"Director General for Service Excellence\"", "The job title", JobTitleMax);
        if (input.From is null)
        {
            errors.Add("from", "Enter the date the membership starts");
        }

        if (input.To is { } to && input.From is { } from && to < from)
        {
            errors.Add("to", $"The end date must be the same as or after the start date, {UkTime.Format(from)}");
        }

        if (errors.Any || !IsHeldByOne(input.Role!.Value))
        {
            return errors;
        }

        var holder = existing
            .Where(m => m.Role == input.Role && Overlap(m.From, m.To, input.From!.Value, input.To))
            .OrderBy(m => m.From)
            .FirstOrDefault();
        if (holder is not null)
        {
            var name = Describe(input.Role.Value);
            errors.Add("from", $"Only one person can be {name} at a time: {holder.PersonName} is {name} {Period(holder.From, holder.To)}. "
                + $"End {holder.PersonName}'s membership first, or choose dates that do not overlap");
        }

        return errors;
    }

    /// <summary>The checks on ending a membership on <paramref name="to"/>.</summary>
    public static ValidationErrors ValidateEnd(PanelMembership membership, DateOnly? to)
    {
        var errors = new ValidationErrors();
        if (membership.To is { } ended)
        {
            errors.Add("to", $"{membership.PersonName}'s membership already ended on {UkTime.Format(ended)}");
        }
        else if (to is null)
        {
            errors.Add("to", "Enter the date the membership ends");
        }
        else if (to < membership.From)
        {
            errors.Add("to", $"The end date must be the same as or after the start of the membership, {UkTime.Format(membership.From)}");
        }

        return errors;
    }

    private static void Check(ValidationErrors errors, string field, string? value, string missing, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, missing);
        }
        else if (value.Trim().Length > max)
        {
            errors.Add(field, $"{what} must be {max} characters or fewer");
        }
    }
}
