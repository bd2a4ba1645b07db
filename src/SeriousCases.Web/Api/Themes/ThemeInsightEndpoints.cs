using SeriousCases.Core.Common;
using SeriousCases.Core.Themes;
using SeriousCases.Core.Themes.Spc;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Themes;

public sealed record SeriesPointResponse(string Period, int Value);

/// <summary>A special-cause signal: the rule (beyondLimit, shift, trend, twoOfThreeNearLimit), the first and last period
/// it covers and its direction (up or down).</summary>
public sealed record SignalResponse(string Rule, string From, string To, string Direction, string Description);

public sealed record ThemeSeriesResponse(
    Guid ThemeId, string Theme, string By, string Source, string SourceName, IReadOnlyList<SeriesPointResponse> Points,
    double Mean, double MeanMovingRange, double LowerLimit, double UpperLimit, IReadOnlyList<SignalResponse> Signals);

public sealed record SimilarActivityResponse(Guid Id, string Reference, string Status, DateOnly? DueOn, DateOnly? CompletedOn);

public sealed record SimilarFindingResponse(
    Guid Id, string Text, string ServiceLine, DateOnly? On, string InvestigationReference, double Score, IReadOnlyList<string> Themes,
    IReadOnlyList<SimilarActivityResponse> Activities);

/// <summary>Themes and trends for other systems (a stable contract): a theme's series with its XmR chart.</summary>
public static class ThemeInsightEndpoints
{
    public static RouteGroupBuilder MapThemeInsightApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/themes/{id:guid}/series", async (Guid id, string? by, string? source, string? from, string? to, ThemeInsightService service, CancellationToken ct) =>
            {
                var (fromMonth, toMonth) = (ParseMonth(from, "from"), ParseMonth(to, "to"));
                if (fromMonth > toMonth)
                {
                    throw new DomainValidationException("to", "Enter a to month the same as or after the from month");
                }

                var series = await service.SeriesAsync(id, ParseBy(by), source, fromMonth, toMonth, ct);
                return ToResponse(series);
            })
            .WithTags("Themes")
            .RequireAuthorization(Policies.Themes)
            .WithName("GetThemeSeries")
            .WithSummary("A theme's series: by=month (default) or quarter; source= an insight source's code, FINDINGS for IPR findings, or "
                + "none for all; from= and to= as yyyy-MM (default: the first month with data to the last complete month). Answers points "
                + "(period, value), mean, lowerLimit and upperLimit (mean ± 2.66 × mean moving range) and signals.");
        v1.MapGet("/findings/{id:guid}/similar", async (Guid id, int? take, RepeatLearningService service, CancellationToken ct) =>
                (await service.SimilarAsync(id, take ?? 10, ct)).Similar.Select(s => new SimilarFindingResponse(
                    s.Finding.Id, s.Finding.Text, s.Finding.ServiceLine, s.Finding.On, s.Finding.InvestigationReference, s.Score, s.Finding.Themes,
                    [.. s.Finding.Activities.Select(a => new SimilarActivityResponse(a.Id, a.Reference, a.Status.ToString(), a.DueOn, a.CompletedOn))]))
                .ToList())
            .WithTags("Themes")
            .RequireAuthorization(Policies.Analyse)
            .WithName("GetSimilarFindings")
            .WithSummary("Earlier findings of other IPRs that say the same thing (TF-IDF cosine similarity, within and across themes), best first, "
                + "each with its score (0 to 1, at least 0.2), themes and the activities agreed for it with their status. take= up to 50 (default 10).");
        return v1;
    }

    public static SeriesPeriod ParseBy(string? by) =>
        Periods.Parse(by) ?? throw new DomainValidationException("by", "Enter by=month or by=quarter");

    public static int? ParseMonth(string? text, string field) => string.IsNullOrWhiteSpace(text)
        ? null
        : Periods.ParseMonth(text) ?? throw new DomainValidationException(field, $"Enter {field} as a year and month, for example 2024-03");

    public static ThemeSeriesResponse ToResponse(ThemeSeries s) => new(
        s.Theme.Id, s.Theme.Name, s.By == SeriesPeriod.Month ? "month" : "quarter", s.Source ?? "", s.SourceName,
        [.. s.Points.Select(p => new SeriesPointResponse(p.Period, p.Value))],
        Math.Round(s.Chart.Mean, 3), Math.Round(s.Chart.MeanMovingRange, 3), Math.Round(s.Chart.LowerLimit, 3), Math.Round(s.Chart.UpperLimit, 3),
        [.. s.Chart.Signals.Select(g => new SignalResponse(
            RuleName(g.Kind), s.Points[g.FirstIndex].Period, s.Points[g.LastIndex].Period, g.High ? "up" : "down", g.Description))]);

    public static string RuleName(SignalKind kind) => kind switch
    {
        SignalKind.BeyondLimit => "beyondLimit",
        SignalKind.Shift => "shift",
        SignalKind.Trend => "trend",
        _ => "twoOfThreeNearLimit",
    };
}
