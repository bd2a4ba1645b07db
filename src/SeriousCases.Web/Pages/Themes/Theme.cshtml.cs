using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Identity;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Themes;

namespace SeriousCases.Web.Pages.Themes;

/// <summary>A theme: its trend as an XmR chart (SVG drawn here, no JavaScript) with the same figures as a table and a
/// CSV download, its evidence, the activities addressing it with the effect of each completed one, and the Panel's
/// papers, discussions and decisions about it. Panel members see anonymised text only: no case references or links to
/// case records.</summary>
public sealed class ThemeModel(ThemeInsightService themes, SeriousCasesDbContext db) : PageModel
{
    public ThemeDetail Detail { get; private set; } = null!;

    public ThemeSeries Series { get; private set; } = null!;

    public XmrSvg Svg { get; private set; } = null!;

    public IReadOnlyList<InsightSource> Sources { get; private set; } = [];

    public string By { get; private set; } = "month";

    public string Source { get; private set; } = "";

    /// <summary>Analysts and the secretariat see case references and links to records; Panel members do not.</summary>
    public bool SeesLinks => User.IsInRole(Roles.Analyst) || User.IsInRole(Roles.PanelSecretariat);

    public bool SeesPanel => User.IsInRole(Roles.PanelSecretariat) || User.IsInRole(Roles.PanelMember);

    public string CsvHref => $"/themes/{Detail.Theme.Id}?handler=Csv&by={By}&source={Uri.EscapeDataString(Source)}";

    public async Task<IActionResult> OnGetAsync(Guid id, string? by, string? source, CancellationToken ct)
    {
        if (!await LoadSeriesAsync(id, by, source, ct))
        {
            return NotFound();
        }

        Detail = await themes.DetailAsync(id, ct);
        Svg = new XmrSvg("trend", $"{Detail.Theme.Name}: {Series.SourceName.ToLowerInvariant()} by {By}", Series.Points, Series.Chart);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, string? by, string? source, CancellationToken ct)
    {
        if (!await LoadSeriesAsync(id, by, source, ct))
        {
            return NotFound();
        }

        var c = Series.Chart;
        var signalled = c.Signals.SelectMany(s => Enumerable.Range(s.FirstIndex, s.LastIndex - s.FirstIndex + 1)).ToHashSet();
        var csv = new StringBuilder("Period,Value,Mean,Lower limit,Upper limit,In a signal\r\n");
        for (var i = 0; i < Series.Points.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{Series.Points[i].Period},{Series.Points[i].Value},{XmrSvg.F(c.Mean)},{XmrSvg.F(c.LowerLimit)},{XmrSvg.F(c.UpperLimit)},{(signalled.Contains(i) ? "yes" : "no")}\r\n");
        }

        var name = $"theme-{Series.Theme.Code.ToLowerInvariant()}-{By}{(Source.Length == 0 ? "" : "-" + Source.ToLowerInvariant())}.csv";
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }

    private async Task<bool> LoadSeriesAsync(Guid id, string? by, string? source, CancellationToken ct)
    {
        Sources = await db.InsightSources.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name).ToListAsync(ct);
        var period = Periods.Parse(by);
        if (period is null)
        {
            ModelState.AddModelError("by", "Choose month or quarter");
        }

        By = period == SeriesPeriod.Quarter ? "quarter" : "month";
        Source = source?.Trim().ToUpperInvariant() ?? "";
        if (Source.Length > 0 && Source != ThemeSources.Findings && !Sources.Any(s => s.Code.Equals(Source, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError("source", "Choose a source from the list");
            Source = "";
        }

        try
        {
            Series = await themes.SeriesAsync(id, period ?? SeriesPeriod.Month, Source, null, null, ct);
            return true;
        }
        catch (RecordNotFoundException)
        {
            return false;
        }
    }
}
