using System.Globalization;
using SeriousCases.Core.Themes;
using SeriousCases.Core.Themes.Spc;

namespace SeriousCases.Web.Pages.Themes;

/// <summary>The geometry of an XmR chart drawn as inline SVG on the server (no JavaScript): the values as a line with a
/// marker per point (signal points drawn as larger, outlined squares so colour is never the only cue), the mean as a solid
/// line and the process limits as dashed lines, with value and period labels.</summary>
public sealed class XmrSvg
{
    public const int Width = 720;
    public const int Height = 320;
    private const int Left = 48;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 48;

    public XmrSvg(string id, string title, IReadOnlyList<SeriesPointValue> points, XmrChart chart)
    {
        Id = id;
        Title = title;
        Chart = chart;
        var max = Math.Max(1, Math.Max(chart.UpperLimit, points.Count == 0 ? 0 : points.Max(p => p.Value)));
        YMax = NiceCeiling(max);
        var signalled = new HashSet<int>();
        foreach (var s in chart.Signals)
        {
            for (var i = s.FirstIndex; i <= s.LastIndex; i++)
            {
                signalled.Add(i);
            }
        }

        var step = points.Count <= 1 ? 0 : (Width - Left - Right) / (double)(points.Count - 1);
        Points = [.. points.Select((p, i) => new Dot(X(i, step), Y(p.Value), p.Period, p.Value, signalled.Contains(i)))];
        var labelEvery = Math.Max(1, (int)Math.Ceiling(points.Count / 8.0));
        XLabels = [.. Points.Where((_, i) => i % labelEvery == 0)];
        YTicks = [.. Enumerable.Range(0, 5).Select(i => YMax * i / 4)];
    }

    public sealed record Dot(double X, double Y, string Period, int Value, bool Signal);

    public string Id { get; }

    public string Title { get; }

    public XmrChart Chart { get; }

    public double YMax { get; }

    public IReadOnlyList<Dot> Points { get; }

    public IReadOnlyList<Dot> XLabels { get; }

    public IReadOnlyList<double> YTicks { get; }

    public static string ViewBox => $"0 0 {Width} {Height}";

    public static double PlotLeft => Left;

    public static double PlotRight => Width - Right;

    public static double PlotBottom => Height - Bottom;

    public double Y(double value) => Top + ((Height - Top - Bottom) * (1 - (value / YMax)));

    public string Line => string.Join(" ", Points.Select(p => $"{F(p.X)},{F(p.Y)}"));

    public string Description =>
        Points.Count == 0
            ? "No data for this period."
            : $"{Points.Count} points from {Points[0].Period} to {Points[^1].Period}. Mean {F(Chart.Mean)}, lower process limit {F(Chart.LowerLimit)}, "
              + $"upper process limit {F(Chart.UpperLimit)}. {(Chart.Signals.Count == 0 ? "No special-cause signals." : $"{Chart.Signals.Count} special-cause signals, listed below the chart.")}";

    public static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static double X(int i, double step) => Left + (i * step);

    private static double NiceCeiling(double v)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (var m in new[] { 1, 2, 2.5, 4, 5, 10 })
        {
            if (m * magnitude >= v)
            {
                return m * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
