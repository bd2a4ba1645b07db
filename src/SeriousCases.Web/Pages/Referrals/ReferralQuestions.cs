using System.Globalization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using SeriousCases.Core.Common;
using SeriousCases.Core.Referrals;
using SeriousCases.Core.Referrals.Criteria;
using SeriousCases.Web.Infrastructure.Authorization;

namespace SeriousCases.Web.Pages.Referrals;

/// <summary>Making and following referrals is open to every colleague; each sees only their own.</summary>
public sealed class ReferralsFeature : IFeatureAccess
{
    public void Configure(PageConventionCollection pages) => pages.AuthorizeFolder("/Referrals", Policies.Refer);
}

public enum FieldKind
{
    Date,
    Text,
    Textarea,
    Radios,
    Checkboxes,
}

public sealed record Choice(string Value, string Text, string? Hint = null);

/// <summary>One answer on a question page. <see cref="Name"/> is the field name the rules report errors
/// against, so an error links to its field.</summary>
public sealed record Field(string Name, FieldKind Kind, string Label, string? Hint = null, bool Optional = false)
{
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>Extra classes for a text input, e.g. a width.</summary>
    public string? InputClasses { get; init; }

    public string? Autocomplete { get; init; }
}

/// <summary>A question page of the referral journey: one subject per page, in GOV.UK style.</summary>
public sealed record Question(string Slug, string Title, IReadOnlyList<Field> Fields, string? Hint = null)
{
    public IReadOnlyCollection<string> FieldNames => [.. Fields.Select(f => f.Name)];

    /// <summary>When the page has a single field, its label is the page heading.</summary>
    public bool IsSingleField => Fields.Count == 1;
}

/// <summary>The referral journey: its questions in order, how answers are read from a draft and from a
/// posted form, and how they are shown on "Check your answers".</summary>
public static class ReferralQuestions
{
    public static IReadOnlyList<Question> All(IReadOnlyList<string> serviceLines) =>
    [
        new("received", "When did DWP receive this referral?",
            [new Field("receivedOn", FieldKind.Date, "When did DWP receive this referral?", "This decides which version of the criteria applies. For example, 27 3 2026")]),
        new("awareness", "How did DWP become aware of the case?",
        [
            new Field("awarenessRoute", FieldKind.Radios, "How did DWP become aware of the case?", Optional: true)
            {
                Choices = [.. Enum.GetValues<AwarenessRoute>().Select(r => new Choice(r.ToString(), Describe(r)))],
            },
            new Field("awarenessRouteOther", FieldKind.Text, "If other, how did DWP become aware?", Optional: true),
            new Field("dwpAwareOn", FieldKind.Date, "When did DWP become aware? (optional)", "For example, 20 3 2026", Optional: true),
        ]),
        new("customer", "About the customer",
        [
            new Field("customerName", FieldKind.Text, "Full name") { Autocomplete = "off" },
            new Field("dateOfBirth", FieldKind.Date, "Date of birth (optional)", "For example, 31 3 1980", Optional: true),
            new Field("nationalInsuranceNumber", FieldKind.Text, "National Insurance number (optional)",
                "It's on the customer's benefit letters. For example, 'QQ 12 34 56 C'", Optional: true) { InputClasses = "govuk-input--width-10" },
            new Field("dateOfDeath", FieldKind.Date, "Date of death, if the customer has died (optional)", "For example, 2 3 2026", Optional: true),
        ], "Only what is needed to find the customer's records. This is special category data: it is kept securely and every view is recorded."),
        new("nation", "Where does the customer live?",
        [
            new Field("nation", FieldKind.Radios, "Where does the customer live?")
            {
                Choices = [.. Enum.GetValues<Nation>().Select(n => new Choice(n.ToString(), n.ToString()))],
            },
        ]),
        new("service-lines", "Which benefits or services did the customer have?",
        [
            new Field("serviceLines", FieldKind.Checkboxes, "Which benefits or services did the customer have?",
                "Select all that the customer had at the time, not only the one the event concerns.")
            {
                Choices = [.. serviceLines.Select(l => new Choice(l, l))],
            },
        ]),
        new("what-happened", "What happened to the customer?",
        [
            new Field("event", FieldKind.Radios, "What happened to the customer?")
            {
                Choices =
                [
                    new Choice(nameof(SeriousEvent.Died), "The customer died"),
                    new Choice(nameof(SeriousEvent.SuspectedSuicide), "The customer died and suicide is suspected"),
                    new Choice(nameof(SeriousEvent.AttemptedSuicide), "The customer attempted suicide, or there is reason to believe so"),
                    new Choice(nameof(SeriousEvent.SeriousHarm), "The customer came to serious harm"),
                    new Choice(nameof(SeriousEvent.None), "None of these"),
                ],
            },
        ]),
        new("allegation", "Is there a suggestion or allegation that DWP contributed?",
        [
            new Field("allegation", FieldKind.Radios, "Is there a suggestion or allegation that DWP's actions or omissions contributed to what happened?")
            {
                Choices = [new Choice("yes", "Yes"), new Choice("no", "No")],
            },
            new Field("allegationDetail", FieldKind.Textarea, "If yes, what is the suggestion or allegation?",
                "Who made it and what they say. Do not include names of other people.", Optional: true),
        ]),
        new("external-reviews", "Has DWP been asked to take part in an external review?",
        [
            new Field("externalReviews", FieldKind.Checkboxes, "Has DWP been asked to take part in an external review?",
                "Select all that apply. Leave them all unselected if there is none.", Optional: true)
            {
                Choices =
                [
                    new Choice(nameof(ExternalReviews.SafeguardingAdultsReview), "Safeguarding Adults Review"),
                    new Choice(nameof(ExternalReviews.SignificantCaseReview), "Significant Case Review", "Scotland only"),
                    new Choice(nameof(ExternalReviews.DomesticHomicideReview), "Domestic Homicide Review"),
                    new Choice(nameof(ExternalReviews.InquestInterestedParty), "DWP is named as an Interested Party at an inquest"),
                ],
            },
        ]),
    ];

