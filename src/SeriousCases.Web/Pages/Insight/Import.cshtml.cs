using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SeriousCases.Core.Insight;

namespace SeriousCases.Web.Pages.Insight;

/// <summary>Upload a CSV file of insight; the page then shows what was added and every row that needs fixing.</summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportModel(InsightImporter importer) : PageModel
{
    /// <summary>Large enough for a year of complaints; bigger files go through the command line or the API.</summary>
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    [BindProperty(Name = "file")] public IFormFile? Upload { get; set; }
    public ImportReport? Report { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("file", Upload is null ? "Select a CSV file" : "The selected file is empty");
        }
        else if (!Upload.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("file", "The selected file must be a CSV file (ending .csv)");
        }
        else
        {
            FileName = Path.GetFileName(Upload.FileName);
            await using var stream = Upload.OpenReadStream();
            Report = await importer.ImportAsync(stream, FileName, ct);
            if (!Report.FileRejected)
            {
                return Page();
            }

            foreach (var problem in Report.Problems)
            {
                ModelState.AddModelError("file", problem.Reason);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
