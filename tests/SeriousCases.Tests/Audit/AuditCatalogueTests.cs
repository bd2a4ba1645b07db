using System.Reflection;
using System.Text.RegularExpressions;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Audit;

/// <summary>docs/audit-events.md lists every audited record; a new record type must be added there.</summary>
public sealed partial class AuditCatalogueTests
{
    private static string Catalogue()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "audit-events.md");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException("docs/audit-events.md");
    }

    [GeneratedRegex(@"^\| (?<type>[A-Za-z]+) \| (?<personal>yes|no) \|", RegexOptions.Multiline)]
    private static partial Regex RecordRow();

    [Fact]
    public async Task Every_record_type_in_the_model_is_in_the_catalogue_with_its_personal_data_flag()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: false);
        await using var db = database.CreateContext();
        var listed = RecordRow().Matches(Catalogue()).ToDictionary(m => m.Groups["type"].Value, m => m.Groups["personal"].Value == "yes");

        var types = db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => t != typeof(AuditEntry)).ToList();
        var missing = types.Where(t => !listed.ContainsKey(t.Name)).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, "Add these record types to docs/audit-events.md: " + string.Join(", ", missing));
        foreach (var type in types)
        {
            Assert.True(listed[type.Name] == (type.GetCustomAttribute<HoldsPersonalDataAttribute>() is not null),
                $"docs/audit-events.md says {type.Name} {(listed[type.Name] ? "holds" : "does not hold")} personal data; the model disagrees.");
        }
    }
}
