namespace SeriousCases.Core.Themes.Spc;

/// <summary>The special-cause rules of NHS England's "Making Data Count" for an XmR chart.</summary>
public enum SignalKind
{
    /// <summary>A single point above the upper or below the lower natural process limit.</summary>
    BeyondLimit = 1,
    /// <summary>A run of points (7 by default) all on one side of the mean.</summary>
    Shift = 2,
    /// <summary>A run of points (6 by default) each higher, or each lower, than the one before.</summary>
    Trend = 3,
    /// <summary>Two of three consecutive points beyond two sigma on the same side of the mean (close to a limit).</summary>
    TwoOfThreeNearLimit = 4,
}

/// <summary>A special-cause signal over the points <see cref="FirstIndex"/> to <see cref="LastIndex"/> (inclusive);
/// <see cref="High"/> says whether it points up (more) or down (fewer).</summary>
public sealed record SpcSignal(SignalKind Kind, int FirstIndex, int LastIndex, bool High)
{
    public string Description => Kind switch
    {
        SignalKind.BeyondLimit => High ? "A point above the upper process limit" : "A point below the lower process limit",
        SignalKind.Shift => $"{LastIndex - FirstIndex + 1} points in a row {(High ? "above" : "below")} the mean",
        SignalKind.Trend => $"{LastIndex - FirstIndex + 1} points in a row {(High ? "rising" : "falling")}",
        _ => $"Two of three points close to the {(High ? "upper" : "lower")} process limit",
    };
}

/// <summary>Run lengths and minimum points. The defaults are Making Data Count's: a shift is 7 points on one side of
/// the mean, a trend 6 points each rising or falling; limits are meaningful from 12 points.</summary>
public sealed record SpcOptions
{
    public int ShiftRun { get; init; } = 7;
    public int TrendRun { get; init; } = 6;
    /// <summary>Points needed before limits are shown at all and, for the effect of a change, before the change.</summary>
    public int MinimumBaselinePoints { get; init; } = 12;
    /// <summary>Points needed after a change before a verdict other than "not enough data yet".</summary>
    public int MinimumPointsAfterChange { get; init; } = 6;

    public static SpcOptions Default { get; } = new();
}

/// <summary>An XmR chart: the values, their mean, the mean moving range, the natural process limits
/// (mean ± 2.66 × mean moving range; the lower limit is not allowed below zero, as the values are counts) and the
/// special-cause signals found.</summary>
public sealed record XmrChart(
    IReadOnlyList<double> Values,
    double Mean,
    double MeanMovingRange,
    double UpperLimit,
    double LowerLimit,
    IReadOnlyList<SpcSignal> Signals)
{
    /// <summary>2.66 = 3 / d2 (1.128), the constant for limits from the mean moving range of pairs.</summary>
    public const double LimitConstant = 2.66;

    /// <summary>Two sigma: two thirds of the way from the mean to a limit.</summary>
    public double UpperTwoSigma => Mean + (2.0 / 3.0 * LimitConstant * MeanMovingRange);

    public double LowerTwoSigma => Mean - (2.0 / 3.0 * LimitConstant * MeanMovingRange);
}

/// <summary>Builds XmR charts and finds special-cause signals (plain arithmetic, unit-tested on known series).</summary>
public static class Xmr
{
    public static XmrChart Build(IReadOnlyList<double> values, SpcOptions? options = null)
    {
        if (values.Count == 0)
        {
            return new XmrChart(values, 0, 0, 0, 0, []);
        }

        var mean = values.Average();
        var mr = MeanMovingRange(values);
        return WithLimits(values, mean, mr, options);
    }

    /// <summary>The chart of <paramref name="values"/> judged against limits set elsewhere (a baseline).</summary>
    public static XmrChart WithLimits(IReadOnlyList<double> values, double mean, double meanMovingRange, SpcOptions? options = null)
    {
        var upper = mean + (XmrChart.LimitConstant * meanMovingRange);
        var lower = Math.Max(0, mean - (XmrChart.LimitConstant * meanMovingRange));
        var chart = new XmrChart(values, mean, meanMovingRange, upper, lower, []);
        return chart with { Signals = Detect(chart, options ?? SpcOptions.Default) };
    }

    public static double MeanMovingRange(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
        {
            return 0;
        }

        var sum = 0.0;
        for (var i = 1; i < values.Count; i++)
        {
            sum += Math.Abs(values[i] - values[i - 1]);
        }

        return sum / (values.Count - 1);
    }

    /// <summary>Every signal, in order of the first point. A point exactly on the mean ends a shift; equal neighbours end
    /// a trend (neither rising nor falling).</summary>
    public static IReadOnlyList<SpcSignal> Detect(XmrChart chart, SpcOptions options)
    {
        var v = chart.Values;
        var signals = new List<SpcSignal>();
        for (var i = 0; i < v.Count; i++)
        {
            if (v[i] > chart.UpperLimit)
            {
                signals.Add(new SpcSignal(SignalKind.BeyondLimit, i, i, true));
            }
            else if (v[i] < chart.LowerLimit)
            {
                signals.Add(new SpcSignal(SignalKind.BeyondLimit, i, i, false));
            }
        }

        AddRuns(signals, v.Count, options.ShiftRun, SignalKind.Shift, i => Math.Sign(v[i] - chart.Mean));
        AddRuns(signals, v.Count, options.TrendRun - 1, SignalKind.Trend, i => i == 0 ? 0 : Math.Sign(v[i] - v[i - 1]), trend: true);
        AddTwoOfThree(signals, v, chart.UpperTwoSigma, true);
        AddTwoOfThree(signals, v, chart.LowerTwoSigma, false);
        return [.. signals.OrderBy(s => s.FirstIndex).ThenBy(s => s.Kind)];
    }

    /// <summary>Maximal runs of the same non-zero sign at least <paramref name="length"/> long. For a trend the sign is
    /// of the step into each point, so a run of n steps covers n + 1 points.</summary>
    private static void AddRuns(List<SpcSignal> signals, int count, int length, SignalKind kind, Func<int, int> sign, bool trend = false)
    {
        var start = 0;
        for (var i = 0; i <= count; i++)
        {
            var ends = i == count || sign(i) == 0 || sign(i) != sign(start);
            if (!ends)
            {
                continue;
            }

            if (start < count && sign(start) != 0 && i - start >= length)
            {
                signals.Add(new SpcSignal(kind, trend ? start - 1 : start, i - 1, sign(start) > 0));
            }

            start = i;
        }
    }

    private static void AddTwoOfThree(List<SpcSignal> signals, IReadOnlyList<double> v, double line, bool high)
    {
        bool Beyond(int i) => high ? v[i] > line : v[i] < line;
        SpcSignal? open = null;
        for (var i = 0; i + 2 < v.Count; i++)
        {
            var hits = (Beyond(i) ? 1 : 0) + (Beyond(i + 1) ? 1 : 0) + (Beyond(i + 2) ? 1 : 0);
            if (hits < 2)
            {
                continue;
            }

            var first = Beyond(i) ? i : i + 1;
            var last = Beyond(i + 2) ? i + 2 : i + 1;
            if (open is not null && first <= open.LastIndex)
            {
                open = open with { LastIndex = Math.Max(open.LastIndex, last) };
            }
            else
            {
                if (open is not null)
                {
                    signals.Add(open);
                }

                open = new SpcSignal(SignalKind.TwoOfThreeNearLimit, first, last, high);
            }
        }

        if (open is not null)
        {
            signals.Add(open);
        }
    }
}
