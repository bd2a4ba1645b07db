using SeriousCases.Core.Data;
using SeriousCases.Core.Management;

namespace SeriousCases.Core.Demo;

public sealed record ExcellencePlanSource(string Source, IReadOnlyList<string> Notes, IReadOnlyList<PlanMeasureSource> Measures);

public sealed record PlanMeasureSource(
    string Name,
    decimal? AllocationMillions,
    int? Fte,
    string? Intent,
    MeasureActivity? Activity,
    IReadOnlyList<int> Outcomes,
    IReadOnlyList<string> UnderpinningOutcomes,
    IReadOnlyList<string> MeasuredBy,
    IReadOnlyList<bool?> Evidence,
    IReadOnlyList<PlanFactorSource> Factors);

public sealed record PlanFactorSource(string Name, string? Baseline, string? Target, string? Unit, string? ComputedAs, IReadOnlyList<PlanValueSource>? Values);

public sealed record PlanValueSource(DateOnly From, DateOnly To, decimal Value, string Source);

/// <summary>The Excellence Plan's measures and success factors from seed 003 (Demo/Data/excellence-plan-2020.json).</summary>
public static class ExcellencePlanSeeder
{
    public static void Seed(SeriousCasesDbContext db)
    {
        var order = 0;
        foreach (var m in DemoSources.ExcellencePlan.Measures)
        {
            var measure = new ExcellenceMeasure
            {
                Name = m.Name,
                Order = ++order,
                AllocationMillions = m.AllocationMillions,
                Fte = m.Fte,
                Intent = m.Intent,
                Activity = m.Activity,
                Outcomes = m.Outcomes.Aggregate(PlanOutcomes.None, (all, n) => all | (PlanOutcomes)(1 << (n - 1))),
                UnderpinningOutcomes = string.Join('\n', m.UnderpinningOutcomes),
                MeasuredBy = string.Join('\n', m.MeasuredBy),
                BaselineAvailable = m.Evidence.ElementAtOrDefault(0),
                ProgressMonitorable = m.Evidence.ElementAtOrDefault(1),
                ContributionDemonstrable = m.Evidence.ElementAtOrDefault(2),
            };
            var factorOrder = 0;
            foreach (var f in m.Factors)
            {
                var factor = new SuccessFactor
                {
                    MeasureId = measure.Id,
                    Order = ++factorOrder,
                    Name = f.Name,
                    Baseline = f.Baseline,
                    Target = f.Target,
                    Unit = f.Unit,
                    ComputedAs = f.ComputedAs,
                };
                factor.Values.AddRange((f.Values ?? []).Select(v => new SuccessFactorValue
                {
                    FactorId = factor.Id,
                    PeriodFrom = v.From,
                    PeriodTo = v.To,
                    Value = v.Value,
                    Source = v.Source,
                }));
                measure.Factors.Add(factor);
            }

            db.ExcellenceMeasures.Add(measure);
        }
    }
}
