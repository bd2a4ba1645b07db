using System.Globalization;
using System.Text.RegularExpressions;

namespace SeriousCases.Core.Publication.Identifiability;

// TEMPORARY stand-in for the integrator's IdentifiabilityScanner (same public API, brief h8). Delete when main's lands.
public enum IdentifierKind { Name, DateOfBirth, DateOfDeath, NationalInsuranceNumber, Address, Postcode, PhoneNumber, EmailAddress, ExactDate, Place }

public sealed record CaseIdentifiers(
    IReadOnlyList<string> Names, IReadOnlyList<DateOnly> DatesOfBirth, IReadOnlyList<DateOnly> DatesOfDeath,
    IReadOnlyList<string> NationalInsuranceNumbers, IReadOnlyList<string> Addresses, IReadOnlyList<string> Postcodes,
    IReadOnlyList<string> PhoneNumbers, IReadOnlyList<string> EmailAddresses)
{
    public static CaseIdentifiers None { get; } = new([], [], [], [], [], [], [], []);
}

public sealed record IdentifiabilityHit(IdentifierKind Kind, int Start, int Length, string Matched, string Context, bool HeldOnCase, string Reason)
{
    public string Key => $"{Kind}:{Matched.Trim().ToUpperInvariant()}";
}

public sealed partial class IdentifiabilityScanner
{
    public IReadOnlyList<IdentifiabilityHit> Scan(string text, CaseIdentifiers known)
    {
        var hits = new List<IdentifiabilityHit>();
        void Add(IdentifierKind kind, Match m, bool held, string reason) =>
            hits.Add(new(kind, m.Index, m.Length, m.Value, text.Substring(Math.Max(0, m.Index - 40), Math.Min(text.Length, m.Index + m.Length + 40) - Math.Max(0, m.Index - 40)), held, reason));
        foreach (var name in known.Names.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            foreach (Match m in Regex.Matches(text, Regex.Escape(name.Trim()), RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
            {
                Add(IdentifierKind.Name, m, true, "the customer's name");
            }
        }

        foreach (Match m in Nino().Matches(text))
        {
            Add(IdentifierKind.NationalInsuranceNumber, m, false, "a National Insurance number");
        }

        foreach (Match m in Postcode().Matches(text))
        {
            Add(IdentifierKind.Postcode, m, false, "a postcode");
        }

        foreach (Match m in Date().Matches(text))
        {
            var parsed = DateOnly.TryParse(m.Value, CultureInfo.GetCultureInfo("en-GB"), out var d);
            var dob = parsed && known.DatesOfBirth.Contains(d);
            Add(dob ? IdentifierKind.DateOfBirth : IdentifierKind.ExactDate, m, dob, dob ? "the customer's date of birth" : "an exact date");
        }

        return hits;
    }

    [GeneratedRegex(@"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", RegexOptions.IgnoreCase)]
    private static partial Regex Nino();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\b\d{1,2}(/\d{1,2}/\d{4}| (January|February|March|April|May|June|July|August|September|October|November|December) \d{4})\b")]
    private static partial Regex Date();
}
