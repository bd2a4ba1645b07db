using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace SeriousCases.Web.Infrastructure.Charts;

public enum ChartKind
{
    /// <summary>Horizontal bars, one a category (sources, themes, owners): long labels stay readable.</summary>
    Bar,
    /// <summary>A line over time (months, quarters, years), a point for each value.</summary>
    Line,
}

/// <summary>One value of a chart: its label and the number (counts, days, percentages).</summary>
public sealed record ChartPoint(string Label, decimal Value);

/// <summary>What a chart shows. <see cref="Id"/> must be unique on the page: the SVG's title and description use it.</summary>
public sealed record ChartOptions(string Id, string Title, string Description, ChartKind Kind = ChartKind.Bar)
{
    public int Width { get; init; } = 600;
    /// <summary>For a line chart; a bar chart grows with its bars.</summary>
    public int Height { get; init; } = 260;
    /// <summary>"%" for percentages; appended to the value labels.</summary>
    public string Unit { get; init; } = "";
}

/// <summary>Bar and line charts rendered on the server as inline SVG: no JavaScript, every text encoded (built with
/// TagBuilder), an accessible name and description, and always shown with a table of the same figures beside it (the
/// table is what screen readers and keyboard users read; the SVG is labelled as an image of it).</summary>
public static class SvgChart
{
    private const string Ink = "#0b0c0c";
    private const string Bar = "#1d70b8";
    private const string Grid = "#b1b4b6";
    private const int FontSize = 14;

