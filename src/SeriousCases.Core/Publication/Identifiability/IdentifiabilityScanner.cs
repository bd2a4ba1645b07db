using System.Globalization;
using System.Text.RegularExpressions;

namespace SeriousCases.Core.Publication.Identifiability;

/// <summary>What kind of identifying detail a hit is.</summary>
public enum IdentifierKind
{
    Name,
    DateOfBirth,
    DateOfDeath,
    NationalInsuranceNumber,
    Address,
    Postcode,
    PhoneNumber,
    EmailAddress,
    /// <summary>A full date (day, month and year) that is not one held on the case: could match public
    /// material such as a coroner's Prevention of Future Deaths report.</summary>
    ExactDate,
    /// <summary>A town, city or county: with other details it could point to one person.</summary>
    Place,
}

/// <summary>The identifying details held on a case, which must never reach the publication.</summary>
/// <param name="OtherNames">Other people named in the case's records: a family contact's attendee, a fact-finding
/// discussion's participant, the referrer. Matched whole, and by each part only when the value reads as a person's
/// name (a role such as "Director, Customer Experience" would otherwise flag every "customer").</param>
public sealed record CaseIdentifiers(
    IReadOnlyList<string> Names,
    IReadOnlyList<DateOnly> DatesOfBirth,
    IReadOnlyList<DateOnly> DatesOfDeath,
    IReadOnlyList<string> NationalInsuranceNumbers,
    IReadOnlyList<string> Addresses,
    IReadOnlyList<string> Postcodes,
    IReadOnlyList<string> PhoneNumbers,
    IReadOnlyList<string> EmailAddresses,
    IReadOnlyList<string>? OtherNames = null)
{
    public static CaseIdentifiers None { get; } = new([], [], [], [], [], [], [], []);
}

/// <summary>One identifying detail found in a text, with enough around it for the editor to judge it.</summary>
/// <param name="HeldOnCase">True when it matches a detail held on the case itself (the strongest sign).</param>
/// <param name="Reason">Why it was flagged, in words for the editor.</param>
public sealed record IdentifiabilityHit(
    IdentifierKind Kind, int Start, int Length, string Matched, string Context, bool HeldOnCase, string Reason)
{
    /// <summary>Stable across rebuilds of the same text, so an editor's "accept, because ..." can be
    /// recorded against it: the kind and the matched text, normalised.</summary>
    public string Key => $"{Kind}:{IdentifiabilityScanner.Normalise(Matched)}";

    /// <summary>Exact dates and places are for a motivated-intruder review; everything else identifies.</summary>
    public bool IsIdentifier => Kind is not (IdentifierKind.ExactDate or IdentifierKind.Place);
}

/// <summary>Scans a text meant for publication for identifying details: those held on the case (names,
/// dates of birth and death, National Insurance numbers, addresses, postcodes, phone numbers, email
/// addresses) and the general patterns of each, plus exact dates and places. Deliberately errs towards
/// flagging: an editor dismisses a false hit with a reason, but a missed one is published.</summary>
public sealed partial class IdentifiabilityScanner
{
    private const int ContextChars = 40;

    public IReadOnlyList<IdentifiabilityHit> Scan(string text, CaseIdentifiers known)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var hits = new List<IdentifiabilityHit>();
        void Add(IdentifierKind kind, int start, int length, bool held, string reason) =>
            hits.Add(new(kind, start, length, text.Substring(start, length), ContextOf(text, start, length), held, reason));

        ScanNames(text, known, Add);
        ScanDates(text, known, Add);
        ScanPattern(text, NationalInsuranceNumberPattern(), known.NationalInsuranceNumbers, IdentifierKind.NationalInsuranceNumber,
            "the customer's National Insurance number", "a National Insurance number", Add);
        ScanPattern(text, PostcodePattern(), known.Postcodes, IdentifierKind.Postcode,
            "a postcode held on the case", "a postcode", Add);
        ScanPattern(text, PhonePattern(), known.PhoneNumbers, IdentifierKind.PhoneNumber,
            "a phone number held on the case", "a phone number", Add, digitsOnly: true);
        ScanPattern(text, EmailPattern(), known.EmailAddresses, IdentifierKind.EmailAddress,
            "an email address held on the case", "an email address", Add);
        ScanAddresses(text, known, Add);
        ScanPlaces(text, Add);

