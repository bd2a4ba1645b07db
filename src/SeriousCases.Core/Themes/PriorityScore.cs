namespace SeriousCases.Core.Themes;

/// <summary>What a theme's priority is made of, shown beside the score so the Panel can see why.</summary>
/// <param name="Volume">Findings and insight items in the last 12 months.</param>
/// <param name="PreviousVolume">The same in the 12 months before those.</param>
/// <param name="Severity">Mean severity (1 to 5) of those items: an insight item's assessed severity, and 5 for an IPR
/// finding (an IPR is held only after a death, serious harm or an attempted suicide); null when none is known.</param>
/// <param name="OverdueActivities">Activities addressing the theme that are open and past their due date.</param>
public sealed record PriorityInputs(int Volume, int PreviousVolume, double? Severity, int OverdueActivities);

/// <summary>A priority score from 0 to 100 in four parts of up to 25 each, so no one input can decide alone.</summary>
public sealed record PriorityScore(PriorityInputs Inputs, double VolumePart, double GrowthPart, double SeverityPart, double OverduePart)
{
    public const double PartMaximum = 25;
    /// <summary>Each overdue activity adds this many points, up to the part's maximum (5 overdue activities).</summary>
    public const double PointsPerOverdueActivity = 5;

    public int Score => (int)Math.Round(VolumePart + GrowthPart + SeverityPart + OverduePart, MidpointRounding.AwayFromZero);

    /// <summary>Growth in the last 12 months against the 12 before, as a fraction (0.5 = half as many again); null
    /// when there was nothing before.</summary>
    public double? Growth => Inputs.PreviousVolume == 0 ? null : (Inputs.Volume - Inputs.PreviousVolume) / (double)Inputs.PreviousVolume;

    /// <summary>
    /// Volume: 25 × this theme's volume ÷ the largest theme's volume. Growth: 12.5 for no change, rising to 25 when the
    /// volume doubled (or appeared from nothing) and falling to 0 when it halved or vanished. Severity: 0 for a mean of 1,
    /// 25 for a mean of 5. Overdue activities: 5 points each, at most 25.
    /// </summary>
    public static PriorityScore Compute(PriorityInputs inputs, int largestVolume)
    {
        var volume = largestVolume <= 0 ? 0 : PartMaximum * Math.Min(1, inputs.Volume / (double)largestVolume);
        double growth;
        if (inputs.PreviousVolume == 0)
        {
            growth = inputs.Volume == 0 ? PartMaximum / 2 : PartMaximum;
        }
        else
        {
            var change = (inputs.Volume - inputs.PreviousVolume) / (double)inputs.PreviousVolume;
            growth = Math.Clamp((PartMaximum / 2) + (PartMaximum / 2 * (change >= 0 ? change : change * 2)), 0, PartMaximum);
        }

        var severity = inputs.Severity is { } s ? PartMaximum * Math.Clamp((s - 1) / 4, 0, 1) : 0;
        var overdue = Math.Min(PartMaximum, PointsPerOverdueActivity * inputs.OverdueActivities);
        return new PriorityScore(inputs, volume, growth, severity, overdue);
    }
}
