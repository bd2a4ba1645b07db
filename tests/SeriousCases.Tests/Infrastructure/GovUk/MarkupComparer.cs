using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SeriousCases.Tests.Infrastructure.GovUk;

/// <summary>Compares two HTML fragments as DOM trees: the same elements, attributes (in any order; class
/// tokens as a set; boolean attributes by presence) and text with whitespace collapsed. Returns the first
/// difference, or null when they match.</summary>
public static class MarkupComparer
{
    private static readonly HtmlParser Parser = new();

    public static string? Difference(string expected, string actual)
    {
        var context = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>").Body!;
        var left = Parser.ParseFragment(expected, context);
        var right = Parser.ParseFragment(actual, context);
        return CompareChildren(Significant(left), Significant(right), "");
    }

    private static List<INode> Significant(IEnumerable<INode> nodes) =>
        [.. nodes.Where(n => n is IElement || (n is IText t && !string.IsNullOrWhiteSpace(t.Data)))];

    private static string? CompareChildren(List<INode> expected, List<INode> actual, string path)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            if (i >= expected.Count)
            {
                return $"{path}: unexpected {Describe(actual[i])}";
            }

            if (i >= actual.Count)
            {
                return $"{path}: missing {Describe(expected[i])}";
            }

            var difference = CompareNode(expected[i], actual[i], path);
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    private static string? CompareNode(INode expected, INode actual, string path)
    {
        if (expected is IText et)
        {
            return actual is IText at && Collapse(et.Data) == Collapse(at.Data)
                ? null
                : $"{path}: expected text \"{Collapse(et.Data)}\" but found {Describe(actual)}";
        }

        var e = (IElement)expected;
        if (actual is not IElement a || a.LocalName != e.LocalName)
        {
            return $"{path}: expected <{e.LocalName}> but found {Describe(actual)}";
        }

        var here = $"{path}/{e.LocalName}";
        var expectedAttributes = Attributes(e);
        var actualAttributes = Attributes(a);
        foreach (var (name, value) in expectedAttributes)
        {
            if (!actualAttributes.TryGetValue(name, out var found))
            {
                return $"{here}: attribute {name}=\"{value}\" is missing";
            }

            if (found != value)
            {
                return $"{here}: attribute {name} is \"{found}\", expected \"{value}\"";
            }
        }

        var extra = actualAttributes.Keys.Except(expectedAttributes.Keys).FirstOrDefault();
        return extra is not null
            ? $"{here}: unexpected attribute {extra}"
            : CompareChildren(Significant(e.ChildNodes), Significant(a.ChildNodes), here);
    }

    private static Dictionary<string, string> Attributes(IElement element) => element.Attributes.ToDictionary(
        a => a.Name,
        a => a.Name == "class"
            ? string.Join(' ', a.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
            : a.Value == a.Name ? "" : a.Value);

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Describe(INode node) => node switch
    {
        IElement element => $"<{element.LocalName}>",
        IText text => $"text \"{Collapse(text.Data)}\"",
        _ => node.NodeName,
    };
}
