using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;

namespace SeriousCases.Core.Management;

/// <summary>A value of a success factor as shown: entered (with its source) or computed by the service for a year.</summary>
public sealed record FactorValueView(DateOnly From, DateOnly To, decimal? Value, string Source, bool Computed);

public sealed record FactorView(SuccessFactor Factor, IReadOnlyList<FactorValueView> Values);

public sealed record MeasureView(ExcellenceMeasure Measure, IReadOnlyList<FactorView> Factors);

/// <summary>The Excellence Plan's measures (seed 003) and their critical success factors: those the service can compute
/// from its records are computed for each of the last three April to March years; the rest are entered with their source.</summary>
public sealed class ExcellencePlanService(SeriousCasesDbContext db, ManagementFiguresCache management, TimeProvider clock)
{
    public const int SourceMax = 1000;
    public const int ComputedYears = 3;

    public static string Describe(PlanOutcomes outcome) => outcome switch
    {
        PlanOutcomes.Prevention => "1. Prevention of serious problems occurring",
        PlanOutcomes.ProactiveSupport => "2. Proactively delivering support to the most vulnerable",
        PlanOutcomes.RightFirstTime => "3. Getting it right, first time",
        PlanOutcomes.LearningFromExperience => "4. Learning from our experience and mistakes",
        PlanOutcomes.Trust => "5. Increased trust and satisfaction in DWP",
        _ => "None",
    };

    public static IEnumerable<PlanOutcomes> Each(PlanOutcomes outcomes) =>
        Enum.GetValues<PlanOutcomes>().Where(o => o != PlanOutcomes.None && outcomes.HasFlag(o));

    public static string Describe(MeasureActivity? activity) => activity switch
    {
        MeasureActivity.Expands => "Expands existing activity",
        MeasureActivity.Broadens => "Broadens the scope of existing activity",
        MeasureActivity.Introduces => "Introduces new activity",
        _ => "Not stated",
    };

    public static string YesNo(bool? answer) => answer switch { true => "Yes", false => "No", _ => "Not answered" };

    public static string Format(decimal? value, string? unit) => value is not { } v
        ? "No figures yet"
        : v.ToString("#,0.##", CultureInfo.InvariantCulture) + (unit is null ? "" : unit == "%" ? "%" : " " + unit);

    public async Task<IReadOnlyList<MeasureView>> MeasuresAsync(CancellationToken ct = default)
    {
        var measures = await db.ExcellenceMeasures.AsNoTracking().Include(m => m.Factors).ThenInclude(f => f.Values).OrderBy(m => m.Order).ToListAsync(ct);
        var computed = new Dictionary<string, List<FactorValueView>>();
        if (measures.Any(m => m.Factors.Any(f => f.ComputedAs is not null)))
        {
            var thisYear = ReportingYear.StartOf(UkTime.Today(clock)).Year;
            for (var y = thisYear - ComputedYears + 1; y <= thisYear; y++)
            {
                var from = new DateOnly(y, 4, 1);
                var figures = await management.FiguresAsync(new ManagementFilter(from, from.AddYears(1).AddDays(-1)), ct);
                foreach (var code in SuccessFactorComputations.All)
                {
                    var list = computed.TryGetValue(code, out var l) ? l : computed[code] = [];
                    list.Add(new FactorValueView(figures.Filter.From, figures.Filter.To, SuccessFactorComputations.From(code, figures),
                        $"Computed by the service for {ReportingYear.Name(y)}" + (y == thisYear ? " (so far)" : ""), true));
                }
            }
        }

        return [.. measures.Select(m => new MeasureView(m, [.. m.Factors.OrderBy(f => f.Order).Select(f => new FactorView(f,
            f.ComputedAs is { } code && computed.TryGetValue(code, out var values)
                ? values
                : [.. f.Values.OrderBy(v => v.PeriodFrom).Select(v => new FactorValueView(v.PeriodFrom, v.PeriodTo, v.Value, v.Source, false))]))]))];
    }

    /// <summary>A factor whose values are entered (not computed), with its measure's name; null if there is none.</summary>
    public async Task<(SuccessFactor Factor, string Measure)?> EnteredFactorAsync(Guid id, CancellationToken ct = default)
    {
        var factor = await db.SuccessFactors.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.ComputedAs == null, ct);
        if (factor is null)
        {
            return null;
        }

        var measure = await db.ExcellenceMeasures.AsNoTracking().Where(m => m.Id == factor.MeasureId).Select(m => m.Name).SingleAsync(ct);
        return (factor, measure);
    }

    /// <summary>Records a value for a period. <paramref name="value"/> is as typed: a number, commas and a % sign allowed.</summary>
    public async Task<SuccessFactorValue> RecordAsync(Guid factorId, DateOnly? from, DateOnly? to, string? value, string? source, Guid? by, CancellationToken ct = default)
    {
        var factor = await db.SuccessFactors.SingleOrDefaultAsync(f => f.Id == factorId, ct) ?? throw new RecordNotFoundException("The success factor");
        var errors = new ValidationErrors();
        if (factor.ComputedAs is not null)
        {
            errors.Add("value", "This figure is computed by the service from its records and cannot be entered");
        }

        if (from is null)
        {
            errors.Add("periodFrom", "Enter the first day of the period the figure is for");
        }

        if (to is null)
        {
            errors.Add("periodTo", "Enter the last day of the period the figure is for");
        }
        else if (from is not null && to < from)
        {
            errors.Add("periodTo", "The last day of the period must be the same as or after the first day");
        }
        else if (to > UkTime.Today(clock).AddYears(1))
        {
            errors.Add("periodTo", "The last day of the period must be within a year from today");
        }

        var number = ParseValue(value);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("value", "Enter the figure");
        }
        else if (number is null)
        {
            errors.Add("value", "Enter the figure as a number, like 84 or 12.5");
        }

        var text = source?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("source", "Enter where the figure comes from");
        }
        else if (text.Length > SourceMax)
        {
            errors.Add("source", $"Where the figure comes from must be {SourceMax:N0} characters or fewer");
        }

        errors.ThrowIfAny();
        var recorded = new SuccessFactorValue
        {
            FactorId = factor.Id,
            PeriodFrom = from!.Value,
            PeriodTo = to!.Value,
            Value = number!.Value,
            Source = text!,
            RecordedByUserId = by,
        };
        db.SuccessFactorValues.Add(recorded);
        await db.SaveChangesAsync(ct);
        return recorded;
    }

    /// <summary>"84", "84%", "3,000,000", "12.5": a number within ±10^15 with at most two decimal places, or null.</summary>
    public static decimal? ParseValue(string? value)
    {
        var text = value?.Trim().TrimEnd('%').Replace(",", "", StringComparison.Ordinal).Trim();
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            && Math.Abs(n) < 1_000_000_000_000_000m && decimal.Round(n, 2) == n
            ? n
            : null;
    }
}
