using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Data;
using SeriousCases.Core.Investigations;

namespace SeriousCases.Core.Publication;

/// <summary>Settings for the annual publication (section <c>Publication</c>).</summary>
public sealed class PublicationOptions
{
    public const string Section = "Publication";

    /// <summary>Cells with a count above zero and below this are flagged for the editor's decision.</summary>
    public int SmallNumberThreshold { get; set; } = 3;

    /// <summary>Codes of the service lines in the order their sections are printed; others follow by name.</summary>
    public List<string> SectionOrder { get; set; } = [.. CountingRules.DefaultSectionOrder];

    /// <summary>Words in a case text that flag it for a motivated-intruder review (with exact dates and places).</summary>
    public List<string> RareCircumstances { get; set; } = [.. EditionChecks.DefaultRareCircumstances];
}

/// <summary>Makes a year's content from the records: the IPRs concluded from 1 April to 31 March, their
/// service lines, findings, IPRG agreed activities and learning outcomes, counted by <see cref="CountingRules"/>.</summary>
public sealed class PublicationBuilder(SeriousCasesDbContext db, IOptions<PublicationOptions>? options = null)
{
    private readonly PublicationOptions settings = options?.Value ?? new PublicationOptions();

    public async Task<PublicationContent> BuildAsync(int startYear, CancellationToken ct = default)
    {
        var records = await LoadAsync(startYear, ct);
        return CountingRules.Build(startYear, records, settings.SectionOrder,
            line => PublicationTexts.SectionIntroductions.GetValueOrDefault(line.Code));
    }

    public async Task<IReadOnlyList<CaseRecord>> LoadAsync(int startYear, CancellationToken ct = default)
    {
        var from = PublicationYear.From(startYear);
        var to = PublicationYear.To(startYear);
        var lines = await db.ServiceLines.AsNoTracking()
            .ToDictionaryAsync(l => l.Id, l => new ServiceLineRef(l.Code, l.Name, l.Abbreviation, l.SortOrder), ct);

        var concluded = db.Investigations.Where(i => i.Stage == InvestigationStage.Concluded && i.ConcludedOn >= from && i.ConcludedOn <= to);
        var cases = await concluded.AsNoTracking()
            .Select(i => new { i.Id, i.Reference, ConcludedOn = i.ConcludedOn!.Value, i.ExternalScrutiny })
            .ToListAsync(ct);
        var caseLines = (await concluded.SelectMany(i => i.ServiceLines).Select(l => new { l.InvestigationId, l.ServiceLineId }).ToListAsync(ct))
            .ToLookup(l => l.InvestigationId, l => lines[l.ServiceLineId]);
        var findings = (await db.Findings.AsNoTracking().Where(f => concluded.Any(i => i.Id == f.InvestigationId))
                .Select(f => new { f.InvestigationId, f.Order, f.ServiceLineId, f.Text }).ToListAsync(ct))
            .OrderBy(f => f.Order).ToLookup(f => f.InvestigationId, f => new LineText(lines[f.ServiceLineId], f.Text));
        var activities = (await db.AgreedActivities.AsNoTracking()
                .Where(a => a.Origin == ActivityOrigin.IprgAgreedActivity && a.ServiceLineId != null
                    && concluded.Any(i => i.Id == a.InvestigationId))
                .Select(a => new { InvestigationId = a.InvestigationId!.Value, a.Order, ServiceLineId = a.ServiceLineId!.Value, a.Text }).ToListAsync(ct))
            .OrderBy(a => a.Order).ToLookup(a => a.InvestigationId, a => new LineText(lines[a.ServiceLineId], a.Text));
        var outcomes = (await db.LearningOutcomes.AsNoTracking().Where(o => concluded.Any(i => i.Id == o.InvestigationId))
                .Select(o => new { o.InvestigationId, o.Order, o.Text }).ToListAsync(ct))
            .OrderBy(o => o.Order).ToLookup(o => o.InvestigationId, o => o.Text);

        return
        [
            .. cases.Select(c => new CaseRecord(c.Id, c.Reference, c.ConcludedOn, c.ExternalScrutiny,
                [.. caseLines[c.Id]], [.. findings[c.Id]], [.. activities[c.Id]], [.. outcomes[c.Id]])),
        ];
    }
}