    /// <summary>The raw values of a draft's answers, as the form fields hold them.</summary>
    public static Dictionary<string, string[]> Read(ReferralSubmission s)
    {
        var values = new Dictionary<string, string[]>();
        void Date(string name, DateOnly? d)
        {
            values[name + ".day"] = [d?.Day.ToString(CultureInfo.InvariantCulture) ?? ""];
            values[name + ".month"] = [d?.Month.ToString(CultureInfo.InvariantCulture) ?? ""];
            values[name + ".year"] = [d?.Year.ToString(CultureInfo.InvariantCulture) ?? ""];
        }

        Date("receivedOn", s.ReceivedOn);
        Date("dwpAwareOn", s.DwpAwareOn);
        Date("dateOfBirth", s.DateOfBirth);
        Date("dateOfDeath", s.DateOfDeath);
        values["awarenessRoute"] = s.AwarenessRoute is { } route ? [route.ToString()] : [];
        values["awarenessRouteOther"] = [s.AwarenessRouteOther ?? ""];
        values["customerName"] = [s.CustomerName ?? ""];
        values["nationalInsuranceNumber"] = [s.NationalInsuranceNumber ?? ""];
        values["nation"] = s.Nation is { } nation ? [nation.ToString()] : [];
        values["serviceLines"] = [.. s.ServiceLines];
        values["event"] = s.Event is { } e ? [e.ToString()] : [];
        values["allegation"] = s.Allegation is { } a ? [a ? "yes" : "no"] : [];
        values["allegationDetail"] = [s.AllegationDetail ?? ""];
        values["externalReviews"] = [.. Enum.GetValues<ExternalReviews>().Where(r => r != ExternalReviews.None && s.ExternalReviews.HasFlag(r)).Select(r => r.ToString())];
        return values;
    }

