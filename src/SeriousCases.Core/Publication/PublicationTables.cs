using System.Globalization;

namespace SeriousCases.Core.Publication;

/// <summary>A cell's value: a count, or text (the lists of service lines).</summary>
public sealed record TableRow(string Label, int? Number, string? Text = null, int? Note = null, bool IsGroupHeading = false)
{
    public string Value => Number?.ToString(CultureInfo.InvariantCulture) ?? Text ?? "";
}

/// <summary>A published table: caption, the two column headings, rows and the numbered notes under it.</summary>
public sealed record PublicationTable(string Id, string Caption, string LabelHeading, string ValueHeading, IReadOnlyList<TableRow> Rows,
    IReadOnlyList<string> Notes, int? ValueHeadingNote = null);

/// <summary>The publication's tables, shared by the HTML, CSV and spreadsheet outputs.</summary>
public static class PublicationTables
{
    public const string CrossBenefitNote = "Includes cases where learning was identified across a number of benefits (published in the Cross-Benefits section).";

    public static IReadOnlyList<PublicationTable> All(PublicationContent c)
    {
        var across = $"Across {c.YearLabel}";
        var tables = new List<PublicationTable>
        {
            new("iprs-completed", $"Data on IPRs completed in {c.YearLabel}", across, "Number",
            [
                new("Total number of IPRs completed", c.IprsCompleted, Note: 1),
                new("Of these, the number that were also subject to external scrutiny (such as SABs, SCRs, DHRs or Coroners)", c.ExternalScrutiny, Note: 2),
                new("IPRs completed by Service Line", null, Note: 3, IsGroupHeading: true),
                .. c.IprsByServiceLine.Select(l => new TableRow(l.Name, l.Count)),
            ],
            [
                $"IPR data included within this publication relates to IPRs completed in the {c.YearLabel} year. This differs from the data presented in the {c.YearLabel} Annual Report and Accounts, which focuses on IPR referrals received and accepted as meeting criteria.",
                "It should be noted that cases could have become subject to external scrutiny at a later date.",
                $"There were {c.PrimaryServiceLines} primary service lines in relation to the {c.IprsCompleted} IPRs completed across {c.Year} due to some customers being in receipt of more than one benefit or service at the time of the event that has led to an IPR being conducted.",
            ]),
            new("learning-identified", $"Data on learning identified from IPRs in {c.YearLabel}", across, "Number",
            [
                new("Number of IPRs completed where learning was identified", c.IprsWithLearning, Note: 1),
                new("Number of agreed activities in relation to the learning identified", c.AgreedActivities),
                new("Service lines relating to the agreed activities", null, string.Join("; ", c.ActivityServiceLines)),
            ],
            [$"This differs from the total number of IPRs completed in the {c.YearLabel} year as not all cases had learning identified following the investigation."]),
        };

        tables.AddRange(c.Sections.Select(s => new PublicationTable(
            "section-" + s.Code.ToLowerInvariant(),
            $"{s.Name}: learning identified in {c.YearLabel}",
            across,
            "Number",
            [
                new($"Number of cases in which {s.Abbreviation} learning was identified", s.CasesWithLearning),
                new("Number of agreed activities in relation to the learning identified", s.Activities),
            ],
            s.IncludesCrossBenefit ? [CrossBenefitNote] : [],
            s.IncludesCrossBenefit ? 1 : null)));

        if (c.CrossBenefit.Customers.Count > 0)
        {
            tables.Add(new PublicationTable("cross-benefit", $"Cross-Benefit: learning identified in {c.YearLabel}", across, "Service Line and Number",
            [
                new("Number of cases in which learning was identified", null, string.Join("; ", c.CrossBenefit.ByCases.Select(l => $"{l.Name} – {l.CasesWithLearning}"))),
                new("Number of agreed activities in relation to the learning identified", null, string.Join("; ", c.CrossBenefit.ByActivities.Select(l => $"{l.Name} – {l.Activities}"))),
            ],
            []));
        }

        return tables;
    }
}
