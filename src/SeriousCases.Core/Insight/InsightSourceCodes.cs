namespace SeriousCases.Core.Insight;

/// <summary>Codes of the insight sources the service itself relies on (the list is reference data).</summary>
public static class InsightSources
{
    public const string InternalProcessReview = "IPR";
    public const string PreventionOfFutureDeaths = "PFD";
}
