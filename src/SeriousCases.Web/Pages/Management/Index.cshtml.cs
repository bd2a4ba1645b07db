using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Common;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Management;
using SeriousCases.Web.Infrastructure.Charts;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Web.Pages.Management;

/// <summary>One row of a dashboard table: its label and its values, already written as the page shows them.</summary>
public sealed record DashboardRow(string Label, IReadOnlyList<string> Values);

/// <summary>A table of figures, with the chart drawn from it (when it has one).</summary>
public sealed record DashboardTable(string Id, string Caption, string LabelHeader, IReadOnlyList<string> Headers, IReadOnlyList<DashboardRow> Rows,
    ChartKind? Chart = null, IReadOnlyList<ChartPoint>? Points = null, string Unit = "")
{
    public ChartOptions ChartOptions => new(Id + "-chart", Caption, $"Chart of the figures in the table ‘{Caption}’ beside it.", Chart ?? ChartKind.Bar) { Unit = Unit };
}

/// <summary>A section of the dashboard: a heading, what it counts, its tables, and its own CSV file.</summary>
public sealed record DashboardSection(string Id, string Title, string About, IReadOnlyList<DashboardTable> Tables);

/// <summary>The management information dashboard: every figure for a period (the current April to March reporting year
/// unless chosen) and, optionally, one service line; each section a chart and a table, and a CSV file per section.
/// Counts only, so Panel members see it too.</summary>
public sealed class IndexModel(ManagementService management, ManagementFiguresCache figures, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "serviceLine")] public string? ServiceLine { get; set; }
    [FromQuery(Name = "format")] public string? Format { get; set; }
    [FromQuery(Name = "section")] public string? Section { get; set; }
    public DateFields From { get; private set; } = DateFields.Empty;
    public DateFields To { get; private set; } = DateFields.Empty;
    public IReadOnlyList<(string Code, string Name)> ServiceLines { get; private set; } = [];
    public ManagementFigures? Figures { get; private set; }
    public IReadOnlyList<DashboardSection> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ServiceLines = await management.ServiceLinesAsync(ct);
        var year = ReportingYear.Containing(UkTime.Today(clock));
        From = DateInput.Read(k => Request.Query[k], "from");
        To = DateInput.Read(k => Request.Query[k], "to");
        From = From.IsEmpty ? DateFields.Of(year.From) : From;
        To = To.IsEmpty ? DateFields.Of(year.To) : To;
        var from = DateInput.Parse(ModelState, "from", "The ‘from’ date", From);
        var to = DateInput.Parse(ModelState, "to", "The ‘to’ date", To);
        if (from is not null && to is not null)
        {
            try
            {
                Figures = await figures.FiguresAsync(new ManagementFilter(from.Value, to.Value, ServiceLine), ct);
            }
            catch (DomainValidationException ex)
            {
                ModelState.AddDomainErrors(ex);
            }
        }

        if (Figures is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Sections = SectionsOf(Figures);
        if (string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            var section = Sections.FirstOrDefault(s => s.Id == Section);
            if (section is null)
            {
                return NotFound();
            }

            var name = string.Create(CultureInfo.InvariantCulture,
                $"management-{section.Id}-{Figures.Filter.From:yyyy-MM-dd}-to-{Figures.Filter.To:yyyy-MM-dd}{(Figures.Filter.ServiceLine is { } l ? "-" + Slug(l) : "")}.csv");
            return File(await CsvAsync(Figures, section, ct), "text/csv; charset=utf-8", name);
        }

        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private static string Slug(string code) => new([.. code.Where(char.IsAsciiLetterOrDigit)]);

    /// <summary>The section's tables in long form: one value a line, with the period and service line on each, so a
    /// spreadsheet can pivot it. Text that could be read as a formula is neutralised.</summary>
    public static async Task<byte[]> CsvAsync(ManagementFigures f, DashboardSection section, CancellationToken ct)
    {
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        await using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            await csv.WriteRecordAsync(["From", "To", "Service line", "Table", "Row", "Measure", "Value"], ct);
            foreach (var table in section.Tables)
            {
                foreach (var row in table.Rows)
                {
                    for (var i = 0; i < table.Headers.Count; i++)
                    {
                        await csv.WriteRecordAsync(
                        [
                            f.Filter.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            f.Filter.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            f.ServiceLineName ?? "All service lines",
                            table.Caption,
                            row.Label,
                            table.Headers[i],
                            row.Values[i].Replace(",", "", StringComparison.Ordinal).TrimEnd('%'),
                        ], ct);
                    }
                }
            }

            await csv.FlushAsync(ct);
        }

        return buffer.ToArray();
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string N(decimal? value, string unit = "") => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + unit : "None";

    private static DashboardTable Counts(string id, string caption, string labelHeader, string header, IReadOnlyList<LabelledCount> counts, ChartKind chart = ChartKind.Bar) =>
        new(id, caption, labelHeader, [header], [.. counts.Select(c => new DashboardRow(c.Label, [N(c.Count)]))], chart, [.. counts.Select(c => new ChartPoint(c.Label, c.Count))]);

    /// <summary>Every section of the dashboard, in the order the page shows them.</summary>
    public static IReadOnlyList<DashboardSection> SectionsOf(ManagementFigures f)
    {
        var s = f.Summary;
        var summary = new (string, int)[]
        {
            ("Referrals received", s.ReferralsReceived), ("Referrals accepted", s.ReferralsAccepted), ("IPRs completed", s.IprsCompleted),
            ("IPRs with learning identified", s.IprsWithLearning), ("Activities agreed", s.ActivitiesAgreed), ("Activities completed on time", s.ActivitiesCompletedOnTime),
            ("Activities overdue", s.ActivitiesOverdue), ("Families contacted or met (IPRs)", s.FamiliesContacted), ("Apologies given", s.ApologiesGiven),
        };
        var r = f.Referrals;
        var i = f.Iprs;
        var a = f.Activities;
        var n = f.Insight;
        return
        [
            new("summary", "Summary", "The figures other systems read from the API, for the period and service line chosen.",
            [
                Counts("summary-figures", "Summary figures", "Measure", "Number", [.. summary.Select(x => new LabelledCount(x.Item1, x.Item2))]),
            ]),
            new("referrals", "Referrals", "Referrals received in the period by the date DWP received them; accepted and not met by the date Triage decided.",
            [
                Counts("referrals-flow", "Referrals received and decided", "Measure", "Referrals",
                    [new("Received", r.Received), new("Accepted", r.Accepted), new("Criteria not met", r.NotMet)]),
                Counts("referrals-month", "Referrals received by month", "Month", "Referrals", r.ReceivedByMonth, ChartKind.Line),
                Counts("referrals-year", "Referrals received by reporting year", "Reporting year", "Referrals", r.ReceivedByYear),
                Counts("referrals-route", "Criteria not met, by how DWP became aware", "Route", "Referrals", r.NotMetByRoute),
                Counts("referrals-reason", "Criteria not met, by reason", "Reason", "Referrals", r.NotMetByReason),
            ]),
            new("iprs", "Internal Process Reviews", "IPRs open at the end of the period by the stage they are at now; completed in the period by the date they concluded. An IPR counts once in each of its service lines.",
            [
                Counts("iprs-flow", "IPRs completed", "Measure", "IPRs",
                    [new("Completed", i.Completed), new("With learning identified", i.WithLearning), new("Also under external scrutiny", i.ExternalScrutiny)]),
                Counts("iprs-stage", "IPRs open, by stage", "Stage", "IPRs", i.OpenByStage),
                Counts("iprs-month", "IPRs completed by month", "Month", "IPRs", i.CompletedByMonth, ChartKind.Line),
                Counts("iprs-year", "IPRs completed by reporting year", "Reporting year", "IPRs", i.CompletedByYear),
            ]),
            new("timeliness", "Timeliness against targets", "Each step of an IPR finished in the period against its target (reference data), and the steps still running past their due date at the end of the period. "
                + "‘Conclusion to a Panel meeting’ runs from the day an IPR concluded to the first Panel meeting held on or after it with a theme coded on its findings on the agenda or among the papers; IPRs with no theme coded are not counted.",
            [
                new("timeliness-steps", "Steps finished within target", "Step",
                    ["Target (days)", "Finished", "Median (days)", "Within target", "Within target (%)", "Overdue now"],
                    [.. f.Timeliness.Select(t => new DashboardRow(t.Name, [N(t.TargetDays), N(t.Finished), N(t.MedianDays), N(t.WithinTarget), N(t.PercentWithinTarget, "%"), N(t.Overdue)]))],
                    ChartKind.Bar, [.. f.Timeliness.Select(t => new ChartPoint(t.Name, t.PercentWithinTarget ?? 0))], "%"),
            ]),
            new("activities", "Recommendations and activities", "Agreed in the period (an IPRG activity with its IPR, a Panel one at its meeting); completed and assured in the period, on time against the first and the latest due date; overdue at the end of the period (or today).",
            [
                new("activities-flow", "Activities agreed, completed and overdue", "Measure", ["Activities", "Share of completed (%)"],
                [
                    new("Agreed", [N(a.Agreed), ""]),
                    new("Completed (assured)", [N(a.Completed), ""]),
                    new("On time against the first due date", [N(a.OnTimeAgainstFirstDate), N(a.PercentOnTimeAgainstFirstDate, "%")]),
                    new("On time against the latest due date", [N(a.OnTimeAgainstLatestDate), N(a.PercentOnTimeAgainstLatestDate, "%")]),
                    new("Overdue", [N(a.Overdue), ""]),
                ], ChartKind.Bar,
                [
                    new("Agreed", a.Agreed), new("Completed (assured)", a.Completed), new("On time, first date", a.OnTimeAgainstFirstDate),
                    new("On time, latest date", a.OnTimeAgainstLatestDate), new("Overdue", a.Overdue),
                ]),
                Counts("activities-owner", "Overdue, by owner", "Owner", "Activities", a.OverdueByOwner),
                Counts("activities-dg", "Overdue, by accountable Director General", "Director General", "Activities", a.OverdueByDirectorGeneral),
                Counts("activities-month", "Activities completed by month", "Month", "Activities", a.CompletedByMonth, ChartKind.Line),
            ]),
            new("insight", "Insight", "Items of insight received in the period, by source and by theme (an item can have several themes).",
            [
                Counts("insight-source", "Insight by source", "Source", "Items", n.BySource),
                Counts("insight-theme", "Insight by theme", "Theme", "Items", n.ByTheme),
                Counts("insight-complaints", "Complaints by month", "Month", "Complaints", n.ComplaintsByMonth, ChartKind.Line),
                Counts("insight-ice", "Independent Case Examiner cases by month", "Month", "Cases", n.IceByMonth, ChartKind.Line),
            ]),
            new("family", "Family engagement", "Contacts and meetings with families dated in the period, at what level, and apologies given (seed 002, question 3).",
            [
                Counts("family-figures", "Contacts, meetings and apologies", "Measure", "Number",
                    [.. FamilyEngagementModel.Measures(f.Family).Select(m => new LabelledCount(m.Measure, m.Count))]),
            ]),
            new("quality", "Investigation quality", "Quality review scores of concluded IPRs reviewed in the period, per quarter (each IPR by its latest review).",
            [
                new("quality-quarter", "Quality review scores by quarter", "Quarter", ["Reviews", "Mean score (%)"],
                    [.. f.Quality.ByQuarter.Select(q => new DashboardRow(q.Quarter.Name, [N(q.Reviews), N(q.MeanPercentage, "%")]))],
                    ChartKind.Line, [.. f.Quality.ByQuarter.Select(q => new ChartPoint($"{ReportingYear.Name(q.Quarter.StartYear)} Q{q.Quarter.Quarter}", q.MeanPercentage))], "%"),
            ]),
        ];
    }

    /// <summary>The address of a section's CSV file for the same filter.</summary>
    public string CsvUrl(string section) => "/management?" + string.Join('&',
        Request.Query.Where(q => q.Key is not ("format" or "section")).Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append("section=" + Uri.EscapeDataString(section)).Append("format=csv"));

    public DateInputView DateView(ModelStateDictionary state, bool isFrom) => isFrom
        ? new("from", "From", From, state["from"]?.Errors.FirstOrDefault()?.ErrorMessage, "For example, 1 4 2026")
        : new("to", "To", To, state["to"]?.Errors.FirstOrDefault()?.ErrorMessage, "For example, 31 3 2027");
}
