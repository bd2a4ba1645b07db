using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Investigations;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Investigations;

/// <summary>The evidence log of an IPR: documents (checked, hashed, stored, downloaded unchanged) and fact-finding
/// discussions, through the API and the pages, under the record-level rule.</summary>
public sealed class EvidenceLogTests(ServiceFactory app) : IClassFixture<ServiceFactory>
{
    private static MultipartFormDataContent Upload(string fileName, byte[] content, string? description = null, FormValues? form = null)
    {
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in form?.Fields ?? new Dictionary<string, string>())
        {
            body.Add(new StringContent(value), name);
        }

        if (description is not null)
        {
            body.Add(new StringContent(description), "description");
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "file", fileName);
        return body;
    }

    /// <summary>A body sent without a length (chunked), so the server only learns its size by reading it.</summary>
    private sealed class UnknownLength(HttpContent inner) : HttpContent
    {
        public static async Task<UnknownLength> OfAsync(HttpContent inner)
        {
            await inner.LoadIntoBufferAsync();
            var content = new UnknownLength(inner);
            content.Headers.ContentType = inner.Headers.ContentType;
            return content;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static byte[] PdfOf(int size)
    {
        var pdf = new byte[size];
        EvidenceFileRulesTests.Pdf().CopyTo(pdf, 0);
        return pdf;
    }

    [Fact]
    public async Task A_document_uploaded_through_the_api_keeps_its_hash_and_downloads_unchanged()
    {
        var (id, _) = await CaseBuilder.LaunchedAsync(app);
        var investigator = await app.SignInAsync("investigator@demo.test");
        var pdf = EvidenceFileRulesTests.Pdf();

        var created = await (await investigator.PostAsync($"/api/v1/investigations/{id}/evidence/documents", Upload("UC journal.pdf", pdf, "Journal printout, March to June 2025")))
            .ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(Sha256(pdf), created.GetProperty("sha256").GetString());
        Assert.Equal(pdf.Length, created.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("application/pdf", created.GetProperty("contentType").GetString());
        Assert.Equal("UC journal.pdf", created.GetProperty("fileName").GetString());
        var documentId = created.GetProperty("id").GetGuid();
        var href = created.GetProperty("href").GetString()!;
        Assert.Equal($"/api/v1/investigations/{id}/evidence/documents/{documentId}", href);

        var download = await investigator.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("UC journal.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityId == documentId.ToString())));

        var log = await (await investigator.GetAsync($"/api/v1/investigations/{id}/evidence")).ReadJsonAsync(HttpStatusCode.OK);
        var listed = Assert.Single(log.GetProperty("documents").EnumerateArray());
        Assert.Equal("Journal printout, March to June 2025", listed.GetProperty("description").GetString());
        Assert.Equal(Sha256(pdf), listed.GetProperty("sha256").GetString());
        Assert.Equal(Sha256(pdf), await app.WithDbAsync(async db => Sha256(await db.EvidenceFiles.Where(f => f.EvidenceDocumentId == documentId).Select(f => f.Content).SingleAsync())));

        // The same document reached through another case is not found.
        var (other, _) = await CaseBuilder.LaunchedAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await investigator.GetAsync($"/api/v1/investigations/{other}/evidence/documents/{documentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await investigator.GetAsync($"/investigations/{other}/evidence/{documentId}")).StatusCode);
    }

    [Fact]
    public async Task Refused_files_are_named_with_the_reason_and_nothing_is_stored()
    {
        var (id, _) = await CaseBuilder.LaunchedAsync(app);
        var investigator = await app.SignInAsync("investigator@demo.test");
        var url = $"/api/v1/investigations/{id}/evidence/documents";
        async Task<string?> Refusal(HttpContent body, HttpStatusCode expected = HttpStatusCode.BadRequest) =>
            (await (await investigator.PostAsync(url, body)).ReadJsonAsync(expected)).GetProperty("errors").GetProperty("file")[0].GetString();

        Assert.Equal("The selected file is empty", await Refusal(Upload("empty.pdf", [])));
        Assert.Equal(EvidenceFileRules.WrongType, await Refusal(Upload("tool.exe", [0x4D, 0x5A, 0x90, 0])));
        Assert.Equal("The selected file is named .pdf but is not a PDF. Select the original file, or save it again as a PDF", await Refusal(Upload("scan.pdf", EvidenceFileRulesTests.Png())));
        Assert.StartsWith("The selected file is named .docx but is not a Word document", await Refusal(Upload("letter.docx", EvidenceFileRulesTests.Xlsx())), StringComparison.Ordinal);
        Assert.Equal("The selected file must be smaller than 20 MB", await Refusal(Upload("big.pdf", PdfOf((int)EvidenceFileRules.MaxBytes + 1))));
        Assert.Equal("The selected file must be smaller than 20 MB", await Refusal(Upload("huge.pdf", PdfOf(22 * 1024 * 1024)), HttpStatusCode.RequestEntityTooLarge));
        Assert.Equal("The selected file must be smaller than 20 MB",
            await Refusal(await UnknownLength.OfAsync(Upload("huge.pdf", PdfOf(22 * 1024 * 1024))), HttpStatusCode.RequestEntityTooLarge));
        var noFile = new MultipartFormDataContent { { new StringContent("Just a description"), "description" } };
        Assert.Equal("Select a file to upload", await Refusal(noFile));
        Assert.StartsWith("Send the document as multipart/form-data", await Refusal(JsonContent.Create(new { file = "journal.pdf" })), StringComparison.Ordinal);
        var longDescription = await (await investigator.PostAsync(url, Upload("notes.pdf", EvidenceFileRulesTests.Pdf(), new string('d', 501)))).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The description must be 500 characters or fewer", longDescription.GetProperty("errors").GetProperty("description")[0].GetString());

        // Exactly 20 MB is allowed.
        var limit = PdfOf((int)EvidenceFileRules.MaxBytes);
        Assert.Equal(Sha256(limit), (await (await investigator.PostAsync(url, Upload("limit.pdf", limit))).ReadJsonAsync(HttpStatusCode.Created)).GetProperty("sha256").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.EvidenceDocuments.CountAsync(d => d.InvestigationId == id)));
    }

    [Fact]
    public async Task The_upload_page_answers_every_refusal_with_a_govuk_error_even_for_a_body_too_large_to_read()
    {
        var (id, reference) = await CaseBuilder.LaunchedAsync(app);
        var investigator = await app.SignInAsync("investigator@demo.test");
        var url = $"/investigations/{id}/evidence/upload";
        var form = await investigator.GetFormAsync(url);

        async Task AssertRefusedAsync(HttpContent body, string message, string? description = null)
        {
            var page = await (await investigator.PostAsync(url, body)).ReadDocumentAsync(HttpStatusCode.BadRequest);
            Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
            Assert.Equal("#file", page.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
            Assert.Equal(message, page.QuerySelector(".govuk-error-summary a")!.TextContent);
            Assert.Equal("Error: " + message, page.QuerySelector("#file-error")!.TextContent.Trim());
            Assert.Equal(description ?? "", page.QuerySelector("#description")!.TextContent);
            Assert.Contains($"IPR {reference}", page.QuerySelector(".govuk-caption-l")!.TextContent, StringComparison.Ordinal);
        }

        await AssertRefusedAsync(Upload("scan.jpg", EvidenceFileRulesTests.Pdf(), "Photo of the letter", form),
            "The selected file is named .jpg but is not a JPEG image. Select the original file, or save it again as a JPEG image", "Photo of the letter");
        await AssertRefusedAsync(Upload("empty.txt", [], "Blank", form), "The selected file is empty", "Blank");
        await AssertRefusedAsync(Upload("macro.docm", EvidenceFileRulesTests.Docx(), null, form), EvidenceFileRules.WrongType);
        await AssertRefusedAsync(Upload("big.pdf", PdfOf((int)EvidenceFileRules.MaxBytes + 1), "Big", form), EvidenceFileRules.TooLarge, "Big");
        // Over the request limit: the page answers without reading the body (so what was typed cannot be kept).
        await AssertRefusedAsync(Upload("huge.pdf", PdfOf(25 * 1024 * 1024), "Huge", form), EvidenceFileRules.TooLarge);
        await AssertRefusedAsync(await UnknownLength.OfAsync(Upload("huge.pdf", PdfOf(25 * 1024 * 1024), "Huge", form)), EvidenceFileRules.TooLarge);
        Assert.Equal(0, await app.WithDbAsync(db => db.EvidenceDocuments.CountAsync(d => d.InvestigationId == id)));

        // The antiforgery token is still required.
        Assert.Equal(HttpStatusCode.BadRequest, (await investigator.PostAsync(url, Upload("notes.txt", "Call notes"u8.ToArray()))).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.EvidenceDocuments.CountAsync(d => d.InvestigationId == id)));

        var text = "14/02/2025 10:02 Customer called: payment not received.\n"u8.ToArray();
        var done = await investigator.PostAsync(url, Upload(@"C:\Users\worker\call notes.txt", text, "Call log", form));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/investigations/{id}/evidence", done.Headers.Location!.OriginalString);

        var evidence = await investigator.GetDocumentAsync($"/investigations/{id}/evidence");
        Assert.Contains("call notes.txt uploaded", evidence.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        var row = evidence.QuerySelector("#documents tbody tr")!;
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.StartsWith("call notes.txt", cells[0], StringComparison.Ordinal);
        Assert.Contains("Call log", cells[0], StringComparison.Ordinal);
        Assert.Equal("Text file", cells[1]);
        Assert.Equal("1 KB", cells[2]);
        Assert.Equal(Sha256(text), row.QuerySelector("code.sha256")!.TextContent);
        Assert.StartsWith(Sha256(text)[..12], row.QuerySelector("summary")!.TextContent.Trim(), StringComparison.Ordinal);
        var link = row.QuerySelector("a")!.GetAttribute("href")!;
        var download = await investigator.GetAsync(link);
        Assert.Equal(text, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/plain", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Discussions_are_recorded_from_the_page_and_the_api_and_listed_in_date_order()
    {
        var (id, _) = await CaseBuilder.LaunchedAsync(app);
        var investigator = await app.SignInAsync("investigator@demo.test");
        var url = $"/investigations/{id}/evidence/discussions/new";
        var form = await investigator.GetFormAsync(url);
        var wrong = await (await investigator.PostAsync(url, form.With("withWhom", "Dana Fictional").With("heldOn.day", "3").With("heldOn.month", "1")
            .With("heldOn.year", "2026").With("notes", "Explained how journal messages are routed.").ToContent())).ReadDocumentAsync(HttpStatusCode.BadRequest);
        var summary = wrong.QuerySelector(".govuk-error-summary")!;
        Assert.Equal(["#role", "#heldOn-day"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Enter their role", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("must be on or after 12 January 2026, when the IPR was accepted", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("Dana Fictional", wrong.QuerySelector("#withWhom")!.GetAttribute("value"));
        Assert.Equal("3", wrong.QuerySelector("#heldOn-day")!.GetAttribute("value"));
        Assert.Equal("Explained how journal messages are routed.", wrong.QuerySelector("#notes")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await investigator.PostAsync(url, form.With("role", "UC work coach").With("heldOn.day", "20").With("heldOn.month", "3").ToContent())).StatusCode);

        var api = $"/api/v1/investigations/{id}/evidence/discussions";
        var empty = (await (await investigator.PostAsJsonAsync(api, new { })).ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("Enter who the discussion was with", empty.GetProperty("withWhom")[0].GetString());
        Assert.Equal("Enter the date of the discussion", empty.GetProperty("heldOn")[0].GetString());
        Assert.Equal("Enter the notes of the discussion", empty.GetProperty("notes")[0].GetString());
        var tooLong = (await (await investigator.PostAsJsonAsync(api, new { withWhom = "x", role = new string('r', 201), heldOn = "2026-02-01", notes = new string('n', 8001) }))
            .ReadJsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("Their role must be 200 characters or fewer", tooLong.GetProperty("role")[0].GetString());
        Assert.Equal("The notes must be 8,000 characters or fewer", tooLong.GetProperty("notes")[0].GetString());
        await (await investigator.PostAsJsonAsync(api, new { withWhom = "Sol Example", role = "PIP case manager", heldOn = "2026-02-01", notes = "Walked through the PIP case notes." }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var log = await (await investigator.GetAsync($"/api/v1/investigations/{id}/evidence")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Sol Example", "Dana Fictional"], log.GetProperty("discussions").EnumerateArray().Select(d => d.GetProperty("withWhom").GetString()));
        var page = await investigator.GetDocumentAsync($"/investigations/{id}/evidence");
        Assert.Equal(["Sol Example, PIP case manager", "Dana Fictional, UC work coach"], page.QuerySelectorAll("#discussions .govuk-summary-card__title").Select(t => t.TextContent));
        Assert.Contains("20 March 2026", page.QuerySelector("#discussions")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_evidence_is_not_found_and_each_attempt_is_audited()
    {
        var (id, _) = await CaseBuilder.LaunchedAsync(app, assignedToSomeoneElse: true);
        var triage = await app.SignInAsync("triage@demo.test");
        var documentId = (await (await triage.PostAsync($"/api/v1/investigations/{id}/evidence/documents", Upload("notes.pdf", EvidenceFileRulesTests.Pdf())))
            .ReadJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var investigator = await app.SignInAsync("investigator@demo.test");
        Task<int> Refusals() => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessRefused && a.EntityId == id.ToString()));
        foreach (var url in new[] { $"/api/v1/investigations/{id}/evidence", $"/api/v1/investigations/{id}/evidence/documents/{documentId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await investigator.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await investigator.PostAsync($"/api/v1/investigations/{id}/evidence/documents", Upload("notes.pdf", EvidenceFileRulesTests.Pdf()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await investigator.PostAsync($"/api/v1/investigations/{id}/evidence/documents", Upload("huge.pdf", PdfOf(22 * 1024 * 1024)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await investigator.PostAsJsonAsync($"/api/v1/investigations/{id}/evidence/discussions", new { withWhom = "A", role = "B", heldOn = "2026-02-01", notes = "C" })).StatusCode);
        foreach (var url in new[] { $"/investigations/{id}/evidence", $"/investigations/{id}/evidence/{documentId}", $"/investigations/{id}/evidence/upload", $"/investigations/{id}/evidence/discussions/new" })
        {
            await investigator.GetDocumentAsync(url, HttpStatusCode.NotFound);
        }

        Assert.Equal(9, await Refusals());
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.EntityId == documentId.ToString())));
        Assert.Equal(1, await app.WithDbAsync(db => db.EvidenceDocuments.CountAsync(d => d.InvestigationId == id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.FactFindingDiscussions.CountAsync(d => d.InvestigationId == id)));
    }

    [Fact]
    public async Task A_concluded_case_takes_no_more_evidence()
    {
        var (id, reference) = await CaseBuilder.LaunchedAsync(app, stage: InvestigationStage.Concluded);
        var investigator = await app.SignInAsync("investigator@demo.test");
        var refused = await (await investigator.PostAsync($"/api/v1/investigations/{id}/evidence/documents", Upload("notes.pdf", EvidenceFileRulesTests.Pdf()))).ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"IPR {reference} is concluded: its evidence log can no longer change", refused.GetProperty("errors").GetProperty("file")[0].GetString());
        var page = await investigator.GetDocumentAsync($"/investigations/{id}/evidence");
        Assert.Null(page.QuerySelector($"a[href='/investigations/{id}/evidence/upload']"));
        Assert.Null(page.QuerySelector($"a[href='/investigations/{id}/evidence/discussions/new']"));
    }
}
