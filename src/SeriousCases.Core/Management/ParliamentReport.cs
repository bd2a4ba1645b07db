using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;

namespace SeriousCases.Core.Management;

/// <summary>The retention rules as the department stated them to Parliament (seed 002). Held here, in one place, until
/// reference data holds retention periods.</summary>
public static class RetentionStatement
{
    public const int InvestigationMaterialYears = 6;

    public const string Text = "Investigation material is kept for six years after the Internal Process Review concluded; anonymised records of recommendations are kept longer.";
}

public sealed record DecisionLine(DateOnly MeetingOn, int Number, string Text);

/// <summary>Answers for Parliament and ministers for a period (seed 002's kinds of question), from the records.</summary>
public sealed record ParliamentReport(
    ManagementFigures Figures,
    DateOnly PreparedOn,
    int RecommendationsTracked,
    int Open,
    int Overdue,
    int AwaitingAssurance,
    int Complete,
    int Closed,
    IReadOnlyList<DecisionLine> Decisions);

public sealed class ParliamentReportService(SeriousCasesDbContext db, ManagementFiguresCache management, TimeProvider clock)
{
    public async Task<ParliamentReport> ReportAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var figures = await management.FiguresAsync(new ManagementFilter(from, to), ct);
        var today = UkTime.Today(clock);
        var register = await db.AgreedActivities.AsNoTracking().Select(a => new { a.Status, a.Assurance, a.DueOn }).ToListAsync(ct);
        var decisions = await db.PanelDecisions.AsNoTracking()
            .Join(db.PanelMeetings.AsNoTracking(), d => d.PanelMeetingId, m => m.Id, (d, m) => new { m.MeetingOn, d.Number, d.Text })
            .Where(x => x.MeetingOn >= from && x.MeetingOn <= to)
            .ToListAsync(ct);
        var open = register.Where(a => a.Status is ActivityStatus.NotStarted or ActivityStatus.InProgress).ToList();
        return new ParliamentReport(
            figures,
            today,
            register.Count,
            open.Count,
            open.Count(a => a.DueOn < today),
            register.Count(a => a.Status == ActivityStatus.Complete && a.Assurance != AssuranceGrade.Assured),
            register.Count(a => a.Status == ActivityStatus.Complete && a.Assurance == AssuranceGrade.Assured),
            register.Count(a => a.Status == ActivityStatus.ClosedWithoutCompletion),
            [.. decisions.OrderBy(d => d.MeetingOn).ThenBy(d => d.Number).Select(d => new DecisionLine(d.MeetingOn, d.Number, d.Text))]);
    }

    /// <summary>The report's questions and answers, in the order the page and the document give them.</summary>
    public static IReadOnlyList<(string Question, IReadOnlyList<string> Answers)> Answers(ParliamentReport r)
    {
        var f = r.Figures;
        var timeliness = f.Timeliness.Select(t =>
            $"{t.Name} (target {t.TargetDays} days): {t.Finished} finished in the period, median {(t.MedianDays is { } m ? m.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " days" : "not available")}, "
            + $"{(t.PercentWithinTarget is { } p ? p.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "none")} within target.");
        return
        [
            ("How many families were contacted or met, and how many apologies were given?",
            [
                $"DWP contacted or met the families in {f.Family.CasesWithContact} Internal Process Reviews: {f.Family.Contacts} contacts and {f.Family.Meetings} meetings.",
                $"{f.Family.ApologiesGiven} apologies were given, in {f.Family.CasesWithApology} reviews.",
                .. f.Family.ByLevel.Where(l => l.Contacts + l.Meetings > 0).Select(l =>
                    $"At {Investigations.FamilyEngagementService.Describe(l.Level)} level: {l.Contacts} contacts and {l.Meetings} meetings."),
            ]),
            ("How are recommendations tracked, and how many are open, overdue and complete?",
            [
                "Every recommendation and agreed activity, whatever its origin (an IPR, the Serious Case Panel, learning captured from a referral, a commitment to Parliament or the NAO), is held in one action register with an owner, a first and a latest due date and a dated history, and escalates to the accountable Director General, the Panel and ministers when overdue.",
                $"Today the register holds {r.RecommendationsTracked}: {r.Open} open, of which {r.Overdue} overdue; {r.AwaitingAssurance} reported complete and awaiting assurance; {r.Complete} complete and assured; {r.Closed} closed without completion.",
                $"In the period {f.Activities.Agreed} were agreed and {f.Activities.Completed} completed and assured, {f.Activities.OnTimeAgainstFirstDate} of them by the first committed date and {f.Activities.OnTimeAgainstLatestDate} by the latest.",
            ]),
            ("How long are records kept?", [RetentionStatement.Text]),
            ("How many Internal Process Reviews were there, and how timely were they?",
            [
                $"{f.Referrals.Received} referrals were received and {f.Referrals.Accepted} accepted; {f.Referrals.NotMet} did not meet the criteria and went to the ACS Senior Leaders.",
                $"{f.Iprs.Completed} Internal Process Reviews were completed, {f.Iprs.WithLearning} of them with learning identified and {f.Iprs.ExternalScrutiny} also under external scrutiny; {f.Iprs.Open} are open.",
                .. timeliness,
            ]),
            ("What did the Serious Case Panel decide?",
                r.Decisions.Count == 0
                    ? ["The Panel recorded no decisions in the period."]
                    : [.. r.Decisions.Select(d => $"{UkTime.Format(d.MeetingOn)}, Decision {d.Number}: {d.Text}")]),
        ];
    }

    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The report as a Word document with real heading styles (Arial).</summary>
    public static byte[] Docx(ParliamentReport r)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = "Serious case learning: answers for Parliament and ministers";
            document.PackageProperties.Creator = "Serious Case Learning";
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var body = main.Document.Body!;
            body.Append(Para("Serious case learning: answers for Parliament and ministers", 32, true));
            body.Append(Para($"{UkTime.Format(r.Figures.Filter.From)} to {UkTime.Format(r.Figures.Filter.To)}. Prepared {UkTime.Format(r.PreparedOn)} from the service's records.", 22, false));
            foreach (var (question, answers) in Answers(r))
            {
                body.Append(Para(question, 26, true));
                foreach (var answer in answers)
                {
                    body.Append(Para(answer, 22, false));
                }
            }
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text, int halfPoints, bool bold)
    {
        var properties = new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.Append(new Bold());
        }

        return new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
