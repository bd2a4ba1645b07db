using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Data;
using SeriousCases.Core.ReferenceData;

namespace SeriousCases.Core.Demo;

/// <summary>Reference data every installation starts with (not only the demo).</summary>
public static class ReferenceDataSeeder
{
    public static readonly IReadOnlyList<(string Code, string Name, string Abbreviation)> ServiceLines =
    [
        ("UC", "Universal Credit", "UC"),
        ("PIP", "Personal Independence Payment", "PIP"),
        ("ESA", "Employment and Support Allowance", "ESA"),
        ("CMS", "Child Maintenance Services", "CMS"),
        ("DLA", "Disability Living Allowance", "DLA"),
        ("CA", "Carer's Allowance", "CA"),
        ("JSA", "Jobseeker's Allowance", "JSA"),
        ("PC", "Pension Credit", "PC"),
        ("SP", "State Pension", "SP"),
        ("IB", "Incapacity Benefit", "IB"),
        ("CMPD", "Contract Management Partner Delivery", "CMPD"),
    ];

    public static async Task SeedAsync(SeriousCasesDbContext db, CancellationToken ct)
    {
        if (!await db.ServiceLines.AnyAsync(ct))
        {
            var order = 0;
            db.ServiceLines.AddRange(ServiceLines.Select(s => new ServiceLine
            {
                Code = s.Code,
                Name = s.Name,
                Abbreviation = s.Abbreviation,
                SortOrder = ++order,
            }));
        }

        await db.SaveChangesAsync(ct);
    }
}
