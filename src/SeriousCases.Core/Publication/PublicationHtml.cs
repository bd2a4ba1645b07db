using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace SeriousCases.Core.Publication;

/// <summary>The publication as a GOV.UK-style HTML publication: a contents list, numbered sections,
/// tables with captions and their notes, each customer's learning, signposting and glossary.
/// Every value is HTML-encoded; the document has no scripts.</summary>
public static class PublicationHtml
{
    public const string Title = "Learning and improving from serious cases";

    private const string InlineStyle = """
        body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;margin:0;line-height:1.5}
        header,main,footer{max-width:960px;margin:0 auto;padding:0 15px}
        header{border-bottom:10px solid #1d70b8;padding-bottom:10px}
        a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
        h1{font-size:2.5rem}h2{font-size:1.75rem;margin-top:2.5rem}h3{font-size:1.25rem}
        table{border-collapse:collapse;width:100%;margin-bottom:1rem}caption{text-align:left;font-weight:bold;font-size:1.1rem;padding-bottom:.5rem}
        th,td{border-bottom:1px solid #b1b4b6;text-align:left;padding:.5rem .75rem .5rem 0;vertical-align:top}
        .publication-contents li{margin-bottom:10px}.publication-contents a{display:inline-block;min-height:24px;padding:6px 0}td.number{text-align:right}.notes{font-size:.95rem}.caption-label{color:#505a5f}
        """;