    public static IHtmlContent Render(IReadOnlyList<ChartPoint> points, ChartOptions options) =>
        options.Kind == ChartKind.Line ? RenderLine(points, options) : RenderBars(points, options);

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A round top for the axis: 1, 2 or 5 times a power of ten, at least the largest value (1 when all are zero).</summary>
    public static decimal NiceMaximum(decimal max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 5m, 10m })
        {
            if (step * power >= max)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    private static TagBuilder Svg(ChartOptions options, int height)
    {
        var svg = new TagBuilder("svg");
        svg.Attributes["xmlns"] = "http://www.w3.org/2000/svg";
        svg.Attributes["class"] = "app-chart";
        svg.Attributes["id"] = options.Id;
        svg.Attributes["role"] = "img";
        svg.Attributes["aria-labelledby"] = $"{options.Id}-title {options.Id}-desc";
        svg.Attributes["viewBox"] = $"0 0 {options.Width} {height}";
        svg.Attributes["width"] = "100%";
        svg.Attributes["style"] = $"max-width:{options.Width}px";
        svg.Attributes["focusable"] = "false";
        var title = new TagBuilder("title");
        title.Attributes["id"] = options.Id + "-title";
        title.InnerHtml.Append(options.Title);
        var desc = new TagBuilder("desc");
        desc.Attributes["id"] = options.Id + "-desc";
        desc.InnerHtml.Append(options.Description);
        svg.InnerHtml.AppendHtml(title).AppendHtml(desc);
        return svg;
    }

    private static TagBuilder Text(double x, double y, string text, string anchor = "start", string? weight = null)
    {
        var t = new TagBuilder("text");
        t.Attributes["x"] = D(x);
        t.Attributes["y"] = D(y);
        t.Attributes["fill"] = Ink;
        t.Attributes["font-size"] = FontSize.ToString(CultureInfo.InvariantCulture);
        t.Attributes["font-family"] = "Arial, sans-serif";
        t.Attributes["text-anchor"] = anchor;
        if (weight is not null)
        {
            t.Attributes["font-weight"] = weight;
        }

        t.InnerHtml.Append(text);
        return t;
    }

    private static TagBuilder Line(double x1, double y1, double x2, double y2, string colour, double width = 1)
    {
        var l = new TagBuilder("line") { TagRenderMode = TagRenderMode.SelfClosing };
        l.Attributes["x1"] = D(x1);
        l.Attributes["y1"] = D(y1);
        l.Attributes["x2"] = D(x2);
        l.Attributes["y2"] = D(y2);
        l.Attributes["stroke"] = colour;
        l.Attributes["stroke-width"] = D(width);
        return l;
    }

    /// <summary>Labels longer than this are shortened with an ellipsis; the table beside the chart has them in full.</summary>
    public static string Shorten(string label, int max = 28) => label.Length <= max ? label : string.Concat(label.AsSpan(0, max - 1), "…");

    private static IHtmlContent RenderBars(IReadOnlyList<ChartPoint> points, ChartOptions options)
    {
        const int barHeight = 22;
        const int gap = 8;
        const int labelWidth = 210;
        const int valueWidth = 60;
        const int top = 8;
        var height = top + Math.Max(1, points.Count) * (barHeight + gap) + 4;
        var svg = Svg(options, height);
        var max = NiceMaximum(points.Count == 0 ? 0 : points.Max(p => p.Value));
        var plot = options.Width - labelWidth - valueWidth;
        svg.InnerHtml.AppendHtml(Line(labelWidth, top - 4, labelWidth, height - 4, Grid));
        if (points.Count == 0)
        {
            svg.InnerHtml.AppendHtml(Text(labelWidth + 8, top + 16, "No figures for this period"));
        }

        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var y = top + (i * (barHeight + gap));
            var width = max == 0 ? 0 : (double)(p.Value / max) * plot;
            svg.InnerHtml.AppendHtml(Text(labelWidth - 8, y + 16, Shorten(p.Label), "end"));
            var rect = new TagBuilder("rect") { TagRenderMode = TagRenderMode.SelfClosing };
            rect.Attributes["x"] = D(labelWidth);
            rect.Attributes["y"] = D(y);
            rect.Attributes["width"] = D(Math.Max(width, p.Value > 0 ? 1 : 0));
            rect.Attributes["height"] = D(barHeight);
            rect.Attributes["fill"] = Bar;
            svg.InnerHtml.AppendHtml(rect);
            svg.InnerHtml.AppendHtml(Text(labelWidth + width + 6, y + 16, N(p.Value) + options.Unit, weight: "bold"));
        }

        return svg;
    }

    private static IHtmlContent RenderLine(IReadOnlyList<ChartPoint> points, ChartOptions options)
    {
        const int left = 48;
        const int right = 16;
        const int top = 12;
        const int bottom = 40;
        var height = options.Height;
        var svg = Svg(options, height);
        var max = NiceMaximum(points.Count == 0 ? 0 : points.Max(p => p.Value));
        var plotWidth = options.Width - left - right;
        var plotHeight = height - top - bottom;
        double X(int i) => points.Count <= 1 ? left + (plotWidth / 2.0) : left + (i * plotWidth / (double)(points.Count - 1));
        double Y(decimal v) => top + plotHeight - ((double)(v / max) * plotHeight);

        // Axis with the top, middle and zero values.
        foreach (var tick in new[] { 0m, max / 2, max })
        {
            svg.InnerHtml.AppendHtml(Line(left, Y(tick), options.Width - right, Y(tick), Grid, tick == 0 ? 1.5 : 0.5));
            svg.InnerHtml.AppendHtml(Text(left - 6, Y(tick) + 5, N(tick) + options.Unit, "end"));
        }

        if (points.Count == 0)
        {
            svg.InnerHtml.AppendHtml(Text(left + 8, top + 20, "No figures for this period"));
            return svg;
        }

        var polyline = new TagBuilder("polyline") { TagRenderMode = TagRenderMode.SelfClosing };
        polyline.Attributes["points"] = string.Join(' ', points.Select((p, i) => $"{D(X(i))},{D(Y(p.Value))}"));
        polyline.Attributes["fill"] = "none";
        polyline.Attributes["stroke"] = Bar;
        polyline.Attributes["stroke-width"] = "3";
        svg.InnerHtml.AppendHtml(polyline);

        // At most about eight labels along the bottom, always the first and the last.
        var every = Math.Max(1, (int)Math.Ceiling(points.Count / 8.0));
        for (var i = 0; i < points.Count; i++)
        {
            var dot = new TagBuilder("circle") { TagRenderMode = TagRenderMode.SelfClosing };
            dot.Attributes["cx"] = D(X(i));
            dot.Attributes["cy"] = D(Y(points[i].Value));
            dot.Attributes["r"] = "4";
            dot.Attributes["fill"] = Bar;
            svg.InnerHtml.AppendHtml(dot);
            if (i % every == 0 || i == points.Count - 1)
            {
                var anchor = points.Count == 1 ? "middle" : i == 0 ? "start" : i == points.Count - 1 ? "end" : "middle";
                svg.InnerHtml.AppendHtml(Text(X(i), height - bottom + 22, Shorten(points[i].Label, 12), anchor));
            }
        }

        return svg;
    }
}
