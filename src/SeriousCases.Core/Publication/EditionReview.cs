using System.Globalization;
using System.Text.RegularExpressions;
using SeriousCases.Core.Publication.Identifiability;

namespace SeriousCases.Core.Publication;

/// <summary>A text going into the publication, addressed so the editor can rewrite it in the edition.</summary>
public sealed record EditionText(string Location, string Label, string Text, Guid? InvestigationId);

/// <summary>A hit or a flag the editor must decide on before approval, with the decision once made.</summary>
public sealed record ReviewItem(
    EditionDecisionKind Kind,
    string Location,
    string Label,
    string Key,
    string What,
    string? Matched,
    string? Context,
    EditionDecision? Decision)
{
    public bool Resolved => Decision is not null;
}

/// <summary>Everything standing between an edition and its approval.</summary>
public sealed record EditionReview(IReadOnlyList<ReviewItem> Identifiers, IReadOnlyList<ReviewItem> SmallNumbers, IReadOnlyList<ReviewItem> MotivatedIntruder, int Threshold)
{
    public IEnumerable<ReviewItem> All => Identifiers.Concat(SmallNumbers).Concat(MotivatedIntruder);

    public int Unresolved => All.Count(i => !i.Resolved);

    public bool CanApprove => Unresolved == 0;
}

/// <summary>The texts of an edition, and the checks run on them: identifying details (the scanner), small numbers
/// and the motivated-intruder flags (exact dates, places, rare circumstances).</summary>
public static partial class EditionChecks
{
    /// <summary>Words that mark a rare circumstance which public material (a coroner's report, a news story) could match.</summary>
    public static readonly IReadOnlyList<string> DefaultRareCircumstances =
        ["prison", "homicide", "murder", "manslaughter", "fire", "twins", "newspaper", "inquest", "police"];

    public static IEnumerable<EditionText> Texts(PublicationContent c)
    {
        foreach (var s in c.Sections)
        {
            var code = s.Code.ToLowerInvariant();
            if (s.Introduction is not null)
            {
                yield return new EditionText($"s/{code}/intro", $"{s.Name}: introduction", s.Introduction, null);
            }

            foreach (var t in CustomerTexts($"s/{code}", s.Name, s.Customers))
            {
                yield return t;
            }
        }

        foreach (var t in CustomerTexts("s/cross", "Cross-Benefit", c.CrossBenefit.Customers))
        {
            yield return t;
        }
    }