    /// <summary>A standalone document. <paramref name="stylesheets"/> link the service's stylesheets when it is served
    /// by the service (whose Content-Security-Policy refuses inline styles); null embeds a small style for the download.</summary>
    public static string Render(PublicationContent c, string? publishedOn = null, IReadOnlyList<string>? stylesheets = null, string? backLink = null,
        string? downloadsHref = null, string? correctionNote = null)
    {
        var h = HtmlEncoder.Default;
        var sb = new StringBuilder(64 * 1024);
        var tables = PublicationTables.All(c).ToDictionary(t => t.Id);
        var sections = new List<(string Id, string Heading)>
        {
            ("learning-from-serious-cases", "Learning from serious cases"),
            ("what-an-ipr-is", "What an Internal Process Review (IPR) is"),
            ("criteria", "Criteria for conducting an IPR"),
            ("information-being-published", "Information being published"),
            ("data-on-iprs", $"Data on IPRs completed in {c.YearLabel}"),
            ("data-on-learning", $"Data on learning identified from IPRs in {c.YearLabel}"),
        };
        sections.AddRange(c.Sections.Select(s => ("section-" + s.Code.ToLowerInvariant(), $"{s.Name} learning from serious cases")));
        if (c.CrossBenefit.Customers.Count > 0)
        {
            sections.Add(("cross-benefit", "Cross-Benefit learning from serious cases"));
        }

        sections.Add(("signposting", "Signposting and support"));
        sections.Add(("glossary", "Glossary"));
        var number = sections.Select((s, i) => (s.Id, N: i + 1)).ToDictionary(x => x.Id, x => x.N);

        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(h.Encode($"{Title}: {c.YearLabel}")).Append("</title>\n");
        if (stylesheets is null)
        {
            sb.Append("<style>").Append(InlineStyle).Append("</style>\n");
        }
        else
        {
            foreach (var stylesheet in stylesheets)
            {
                sb.Append("<link rel=\"stylesheet\" href=\"").Append(h.Encode(stylesheet)).Append("\">\n");
            }
        }

        sb.Append("</head>\n<body class=\"govuk-template__body\">\n<header class=\"govuk-width-container\">\n");
        sb.Append("<p class=\"govuk-body govuk-!-margin-top-4\">Department for Work and Pensions: Advanced Customer Support</p>\n");
        if (backLink is not null)
        {
            sb.Append("<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"").Append(h.Encode(backLink)).Append("\">All publications</a></p>\n");
        }

        sb.Append("</header>\n<main class=\"govuk-width-container govuk-main-wrapper\" id=\"main-content\">\n");
        sb.Append("<h1 class=\"govuk-heading-xl\">").Append(h.Encode(Title)).Append("</h1>\n");
        sb.Append("<p class=\"govuk-body-l\">").Append(h.Encode($"Internal Process Reviews completed in {c.YearLabel}: what they found, what was agreed and what came of it.")).Append("</p>\n");
        if (publishedOn is not null)
        {
            sb.Append("<p class=\"govuk-body\">Published ").Append(h.Encode(publishedOn)).Append("</p>\n");
        }

        if (correctionNote is not null)
        {
            sb.Append("<p class=\"govuk-body\"><strong>Correction:</strong> ").Append(h.Encode(correctionNote)).Append("</p>\n");
        }

        if (downloadsHref is not null)
        {
            sb.Append("<h2 class=\"govuk-heading-m\" id=\"downloads-heading\">Data tables</h2>\n<ul class=\"govuk-list publication-contents\" id=\"downloads\">\n");
            foreach (var (format, text) in new[] { ("csv", "The tables as CSV"), ("ods", "The tables as an OpenDocument spreadsheet (ODS)"), ("json", "A summary for other systems (publication.json)") })
            {
                sb.Append("<li><a class=\"govuk-link govuk-!-display-inline-block govuk-!-padding-top-1 govuk-!-padding-bottom-1\" href=\"").Append(h.Encode(downloadsHref + format)).Append("\">").Append(h.Encode(text)).Append("</a></li>\n");
            }

            sb.Append("</ul>\n");
        }

        sb.Append("<nav aria-labelledby=\"contents-heading\">\n<h2 class=\"govuk-heading-m\" id=\"contents-heading\">Contents</h2>\n<ul class=\"govuk-list publication-contents\">\n");
        foreach (var (id, heading) in sections)
        {
            sb.Append("<li><a class=\"govuk-link govuk-!-display-inline-block govuk-!-padding-top-1 govuk-!-padding-bottom-1\" href=\"#").Append(id).Append("\">")
                .Append(number[id].ToString(CultureInfo.InvariantCulture)).Append(". ").Append(h.Encode(heading)).Append("</a></li>\n");
        }

        sb.Append("</ul>\n</nav>\n");

        void Heading(string id)
        {
            var heading = sections.Single(s => s.Id == id).Heading;
            sb.Append("<h2 class=\"govuk-heading-l\" id=\"").Append(id).Append("\">")
                .Append(number[id].ToString(CultureInfo.InvariantCulture)).Append(". ").Append(h.Encode(heading)).Append("</h2>\n");
        }

        void P(string text) => sb.Append("<p class=\"govuk-body\">").Append(h.Encode(text)).Append("</p>\n");

        void List(IEnumerable<string> items)
        {
            sb.Append("<ul class=\"govuk-list govuk-list--bullet\">\n");
            foreach (var item in items)
            {
                sb.Append("<li>").Append(h.Encode(item)).Append("</li>\n");
            }

            sb.Append("</ul>\n");
        }

        Heading("learning-from-serious-cases");
        P("The Department for Work and Pensions (DWP) is an organisation that supports over 20 million people every year through interactions with its different services.");
        P("DWP continuously takes learning from its most serious cases. To achieve this, DWP has implemented systems where it can consistently act on feedback, ensuring that when it learns that its customers' experiences have fallen below expectations, it uses this learning to make changes that improve its services.");
        P("One of the ways in which DWP looks to learn when things have gone wrong, is by completing Internal Process Reviews (IPRs) which help identify where improvements could be made across its many services.");

        Heading("what-an-ipr-is");
        P("IPRs are a thorough review of customer cases that seek to understand if DWP's interactions with customers have followed the correct operational processes. This sees evidence gathered and reviewed by an Investigator, who undertakes factfinding discussions with stakeholders relevant to the customer journey, to identify if there are improvements that could be made to DWP's operational services.");
        P("To get the best possible learning from every case that is reviewed, IPRs look at every area of a customer's contact with DWP, not just the event that may have been the initial prompt for a review to be started.");
        P("IPRs are not a review of clinical processes, neither are they designed to identify or apportion blame and cannot consider events or circumstances in a customer's life that DWP is not aware of. Other bodies, including the coroner's courts in England and Wales, have such responsibilities.");

        Heading("criteria");
        P($"The criteria for the IPR cases completed in the {c.YearLabel} year are below. An IPR will be conducted in all cases where:");
        List([
            "there is a suggestion or allegation that the Department's actions or omissions may have negatively contributed to the customer's circumstances, AND a customer has suffered serious harm, has died (including by suicide), or where it has reason to believe there has been an attempted suicide, or",
            "the Department is asked to participate in a Safeguarding Adults Review (SAR), a Significant Case Review (SCR, Scotland only), a Domestic Homicide Review (DHR) or is named as an Interested Party at an Inquest. An IPR will be conducted regardless of whether there is an allegation against the Department.",
        ]);
        P("Although citizens cannot refer cases for an IPR, if they are unhappy with the service provided by DWP they can make a complaint through the Department for Work and Pensions complaints procedure on GOV.UK.");

        Heading("information-being-published");
        P("DWP cannot publish full IPR reports as its investigations can involve sensitive and personal information in relation to its customers. DWP has a legal duty to protect that information appropriately so that individuals are not identifiable, even when they are no longer alive.");
        P("DWP is publishing information from completed IPRs in a way that is as transparent as possible, whilst maintaining the confidentiality that is expected of it. This will show what DWP identified from completing IPRs on cases, the improvement activity that was agreed, and the outcome or ongoing progress made relating to that activity.");

        Heading("data-on-iprs");
        Table(sb, tables["iprs-completed"]);
        Heading("data-on-learning");
        Table(sb, tables["learning-identified"]);
        P("The learning identified from these IPRs, what the agreed activities were in relation to them, and what the learning outcomes were, are set out by DWP Service Line in the following sections.");

        void Customers(IEnumerable<PublishedCustomer> customers)
        {
            foreach (var customer in customers)
            {
                sb.Append("<h3 class=\"govuk-heading-m\">Customer ").Append(customer.Number.ToString(CultureInfo.InvariantCulture)).Append("</h3>\n");
                sb.Append("<h4 class=\"govuk-heading-s\">Learning identified</h4>\n");
                List(customer.Learning);
                sb.Append("<h4 class=\"govuk-heading-s\">Agreed activity</h4>\n");
                List(customer.Activities);
                sb.Append("<h4 class=\"govuk-heading-s\">Learning outcomes</h4>\n");
                List(customer.Outcomes);
            }
        }

        foreach (var s in c.Sections)
        {
            var id = "section-" + s.Code.ToLowerInvariant();
            Heading(id);
            if (s.Introduction is not null)
            {
                P(s.Introduction);
            }

            Table(sb, tables[id]);
            Customers(s.Customers);
        }

        if (c.CrossBenefit.Customers.Count > 0)
        {
            Heading("cross-benefit");
            P(PublicationTexts.CrossBenefitIntroduction);
            P("The following table provides details of those additional service lines represented in this section.");
            Table(sb, tables["cross-benefit"]);
            Customers(c.CrossBenefit.Customers);
        }

        Heading("signposting");
        var open = false;
        foreach (var (topic, link) in PublicationTexts.Signposting)
        {
            if (link.Length == 0 && topic.EndsWith(':'))
            {
                P(topic);
                continue;
            }

            if (link.Length == 0)
            {
                if (open)
                {
                    sb.Append("</ul>\n");
                }

                sb.Append("<h3 class=\"govuk-heading-s\">").Append(h.Encode(topic)).Append("</h3>\n<ul class=\"govuk-list\">\n");
                open = true;
                continue;
            }

            if (!open)
            {
                sb.Append("<ul class=\"govuk-list\">\n");
                open = true;
            }

            sb.Append("<li>").Append(h.Encode(topic)).Append(": ").Append(h.Encode(link)).Append("</li>\n");
        }

        if (open)
        {
            sb.Append("</ul>\n");
        }

        Heading("glossary");
        P("This glossary helps explain the terms used throughout this publication.");
        sb.Append("<dl class=\"govuk-summary-list\">\n");
        foreach (var (term, meaning) in PublicationTexts.Glossary)
        {
            sb.Append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").Append(h.Encode(term))
                .Append("</dt><dd class=\"govuk-summary-list__value\">").Append(h.Encode(meaning)).Append("</dd></div>\n");
        }

        sb.Append("</dl>\n</main>\n<footer class=\"govuk-width-container\">\n<p class=\"govuk-body\">Published by the Department for Work and Pensions</p>\n</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, PublicationTable t)
    {
        var h = HtmlEncoder.Default;
        static string Mark(int? note) => note is { } n ? $" <sup>{n.ToString(CultureInfo.InvariantCulture)}</sup>" : "";
        sb.Append("<table class=\"govuk-table\" id=\"table-").Append(t.Id).Append("\">\n<caption class=\"govuk-table__caption govuk-table__caption--m\">")
            .Append(h.Encode(t.Caption)).Append("</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">")
            .Append(h.Encode(t.LabelHeading)).Append("</th><th scope=\"col\" class=\"govuk-table__header")
            .Append(t.Rows.All(r => r.Number is not null || r.IsGroupHeading) ? " govuk-table__header--numeric" : "").Append("\">")
            .Append(h.Encode(t.ValueHeading)).Append(Mark(t.ValueHeadingNote)).Append("</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        foreach (var r in t.Rows)
        {
            sb.Append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").Append(h.Encode(r.Label)).Append(Mark(r.Note)).Append("</th>");
            sb.Append(r.Number is not null
                ? "<td class=\"govuk-table__cell govuk-table__cell--numeric number\">"
                : "<td class=\"govuk-table__cell\">");
            sb.Append(h.Encode(r.Value)).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
        if (t.Notes.Count > 0)
        {
            sb.Append("<div class=\"notes\"><h3 class=\"govuk-heading-s\">Notes</h3>\n<ol class=\"govuk-list govuk-list--number govuk-body-s\">\n");
            foreach (var note in t.Notes)
            {
                sb.Append("<li>").Append(h.Encode(note)).Append("</li>\n");
            }

            sb.Append("</ol></div>\n");
        }
    }
}