        // One hit per place in the text: where two rules found the same words, keep the stronger.
        return hits
            .GroupBy(h => (h.Start, h.Length))
            .Select(g => g.OrderByDescending(h => h.HeldOnCase).ThenBy(h => h.IsIdentifier ? 0 : 1).First())
            .OrderBy(h => h.Start)
            .ToList();
    }

    /// <summary>Upper case, letters and digits only: "qq 12 34 56 c" and "QQ123456C" are the same.</summary>
    public static string Normalise(string value) =>
        new(value.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private delegate void AddHit(IdentifierKind kind, int start, int length, bool held, string reason);

    private static void ScanNames(string text, CaseIdentifiers known, AddHit add)
    {
        foreach (var name in known.Names.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            // The whole name, and each part of it (a surname alone identifies as well).
            var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(p => p.Length >= 2)
                .Prepend(name.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var part in parts)
            {
                var pattern = new Regex($@"(?<![\p{{L}}'])({Regex.Escape(part)})(?![\p{{L}}])",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                foreach (Match m in pattern.Matches(text))
                {
                    add(IdentifierKind.Name, m.Index, m.Length, true, "a name held on the case");
                }
            }
        }

        foreach (var name in (known.OtherNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            var whole = name.Trim();
            var parts = LooksLikePersonalName(whole)
                ? whole.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3).Prepend(whole)
                : [whole];
            foreach (var part in parts.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                var pattern = new Regex($@"(?<![\p{{L}}'])({Regex.Escape(part)})(?![\p{{L}}])",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                foreach (Match m in pattern.Matches(text))
                {
                    add(IdentifierKind.Name, m.Index, m.Length, true, "the name of someone in the case's records (family contact, discussion or referral)");
                }
            }
        }

        foreach (Match m in TitledNamePattern().Matches(text))
        {
            add(IdentifierKind.Name, m.Index, m.Length, false, "a title followed by a name");
        }
    }

    /// <summary>Two to four capitalised words of letters (hyphens and apostrophes allowed) with no role word among
    /// them: "Sam Okafor" is a name, "Director, Customer Experience" and "IPR investigator" are roles.</summary>
    public static bool LooksLikePersonalName(string value)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4
            && words.All(w => PersonalNameWordPattern().IsMatch(w) && !RoleWords.Contains(w));
    }

    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Director", "Deputy", "General", "Investigator", "Colleague", "Team", "Leader", "Manager", "Officer", "Customer",
        "Experience", "Service", "Services", "Work", "Coach", "Senior", "Lead", "Head", "Chair", "Secretariat", "Agent",
        "Partnership", "Advanced", "Support", "Group", "Centre", "Operations", "Operational", "Guidance",
    };

    private static void ScanDates(string text, CaseIdentifiers known, AddHit add)
    {
        foreach (var pattern in new[] { NumericDatePattern(), IsoDatePattern(), DayMonthNamePattern(), MonthNameDayPattern() })
        {
            foreach (Match m in pattern.Matches(text))
            {
                if (ParseDate(m) is not { } date)
                {
                    continue;
                }

                if (known.DatesOfBirth.Contains(date))
                {
                    add(IdentifierKind.DateOfBirth, m.Index, m.Length, true, "the customer's date of birth");
                }
                else if (known.DatesOfDeath.Contains(date))
                {
                    add(IdentifierKind.DateOfDeath, m.Index, m.Length, true, "the customer's date of death");
                }
                else
                {
                    add(IdentifierKind.ExactDate, m.Index, m.Length, false,
                        "an exact date: with public material (a coroner's report, a news story) it could identify the person");
                }
            }
        }
    }

    private static DateOnly? ParseDate(Match m)
    {
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year < 100)
        {
            // Two-digit years: a birth year of "61" is 1961, an event in "22" is 2022 (the pivot
            // holds until 2040; a fixed pivot keeps a rebuilt edition's hits the same).
            year += year > 40 ? 1900 : 2000;
        }

        var monthText = m.Groups["m"].Value;
        var month = int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : MonthOf(monthText);
        return month is >= 1 and <= 12 && year is >= 1900 and <= 2100 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    private static int MonthOf(string name)
    {
        var months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
        for (var i = 0; i < 12; i++)
        {
            if (months[i].StartsWith(name[..Math.Min(3, name.Length)], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static void ScanPattern(string text, Regex pattern, IReadOnlyList<string> held, IdentifierKind kind,
        string heldReason, string generalReason, AddHit add, bool digitsOnly = false)
    {
        var heldKeys = held.Select(h => Key(h, digitsOnly)).Where(k => k.Length > 0).ToHashSet();
        foreach (Match m in pattern.Matches(text))
        {
            var isHeld = heldKeys.Contains(Key(m.Value, digitsOnly));
            add(kind, m.Index, m.Length, isHeld, isHeld ? heldReason : generalReason);
        }

        // A held value written in a way the general pattern misses is still caught.
        foreach (var value in held.Where(v => Normalise(v).Length >= 5))
        {
            foreach (Match m in LooseMatch(value).Matches(text))
            {
                add(kind, m.Index, m.Length, true, heldReason);
            }
        }
    }

    private static string Key(string value, bool digitsOnly)
    {
        if (!digitsOnly)
        {
            return Normalise(value);
        }

        var digits = new string(value.Where(char.IsDigit).ToArray());
        // +44 7700 900123 and 07700 900123 are the same number.
        return digits.StartsWith("44", StringComparison.Ordinal) ? "0" + digits[2..] : digits;
    }

    /// <summary>The value's letters and digits in order, allowing spaces, dots and dashes between them.</summary>
    private static Regex LooseMatch(string value)
    {
        var chars = value.Where(char.IsLetterOrDigit).Select(c => Regex.Escape(c.ToString()));
        return new Regex($@"(?<![\p{{L}}\p{{N}}]){string.Join(@"[\s.\-]?", chars)}(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static void ScanAddresses(string text, CaseIdentifiers known, AddHit add)
    {
        // A held address is matched by its parts (house and street, town) as well as whole.
        foreach (var part in known.Addresses
                     .SelectMany(a => a.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(a.Trim()))
                     .Where(p => p.Length >= 4)
                     .Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var pattern = new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(part)}(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            foreach (Match m in pattern.Matches(text))
            {
                add(IdentifierKind.Address, m.Index, m.Length, true, "part of an address held on the case");
            }
        }

        foreach (Match m in StreetAddressPattern().Matches(text))
        {
            add(IdentifierKind.Address, m.Index, m.Length, false, "a house number and street");
        }
    }

    private static void ScanPlaces(string text, AddHit add)
    {
        foreach (Match m in CapitalisedWordsPattern().Matches(text))
        {
            var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var covered = new bool[words.Length];
            // Longest first: "Newcastle upon Tyne" is one place, not also "Newcastle".
            foreach (var length in new[] { 3, 2, 1 })
            {
                for (var i = 0; i + length <= words.Length; i++)
                {
                    var candidate = string.Join(' ', words, i, length);
                    if (covered.Skip(i).Take(length).Any(c => c) || !UkPlaces.Names.Contains(candidate))
                    {
                        continue;
                    }

                    var start = m.Index + m.Value.IndexOf(candidate, StringComparison.Ordinal);
                    add(IdentifierKind.Place, start, candidate.Length, false,
                        "a place: with other details it could point to one person");
                    Array.Fill(covered, true, i, length);
                }
            }
        }
    }

    /// <summary>The words either side of a detail, for the editor to judge it in context.</summary>
    public static string ContextOf(string text, int start, int length)
    {
        var from = Math.Max(0, start - ContextChars);
        var to = Math.Min(text.Length, start + length + ContextChars);
        return (from > 0 ? "…" : "") + text[from..to].ReplaceLineEndings(" ") + (to < text.Length ? "…" : "");
    }

    // Two letters, six digits, an optional suffix A-D; any spacing. The reserved QQ prefix counts: it is
    // what test data uses, and a real-looking number in a publication is a hit whatever its prefix.
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d]?(?![A-Za-z0-9])")]
    private static partial Regex NationalInsuranceNumberPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{1,2}\d[A-Za-z\d]?\s?\d[A-Za-z]{2}(?![A-Za-z0-9])")]
    private static partial Regex PostcodePattern();

    // UK numbers: 0 or +44 then 9 or 10 more digits, with spaces, dashes or brackets between.
    [GeneratedRegex(@"(?<![\d+])(?:\+44\s?\(?0?\)?|\(?0)\d(?:[\s\-)]?\d){8,9}(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\p{Lu}[\p{L}'\-]+$")]
    private static partial Regex PersonalNameWordPattern();

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z]+(?:[\-'][A-Z]?[a-z]+)*(?:\s+[A-Z][a-z]+(?:[\-'][A-Z]?[a-z]+)*)?")]
    private static partial Regex TitledNamePattern();

    [GeneratedRegex(@"(?<![\d/.\-])(?<d>\d{1,2})[/.\-](?<m>\d{1,2})[/.\-](?<y>\d{4}|\d{2})(?![\d/.\-])")]
    private static partial Regex NumericDatePattern();

    [GeneratedRegex(@"(?<![\d\-])(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?![\d\-])")]
    private static partial Regex IsoDatePattern();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthNamePattern();

    [GeneratedRegex(@"\b(?<m>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDayPattern();

    [GeneratedRegex(@"\b\d{1,4}[A-Za-z]?,?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Court|Crescent|Place|Gardens|Terrace|Grove|Hill|Square|Walk|Mews|Row|Park|View|Rise)\b")]
    private static partial Regex StreetAddressPattern();

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[\-'][A-Z]?[a-z]+)*(?:\s+(?:upon|on|under|le|in)\s+[A-Z][a-z]+|\s+[A-Z][a-z]+(?:[\-'][A-Z]?[a-z]+)*)*")]
    private static partial Regex CapitalisedWordsPattern();
}
