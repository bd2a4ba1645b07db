using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Html;
using SeriousCases.Web.Infrastructure.GovUk;

namespace SeriousCases.Tests.Infrastructure.GovUk;

/// <summary>Renders every fixture that ships with govuk-frontend 6.6 (Fixtures/*.json, copied from the npm
/// package) through our components and compares the DOM with the fixture's own HTML. A fixture that uses
/// an option our component does not offer is counted as not covered; the counts below pin the coverage.</summary>
public sealed class GovUkFixtureTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new StringDictionaryConverter() },
    };

    /// <summary>Component → (renderer, fixtures it must cover).</summary>
    private static readonly Dictionary<string, (Func<JsonElement, IHtmlContent> Render, int Covered)> Components = new()
    {
        ["back-link"] = (o => Web.Infrastructure.GovUk.GovUk.BackLink(Read<BackLinkOptions>(o)), 7),
        ["skip-link"] = (o => Web.Infrastructure.GovUk.GovUk.SkipLink(Read<SkipLinkOptions>(o)), 9),
        ["error-message"] = (o => Web.Infrastructure.GovUk.GovUk.ErrorMessage(Read<ErrorMessageOptions>(o)), 9),
        ["hint"] = (o => Web.Infrastructure.GovUk.GovUk.Hint(Read<ComponentOptions>(o)), 6),
        ["label"] = (o => Web.Infrastructure.GovUk.GovUk.Label(Read<LabelOptions>(o)), 17),
        ["tag"] = (o => Web.Infrastructure.GovUk.GovUk.Tag(Read<ComponentOptions>(o)), 12),
        ["inset-text"] = (o => Web.Infrastructure.GovUk.GovUk.InsetText(Read<ComponentOptions>(o)), 6),
        ["warning-text"] = (o => Web.Infrastructure.GovUk.GovUk.WarningText(Read<WarningTextOptions>(o)), 8),
        ["button"] = (o => Web.Infrastructure.GovUk.GovUk.Button(Read<ButtonOptions>(o)), 35),
        ["error-summary"] = (o => Web.Infrastructure.GovUk.GovUk.ErrorSummary(Read<ErrorSummaryOptions>(o)), 19),
        ["phase-banner"] = (o => Web.Infrastructure.GovUk.GovUk.PhaseBanner(Read<PhaseBannerOptions>(o)), 7),
    };

    private sealed record Fixture(string Name, JsonElement Options, string Html);

    private sealed record FixtureFile(List<Fixture> Fixtures);

    private static T Read<T>(JsonElement options) => options.Deserialize<T>(Options)!;

    private static List<Fixture> FixturesOf(string component)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "GovUk", "Fixtures", component + ".json");
        return JsonSerializer.Deserialize<FixtureFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Fixtures;
    }

    public static TheoryData<string> ComponentNames => [.. Components.Keys];

    [Theory]
    [MemberData(nameof(ComponentNames))]
    public void Every_supported_fixture_renders_the_markup_govuk_frontend_expects(string component)
    {
        var (render, covered) = Components[component];
        var failures = new List<string>();
        var rendered = 0;
        foreach (var fixture in FixturesOf(component))
        {
            IHtmlContent html;
            try
            {
                html = render(fixture.Options);
            }
            catch (JsonException)
            {
                continue; // an option this component does not offer (for example isStartButton)
            }

            rendered++;
            using var writer = new StringWriter();
            html.WriteTo(writer, HtmlEncoder.Default);
            if (MarkupComparer.Difference(fixture.Html, writer.ToString()) is { } difference)
            {
                failures.Add($"{component} \"{fixture.Name}\": {difference}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(covered, rendered);
    }

    [Theory]
    [InlineData("<a href=\"#\" class=\"govuk-back-link\">Back</a>", "<a class=\"govuk-back-link\" href=\"#\">Back</a>", true)]
    [InlineData("<p class=\"a b\">x  y</p>", "<p class=\"b a\">\n x y </p>", true)]
    [InlineData("<a href=\"#\" class=\"govuk-back-link\">Back</a>", "<a href=\"/\" class=\"govuk-back-link\">Back</a>", false)]
    [InlineData("<a href=\"#\" class=\"govuk-back-link\">Back</a>", "<a href=\"#\" class=\"govuk-link\">Back</a>", false)]
    [InlineData("<a href=\"#\">Back</a>", "<a href=\"#\" data-x=\"1\">Back</a>", false)]
    [InlineData("<p>Back</p>", "<p>Forward</p>", false)]
    [InlineData("<p><span>a</span></p>", "<p><strong>a</strong></p>", false)]
    [InlineData("<p><span>a</span></p>", "<p><span>a</span><span>b</span></p>", false)]
    public void The_comparer_finds_real_differences_and_ignores_formatting(string expected, string actual, bool same) =>
        Assert.Equal(same, MarkupComparer.Difference(expected, actual) is null);

    /// <summary>Attribute values in fixtures are strings or numbers; objects (optional attributes) are not supported.</summary>
    private sealed class StringDictionaryConverter : JsonConverter<IReadOnlyDictionary<string, string>>
    {
        public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var doc = JsonDocument.ParseValue(ref reader);
            return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Number => p.Value.GetRawText(),
                _ => throw new JsonException($"Attribute {p.Name} is not a plain value."),
            });
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options) =>
            throw new NotSupportedException();
    }
}
