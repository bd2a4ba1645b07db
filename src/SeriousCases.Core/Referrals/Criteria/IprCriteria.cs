using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeriousCases.Core.Referrals.Criteria;

/// <summary>What a referral says, as far as the criteria are concerned.</summary>
public sealed record ReferralFacts(SeriousEvent Event, bool Allegation, ExternalReviews ExternalReviews);

/// <summary>One way of meeting the criteria. Every condition it names must hold (an AND); a route with
/// no conditions is not allowed. The kinds of condition are fixed in code; how a version combines them
/// is data, so a later version needs no code change.</summary>
public sealed record CriteriaRoute
{
    /// <summary>Stable name used by the API, e.g. "Allegation" or "ExternalReview".</summary>
    public required string Name { get; init; }

    /// <summary>How the route reads to a case worker.</summary>
    public required string Description { get; init; }

    /// <summary>When true, there must be a suggestion or allegation that DWP's actions or omissions contributed.</summary>
    public bool RequiresAllegation { get; init; }

    /// <summary>When not empty, what happened to the customer must be one of these.</summary>
    public IReadOnlyList<SeriousEvent> Events { get; init; } = [];

    /// <summary>When not empty, DWP must have been asked to take part in at least one of these.</summary>
    public IReadOnlyList<ExternalReviews> Reviews { get; init; } = [];
}

/// <summary>A version of the criteria for conducting an IPR, in force from a date. A referral is judged
/// by the version in force on the day DWP received it.</summary>
public sealed record CriteriaDefinition
{
    public required string Version { get; init; }
    public required DateOnly InForceFrom { get; init; }

    /// <summary>The criteria are met when any route is met (an OR).</summary>
    public required IReadOnlyList<CriteriaRoute> Routes { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CriteriaDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<CriteriaDefinition>(json, Json) ?? throw new InvalidOperationException("Empty criteria definition.");
}

/// <summary>The result shown to Triage and returned by the API, with reasons in plain words.</summary>
public sealed record CriteriaAssessment(bool CriteriaMet, string? Route, IReadOnlyList<string> Reasons, string CriteriaVersion);

/// <summary>Applies a criteria version to a referral's facts. Pure: no storage, no clock.</summary>
public static class IprCriteria
{
    /// <summary>The criteria for IPRs completed in 2022/23 (seed 004), the version the demo is judged by.</summary>
    public static readonly CriteriaDefinition Version2022 = new()
    {
        Version = "2022-04",
        InForceFrom = new DateOnly(2020, 4, 1),
        Routes =
        [
            new CriteriaRoute
            {
                Name = "Allegation",
                Description = "There is a suggestion or allegation that DWP's actions or omissions may have negatively contributed "
                    + "to the customer's circumstances, and the customer has suffered serious harm, has died (including by suicide), "
                    + "or there is reason to believe there has been an attempted suicide.",
                RequiresAllegation = true,
                Events = [SeriousEvent.Died, SeriousEvent.SuspectedSuicide, SeriousEvent.AttemptedSuicide, SeriousEvent.SeriousHarm],
            },
            new CriteriaRoute
            {
                Name = "ExternalReview",
                Description = "DWP is asked to take part in a Safeguarding Adults Review, a Significant Case Review (Scotland only) "
                    + "or a Domestic Homicide Review, or is named as an Interested Party at an inquest, whether or not there is an allegation.",
                Reviews = [ExternalReviews.SafeguardingAdultsReview, ExternalReviews.SignificantCaseReview,
                    ExternalReviews.DomesticHomicideReview, ExternalReviews.InquestInterestedParty],
            },
        ],
    };

    public static CriteriaAssessment Assess(CriteriaDefinition criteria, ReferralFacts facts)
    {
        var reasons = new List<string>();
        string? metBy = null;
        foreach (var route in criteria.Routes)
        {
            var (met, why) = Check(route, facts);
            reasons.AddRange(why);
            metBy ??= met ? route.Name : null;
        }

        return new CriteriaAssessment(metBy is not null, metBy, reasons, criteria.Version);
    }

    /// <summary>The version in force on <paramref name="receivedOn"/>: the latest that started on or before it.</summary>
    public static CriteriaDefinition InForceOn(IEnumerable<CriteriaDefinition> versions, DateOnly receivedOn) =>
        versions.Where(v => v.InForceFrom <= receivedOn).MaxBy(v => v.InForceFrom)
        ?? throw new InvalidOperationException($"No criteria version was in force on {receivedOn:d MMMM yyyy}.");

    private static (bool Met, List<string> Reasons) Check(CriteriaRoute route, ReferralFacts facts)
    {
        if (!route.RequiresAllegation && route.Events.Count == 0 && route.Reviews.Count == 0)
        {
            throw new InvalidOperationException($"Criteria route {route.Name} has no conditions.");
        }

        var reasons = new List<string>();
        var met = true;
        if (route.RequiresAllegation)
        {
            met &= facts.Allegation;
            reasons.Add(facts.Allegation
                ? "There is a suggestion or allegation that DWP's actions or omissions contributed."
                : "There is no suggestion or allegation that DWP's actions or omissions contributed.");
        }

        if (route.Events.Count > 0)
        {
            var eventMet = route.Events.Contains(facts.Event);
            met &= eventMet;
            reasons.Add(eventMet
                ? $"The customer {Describe(facts.Event)}."
                : "The customer did not die, attempt suicide or come to serious harm, as far as DWP knows.");
        }

        if (route.Reviews.Count > 0)
        {
            var asked = route.Reviews.Where(r => facts.ExternalReviews.HasFlag(r)).ToList();
            met &= asked.Count > 0;
            reasons.Add(asked.Count > 0
                ? $"DWP has been asked to take part in: {string.Join(", ", asked.Select(Describe))}."
                : "DWP has not been asked to take part in an external review or named as an Interested Party at an inquest.");
        }

        return (met, reasons);
    }

    public static string Describe(SeriousEvent e) => e switch
    {
        SeriousEvent.Died => "died",
        SeriousEvent.SuspectedSuicide => "died, and suicide is suspected",
        SeriousEvent.AttemptedSuicide => "attempted suicide, or there is reason to believe so",
        SeriousEvent.SeriousHarm => "suffered serious harm",
        _ => "did not die, attempt suicide or come to serious harm",
    };

    public static string Describe(ExternalReviews r) => r switch
    {
        ExternalReviews.SafeguardingAdultsReview => "a Safeguarding Adults Review",
        ExternalReviews.SignificantCaseReview => "a Significant Case Review",
        ExternalReviews.DomesticHomicideReview => "a Domestic Homicide Review",
        ExternalReviews.InquestInterestedParty => "an inquest as an Interested Party",
        _ => r.ToString(),
    };
}
