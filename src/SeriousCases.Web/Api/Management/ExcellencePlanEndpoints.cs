using SeriousCases.Core.Common;
using SeriousCases.Core.Management;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Api.Management;

public sealed record FactorValueItem(DateOnly From, DateOnly To, decimal? Value, string Source, bool Computed);

/// <summary>A success factor with its baseline and target as the plan states them, and its latest value (entered, or
/// computed by the service from the management figures).</summary>
public sealed record SuccessFactorItem(
    Guid Id, int Order, string Name, string? Baseline, string? Target, string? Unit, string? ComputedAs, FactorValueItem? LatestValue,
    IReadOnlyList<FactorValueItem> Values);

/// <summary>The plan's three evidence questions for a measure (null: not answered).</summary>
public sealed record EvidenceQuestions(bool? BaselineAvailable, bool? ProgressMonitorable, bool? ContributionDemonstrable);

public sealed record ExcellenceMeasureItem(
    Guid Id, int Order, string Name, decimal? AllocationMillions, int? Fte, string? Intent, MeasureActivity? Activity, IReadOnlyList<PlanOutcomes> Outcomes,
    string? UnderpinningOutcomes, string? MeasuredBy, EvidenceQuestions EvidenceQuestions, IReadOnlyList<SuccessFactorItem> SuccessFactors);

/// <summary>The Excellence Plan measures (seed 003) for other systems: the same service and policy as the page.</summary>
public static class ExcellencePlanEndpoints
{
    public static RouteGroupBuilder MapExcellencePlanApi(this RouteGroupBuilder v1)
    {
        var plan = v1.MapGroup("/excellence-plan").RequireAuthorization(Policies.ManagementInformation).WithTags("Excellence Plan");
        plan.MapGet("/measures", async (ExcellencePlanService service, CancellationToken ct) =>
                (IReadOnlyList<ExcellenceMeasureItem>)[.. (await service.MeasuresAsync(ct)).Select(ToItem)])
            .WithName("ExcellencePlanMeasures")
            .WithSummary("Every measure in plan order: allocation (£ million), FTE, intent, outcomes, evidence questions, and success factors with "
                + "baseline, target and latest value. Counts only, no personal data.");
        plan.MapGet("/measures/{id:guid}", async (Guid id, ExcellencePlanService service, CancellationToken ct) =>
                ToItem((await service.MeasuresAsync(ct)).SingleOrDefault(m => m.Measure.Id == id) ?? throw new RecordNotFoundException("The Excellence Plan measure")))
            .WithName("ExcellencePlanMeasure")
            .WithSummary("One measure, as in the list; 404 (problem details) for an unknown id.");
        return v1;
    }

    public static ExcellenceMeasureItem ToItem(MeasureView view)
    {
        var m = view.Measure;
        return new ExcellenceMeasureItem(m.Id, m.Order, m.Name, m.AllocationMillions, m.Fte, m.Intent, m.Activity, [.. ExcellencePlanService.Each(m.Outcomes)],
            m.UnderpinningOutcomes, m.MeasuredBy, new EvidenceQuestions(m.BaselineAvailable, m.ProgressMonitorable, m.ContributionDemonstrable),
            [.. view.Factors.Select(f =>
            {
                var values = f.Values.Select(v => new FactorValueItem(v.From, v.To, v.Value, v.Source, v.Computed)).ToList();
                // The latest value is the most recent period that has one.
                var latest = values.Where(v => v.Value is not null).OrderBy(v => v.To).LastOrDefault();
                return new SuccessFactorItem(f.Factor.Id, f.Factor.Order, f.Factor.Name, f.Factor.Baseline, f.Factor.Target, f.Factor.Unit, f.Factor.ComputedAs,
                    latest, values);
            })]);
    }
}
