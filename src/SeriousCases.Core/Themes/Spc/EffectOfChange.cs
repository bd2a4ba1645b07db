namespace SeriousCases.Core.Themes.Spc;

public enum EffectVerdict
{
    NotEnoughData = 0,
    NoSignalYet = 1,
    Fewer = 2,
    More = 3,
}

/// <summary>The effect of a change (an activity or recommendation completed) on a series: the baseline chart of the
/// points before it, the points after it judged against the baseline's mean and limits, the after-period's own chart
/// (limits recalculated after the change), and a verdict in plain words.</summary>
public sealed record EffectOfChange(
    EffectVerdict Verdict,
    string Words,
    int PointsBefore,
    int PointsAfter,
    XmrChart Baseline,
    XmrChart AfterAgainstBaseline,
    XmrChart After);

/// <summary>Judges whether a series changed after a date, Making Data Count's way: set the limits on the baseline
/// (at least <see cref="SpcOptions.MinimumBaselinePoints"/> points before), look for special-cause signals in the points
/// after against those limits (needs at least <see cref="SpcOptions.MinimumPointsAfterChange"/>), and say so.</summary>
public static class ChangeEffect
{
    /// <param name="values">The series in time order.</param>
    /// <param name="firstIndexAfter">The index of the first point after the change (the first whole period after it).</param>
    /// <param name="what">What is counted, plural, for the words: "findings and insight items".</param>
    public static EffectOfChange Assess(IReadOnlyList<double> values, int firstIndexAfter, string what, SpcOptions? options = null)
    {
        options ??= SpcOptions.Default;
        firstIndexAfter = Math.Clamp(firstIndexAfter, 0, values.Count);
        var before = values.Take(firstIndexAfter).ToList();
        var after = values.Skip(firstIndexAfter).ToList();
        var baseline = Xmr.Build(before, options);
        var judged = Xmr.WithLimits(after, baseline.Mean, baseline.MeanMovingRange, options);
        var own = Xmr.Build(after, options);

        if (before.Count < options.MinimumBaselinePoints || after.Count < options.MinimumPointsAfterChange)
        {
            var words = $"Not enough data yet: a verdict needs at least {options.MinimumBaselinePoints} points before the change "
                + $"and {options.MinimumPointsAfterChange} after it (there are {before.Count} before and {after.Count} after).";
            return new EffectOfChange(EffectVerdict.NotEnoughData, words, before.Count, after.Count, baseline, judged, own);
        }

        // The latest signal decides: a recent run below the old mean says more about the change than an early spike.
        var latest = judged.Signals.OrderBy(s => s.LastIndex).LastOrDefault();
        var (verdict, text) = latest switch
        {
            null => (EffectVerdict.NoSignalYet, $"No signal yet: the {what} on this theme since the change are within what the earlier months would lead us to expect."),
            { High: false } => (EffectVerdict.Fewer, $"Fewer {what} on this theme since the change, a signal not chance ({Lower(latest.Description)})."),
            _ => (EffectVerdict.More, $"More {what} on this theme since the change, a signal not chance ({Lower(latest.Description)})."),
        };
        return new EffectOfChange(verdict, text, before.Count, after.Count, baseline, judged, own);
    }

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
