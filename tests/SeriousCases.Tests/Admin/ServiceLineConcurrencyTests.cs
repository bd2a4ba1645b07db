using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Admin;

/// <summary>Two people changing the same record: the second save is refused, never a silent overwrite.</summary>
public sealed class ServiceLineConcurrencyTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private const string Admin = "admin@demo.test";

    private sealed record Line(Guid Id, string Code, string Name, string Abbreviation, string? Description, bool IsActive, int Version);

    private async Task<Line> LineAsync(string code)
    {
        var client = await app.SignInAsync(Admin);
        var lines = await client.GetFromJsonAsync<List<Line>>("/api/v1/service-lines");
        return lines!.Single(l => l.Code == code);
    }

    private static HttpRequestMessage Put(Guid id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/service-lines/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return request;
    }

    [Fact]
    public async Task Api_refuses_the_second_of_two_edits_made_from_the_same_version()
    {
        var line = await LineAsync("PIP");
        var alice = await app.SignInAsync(Admin);
        var bob = await app.SignInAsync(Admin);
        var read = await alice.GetAsync($"/api/v1/service-lines/{line.Id}");
        var etag = read.Headers.ETag!.ToString();

        var first = await alice.SendAsync(Put(line.Id, new { name = "Personal Independence Payment", abbreviation = "PIP", description = "Alice's text", isActive = true }, etag));
        var second = await bob.SendAsync(Put(line.Id, new { name = "Personal Independence Payment", abbreviation = "PIP", description = "Bob's text", isActive = true }, etag));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("changed by someone else", problem.GetProperty("detail").GetString());
        var saved = await alice.GetFromJsonAsync<Line>($"/api/v1/service-lines/{line.Id}");
        Assert.Equal("Alice's text", saved!.Description);
        Assert.Equal(line.Version + 1, saved.Version);
    }

    [Fact]
    public async Task Api_needs_if_match_names_bad_fields_and_is_for_administrators_only()
    {
        var line = await LineAsync("DLA");
        var admin = await app.SignInAsync(Admin);

        var missing = await admin.SendAsync(Put(line.Id, new { name = "X", abbreviation = "X", isActive = true }, null));
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);

        var invalid = await admin.SendAsync(Put(line.Id, new { name = " ", abbreviation = new string('A', 21), isActive = true }, $"\"{line.Version}\""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Enter the name of the service line", errors.GetProperty("name")[0].GetString());
        Assert.Equal("Abbreviation must be 20 characters or fewer", errors.GetProperty("abbreviation")[0].GetString());

        var analyst = await app.SignInAsync("analyst@demo.test");
        var forbidden = await analyst.SendAsync(Put(line.Id, new { name = "X", abbreviation = "X", isActive = true }, $"\"{line.Version}\""));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(line.Version, (await LineAsync("DLA")).Version);
    }

    [Fact]
    public async Task Page_shows_the_conflict_keeps_what_was_typed_and_saves_only_when_sent_again()
    {
        var line = await LineAsync("ESA");
        var url = $"/admin/reference-data/service-lines/{line.Id}/edit";
        var alice = await app.SignInAsync(Admin);
        var bob = await app.SignInAsync(Admin);
        var aliceForm = await alice.GetFormAsync(url);
        var bobForm = await bob.GetFormAsync(url);

        var aliceSave = await alice.PostAsync(url, aliceForm.With("version", line.Version.ToString())
            .With("name", line.Name).With("abbreviation", "ESA").With("description", "Saved by Alice").With("isActive", "true").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, aliceSave.StatusCode);

        var bobSave = await bob.PostAsync(url, bobForm.With("version", line.Version.ToString())
            .With("name", line.Name).With("abbreviation", "ESA").With("description", "Typed by Bob").With("isActive", "true").ToContent());
        var page = await bobSave.ReadDocumentAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Error:", page.Title);
        Assert.Contains("Someone else changed this service line", page.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal("Typed by Bob", page.QuerySelector("textarea#description")!.TextContent);
        Assert.Contains("Saved by Alice", page.QuerySelector("#their-changes")!.TextContent);
        Assert.Equal("Saved by Alice", (await LineAsync("ESA")).Description);

        // Sending again, having seen Alice's change, is a deliberate choice and is saved.
        var version = page.QuerySelector("input[name=version]")!.GetAttribute("value")!;
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var again = await bob.PostAsync(url, new FormValues(new() { ["__RequestVerificationToken"] = token })
            .With("version", version).With("name", line.Name).With("abbreviation", "ESA").With("description", "Typed by Bob").With("isActive", "true").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Typed by Bob", (await LineAsync("ESA")).Description);
    }

    [Fact]
    public async Task Page_validation_keeps_values_and_links_errors_to_fields()
    {
        var line = await LineAsync("CMS");
        var url = $"/admin/reference-data/service-lines/{line.Id}/edit";
        var admin = await app.SignInAsync(Admin);
        var form = await admin.GetFormAsync(url);
        var response = await admin.PostAsync(url, form.With("version", line.Version.ToString())
            .With("name", "").With("abbreviation", "Child Maintenance Service too long").With("description", "Kept text").With("isActive", "false").ToContent());

        var page = await response.ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Error:", page.Title);
        var links = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#name", "#abbreviation"], links);
        Assert.Equal("Child Maintenance Service too long", page.QuerySelector("#abbreviation")!.GetAttribute("value"));
        Assert.Equal("Kept text", page.QuerySelector("#description")!.TextContent);
        Assert.NotNull(page.QuerySelector("#isActive-no[checked]"));
        Assert.Equal(line.Version, (await LineAsync("CMS")).Version);
    }

    [Fact]
    public async Task Concurrent_conditional_writes_lose_no_update_and_every_loser_is_told()
    {
        var line = await LineAsync("UC");
        const int clients = 8, attempts = 15;
        var successes = 0;
        var refusals = 0;
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            var client = await app.SignInAsync(Admin);
            for (var i = 0; i < attempts; i++)
            {
                var read = await client.GetAsync($"/api/v1/service-lines/{line.Id}");
                var current = (await read.Content.ReadFromJsonAsync<Line>())!;
                var count = int.TryParse(current.Description, out var n) ? n : 0;
                var write = await client.SendAsync(Put(line.Id,
                    new { name = current.Name, abbreviation = current.Abbreviation, description = (count + 1).ToString(), isActive = true },
                    read.Headers.ETag!.ToString()));
                if (write.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref successes);
                }
                else
                {
                    Assert.True(write.StatusCode == HttpStatusCode.PreconditionFailed, $"{(int)write.StatusCode}: {await write.Content.ReadAsStringAsync()}");
                    Interlocked.Increment(ref refusals);
                }
            }
        });
        await Task.WhenAll(workers);

        var final = await LineAsync("UC");
        Assert.Equal(clients * attempts, successes + refusals);
        Assert.Equal(successes.ToString(), final.Description);
        Assert.Equal(line.Version + successes, final.Version);
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e =>
            e.EntityType == "ServiceLine" && e.EntityId == line.Id.ToString() && e.Action == AuditAction.Update));
        Assert.Equal(successes, audited);
    }
}
