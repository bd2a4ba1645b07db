using SeriousCases.Core.Themes.Spc;

namespace SeriousCases.Tests.Themes;

/// <summary>The XmR chart and every special-cause rule on known series, with limits set by hand (mean 10, mean moving
/// range 2: limits 4.68 and 15.32, two sigma at 6.45 and 13.55) so each test isolates one rule.</summary>
public sealed class XmrTests
{
    private static XmrChart Judge(params double[] values) => Xmr.WithLimits(values, 10, 2);

    [Fact]
    public void Mean_moving_range_and_limits_are_computed_as_making_data_count_does()
    {
        var chart = Xmr.Build([1, 3, 2, 4]);

        Assert.Equal(2.5, chart.Mean, 6);
        Assert.Equal(5.0 / 3, chart.MeanMovingRange, 6);
        Assert.Equal(2.5 + (2.66 * 5 / 3), chart.UpperLimit, 6);
        Assert.Equal(0, chart.LowerLimit); // 2.5 - 4.43 is below zero: a count cannot be
        Assert.Empty(chart.Signals);

        var limits = Judge(10);
        Assert.Equal(15.32, limits.UpperLimit, 6);
        Assert.Equal(4.68, limits.LowerLimit, 6);
    }

    [Fact]
    public void A_point_beyond_either_limit_is_a_signal()
    {
        var chart = Judge(10, 11, 9, 16, 10, 3);

        Assert.Equal(
            [new SpcSignal(SignalKind.BeyondLimit, 3, 3, true), new SpcSignal(SignalKind.BeyondLimit, 5, 5, false)],
            chart.Signals);
        Assert.Equal("A point above the upper process limit", chart.Signals[0].Description);
    }

    [Fact]
    public void Seven_points_on_one_side_of_the_mean_are_a_shift_and_six_are_not()
    {
        Assert.Equal([new SpcSignal(SignalKind.Shift, 0, 6, true)], Judge(11, 12, 11, 12, 11, 12, 11).Signals);
        Assert.Equal([new SpcSignal(SignalKind.Shift, 1, 8, false)], Judge(12, 9, 8, 9, 8, 9, 8, 9, 9, 10).Signals);
        Assert.Empty(Judge(11, 12, 11, 12, 11, 12).Signals);
        // A point on the mean ends the run.
        Assert.Empty(Judge(11, 12, 11, 10, 12, 11, 12, 11).Signals);
        Assert.Equal("8 points in a row below the mean", Judge(12, 9, 8, 9, 8, 9, 8, 9, 9, 10).Signals[0].Description);
    }

    [Fact]
    public void The_shift_run_length_is_configurable()
    {
        var six = new SpcOptions { ShiftRun = 6 };

        Assert.Equal([new SpcSignal(SignalKind.Shift, 0, 5, true)], Xmr.WithLimits([11, 12, 11, 12, 11, 12], 10, 2, six).Signals);
    }

    [Fact]
    public void Six_points_each_rising_or_falling_are_a_trend_and_five_are_not()
    {
        // Wide limits (mean moving range 5) so only the trend rule can fire; 10 sits on the mean, ending any shift.
        Assert.Equal([new SpcSignal(SignalKind.Trend, 0, 5, true)], Xmr.WithLimits([5, 6, 7, 8, 9, 10], 10, 5).Signals);
        Assert.Equal([new SpcSignal(SignalKind.Trend, 1, 6, false)], Xmr.WithLimits([9, 15, 14, 13, 12, 11, 10], 10, 5).Signals);
        Assert.Empty(Xmr.WithLimits([6, 7, 8, 9, 10], 10, 5).Signals);
        // An equal neighbour is neither rising nor falling.
        Assert.Empty(Xmr.WithLimits([5, 6, 7, 7, 8, 9, 10], 10, 5).Signals);
        Assert.Equal("6 points in a row falling", Xmr.WithLimits([9, 15, 14, 13, 12, 11, 10], 10, 5).Signals[0].Description);
    }

    [Fact]
    public void Two_of_three_points_beyond_two_sigma_on_the_same_side_are_a_signal()
    {
        Assert.Equal([new SpcSignal(SignalKind.TwoOfThreeNearLimit, 1, 3, true)], Judge(10, 14, 10, 14, 10).Signals);
        Assert.Equal([new SpcSignal(SignalKind.TwoOfThreeNearLimit, 0, 1, false)], Judge(6, 6, 10, 11).Signals);
        // One high and one low in three is not.
        Assert.Empty(Judge(14, 10, 6, 14).Signals);
        Assert.Empty(Judge(14, 10, 10, 14).Signals);
    }

    [Fact]
    public void Fewer_after_a_change_is_a_signal_not_chance()
    {
        double[] baseline = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
        var effect = ChangeEffect.Assess([.. baseline, 9, 9, 8, 9, 8, 9, 9], baseline.Length, "complaints");

        Assert.Equal(EffectVerdict.Fewer, effect.Verdict);
        Assert.StartsWith("Fewer complaints on this theme since the change, a signal not chance", effect.Words);
        Assert.Equal(11, effect.Baseline.Mean, 6);
        Assert.Equal([new SpcSignal(SignalKind.Shift, 0, 6, false)], effect.AfterAgainstBaseline.Signals);
        Assert.Equal(8.714, effect.After.Mean, 3); // limits recalculated after the change
    }

    [Fact]
    public void No_signal_yet_when_the_points_after_stay_within_the_baseline()
    {
        double[] baseline = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
        var effect = ChangeEffect.Assess([.. baseline, 10, 12, 10, 12, 10, 12], baseline.Length, "complaints");

        Assert.Equal(EffectVerdict.NoSignalYet, effect.Verdict);
        Assert.StartsWith("No signal yet", effect.Words);
    }

    [Fact]
    public void More_after_a_change_is_said_too()
    {
        double[] baseline = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
        var effect = ChangeEffect.Assess([.. baseline, 10, 12, 25, 10, 12, 10], baseline.Length, "findings");

        Assert.Equal(EffectVerdict.More, effect.Verdict);
        Assert.StartsWith("More findings on this theme since the change, a signal not chance (a point above the upper process limit)", effect.Words);
    }

    [Fact]
    public void Not_enough_data_yet_states_the_minimum_points()
    {
        double[] eleven = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10];
        var fewBefore = ChangeEffect.Assess([.. eleven, 1, 1, 1, 1, 1, 1, 1], eleven.Length, "complaints");
        var fewAfter = ChangeEffect.Assess([.. eleven, 12, 1, 1], 12, "complaints");

        Assert.Equal(EffectVerdict.NotEnoughData, fewBefore.Verdict);
        Assert.Equal("Not enough data yet: a verdict needs at least 12 points before the change and 6 after it (there are 11 before and 7 after).", fewBefore.Words);
        Assert.Equal(EffectVerdict.NotEnoughData, fewAfter.Verdict);
        Assert.Contains("(there are 12 before and 2 after)", fewAfter.Words);
    }
}
