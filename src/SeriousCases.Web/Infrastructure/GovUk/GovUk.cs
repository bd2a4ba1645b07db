using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace SeriousCases.Web.Infrastructure.GovUk;

/// <summary>Options every GOV.UK component takes, named as in the design system's Nunjucks macros so the
/// fixtures shipped with govuk-frontend can drive the tests. <see cref="Html"/> is trusted markup written
/// in code (never user input) and wins over <see cref="Text"/>, which is always encoded.</summary>
public record ComponentOptions
{
    public string? Text { get; init; }
    public string? Html { get; init; }
    public string? Id { get; init; }
    public string? Classes { get; init; }
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}

public sealed record BackLinkOptions : ComponentOptions
{
    public string? Href { get; init; }
}

public sealed record SkipLinkOptions : ComponentOptions
{
    public string? Href { get; init; }
}

public sealed record ErrorMessageOptions : ComponentOptions
{
    public string? VisuallyHiddenText { get; init; }
}

public sealed record LabelOptions : ComponentOptions
{
    public string? For { get; init; }
    public bool IsPageHeading { get; init; }
}

public sealed record WarningTextOptions : ComponentOptions
{
    public string? IconFallbackText { get; init; }
}

public sealed record ButtonOptions : ComponentOptions
{
    public string? Href { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Value { get; init; }
    public bool Disabled { get; init; }
    public bool? PreventDoubleClick { get; init; }
}

public sealed record ErrorSummaryItem
{
    public string? Text { get; init; }
    public string? Html { get; init; }
    public string? Href { get; init; }
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}

public sealed record ErrorSummaryOptions : ComponentOptions
{
    public string? TitleText { get; init; }
    public string? TitleHtml { get; init; }
    public string? DescriptionText { get; init; }
    public string? DescriptionHtml { get; init; }
    public IReadOnlyList<ErrorSummaryItem>? ErrorList { get; init; }
    public bool? DisableAutoFocus { get; init; }
}

public sealed record PhaseBannerOptions : ComponentOptions
{
    public ComponentOptions? Tag { get; init; }
}

/// <summary>GOV.UK Frontend components rendered on the server, markup proven against govuk-frontend's
/// own fixtures (tests/…/GovUk). Use them from Razor: <c>@GovUk.BackLink(new() { Href = "/" })</c>.</summary>
public static class GovUk
{
    public static IHtmlContent BackLink(BackLinkOptions o) =>
        Element("a", o, "govuk-back-link", a => a.Add("href", o.Href ?? "#"), Content(o, "Back"));

    public static IHtmlContent SkipLink(SkipLinkOptions o) =>
        Element("a", o, "govuk-skip-link", a => a.Add("href", o.Href ?? "#content"), Content(o), ("data-module", "govuk-skip-link"));

    public static IHtmlContent ErrorMessage(ErrorMessageOptions o)
    {
        var prefix = o.VisuallyHiddenText ?? "Error";
        var body = new HtmlContentBuilder();
        if (prefix.Length > 0)
        {
            body.AppendHtml(Span("govuk-visually-hidden", Encoded(prefix + ":"))).AppendHtml(" ");
        }

        body.AppendHtml(Content(o));
        return Element("p", o, "govuk-error-message", null, body);
    }

    public static IHtmlContent Hint(ComponentOptions o) => Element("div", o, "govuk-hint", null, Content(o));

    public static IHtmlContent Tag(ComponentOptions o) => Element("strong", o, "govuk-tag", null, Content(o));

    public static IHtmlContent InsetText(ComponentOptions o) => Element("div", o, "govuk-inset-text", null, Content(o));

