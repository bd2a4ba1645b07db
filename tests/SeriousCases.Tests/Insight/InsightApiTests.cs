using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Insight;

/// <summary>The insight register's API on the database of the run: adding items, the 56-day deadline of a
/// Prevention of Future Deaths report, validation, search and who may use it.</summary>
public sealed class InsightApiTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task A_prevention_of_future_deaths_report_is_due_56_days_after_receipt_and_shows_overdue()
    {
        var analyst = await app.SignInAsync("analyst@demo.test");
        var created = await (await analyst.PostAsJsonAsync("/api/v1/insight", new
        {
            source = "PFD",
            externalReference = "PFD-API-0001",
            receivedOn = "2026-01-05",
            serviceLines = new[] { "Universal Credit", "PIP" },
            summary = "The coroner was concerned that welfare checks were not made after a missed appointment.",
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-03-02", created.GetProperty("responseDueOn").GetString());
        Assert.True(created.GetProperty("overdue").GetBoolean());
        Assert.Equal(["Personal Independence Payment", "Universal Credit"], created.GetProperty("serviceLines").EnumerateArray().Select(e => e.GetString()));

        var id = created.GetProperty("id").GetGuid();
        var read = await (await analyst.GetAsync($"/api/v1/insight/{id}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("PFD-API-0001", read.GetProperty("externalReference").GetString());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "InsightItem" && a.EntityId == id.ToString() && a.Action == AuditAction.Create)));

        // A complaint has no statutory deadline.
        var complaint = await (await analyst.PostAsJsonAsync("/api/v1/insight", new
        {
            source = "Complaints",
            externalReference = "CMP-API-1",
            receivedOn = "2026-02-01",
            summary = "Payments were stopped without a call to the customer.",
        })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, complaint.GetProperty("responseDueOn").ValueKind);
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_the_same_reference_twice_is_refused()
    {
        var triage = await app.SignInAsync("triage@demo.test");
        var problem = await (await triage.PostAsJsonAsync("/api/v1/insight", new
        {
            source = "Gossip",
            externalReference = "",
            receivedOn = "2099-01-01",
            serviceLines = new[] { "Winter Fuel" },
            summary = "",
        })).ReadJsonAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("is not a source the service knows", errors.GetProperty("source")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Enter the source's own reference", errors.GetProperty("externalReference")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("today or in the past", errors.GetProperty("receivedOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("is not a service line", errors.GetProperty("serviceLines")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Enter a summary", errors.GetProperty("summary")[0].GetString(), StringComparison.Ordinal);

        var item = new { source = "ICE", externalReference = "ICE-77", receivedOn = "2026-03-01", summary = "The ICE found a delay in dealing with a complaint." };
        await (await triage.PostAsJsonAsync("/api/v1/insight", item)).ReadJsonAsync(HttpStatusCode.Created);
        var twice = await (await triage.PostAsJsonAsync("/api/v1/insight", item)).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("already has an item with reference ICE-77", twice.GetProperty("errors").GetProperty("externalReference")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_filters_by_source_dates_and_words_newest_first_and_pages()
    {
        var secretariat = await app.SignInAsync("secretariat@demo.test");
        for (var i = 1; i <= 5; i++)
        {
            await (await secretariat.PostAsJsonAsync("/api/v1/insight", new
            {
                source = "FRONTLINE",
                externalReference = $"FL-SEARCH-{i}",
                receivedOn = $"2025-0{i}-10",
                serviceLines = new[] { i % 2 == 0 ? "ESA" : "UC" },
                summary = i % 2 == 0 ? "Journal messages about a safeguarding concern were not read." : "A call back was not made.",
            })).ReadJsonAsync(HttpStatusCode.Created);
        }

        var found = await (await secretariat.GetAsync("/api/v1/insight?source=FRONTLINE&q=safeguarding%20journal&from=2025-01-01&to=2025-12-31")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, found.GetProperty("total").GetInt32());
        Assert.Equal(["FL-SEARCH-4", "FL-SEARCH-2"], found.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("externalReference").GetString()));

        var first = await (await secretariat.GetAsync("/api/v1/insight?source=FRONTLINE&from=2025-01-01&to=2025-12-31&pageSize=2")).ReadJsonAsync(HttpStatusCode.OK);
        var after = Uri.EscapeDataString(first.GetProperty("nextAfter").GetString()!);
        var paged = await (await secretariat.GetAsync($"/api/v1/insight?source=FRONTLINE&from=2025-01-01&to=2025-12-31&pageSize=2&after={after}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, paged.GetProperty("total").GetInt32());
        Assert.Equal(["FL-SEARCH-3", "FL-SEARCH-2"], paged.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("externalReference").GetString()));
        var last = await (await secretariat.GetAsync($"/api/v1/insight?source=FRONTLINE&from=2025-01-01&to=2025-12-31&pageSize=2&after={Uri.EscapeDataString(paged.GetProperty("nextAfter").GetString()!)}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["FL-SEARCH-1"], last.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("externalReference").GetString()));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("nextAfter").ValueKind);
        var forged = await (await secretariat.GetAsync("/api/v1/insight?after=yesterday")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(forged.GetProperty("errors").TryGetProperty("after", out _));

        var line = await (await secretariat.GetAsync("/api/v1/insight?source=FRONTLINE&serviceLine=ESA&from=2025-01-01&to=2025-12-31")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, line.GetProperty("total").GetInt32());

        var backwards = await (await secretariat.GetAsync("/api/v1/insight?from=2025-05-01&to=2025-01-01")).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.True(backwards.GetProperty("errors").TryGetProperty("to", out _));
    }

    [Fact]
    public async Task Only_analysts_triage_and_the_panel_secretariat_use_the_register()
    {
        var referrer = await app.SignInAsync("referrer@demo.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await referrer.GetAsync("/api/v1/insight")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await referrer.PostAsJsonAsync("/api/v1/insight", new { source = "ICE" })).StatusCode);
        var anonymous = app.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/insight")).StatusCode);
    }
}
