using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Tests.Support;
using Xunit.Abstractions;

namespace SeriousCases.Tests.Resilience;

/// <summary>Property-based tests (CsCheck): generated requests, mixing well-formed values with hostile ones (markup,
/// SQL, formulas, control characters, huge strings, wrong types, impossible dates), thrown at the API (referrals,
/// insight, the action register) and at the CSV import. The service never answers 500, and what it stores is
/// exactly what it acknowledged and valid. <c>SCL_FUZZ_ITER</c> sets the samples per target (default 500).</summary>
public sealed class FuzzTests(ServiceFactory app, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("SCL_FUZZ_ITER"), out var n) ? n : 500;

    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);

    private static readonly string[] HostileStrings =
    [
        .. Hostile.Sql, .. Hostile.Awkward, Hostile.Markup, "", " ", "null", "true", "0", "-1", "9999-12-31", "0001-01-01", "2026-02-30",
        "1e309", "NaN", "{}", "[]", "\\u0000", new string('€', 4001), new string('a', 101),
    ];

    private static (int, IGen<T>) W<T>(int weight, Gen<T> gen) => (weight, gen);

    private static Gen<JsonNode?> Str(Gen<string> gen) => gen.Select(s => (JsonNode?)JsonValue.Create(s));

    private static Gen<string> Date(int fromDays, int toDays) => Gen.Int[fromDays, toDays].Select(d => Today.AddDays(d).ToString("yyyy-MM-dd"));

    /// <summary>Anything: a hostile string, random Unicode, a number, a boolean, null, an array or an object.</summary>
    private static readonly Gen<JsonNode?> HostileNode = Gen.Frequency(
        W(4, Str(Gen.OneOf(HostileStrings))),
        W(3, Str(Gen.String[0, 300])),
        W(1, Gen.Long.Select(i => (JsonNode?)JsonValue.Create(i))),
        W(1, Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)JsonValue.Create(d) : JsonValue.Create(0.5))),
        W(1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        W(1, Gen.Const<JsonNode?>(() => null)),
        W(1, Gen.OneOf(HostileStrings).Array[0, 3].Select(a => (JsonNode?)new JsonArray([.. a.Select(s => (JsonNode?)JsonValue.Create(s))]))),
        W(1, Gen.Const<JsonNode?>(() => new JsonObject { ["nested"] = "<script>" })));

    private static Gen<JsonNode?> Field(Gen<JsonNode?> good) => Gen.Frequency(W(4, good), W(1, HostileNode));

    /// <summary>A JSON object of the named fields, each sometimes left out.</summary>
    private static Gen<string> JsonObjectOf(params (string Name, Gen<JsonNode?> Value)[] fields)
    {
        var gen = Gen.Const(() => new List<(string, JsonNode?, bool)>());
        foreach (var (name, value) in fields)
        {
            gen = gen.SelectMany(list => Gen.Select(value, Gen.Int[0, 9], (v, omit) => new List<(string, JsonNode?, bool)>(list) { (name, v, omit == 0) }));
        }

        return gen.Select(list =>
        {
            var json = new JsonObject();
            foreach (var (name, value, omit) in list.Where(f => !f.Item3))
            {
                json[name] = value?.DeepClone();
            }

            return json.ToJsonString();
        });
    }

    private async Task<(int Created, int Tried)> ThrowAsync(HttpClient client, string url, Gen<string> bodies, Func<JsonElement, Task>? onCreated = null)
    {
        var created = 0;
        var tried = 0;
        await bodies.SampleAsync(async body =>
        {
            var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
            Interlocked.Increment(ref tried);
            Hostile.Count();
            Assert.True((int)response.StatusCode < 500, $"POST {url} answered {(int)response.StatusCode} to {body[..Math.Min(body.Length, 400)]}");
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Interlocked.Increment(ref created);
                if (onCreated is not null)
                {
                    await onCreated(await response.Content.ReadFromJsonAsync<JsonElement>());
                }
            }
            else
            {
                Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity,
                    $"POST {url} answered {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }, iter: Iterations, threads: 1);
        return (created, tried);
    }

    [Fact]
    public async Task Generated_insight_items_never_get_a_500_and_only_valid_items_are_stored()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var before = await app.WithDbAsync(db => db.InsightItems.CountAsync());
        var bodies = JsonObjectOf(
            ("source", Field(Str(Gen.OneOf("Complaints", "PFD", "COMPLAINT", "ICE", "QUALITY")))),
            ("externalReference", Field(Str(Gen.Guid.Select(g => "FZ-" + g.ToString("N")[..12])))),
            ("receivedOn", Field(Str(Date(-4000, 3)))),
            ("serviceLines", Field(Gen.OneOf("UC", "PIP", "Universal Credit", "ESA").Array[0, 3].Select(a => (JsonNode?)new JsonArray([.. a.Select(s => (JsonNode?)JsonValue.Create(s))])))),
            ("summary", Field(Str(Gen.OneOf(Gen.String[1, 200], Gen.OneOf(HostileStrings))))),
            ("severity", Field(Gen.Int[-2, 8].Select(i => (JsonNode?)JsonValue.Create(i)))),
            ("responseDueOn", Field(Str(Date(-4000, 400)))));
        var (created, tried) = await ThrowAsync(analyst, "/api/v1/insight", bodies);

        var stored = await app.WithDbAsync(db => db.InsightItems.AsNoTracking().ToListAsync());
        Assert.Equal(before + created, stored.Count);
        Assert.All(stored, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Summary));
            Assert.InRange(i.Summary.Length, 1, 4000);
            Assert.InRange(i.ExternalReference.Length, 1, 100);
            Assert.True(i.ReceivedOn <= Today.AddDays(1), $"{i.ExternalReference} received in the future");
            Assert.True(i.ResponseDueOn is null || i.ResponseDueOn >= i.ReceivedOn);
            Assert.True(i.Severity is null or >= 1 and <= 5);
            Assert.DoesNotContain('\0', i.Summary);
        });
        output.WriteLine($"Insight API: {tried} generated requests, {created} stored. Hostile inputs so far: {Hostile.Tried}");
        Hostile.Report(output);
    }

    [Fact]
    public async Task Generated_referrals_never_get_a_500_and_nothing_refused_is_stored()
    {
        var referrer = await app.SignInAsync("referrer@demo.test");
        var before = await app.WithDbAsync(db => db.Referrals.CountAsync());
        var bodies = JsonObjectOf(
            ("receivedOn", Field(Str(Date(-400, 3)))),
            ("nation", Field(Str(Gen.OneOf("England", "Scotland", "Wales")))),
            ("serviceLines", Field(Gen.OneOf("Universal Credit", "PIP", "UC").Array[0, 2].Select(a => (JsonNode?)new JsonArray([.. a.Select(s => (JsonNode?)JsonValue.Create(s))])))),
            ("event", Field(Str(Gen.OneOf("Died", "SuspectedSuicide", "AttemptedSuicide", "SeriousHarm", "None")))),
            ("allegation", Field(Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)))),
            ("allegationDetail", Field(Str(Gen.String[0, 200]))),
            ("customer", Field(Gen.OneOf(Gen.String[0, 60], Gen.OneOf(HostileStrings)).Select(name => (JsonNode?)new JsonObject { ["name"] = name }))),
            ("dwpAwareOn", Field(Str(Date(-400, 3)))),
            ("referrerTeam", Field(Str(Gen.String[0, 80]))));
        var (created, tried) = await ThrowAsync(referrer, "/api/v1/referrals", bodies);
        Assert.Equal(before + created, await app.WithDbAsync(db => db.Referrals.CountAsync()));
        output.WriteLine($"Referral API: {tried} generated requests, {created} stored. Hostile inputs so far: {Hostile.Tried}");
        Hostile.Report(output);
    }

    [Fact]
    public async Task Generated_actions_and_progress_updates_never_get_a_500_and_nothing_refused_is_stored()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        var before = await app.WithDbAsync(db => db.AgreedActivities.CountAsync());
        var bodies = JsonObjectOf(
            ("origin", Field(Str(Gen.OneOf("PanelRecommendation", "PanelActionPoint", "ParliamentOrNaoCommitment", "IprgAgreedActivity")))),
            ("text", Field(Str(Gen.OneOf(Gen.String[1, 200], Gen.OneOf(HostileStrings))))),
            ("owner", Field(Str(Gen.OneOf("UC", "PIP", "CMG")))),
            ("directorGeneral", Field(Str(Gen.String[1, 80]))),
            ("originDescription", Field(Str(Gen.String[1, 80]))),
            ("dueOn", Field(Str(Date(-30, 800)))),
            ("meetingOn", Field(Str(Gen.OneOf("2020-07-02", "2020-03-19", "2019-01-01")))),
            ("priority", Field(Str(Gen.OneOf("High", "Medium", "Low")))));
        var (created, tried) = await ThrowAsync(secretariat, "/api/v1/actions", bodies);
        Assert.Equal(before + created, await app.WithDbAsync(db => db.AgreedActivities.CountAsync()));

        // Progress updates on one activity, each sent with the ETag just read.
        var id = await app.WithDbAsync(db => db.AgreedActivities.Where(a => a.Origin == Core.Actions.ActivityOrigin.PanelRecommendation).Select(a => a.Id).FirstAsync());
        var updatesBefore = await app.WithDbAsync(db => db.ActivityUpdates.CountAsync(u => u.AgreedActivityId == id));
        var accepted = 0;
        await JsonObjectOf(("note", Field(Str(Gen.OneOf(Gen.String[0, 300], Gen.OneOf(HostileStrings)))))).SampleAsync(async body =>
        {
            var read = await secretariat.GetAsync($"/api/v1/actions/{id}");
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/actions/{id}/updates") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
            var response = await secretariat.SendAsync(request);
            Hostile.Count();
            Assert.True((int)response.StatusCode < 500, $"update answered {(int)response.StatusCode} to {body[..Math.Min(body.Length, 300)]}");
            accepted += response.IsSuccessStatusCode ? 1 : 0;
        }, iter: Iterations / 2, threads: 1);
        Assert.Equal(updatesBefore + accepted, await app.WithDbAsync(db => db.ActivityUpdates.CountAsync(u => u.AgreedActivityId == id)));
        output.WriteLine($"Action API: {tried} generated activities ({created} stored), {Iterations / 2} updates ({accepted} stored). Hostile inputs so far: {Hostile.Tried}");
        Hostile.Report(output);
    }

    [Fact]
    public async Task Generated_csv_files_never_get_a_500_and_only_valid_rows_are_imported()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var before = await app.WithDbAsync(db => db.InsightItems.CountAsync());
        var header = Gen.Frequency(
            W(6, Gen.Const("source,externalReference,receivedOn,serviceLines,summary,severity,responseDueOn")),
            W(1, Gen.Const("summary,receivedOn,source,externalReference")),
            W(1, Gen.OneOf(HostileStrings)),
            W(1, Gen.String[0, 80]));
        var cell = Gen.Frequency(W(3, Gen.String[0, 40]), W(3, Gen.OneOf(HostileStrings)), W(2, Date(-4000, 3)), W(2, Gen.OneOf("Complaints", "PFD", "UC;PIP", "3")));
        var goodRow = Gen.Select(Gen.Guid, Date(-4000, 0), Gen.String[1, 120], Gen.Int[1, 5],
            (g, d, s, sev) => $"COMPLAINT,FZC-{g.ToString("N")[..12]},{d},UC,\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{sev},");
        var row = Gen.Frequency(
            W(3, goodRow),
            W(2, Gen.Select(cell, Gen.Bool, (c, quote) => quote ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c).Array[0, 9].Select(cells => string.Join(",", cells))));
        var files = Gen.Select(header, row.Array[0, 25], (h, rows) => h + "\n" + string.Join("\n", rows) + "\n");

        long added = 0;
        var tried = 0;
        await files.SampleAsync(async csv =>
        {
            var response = await analyst.PostAsync("/api/v1/insight/imports?fileName=fuzz.csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
            tried++;
            Hostile.Count();
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest,
                $"import answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                added += JsonDocument.Parse(body).RootElement.GetProperty("added").GetInt64();
            }
        }, iter: Iterations / 2, threads: 1);

        var stored = await app.WithDbAsync(db => db.InsightItems.AsNoTracking().ToListAsync());
        Assert.Equal(before + added, stored.Count);
        Assert.All(stored, i =>
        {
            Assert.InRange(i.Summary.Length, 1, 4000);
            Assert.InRange(i.ExternalReference.Length, 1, 100);
            Assert.True(i.ReceivedOn <= Today.AddDays(1));
            Assert.True(i.Severity is null or >= 1 and <= 5);
        });
        output.WriteLine($"CSV import: {tried} generated files, {added} rows imported. Hostile inputs so far: {Hostile.Tried}");
        Hostile.Report(output);
    }
}