    public static IHtmlContent Label(LabelOptions o)
    {
        if (o.Text is null && o.Html is null)
        {
            return HtmlString.Empty;
        }

        var label = Element("label", o, "govuk-label", a =>
        {
            if (o.For is not null)
            {
                a.Add("for", o.For);
            }
        }, Content(o));
        if (!o.IsPageHeading)
        {
            return label;
        }

        var heading = new TagBuilder("h1");
        heading.AddCssClass("govuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    public static IHtmlContent WarningText(WarningTextOptions o)
    {
        var icon = new TagBuilder("span");
        icon.AddCssClass("govuk-warning-text__icon");
        icon.Attributes["aria-hidden"] = "true";
        icon.InnerHtml.Append("!");
        var text = new TagBuilder("strong");
        text.AddCssClass("govuk-warning-text__text");
        text.InnerHtml.AppendHtml(Span("govuk-visually-hidden", Encoded(o.IconFallbackText ?? "Warning"))).AppendHtml(" ").AppendHtml(Content(o));
        return Element("div", o, "govuk-warning-text", null, new HtmlContentBuilder().AppendHtml(icon).AppendHtml(text));
    }

    public static IHtmlContent Button(ButtonOptions o)
    {
        var isLink = o.Href is not null;
        return Element(isLink ? "a" : "button", o, "govuk-button", a =>
        {
            if (isLink)
            {
                a.Add("href", o.Href!);
                a.Add("role", "button");
                a.Add("draggable", "false");
                return;
            }

            a.Add("type", o.Type ?? "submit");
            if (o.Name is not null)
            {
                a.Add("name", o.Name);
            }

            if (o.Value is not null)
            {
                a.Add("value", o.Value);
            }

            if (o.Disabled)
            {
                a.Add("disabled", "disabled");
                a.Add("aria-disabled", "true");
            }

            if (o.PreventDoubleClick is { } prevent)
            {
                a.Add("data-prevent-double-click", prevent ? "true" : "false");
            }
        }, Content(o), ("data-module", "govuk-button"));
    }

    public static IHtmlContent ErrorSummary(ErrorSummaryOptions o)
    {
        var title = new TagBuilder("h2");
        title.AddCssClass("govuk-error-summary__title");
        title.InnerHtml.AppendHtml(Either(o.TitleHtml, o.TitleText));

        var body = new TagBuilder("div");
        body.AddCssClass("govuk-error-summary__body");
        if (o.DescriptionHtml is not null || o.DescriptionText is not null)
        {
            var description = new TagBuilder("p");
            description.InnerHtml.AppendHtml(Either(o.DescriptionHtml, o.DescriptionText));
            body.InnerHtml.AppendHtml(description);
        }

        if (o.ErrorList is { Count: > 0 } errors)
        {
            var list = new TagBuilder("ul");
            list.AddCssClass("govuk-list govuk-error-summary__list");
            foreach (var error in errors)
            {
                var item = new TagBuilder("li");
                var content = Either(error.Html, error.Text);
                if (error.Href is null)
                {
                    item.InnerHtml.AppendHtml(content);
                }
                else
                {
                    var link = new TagBuilder("a");
                    link.Attributes["href"] = error.Href;
                    AddAttributes(link, error.Attributes);
                    link.InnerHtml.AppendHtml(content);
                    item.InnerHtml.AppendHtml(link);
                }

                list.InnerHtml.AppendHtml(item);
            }

            body.InnerHtml.AppendHtml(list);
        }

        var alert = new TagBuilder("div");
        alert.Attributes["role"] = "alert";
        alert.InnerHtml.AppendHtml(title).AppendHtml(body);
        return Element("div", o, "govuk-error-summary", a =>
        {
            if (o.DisableAutoFocus is { } disable)
            {
                a.Add("data-disable-auto-focus", disable ? "true" : "false");
            }
        }, alert, ("data-module", "govuk-error-summary"));
    }

    public static IHtmlContent PhaseBanner(PhaseBannerOptions o)
    {
        var tagOptions = o.Tag ?? new ComponentOptions();
        var tag = new TagBuilder("strong");
        tag.AddCssClass(string.Join(' ', new[] { "govuk-tag govuk-phase-banner__content__tag", tagOptions.Classes }.Where(c => c is not null)));
        tag.InnerHtml.AppendHtml(Content(tagOptions));
        var text = Span("govuk-phase-banner__text", Content(o));
        var content = new TagBuilder("p");
        content.AddCssClass("govuk-phase-banner__content");
        content.InnerHtml.AppendHtml(tag).AppendHtml(text);
        return Element("div", o, "govuk-phase-banner govuk-width-container", null, content);
    }

    /// <summary>The common shape: one element with the component's class, the caller's extra classes,
    /// id and attributes, then any attributes the component always sets last.</summary>
    private static TagBuilder Element(string tag, ComponentOptions o, string baseClass, Action<AttributeList>? attributes,
        IHtmlContent content, params (string Name, string Value)[] trailing)
    {
        var element = new TagBuilder(tag);
        var own = new AttributeList();
        attributes?.Invoke(own);
        foreach (var (name, value) in own)
        {
            element.Attributes[name] = value;
        }

        element.Attributes["class"] = o.Classes is null ? baseClass : $"{baseClass} {o.Classes}";
        if (o.Id is not null)
        {
            element.Attributes["id"] = o.Id;
        }

        AddAttributes(element, o.Attributes);
        foreach (var (name, value) in trailing)
        {
            element.Attributes[name] = value;
        }

        element.InnerHtml.AppendHtml(content);
        return element;
    }

    /// <summary>Attributes a component sets before the caller's own, in the fixtures' order.</summary>
    private sealed class AttributeList : List<(string Name, string Value)>
    {
        public void Add(string name, string value) => Add((name, value));
    }

    private static void AddAttributes(TagBuilder element, IReadOnlyDictionary<string, string>? attributes)
    {
        foreach (var (name, value) in attributes ?? new Dictionary<string, string>())
        {
            element.Attributes[name] = value;
        }
    }

    private static IHtmlContent Content(ComponentOptions o, string? fallback = null) => Either(o.Html, o.Text ?? fallback);

    private static IHtmlContent Either(string? html, string? text) =>
        html is not null ? new HtmlString(html) : Encoded(text ?? "");

    private static IHtmlContent Encoded(string text) => new HtmlString(HtmlEncoder.Default.Encode(text));

    private static TagBuilder Span(string cssClass, IHtmlContent content)
    {
        var span = new TagBuilder("span");
        span.AddCssClass(cssClass);
        span.InnerHtml.AppendHtml(content);
        return span;
    }
}
