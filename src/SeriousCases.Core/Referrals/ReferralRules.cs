using System.Text.RegularExpressions;
using SeriousCases.Core.Common;

namespace SeriousCases.Core.Referrals;

/// <summary>A referral as submitted (by the pages or the API), before it is checked.</summary>
public sealed record ReferralSubmission
{
    public DateOnly? ReceivedOn { get; init; }
    public DateOnly? DwpAwareOn { get; init; }
    public AwarenessRoute? AwarenessRoute { get; init; }
    public string? AwarenessRouteOther { get; init; }
    public string? CustomerName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? NationalInsuranceNumber { get; init; }
    public DateOnly? DateOfDeath { get; init; }
    public Nation? Nation { get; init; }
    public IReadOnlyList<string> ServiceLines { get; init; } = [];
    public SeriousEvent? Event { get; init; }
    public bool? Allegation { get; init; }
    public string? AllegationDetail { get; init; }
    public ExternalReviews ExternalReviews { get; init; }
    public string? ReferrerTeam { get; init; }
}

/// <summary>Checks a referral field by field, in GOV.UK wording that says what to fix.</summary>
public static partial class ReferralRules
{
    public const int NameMax = 200;
    public const int DetailMax = 4000;

    /// <summary>A National Insurance number: two prefix letters (D, F, I, Q, U, V never; O not second;
    /// BG, GB, KN, NK, NT, TN, ZZ not allocated), six digits, a suffix A to D. Spaces are ignored.
    /// QQ, never allocated to a person, is accepted: it is the prefix of examples and of the demo.</summary>
    public static bool IsNationalInsuranceNumber(string? value, out string normalised)
    {
        normalised = (value ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (ExampleShape().IsMatch(normalised))
        {
            return true;
        }

        return NinoShape().IsMatch(normalised) && !DisallowedPrefixes.Contains(normalised[..2]);
    }

    private static readonly HashSet<string> DisallowedPrefixes = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"];

    public static ValidationErrors Validate(ReferralSubmission s, DateOnly today, ISet<string> knownServiceLines)
    {
        var errors = new ValidationErrors();
        if (s.ReceivedOn is null)
        {
            errors.Add("receivedOn", "Enter the date DWP received the referral");
        }
        else if (s.ReceivedOn > today)
        {
            errors.Add("receivedOn", "The date DWP received the referral must be today or in the past");
        }

        if (s.DwpAwareOn > today)
        {
            errors.Add("dwpAwareOn", "The date DWP became aware must be today or in the past");
        }

        if (s.AwarenessRoute == AwarenessRoute.Other && string.IsNullOrWhiteSpace(s.AwarenessRouteOther))
        {
            errors.Add("awarenessRouteOther", "Enter how DWP became aware of the case");
        }

        if (string.IsNullOrWhiteSpace(s.CustomerName))
        {
            errors.Add("customerName", "Enter the customer's full name");
        }
        else if (s.CustomerName.Trim().Length > NameMax)
        {
            errors.Add("customerName", $"The customer's name must be {NameMax} characters or fewer");
        }

        if (s.DateOfBirth > today)
        {
            errors.Add("dateOfBirth", "The customer's date of birth must be in the past");
        }

        if (!string.IsNullOrWhiteSpace(s.NationalInsuranceNumber) && !IsNationalInsuranceNumber(s.NationalInsuranceNumber, out _))
        {
            errors.Add("nationalInsuranceNumber", "Enter a National Insurance number in the correct format, like QQ 12 34 56 C");
        }

        if (s.DateOfDeath > today)
        {
            errors.Add("dateOfDeath", "The date of death must be today or in the past");
        }
        else if (s.DateOfDeath is { } died && s.DateOfBirth is { } born && died < born)
        {
            errors.Add("dateOfDeath", "The date of death must be after the date of birth");
        }

        if (s.Nation is null)
        {
            errors.Add("nation", "Select whether the customer lives in England, Scotland or Wales");
        }

        if (s.ServiceLines.Count == 0)
        {
            errors.Add("serviceLines", "Select every benefit or service the customer had");
        }
        else if (s.ServiceLines.FirstOrDefault(l => !knownServiceLines.Contains(l)) is { } unknown)
        {
            errors.Add("serviceLines", $"'{unknown}' is not a service line. Use a name from the service lines list");
        }

        if (s.Event is null)
        {
            errors.Add("event", "Select what happened to the customer");
        }

        if (s.Allegation is null)
        {
            errors.Add("allegation", "Select yes if there is a suggestion or allegation that DWP's actions or omissions contributed");
        }
        else if (s.Allegation == true && string.IsNullOrWhiteSpace(s.AllegationDetail))
        {
            errors.Add("allegationDetail", "Enter what the suggestion or allegation is");
        }
        else if (s.AllegationDetail?.Trim().Length > DetailMax)
        {
            errors.Add("allegationDetail", $"The allegation must be {DetailMax} characters or fewer");
        }

        // A Significant Case Review exists only in Scotland.
        if (s.ExternalReviews.HasFlag(ExternalReviews.SignificantCaseReview) && s.Nation is Common.Nation.England or Common.Nation.Wales)
        {
            errors.Add("externalReviews", "A Significant Case Review only happens in Scotland. For England or Wales, choose a Safeguarding Adults Review if that is what DWP was asked to join");
        }

        return errors;
    }

    [GeneratedRegex("^QQ[0-9]{6}[A-D]$")]
    private static partial Regex ExampleShape();

    [GeneratedRegex("^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$")]
    private static partial Regex NinoShape();
}
