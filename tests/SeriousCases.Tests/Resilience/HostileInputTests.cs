using System.Net;
using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Common;
using SeriousCases.Tests.Support;
using Xunit.Abstractions;

namespace SeriousCases.Tests.Resilience;

/// <summary>Hostile input: script and markup in free text come out escaped on pages, in Word documents and in CSV
/// (where a formula is neutralised); SQL metacharacters in searches and filters are plain text; oversized and
/// malformed requests and files are refused with a message, never a 500.</summary>
public sealed class HostileInputTests(ServiceFactory app, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private static string Day(int days) => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd");

    private static string DocxText(byte[] bytes, out string xml)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        using (var reader = new StreamReader(main.GetStream()))
        {
            xml = reader.ReadToEnd();
        }

        Assert.Empty(main.AlternativeFormatImportParts);
        return main.Document!.Body!.InnerText;
    }

    private static void AssertDocxHoldsText(byte[] bytes, string value, string where)
    {
        var text = DocxText(bytes, out var xml);
        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src", xml, StringComparison.Ordinal);
        Assert.True(text.Contains(value, StringComparison.Ordinal), $"{where}: the Word document does not hold the value as text");
    }

    private async Task AssertPageAsync(HttpClient client, string url, string value)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        Hostile.AssertShownAsText(await response.ReadDocumentAsync(), html, value, url);
        Hostile.Count();
    }

    [Fact]
    public async Task Script_and_markup_in_free_text_come_out_as_text_on_pages_in_word_and_in_csv()
    {
        var markup = Hostile.Markup;

        // Insight: the summary on the item's page and in the search results.
        var analyst = await app.SignInAsync("analyst@demo.test");
        var item = await (await analyst.PostAsJsonAsync("/api/v1/insight", new
        {
            source = "Complaints",
            externalReference = "HOSTILE-<b>1</b>",
            receivedOn = Day(-3),
            summary = markup,
        })).ReadJsonAsync(HttpStatusCode.Created);
        await AssertPageAsync(analyst, $"/insight/{item.GetProperty("id").GetGuid()}", markup);
        await AssertPageAsync(analyst, "/insight?q=HYPERLINK", markup);

        // A referral: the customer's name and the allegation on Triage's page.
        var referrer = await app.SignInAsync("referrer@demo.test");
        var referral = await (await referrer.PostAsJsonAsync("/api/v1/referrals", new
        {
            receivedOn = Day(-2),
            nation = "England",
            serviceLines = new[] { "Universal Credit" },
            @event = "Died",
            allegation = true,
            allegationDetail = markup,
            customer = new { name = "<script>alert('name')</script>Ada Example" },
        })).ReadJsonAsync(HttpStatusCode.Created);
        var referralId = referral.GetProperty("id").GetGuid();
        var triage = await app.SignInAsync("triage@demo.test");
        await AssertPageAsync(triage, $"/triage/{referralId}", markup);

        // The IPR it opens: the case summary in the report page and the Word report.
        await (await triage.PostAsJsonAsync($"/api/v1/referrals/{referralId}/decision", new { decision = "accept" })).ReadJsonAsync(HttpStatusCode.OK);
        var investigationId = await app.WithDbAsync(db => db.Investigations.Where(i => i.ReferralId == referralId).Select(i => i.Id).SingleAsync());
        var read = await triage.GetAsync($"/api/v1/investigations/{investigationId}");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/investigations/{investigationId}/summary") { Content = JsonContent.Create(new { summary = markup }) };
        put.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        await (await triage.SendAsync(put)).ReadJsonAsync(HttpStatusCode.OK);
        await AssertPageAsync(triage, $"/investigations/{investigationId}/report", markup);
        AssertDocxHoldsText(await triage.GetByteArrayAsync($"/investigations/{investigationId}/report.docx"), markup, "IPR report");
        Hostile.Count();

        // The action register: an activity's page, the Panel's actions update in Word and the CSV export.
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var activity = await (await secretariat.PostAsJsonAsync("/api/v1/actions", new
        {
            origin = "PanelRecommendation",
            text = markup,
            owner = "UC",
            directorGeneral = "Director General, Universal Credit",
            dueOn = Day(60),
            meetingOn = "2020-07-02",
        })).ReadJsonAsync(HttpStatusCode.Created);
        await AssertPageAsync(secretariat, $"/actions/{activity.GetProperty("id").GetGuid()}", markup);
        AssertDocxHoldsText(await secretariat.GetByteArrayAsync("/actions/papers/actions-update.docx"), markup, "Panel actions update");
        Hostile.Count();

        foreach (var formula in new[] { "+SUM(1+1) plus", "-2+3 minus", "@SUM(A1) at" })
        {
            await (await secretariat.PostAsJsonAsync("/api/v1/actions", new
            {
                origin = "PanelRecommendation",
                text = formula,
                owner = "UC",
                directorGeneral = "Director General, Universal Credit",
                dueOn = Day(61),
                meetingOn = "2020-07-02",
            })).ReadJsonAsync(HttpStatusCode.Created);
        }

        var csv = Encoding.UTF8.GetString(await secretariat.GetByteArrayAsync("/actions/export.csv"));
        foreach (var (marker, first) in new[] { ("HYPERLINK", '='), ("SUM(1+1) plus", '+'), ("2+3 minus", '-'), ("SUM(A1) at", '@') })
        {
            var line = csv.Split('\n').Single(l => l.Contains(marker, StringComparison.Ordinal));
            var cellStart = line.LastIndexOf(',', line.IndexOf(marker, StringComparison.Ordinal)) + 1;
            var cell = line[cellStart..].TrimStart('"');
            Assert.False(cell.StartsWith(first), $"the CSV cell '{cell[..Math.Min(cell.Length, 30)]}' starts with {first}: a spreadsheet would run it");
            Hostile.Count();
        }

        // A Panel decision on the decisions page.
        var meetings = await secretariat.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/panel/meetings?year=2020-21");
        var recorded = false;
        foreach (var meeting in meetings.EnumerateArray())
        {
            var id = meeting.GetProperty("id").GetGuid();
            var response = await secretariat.PostAsJsonAsync($"/api/v1/panel/meetings/{id}/decisions", new { text = markup });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                await AssertPageAsync(secretariat, $"/panel/meetings/{id}/decisions", markup);
                recorded = true;
                break;
            }
        }

        Assert.True(recorded, "no meeting took a decision");
        Hostile.Report(output);
    }

    [Fact]
    public async Task Sql_metacharacters_in_every_search_and_filter_are_plain_text()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var admin = await app.SignInAsync("admin@demo.test");
        var triage = await app.SignInAsync("triage@demo.test");
        var owner = await app.SignInAsync("owner@demo.test");
        var searches = new (HttpClient Client, string Url)[]
        {
            (analyst, "/api/v1/insight?q={0}"), (analyst, "/api/v1/insight?source={0}"), (analyst, "/api/v1/insight?serviceLine={0}"),
            (analyst, "/api/v1/insight?after={0}"), (analyst, "/api/v1/insight?sort={0}"), (analyst, "/api/v1/insight?status={0}"),
            (analyst, "/insight?q={0}"), (analyst, "/insight?source={0}&serviceLine={0}"), (analyst, "/insight?after={0}"),
            (analyst, "/insight?from-day={0}&from-month=1&from-year=2020"),
            (secretariat, "/api/v1/actions?owner={0}"), (secretariat, "/api/v1/actions?directorGeneral={0}"), (secretariat, "/api/v1/actions?serviceLine={0}"),
            (secretariat, "/api/v1/actions?origin={0}"), (secretariat, "/api/v1/actions?status={0}"), (secretariat, "/api/v1/actions?after={0}"),
            (secretariat, "/actions?owner={0}&directorGeneral={0}&serviceLine={0}"), (secretariat, "/actions?status={0}&origin={0}"),
            (secretariat, "/actions?after={0}"), (secretariat, "/actions/export.csv?owner={0}"), (owner, "/actions?mine=true&owner={0}"),
            (secretariat, "/api/v1/panel/meetings?year={0}"), (secretariat, "/api/v1/panel/membership?on={0}"), (secretariat, "/panel/membership?on={0}"),
            (secretariat, "/panel?year={0}"), (admin, "/admin/audit?type={0}&record={0}&actor={0}"), (admin, "/admin/audit?after={0}"),
            (triage, "/api/v1/investigations?assignedTo={0}"), (triage, "/investigations?behind={0}"), (analyst, "/api/v1/family-engagement/figures?from={0}"),
        };
        var before = await CountsAsync();
        var failures = new List<string>();
        foreach (var (client, url) in searches)
        {
            foreach (var value in Hostile.Sql.Concat(Hostile.Awkward.Take(5)))
            {
                var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, url, Uri.EscapeDataString(value));
                var response = await client.GetAsync(target);
                Hostile.Count();
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{target}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await CountsAsync());
        // A classic injection finds nothing rather than everything.
        var all = await analyst.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/insight");
        var injected = await analyst.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/insight?q=" + Uri.EscapeDataString("' OR '1'='1"));
        Assert.True(injected.GetProperty("total").GetInt32() < Math.Max(1, all.GetProperty("total").GetInt32()));
        Hostile.Report(output);
    }

    private Task<(int, int, int, int)> CountsAsync() => app.WithDbAsync(async db =>
        (await db.InsightItems.CountAsync(), await db.AgreedActivities.CountAsync(), await db.Users.CountAsync(), await db.Referrals.CountAsync()));

    [Fact]
    public async Task Oversized_and_malformed_requests_and_files_are_refused_with_a_message()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var before = await CountsAsync();

        async Task<(HttpStatusCode, string)> Send(string url, HttpContent content)
        {
            var response = await analyst.PostAsync(url, content);
            Hostile.Count();
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        // A body over the 30 MB limit.
        var huge = new string('a', 31 * 1024 * 1024);
        var (status, body) = await Send("/api/v1/insight", new StringContent("{\"summary\":\"" + huge + "\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("30 MB", body, StringComparison.Ordinal);
        (status, body) = await Send("/api/v1/insight/imports?fileName=huge.csv", new StringContent("source,externalReference,receivedOn,summary\n" + huge, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);

        // A field over its limit names the field.
        (status, body) = await Send("/api/v1/insight", JsonContent.Create(new { source = "Complaints", externalReference = "BIG-1", receivedOn = Day(-1), summary = new string('s', 4001) }));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("4000 characters or fewer", body, StringComparison.Ordinal);

        // Binary junk and a file of the wrong layout as an import.
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        (status, body) = await Send("/api/v1/insight/imports?fileName=junk.csv", new ByteArrayContent(junk) { Headers = { ContentType = new("text/csv") } });
        Assert.True(status is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest, $"junk import answered {(int)status}: {body}");
        (status, body) = await Send("/api/v1/insight/imports?fileName=wrong.csv", new StringContent("name,nino\nAda,QQ123456C\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);

        // Broken JSON, a wrong type, a bad date in a query.
        (status, _) = await Send("/api/v1/insight", new StringContent("{\"source\": [", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        (status, _) = await Send("/api/v1/insight", new StringContent("{\"severity\": \"five\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var badDate = await analyst.GetAsync("/api/v1/insight?from=2020-13-45");
        Hostile.Count();
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);

        // A page form with a field over the form limit (64 KB) gets the GOV.UK "problem with the request" page.
        var form = await analyst.GetFormAsync("/insight/new");
        var tooLong = await analyst.PostAsync("/insight/new", form.With("summary", new string('s', 70_000)).ToContent());
        Hostile.Count();
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        Assert.Equal(before, await CountsAsync());
        Hostile.Report(output);
    }

    [Fact]
    public async Task A_nul_character_or_text_longer_than_its_column_is_refused_with_the_field_named_on_both_databases()
    {
        // PostgreSQL cannot store U+0000 in text; found by the fuzz tests as a 500.
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var before = await CountsAsync();
        var problem = await (await secretariat.PostAsJsonAsync("/api/v1/actions", new
        {
            origin = "PanelRecommendation",
            text = "Review\u0000 deductions",
            owner = "UC",
            directorGeneral = "Director General, Universal Credit",
            dueOn = Day(30),
            meetingOn = "2020-07-02",
        })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("NUL", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        var search = await (await secretariat.GetAsync("/api/v1/actions?owner=%00")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("NUL", search.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await secretariat.GetAsync("/actions?owner=%00")).StatusCode);
        // Longer than its column: refused with the field named (by the referral rules here; TextGuard for any column).
        var referrer = await app.SignInAsync("referrer@demo.test");
        var tooLong = await (await referrer.PostAsJsonAsync("/api/v1/referrals", new
        {
            receivedOn = Day(-2),
            nation = "England",
            serviceLines = new[] { "Universal Credit" },
            @event = "Died",
            allegation = true,
            allegationDetail = "The family say a payment was stopped.",
            customer = new { name = new string('x', 300) },
        })).ReadJsonAsync(HttpStatusCode.BadRequest);
        var messages = tooLong.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())).ToList();
        Assert.Contains(messages, m => m!.EndsWith("must be 200 characters or fewer", StringComparison.Ordinal));
        Hostile.Count(4);
        Assert.Equal(before, await CountsAsync());
        Hostile.Report(output);
    }

    [Fact]
    public async Task A_nul_character_on_its_way_to_a_lookup_is_refused_before_the_database_on_both_databases()
    {
        // Found by the fuzz tests (CI, 7 Dec): an insight item's reference is looked up for duplicates before it is
        // saved, and PostgreSQL answered the NUL in that lookup with an error, a 500.
        var analyst = await app.SignInAsync("analyst@demo.test");
        var before = await CountsAsync();
        var problem = await (await analyst.PostAsJsonAsync("/api/v1/insight", new
        {
            source = "COMPLAINT",
            externalReference = "\u0000nul",
            receivedOn = Day(-3),
            summary = "A complaint about a stopped payment.",
        })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Remove the invisible control character (NUL) from externalReference", problem.GetProperty("errors").GetProperty("externalReference")[0].GetString());

        // A page form: no one can type a NUL, so the form is refused whole with the "problem with the request" page.
        var form = await analyst.GetFormAsync("/insight/new");
        var page = await analyst.PostAsync("/insight/new", form.With("externalReference", "CMP\u00001").ToContent());
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);

        // Any other path: the query is refused before it reaches the database, as something the user can fix.
        var reference = "\u0000nul";
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() =>
            app.WithDbAsync(db => db.InsightItems.AnyAsync(i => i.ExternalReference == reference)));
        Assert.Contains("NUL", refused.Message, StringComparison.Ordinal);
        Hostile.Count(3);
        Assert.Equal(before, await CountsAsync());
        Hostile.Report(output);
    }
}
