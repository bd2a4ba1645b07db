using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Insight;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Themes;

namespace SeriousCases.Tests.Themes;

/// <summary>Builds records for the themes tests through the real DbContext: a theme of its own, insight coded with it
/// month by month, and a concluded IPR whose finding is coded with it, with activities.</summary>
internal static class ThemeRecords
{
    public static int LastCompleteMonth => Periods.AddMonths(Periods.MonthKey(UkTime.Today(TimeProvider.System)), -1);

    public static async Task<Guid> ThemeAsync(SeriousCasesDbContext db, string code, string name)
    {
        var theme = new Theme { Code = code, Name = name, Description = "A theme built for a test." };
        db.Themes.Add(theme);
        await db.SaveChangesAsync();
        return theme.Id;
    }

    /// <summary>Adds <paramref name="counts"/>[i] insight items from <paramref name="sourceCode"/> in the i-th month of the
    /// series that ends with the last complete month.</summary>
    public static async Task InsightAsync(SeriousCasesDbContext db, Guid themeId, string sourceCode, IReadOnlyList<int> counts, string summary = "A fictional customer's payment stopped without a check.")
    {
        var source = await db.InsightSources.SingleAsync(s => s.Code == sourceCode);
        var line = await db.ServiceLines.SingleAsync(l => l.Code == "UC");
        var first = Periods.AddMonths(LastCompleteMonth, -(counts.Count - 1));
        for (var i = 0; i < counts.Count; i++)
        {
            var month = Periods.AddMonths(first, i);
            for (var n = 0; n < counts[i]; n++)
            {
                var on = Periods.FirstDay(month).AddDays(n % 28);
                db.InsightItems.Add(new InsightItem
                {
                    SourceId = source.Id,
                    ExternalReference = $"T-{Guid.NewGuid():N}",
                    ReceivedOn = on,
                    MonthKey = InsightItem.MonthKeyOf(on),
                    Summary = summary,
                    Severity = 3,
                    Themes = [new InsightItemTheme { ThemeId = themeId }],
                    ServiceLines = [new InsightItemServiceLine { ServiceLineId = line.Id }],
                });
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A concluded IPR on <paramref name="concludedOn"/> with one finding coded with the theme, one completed
    /// activity (completed on <paramref name="completedOn"/>) and one overdue.</summary>
    public static async Task<(Guid InvestigationId, string Reference, Guid FindingId)> FindingAsync(
        SeriousCasesDbContext db, Guid themeId, DateOnly concludedOn, DateOnly completedOn, string text)
    {
        var line = await db.ServiceLines.SingleAsync(l => l.Code == "PIP");
        var reference = $"IPR-2099-{Random.Shared.Next(1000, 9999)}";
        var finding = new Finding { Order = 1, Text = text, ServiceLineId = line.Id, Themes = [new FindingTheme { ThemeId = themeId }] };
        var investigation = new Investigation
        {
            Reference = reference,
            Stage = InvestigationStage.Concluded,
            AcceptedOn = concludedOn.AddDays(-90),
            ConcludedOn = concludedOn,
            Outcome = InvestigationOutcome.LearningIdentified,
            Findings = [finding],
        };
        db.Investigations.Add(investigation);
        await db.SaveChangesAsync();
        db.AgreedActivities.AddRange(
            new AgreedActivity
            {
                Reference = $"ACT-2099-{Random.Shared.Next(1000, 9999)}",
                Origin = ActivityOrigin.IprgAgreedActivity,
                InvestigationId = investigation.Id,
                FindingId = finding.Id,
                Text = "PIP to assure IPRG that payments are checked before they stop.",
                Status = ActivityStatus.Complete,
                DueOn = completedOn,
                CompletedOn = completedOn,
            },
            new AgreedActivity
            {
                Reference = $"ACT-2099-{Random.Shared.Next(1000, 9999)}",
                Origin = ActivityOrigin.IprgAgreedActivity,
                InvestigationId = investigation.Id,
                FindingId = finding.Id,
                Text = "PIP to assure IPRG that guidance is updated.",
                Status = ActivityStatus.InProgress,
                DueOn = UkTime.Today(TimeProvider.System).AddDays(-10),
            });
        await db.SaveChangesAsync();
        return (investigation.Id, reference, finding.Id);
    }
}