    /// <summary>Applies a question page's posted values to the answers. Values that cannot be read (a date
    /// that does not exist) are reported in <paramref name="errors"/> in GOV.UK wording.</summary>
    public static ReferralSubmission Apply(Question question, ReferralSubmission s, Func<string, string[]> form, ValidationErrors errors)
    {
        foreach (var field in question.Fields)
        {
            string One() => form(field.Name).FirstOrDefault()?.Trim() ?? "";
            s = field.Name switch
            {
                "receivedOn" => s with { ReceivedOn = ReadDate(field, form, errors) },
                "dwpAwareOn" => s with { DwpAwareOn = ReadDate(field, form, errors) },
                "dateOfBirth" => s with { DateOfBirth = ReadDate(field, form, errors) },
                "dateOfDeath" => s with { DateOfDeath = ReadDate(field, form, errors) },
                "awarenessRoute" => s with { AwarenessRoute = Enum.TryParse<AwarenessRoute>(One(), out var r) ? r : null },
                "awarenessRouteOther" => s with { AwarenessRouteOther = One() },
                "customerName" => s with { CustomerName = One() },
                "nationalInsuranceNumber" => s with { NationalInsuranceNumber = One() },
                "nation" => s with { Nation = Enum.TryParse<Nation>(One(), out var n) ? n : null },
                "serviceLines" => s with { ServiceLines = [.. form(field.Name).Where(v => !string.IsNullOrWhiteSpace(v))] },
                "event" => s with { Event = Enum.TryParse<SeriousEvent>(One(), out var e) ? e : null },
                "allegation" => s with { Allegation = One() switch { "yes" => true, "no" => false, _ => null } },
                "allegationDetail" => s with { AllegationDetail = One() },
                "externalReviews" => s with
                {
                    ExternalReviews = form(field.Name)
                        .Select(v => Enum.TryParse<ExternalReviews>(v, out var x) ? x : ExternalReviews.None)
                        .Aggregate(ExternalReviews.None, (all, one) => all | one),
                },
                _ => throw new InvalidOperationException($"No answer called {field.Name}."),
            };
        }

        return s;
    }

    private static DateOnly? ReadDate(Field field, Func<string, string[]> form, ValidationErrors errors)
    {
        string Part(string part) => form($"{field.Name}.{part}").FirstOrDefault()?.Trim() ?? "";
        var (day, month, year) = (Part("day"), Part("month"), Part("year"));
        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
        {
            return null;
        }

        var name = field.Label.Replace(" (optional)", "", StringComparison.Ordinal).TrimEnd('?');
        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && year.Length == 4 && y > 1900 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        errors.Add(field.Name, $"{DateSubject(field.Name)} must be a real date, like 27 3 2026");
        return null;
    }

    private static string DateSubject(string name) => name switch
    {
        "receivedOn" => "The date DWP received the referral",
        "dwpAwareOn" => "The date DWP became aware",
        "dateOfBirth" => "Date of birth",
        _ => "Date of death",
    };

    /// <summary>An answer as "Check your answers" shows it.</summary>
    public static string Show(Question question, ReferralSubmission s) => question.Slug switch
    {
        "received" => s.ReceivedOn is { } d ? UkTime.Format(d) : "",
        "awareness" => string.Join(", ", new[]
        {
            s.AwarenessRoute is { } r ? (r == AwarenessRoute.Other ? $"Other: {s.AwarenessRouteOther}" : Describe(r)) : null,
            s.DwpAwareOn is { } a ? $"aware from {UkTime.Format(a)}" : null,
        }.Where(x => x is not null)),
        "customer" => string.Join("\n", new[]
        {
            s.CustomerName,
            s.DateOfBirth is { } b ? $"Born {UkTime.Format(b)}" : null,
            string.IsNullOrWhiteSpace(s.NationalInsuranceNumber) ? null : s.NationalInsuranceNumber,
            s.DateOfDeath is { } dd ? $"Died {UkTime.Format(dd)}" : null,
        }.Where(x => !string.IsNullOrWhiteSpace(x))),
        "nation" => s.Nation?.ToString() ?? "",
        "service-lines" => string.Join("\n", s.ServiceLines),
        "what-happened" => s.Event is { } e ? "The customer " + IprCriteria.Describe(e) : "",
        "allegation" => s.Allegation switch { true => $"Yes: {s.AllegationDetail}", false => "No", null => "" },
        "external-reviews" => s.ExternalReviews == ExternalReviews.None
            ? "None"
            : string.Join("\n", Enum.GetValues<ExternalReviews>().Where(r => r != ExternalReviews.None && s.ExternalReviews.HasFlag(r)).Select(IprCriteria.Describe)),
        _ => "",
    };

    public static string Describe(AwarenessRoute route) => route switch
    {
        AwarenessRoute.MemberOfParliament => "A Member of Parliament",
        AwarenessRoute.LocalAuthority => "A local authority",
        AwarenessRoute.Family => "The customer's family",
        AwarenessRoute.Coroner => "A coroner",
        AwarenessRoute.FrontlineColleague => "A frontline colleague",
        AwarenessRoute.Complaint => "A complaint",
        _ => "Other",
    };
}
