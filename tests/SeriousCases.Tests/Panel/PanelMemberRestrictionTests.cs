using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Actions;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Panel;

/// <summary>The Panel sees themes and aggregates, never an individual customer's details. Signed in as the demo Panel
/// member, every GET route of the app is requested with real demo records in its route (each case, referral, activity,
/// meeting, reference record ...): no answer they can read holds any demo customer's name, National Insurance number or
/// date of birth, nor an IPR's or referral's reference, and the case pages and APIs are closed to them.</summary>
public sealed class PanelMemberRestrictionTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    /// <summary>Routes that hold case records: a Panel member gets "forbidden" or "not found" from every one.</summary>
    private static readonly string[] CasePrefixes =
    [
        "/investigations", "/referrals", "/triage", "/iprg", "/acs-learning", "/insight", "/management/family-engagement",
        "/api/v1/investigations", "/api/v1/referrals", "/api/v1/findings", "/api/v1/iprg", "/api/v1/insight", "/api/v1/family-engagement",
    ];

    /// <summary>Lists read with filters that would reach case records if the Panel member's view let them.</summary>
    private static readonly string[] ExtraUrls =
    [
        "/actions?origin=IprgAgreedActivity", "/actions?origin=AcsSeniorLeaderLearning", "/actions?overdue=true", "/actions/export.csv",
        "/actions/export.csv?origin=IprgAgreedActivity", "/api/v1/actions/?pageSize=200", "/api/v1/actions/?origin=IprgAgreedActivity&pageSize=200",
    ];

    private sealed record DemoRecords(
        IReadOnlyList<string> Ids, Guid FindingId, Guid DocumentId, Guid IprActivityId, Guid AcsActivityId, Guid PanelActivityId,
        IReadOnlyList<(string What, string Text)> Identifying);

    private Task<DemoRecords> DemoAsync() => app.WithDbAsync(async db =>
    {
        var customers = await db.Customers.AsNoTracking().ToListAsync();
        var identifying = new List<(string, string)>();
        foreach (var c in customers)
        {
            if (c.FullName is { Length: > 0 } name)
            {
                identifying.Add(("a customer's name", name));
            }

            if (c.NationalInsuranceNumber is { Length: > 0 } ni)
            {
                identifying.Add(("a National Insurance number", ni));
                identifying.Add(("a National Insurance number", $"{ni[..2]} {ni[2..4]} {ni[4..6]} {ni[6..8]} {ni[8..]}"));
            }

            if (c.DateOfBirth is { } dob)
            {
                identifying.Add(("a date of birth", dob.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)));
                identifying.Add(("a date of birth", dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                identifying.Add(("a date of birth", dob.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
            }
        }

        identifying.AddRange((await db.Investigations.Select(i => i.Reference).ToListAsync()).Select(r => ("an IPR reference", r)));
        identifying.AddRange((await db.Referrals.Select(r => r.Reference).ToListAsync()).Select(r => ("a referral reference", r)));

        var ids = new List<Guid>();
        ids.AddRange(await db.Investigations.OrderBy(i => i.Reference).Select(i => i.Id).Take(3).ToListAsync());
        ids.AddRange(await db.Investigations.OrderByDescending(i => i.Reference).Select(i => i.Id).Take(2).ToListAsync());
        ids.AddRange(await db.Referrals.OrderBy(r => r.Reference).Select(r => r.Id).Take(2).ToListAsync());
        ids.AddRange(await db.Referrals.OrderByDescending(r => r.Reference).Select(r => r.Id).Take(2).ToListAsync());
        var ipr = await db.AgreedActivities.Where(a => a.Origin == ActivityOrigin.IprgAgreedActivity).OrderBy(a => a.Reference).Select(a => a.Id).FirstAsync();
        var acs = await db.AgreedActivities.Where(a => a.Origin == ActivityOrigin.AcsSeniorLeaderLearning).Select(a => a.Id).FirstAsync();
        var panel = await db.AgreedActivities.Where(a => a.Origin == ActivityOrigin.PanelActionPoint).OrderBy(a => a.Reference).Select(a => a.Id).FirstAsync();
        ids.AddRange([ipr, acs, panel]);
        ids.AddRange(await db.PanelMeetings.Select(m => m.Id).ToListAsync());
        ids.AddRange(await db.InsightItems.Select(i => i.Id).Take(1).ToListAsync());
        ids.AddRange(await db.IprgSessions.Select(s => s.Id).Take(1).ToListAsync());
        ids.AddRange(await db.Themes.Select(t => t.Id).Take(1).ToListAsync());
        ids.AddRange(await db.ServiceLines.Select(l => l.Id).Take(1).ToListAsync());
        ids.AddRange(await db.OwnerTeams.Select(t => t.Id).Take(1).ToListAsync());
        ids.AddRange(await db.EscalationSteps.Select(s => s.Id).Take(1).ToListAsync());
        var document = await db.EvidenceDocuments.Select(d => new { d.Id, d.InvestigationId }).FirstAsync();
        ids.Add(document.InvestigationId);
        var finding = await db.Findings.Select(f => f.Id).FirstAsync();
        return new DemoRecords([.. ids.Distinct().Select(i => i.ToString())], finding, document.Id, ipr, acs, panel, identifying);
    });

    /// <summary>Every GET route, once for each demo record its parameters can name.</summary>
    private IReadOnlyList<(string Pattern, string Url)> GetRoutes(DemoRecords demo)
    {
        var routes = new List<(string, string)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (!methods.Contains("GET"))
            {
                continue;
            }

            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var usesId = endpoint.RoutePattern.Parameters.Any(p => p.Name == "id");
            foreach (var id in usesId ? demo.Ids : [""])
            {
                routes.Add((pattern, Fill(endpoint.RoutePattern, id, demo)));
            }
        }

        return [.. routes.Distinct()];
    }

    private static string Fill(RoutePattern pattern, string id, DemoRecords demo)
    {
        string Value(RoutePatternParameterPart p)
        {
            var constraints = p.ParameterPolicies.Select(c => c.Content ?? "").ToList();
            return p.Name switch
            {
                "id" => id,
                "findingId" => demo.FindingId.ToString(),
                "documentId" => demo.DocumentId.ToString(),
                "documentName" => "v1",
                "question" => "received",
                "code" => "404",
                _ when p.Name.Contains("date", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("On", StringComparison.Ordinal) => "2020-07-02",
                _ when constraints.Contains("guid") => demo.Ids[0],
                _ => "1",
            };
        }

        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Value(parameter),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    /// <summary>The text of an answer as a reader gets it: HTML entities decoded, JSON strings unescaped, a Word document unzipped.</summary>
    private static async Task<string> ReadableAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        if (type.Contains("openxmlformats", StringComparison.Ordinal) || (bytes.Length > 1 && bytes[0] == 'P' && bytes[1] == 'K'))
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var text = new StringBuilder();
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(WebUtility.HtmlDecode(await reader.ReadToEndAsync())).Append('\n');
            }

            return text.ToString();
        }

        var raw = Encoding.UTF8.GetString(bytes);
        if (type.Contains("json", StringComparison.Ordinal))
        {
            var strings = new StringBuilder(raw).Append('\n');
            Collect(JsonDocument.Parse(raw).RootElement, strings);
            return strings.ToString();
        }

        return raw + "\n" + WebUtility.HtmlDecode(raw);
    }

    private static void Collect(JsonElement e, StringBuilder into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    Collect(p.Value, into);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Collect(item, into);
                }

                break;
            case JsonValueKind.String:
                into.Append(e.GetString()).Append('\n');
                break;
        }
    }

    private static bool Closed(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Unauthorized
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString is { } to
            && (to.Contains("/access-denied", StringComparison.Ordinal) || to.Contains("/sign-in", StringComparison.Ordinal)));

    [Fact]
    public async Task No_page_or_endpoint_a_panel_member_can_read_holds_a_customers_details_or_a_case_reference()
    {
        var demo = await DemoAsync();
        Assert.Contains(demo.Identifying, i => i.What == "a customer's name");
        var panel = await app.SignInAsync("panel@demo.test");
        var leaks = new List<string>();
        var errors = new List<string>();
        var read = 0;
        foreach (var url in GetRoutes(demo).Select(r => r.Url).Concat(ExtraUrls).Where(u => u != "/sign-out"))
        {
            var response = await panel.GetAsync(url);
            if ((int)response.StatusCode >= 500)
            {
                errors.Add($"{url} answered {(int)response.StatusCode}");
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            read++;
            var text = await ReadableAsync(response);
            leaks.AddRange(demo.Identifying.Where(i => text.Contains(i.Text, StringComparison.OrdinalIgnoreCase))
                .Select(i => $"{url} shows {i.What}").Distinct());
        }

        Assert.True(read > 20, $"Only {read} answers were readable: the walk did not reach the Panel member's pages.");

        // The check finds details where they belong: Triage reads the customer on a referral's page.
        var triage = await app.SignInAsync("triage@demo.test");
        var seenByTriage = false;
        foreach (var id in demo.Ids)
        {
            var response = await triage.GetAsync($"/triage/{id}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var text = await ReadableAsync(response);
                seenByTriage |= demo.Identifying.Any(i => i.What == "a customer's name" && text.Contains(i.Text, StringComparison.OrdinalIgnoreCase));
            }
        }

        Assert.True(seenByTriage, "The check should find a customer's name on Triage's view of a referral.");
        Assert.True(leaks.Count == 0, "A Panel member sees case details:" + Environment.NewLine + string.Join(Environment.NewLine, leaks.Distinct()));
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public async Task Case_pages_and_case_apis_are_closed_to_a_panel_member()
    {
        var demo = await DemoAsync();
        var panel = await app.SignInAsync("panel@demo.test");
        var open = new List<string>();
        // "/referrals" is every colleague's own list of what they referred (a Panel member may refer a case too): it
        // holds only their own referrals, and the walk above proves it shows nothing else.
        var caseRoutes = GetRoutes(demo)
            .Where(r => r.Pattern != "/referrals" && CasePrefixes.Any(p => r.Pattern == p || r.Pattern.StartsWith(p + "/", StringComparison.Ordinal)))
            .ToList();
        Assert.Contains(caseRoutes, r => r.Pattern == "/investigations/{id:guid}");
        Assert.Contains(caseRoutes, r => r.Pattern == "/api/v1/investigations/{id:guid}");
        foreach (var (pattern, url) in caseRoutes)
        {
            var response = await panel.GetAsync(url);
            if (!Closed(response))
            {
                open.Add($"{url} ({pattern}) answered {(int)response.StatusCode}");
            }
        }

        // In the action register they see the Panel's items, never an IPR's activity or learning captured from a referral.
        foreach (var url in new[] { $"/actions/{demo.IprActivityId}", $"/api/v1/actions/{demo.IprActivityId}", $"/actions/{demo.AcsActivityId}", $"/api/v1/actions/{demo.AcsActivityId}" })
        {
            var response = await panel.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                open.Add($"{url} answered {(int)response.StatusCode}");
            }
        }

        Assert.True(open.Count == 0, "Open to a Panel member:" + Environment.NewLine + string.Join(Environment.NewLine, open));
        Assert.Equal(HttpStatusCode.OK, (await panel.GetAsync($"/actions/{demo.PanelActivityId}")).StatusCode);
        var list = await (await panel.GetAsync("/api/v1/actions/?pageSize=200")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.All(list.GetProperty("items").EnumerateArray(), a => Assert.StartsWith("Panel", a.GetProperty("origin").GetString(), StringComparison.Ordinal));
    }
}