    private static IEnumerable<EditionText> CustomerTexts(string prefix, string section, IReadOnlyList<PublishedCustomer> customers)
    {
        foreach (var customer in customers)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{prefix}/c/{customer.Number}");
            var who = string.Create(CultureInfo.InvariantCulture, $"{section}, Customer {customer.Number}");
            foreach (var (part, name, texts) in new[] { ("learning", "learning identified", customer.Learning), ("activity", "agreed activity", customer.Activities), ("outcome", "learning outcome", customer.Outcomes) })
            {
                for (var i = 0; i < texts.Count; i++)
                {
                    yield return new EditionText(string.Create(CultureInfo.InvariantCulture, $"{at}/{part}/{i + 1}"),
                        string.Create(CultureInfo.InvariantCulture, $"{who}, {name} {i + 1}"), texts[i], customer.InvestigationId);
                }
            }
        }
    }

    /// <summary>The content with one text replaced; null when there is no text at that location.</summary>
    public static PublicationContent? Replace(PublicationContent c, string location, string text)
    {
        var parts = location.Split('/');
        if (parts is ["s", var code, "intro"])
        {
            var found = c.Sections.Any(s => s.Code.Equals(code, StringComparison.OrdinalIgnoreCase) && s.Introduction is not null);
            return found
                ? c with { Sections = [.. c.Sections.Select(s => s.Code.Equals(code, StringComparison.OrdinalIgnoreCase) ? s with { Introduction = text } : s)] }
                : null;
        }

        if (parts is not ["s", var sec, "c", var n, var part, var i]
            || !int.TryParse(n, CultureInfo.InvariantCulture, out var number) || !int.TryParse(i, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var changed = false;
        IReadOnlyList<PublishedCustomer> Edit(IReadOnlyList<PublishedCustomer> customers) =>
        [
            .. customers.Select(x =>
            {
                if (x.Number != number)
                {
                    return x;
                }

                IReadOnlyList<string>? Swap(IReadOnlyList<string> list) =>
                    index >= 1 && index <= list.Count ? [.. list.Select((t, k) => k == index - 1 ? text : t)] : null;
                var result = part switch
                {
                    "learning" when Swap(x.Learning) is { } l => x with { Learning = l },
                    "activity" when Swap(x.Activities) is { } a => x with { Activities = a },
                    "outcome" when Swap(x.Outcomes) is { } o => x with { Outcomes = o },
                    _ => null,
                };
                changed |= result is not null;
                return result ?? x;
            }),
        ];

        var updated = sec == "cross"
            ? c with { CrossBenefit = c.CrossBenefit with { Customers = Edit(c.CrossBenefit.Customers) } }
            : c with { Sections = [.. c.Sections.Select(s => s.Code.Equals(sec, StringComparison.OrdinalIgnoreCase) ? s with { Customers = Edit(s.Customers) } : s)] };
        return changed ? updated : null;
    }

    public static bool IsIdentifier(IdentifiabilityHit hit) => hit.Kind is not (IdentifierKind.ExactDate or IdentifierKind.Place);

    /// <summary>The checks run afresh on every text (as the edition's stored scan would record them), then reviewed.</summary>
    public static EditionReview Review(PublicationContent c, IReadOnlyDictionary<Guid, CaseIdentifiers> identifiers, IReadOnlyCollection<EditionDecision> decisions,
        int threshold, IReadOnlyList<string>? rareCircumstances = null) =>
        Review(c, Scan(c, identifiers, rareCircumstances), decisions, threshold);

    /// <summary>Runs the identifiability scanner and the rare-circumstance words over the edition's texts (all of them,
    /// or only those at <paramref name="locations"/>), each against what its own case holds. The findings keep the
    /// texts' order, so the page's form field numbers stay the same from one view to the next.</summary>
    public static IReadOnlyList<ScanFinding> Scan(PublicationContent c, IReadOnlyDictionary<Guid, CaseIdentifiers> identifiers,
        IReadOnlyList<string>? rareCircumstances = null, IReadOnlySet<string>? locations = null)
    {
        var scanner = new IdentifiabilityScanner();
        var rare = RarePattern(rareCircumstances ?? DefaultRareCircumstances);
        var findings = new List<ScanFinding>();
        foreach (var text in Texts(c).Where(t => locations is null || locations.Contains(t.Location)))
        {
            var known = text.InvestigationId is { } id ? identifiers.GetValueOrDefault(id) ?? CaseIdentifiers.None : CaseIdentifiers.None;
            findings.AddRange(scanner.Scan(text.Text, known)
                .Select(hit => new ScanFinding(text.Location, hit.Kind, hit.Start, hit.Length, hit.HeldOnCase, hit.Reason)));

            if (text.InvestigationId is not null && rare is not null)
            {
                // One flag per word, however often it appears: the editor decides on the word.
                findings.AddRange(rare.Matches(text.Text).DistinctBy(m => m.Value.ToLowerInvariant())
                    .Select(m => new ScanFinding(text.Location, null, m.Index, m.Length, false, "a rare circumstance")));
            }
        }

        return findings;
    }

    /// <summary>What the edition's texts need decided, from stored findings: the matched detail and its context are
    /// read back from the text they point into. The small numbers are counted from the tables, which is quick.</summary>
    public static EditionReview Review(PublicationContent c, IReadOnlyList<ScanFinding> findings, IReadOnlyCollection<EditionDecision> decisions, int threshold)
    {
        EditionDecision? DecisionFor(EditionDecisionKind kind, string location, string key) =>
            decisions.FirstOrDefault(d => d.Kind == kind && d.Location == location && d.Key == key);

        var texts = Texts(c).ToDictionary(t => t.Location);
        var ids = new List<ReviewItem>();
        var intruder = new List<ReviewItem>();
        foreach (var f in findings)
        {
            // A finding that no longer fits its text cannot happen (a rewrite rescans that text, approval rescans
            // all), but a stored row must never make the page fail.
            if (!texts.TryGetValue(f.Location, out var text) || f.Start < 0 || f.Length <= 0 || f.Start + f.Length > text.Text.Length)
            {
                continue;
            }

            var matched = text.Text.Substring(f.Start, f.Length);
            if (f.Kind is not { } identifier)
            {
                var word = matched.ToLowerInvariant();
                var key = "Rare:" + word;
                intruder.Add(new ReviewItem(EditionDecisionKind.MotivatedIntruder, text.Location, text.Label, key,
                    $"A rare circumstance (\"{word}\") that public material could match", word, text.Text,
                    DecisionFor(EditionDecisionKind.MotivatedIntruder, text.Location, key)));
                continue;
            }

            var hit = new IdentifiabilityHit(identifier, f.Start, f.Length, matched, IdentifiabilityScanner.ContextOf(text.Text, f.Start, f.Length), f.HeldOnCase, f.Reason);
            var kind = IsIdentifier(hit) ? EditionDecisionKind.Identifier : EditionDecisionKind.MotivatedIntruder;
            (kind == EditionDecisionKind.Identifier ? ids : intruder).Add(new ReviewItem(kind, text.Location, text.Label, hit.Key, Describe(hit),
                hit.Matched, hit.Context, DecisionFor(kind, text.Location, hit.Key)));
        }

        var small = new List<ReviewItem>();
        void Cell(string location, string label, int value)
        {
            if (value > 0 && value < threshold)
            {
                var key = "Count:" + value.ToString(CultureInfo.InvariantCulture);
                small.Add(new ReviewItem(EditionDecisionKind.SmallNumber, location, label, key,
                    string.Create(CultureInfo.InvariantCulture, $"A count of {value}, below the threshold of {threshold}"),
                    value.ToString(CultureInfo.InvariantCulture), null, DecisionFor(EditionDecisionKind.SmallNumber, location, key)));
            }
        }

        foreach (var table in PublicationTables.All(c))
        {
            foreach (var row in table.Rows.Where(r => r.Number is not null))
            {
                Cell($"table/{table.Id}/{row.Label}", $"{table.Caption}: {row.Label}", row.Number!.Value);
            }
        }

        foreach (var line in c.CrossBenefit.Lines)
        {
            Cell($"table/cross-benefit/{line.Code}/cases", $"Cross-Benefit: cases with {line.Name} learning", line.CasesWithLearning);
            Cell($"table/cross-benefit/{line.Code}/activities", $"Cross-Benefit: {line.Name} agreed activities", line.Activities);
        }

        return new EditionReview(ids, small, intruder, threshold);
    }

    private static string Describe(IdentifiabilityHit hit)
    {
        var what = hit.Kind switch
        {
            IdentifierKind.Name => "A name",
            IdentifierKind.DateOfBirth => "A date of birth",
            IdentifierKind.DateOfDeath => "A date of death",
            IdentifierKind.NationalInsuranceNumber => "A National Insurance number",
            IdentifierKind.Address => "An address",
            IdentifierKind.Postcode => "A postcode",
            IdentifierKind.PhoneNumber => "A phone number",
            IdentifierKind.EmailAddress => "An email address",
            IdentifierKind.ExactDate => "An exact date",
            _ => "A place",
        };
        return hit.HeldOnCase ? $"{what} held on the case ({hit.Reason})" : $"{what} ({hit.Reason})";
    }

    private static Regex? RarePattern(IReadOnlyList<string> words) =>
        words.Count == 0
            ? null
            : new Regex(@"\b(" + string.Join('|', words.Select(Regex.Escape)) + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
