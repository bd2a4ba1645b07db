using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Cli;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Referrals;
using SeriousCases.Core.Retention;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Retention;

/// <summary>Retention through the pages, the API and the command line, and subject access, on the database of the run.</summary>
public sealed class RetentionPageTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static int next = 100;

    /// <summary>An IPR concluded on 10 January 2019 (so due since 10 January 2025) about a fictional customer, with a journey contact.</summary>
    public static async Task<(string Reference, string Nino)> OldCaseAsync(ServiceFactory app)
    {
        var n = Interlocked.Increment(ref next);
        var reference = $"IPR-2018-{n:0000}";
        var nino = $"QQ{n:000000}D";
        await app.WithDbAsync(async db =>
        {
            var line = await db.ServiceLines.Where(l => l.Code == "UC").Select(l => l.Id).SingleAsync();
            var customer = new Customer { FullName = $"Quentin Fictional{n}", NationalInsuranceNumber = nino, DateOfBirth = new DateOnly(1961, 5, 17) };
            var referral = new Referral { Reference = $"REF-2018-{n:0000}", Status = ReferralStatus.Accepted, ReferrerName = "Pat Referrer", Customer = customer };
            var ipr = new Investigation { Reference = reference, Referral = referral, Customer = customer, Stage = InvestigationStage.Concluded, ConcludedOn = new DateOnly(2019, 1, 10), Outcome = InvestigationOutcome.NoLearningIdentified };
            db.Investigations.Add(ipr);
            db.JourneyContacts.Add(new JourneyContact { InvestigationId = ipr.Id, OccurredOn = new DateOnly(2018, 5, 1), ServiceLineId = line, Channel = ContactChannel.Letter, WhatHappened = "A letter was sent", Source = "UC journal", RecordedByUserId = Guid.NewGuid() });
            await db.SaveChangesAsync();
            return 0;
        });
        return (reference, nino);
    }

    [Fact]
    public async Task Triage_places_and_lifts_a_hold_with_errors_shown_and_the_dry_run_follows()
    {
        var (reference, _) = await OldCaseAsync(app);
        var admin = await app.SignInAsync("admin@demo.test");
        var overview = (await admin.GetDocumentAsync("/admin/retention")).QuerySelector("main")!.TextContent;
        Assert.Contains("IPR-JOURNEY", overview, StringComparison.Ordinal);
        Assert.Contains("6 years after the IPR concluded", overview, StringComparison.Ordinal);
        var dry = await admin.GetDocumentAsync("/admin/retention/dry-run");
        Assert.Contains("To dispose of", dry.QuerySelector($"[id='case-{reference}']")!.TextContent, StringComparison.Ordinal);

        var triage = await app.SignInAsync("triage@demo.test");
        var form = await triage.GetFormAsync("/admin/retention/holds/new");
        var blank = await (await triage.PostAsync("/admin/retention/holds/new", form.With("caseReference", "IPR-1999-9999").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Error:", blank.Title, StringComparison.Ordinal);
        Assert.Equal(["#caseReference", "#reason"], blank.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Contains("There is no IPR or referral with the reference IPR-1999-9999", blank.QuerySelector("#caseReference-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("IPR-1999-9999", blank.QuerySelector("#caseReference")!.GetAttribute("value"));

        var placed = await triage.PostAsync("/admin/retention/holds/new", form.With("caseReference", reference).With("reason", "Inquest pending").ToContent());
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var list = await triage.GetDocumentAsync("/admin/retention/holds");
        Assert.Contains($"{reference} is on legal hold", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("On legal hold", (await admin.GetDocumentAsync("/admin/retention/dry-run")).QuerySelector($"[id='case-{reference}']")!.TextContent, StringComparison.Ordinal);

        var liftHref = list.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains(reference, StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")!;
        var liftForm = await triage.GetFormAsync(liftHref);
        var noReason = await (await triage.PostAsync(liftHref, liftForm.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter why the hold can be lifted", noReason.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await triage.PostAsync(liftHref, liftForm.With("reason", "Inquest concluded").ToContent())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await triage.PostAsync(liftHref, liftForm.With("reason", "Again").ToContent())).StatusCode);
        Assert.Contains("To dispose of", (await admin.GetDocumentAsync("/admin/retention/dry-run")).QuerySelector($"[id='case-{reference}']")!.TextContent, StringComparison.Ordinal);
        var hold = await app.WithDbAsync(db => db.LegalHolds.SingleAsync(h => h.CaseReference == reference));
        Assert.Equal(("Inquest pending", "Inquest concluded"), (hold.Reason, hold.LiftedReason));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(LegalHold) && a.EntityId == hold.Id.ToString() && a.Action == AuditAction.Update && a.ActorEmail == "triage@demo.test")));
    }

    [Fact]
    public async Task Holds_through_the_api_need_if_match_to_lift()
    {
        var (reference, _) = await OldCaseAsync(app);
        var admin = await app.SignInAsync("admin@demo.test");
        var bad = await (await admin.PostAsJsonAsync("/api/v1/legal-holds", new { caseReference = reference })).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Enter why the case must be kept, for example an inquest is pending", bad.GetProperty("errors").GetProperty("reason")[0].GetString());
        var created = await admin.PostAsJsonAsync("/api/v1/legal-holds", new { caseReference = reference, reason = "Litigation pending" });
        var hold = await created.ReadJsonAsync(HttpStatusCode.Created);
        var id = hold.GetProperty("id").GetGuid();
        var dry = await (await admin.GetAsync("/api/v1/retention/dry-run")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Contains(dry.GetProperty("decisions").EnumerateArray(), d => d.GetProperty("caseReference").GetString() == reference && d.GetProperty("verdict").GetString() == "Held");
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await admin.PostAsJsonAsync($"/api/v1/legal-holds/{id}/lift", new { reason = "Settled" })).StatusCode);
        var lift = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/legal-holds/{id}/lift") { Content = JsonContent.Create(new { reason = "Settled" }) };
        lift.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        var lifted = await (await admin.SendAsync(lift)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.False(lifted.GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task The_command_line_lists_without_changing_then_disposes()
    {
        var (reference, nino) = await OldCaseAsync(app);
        var output = new StringWriter();
        Assert.Equal(0, await CliHost.InvokeAsync(["retention", "run", "--dry-run"], app.Database.Settings, output, new StringWriter()));
        Assert.Contains($"{reference}\tCustomer journey\twould be disposed of\tCustomer journey: 6 years after the IPR concluded on 10 January 2019 (rule IPR-JOURNEY)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", output.ToString(), StringComparison.Ordinal);
        Assert.Equal($"Quentin Fictional{nino[2..8].TrimStart('0')}", await app.WithDbAsync(db => db.Customers.Where(c => c.NationalInsuranceNumber == nino).Select(c => c.FullName).SingleAsync()));

        output = new StringWriter();
        Assert.Equal(0, await CliHost.InvokeAsync(["retention", "run"], app.Database.Settings, output, new StringWriter()));
        Assert.Contains($"{reference}\tCustomer journey\tdisposed of", output.ToString(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Customers.AnyAsync(c => c.NationalInsuranceNumber == nino)));
        Assert.Equal(0, await app.WithDbAsync(db => db.JourneyContacts.CountAsync(j => db.Investigations.Any(i => i.Id == j.InvestigationId && i.Reference == reference))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(RetentionRun) && a.ActorEmail == "system:cli")));
    }

    [Fact]
    public async Task An_administrator_finds_and_exports_a_persons_records_and_both_are_audited()
    {
        var (reference, nino) = await OldCaseAsync(app);
        var admin = await app.SignInAsync("admin@demo.test");
        var form = await admin.GetFormAsync("/admin/retention/subject-access");
        var empty = await (await admin.PostAsync("/admin/retention/subject-access", form.ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Enter the person's name, National Insurance number or date of birth", empty.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        var wrongDate = await (await admin.PostAsync("/admin/retention/subject-access", form.With("dateOfBirth.day", "31").With("dateOfBirth.month", "2").With("dateOfBirth.year", "1961").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Date of birth must be a real date", wrongDate.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        form.With("dateOfBirth.day", "17").With("dateOfBirth.month", "5").With("dateOfBirth.year", "1961")
            .With("nationalInsuranceNumber", $"{nino[..2]} {nino[2..4]} {nino[4..6]} {nino[6..8]} {nino[8..]}".ToLowerInvariant());
        var found = await (await admin.PostAsync("/admin/retention/subject-access", form.ToContent())).ReadDocumentAsync();
        var rows = found.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r.Contains("JourneyContact", StringComparison.Ordinal) && r.Contains(reference, StringComparison.Ordinal));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.View && a.EntityType == nameof(Customer) && a.Changes!.Contains("Subject access search"))));

        var export = await admin.PostAsync("/admin/retention/subject-access?handler=Export", form.ToContent());
        Assert.Equal("application/zip", export.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await export.Content.ReadAsStreamAsync());
        using var customers = new StreamReader(zip.GetEntry("customers.json")!.Open());
        Assert.Contains(nino, await customers.ReadToEndAsync(), StringComparison.Ordinal);
        Assert.NotNull(zip.GetEntry("journey.json"));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.Export && a.EntityType == "SubjectAccess").ToListAsync());
        Assert.Contains(audit, a => a.ActorEmail == "admin@demo.test" && a.Changes!.Contains("Subject access export of 4 records", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.Changes!.Contains(nino, StringComparison.Ordinal));
    }
}
