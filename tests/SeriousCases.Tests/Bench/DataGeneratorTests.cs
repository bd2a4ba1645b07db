using Microsoft.EntityFrameworkCore;
using SeriousCases.Bench;
using SeriousCases.Cli;
using SeriousCases.Core.Data;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Bench;

/// <summary>The benchmark's generator (PostgreSQL COPY, so it runs in the PostgreSQL pass of ./test.sh)
/// writes rows the service can read and continues the audit chain without breaking it.</summary>
public sealed class DataGeneratorTests
{
    [Fact]
    public async Task Generated_data_loads_through_the_model_and_the_audit_chain_still_verifies()
    {
        if (TestEnvironment.Provider != DatabaseProvider.Postgres)
        {
            return; // binary COPY is PostgreSQL's; the SQLite pass has nothing to run here
        }

        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        int demoCustomers, demoInsight;
        await using (var before = database.CreateContext())
        {
            (demoCustomers, demoInsight) = (await before.Customers.CountAsync(), await before.InsightItems.CountAsync());
        }

        var log = new StringWriter();
        Assert.Equal(0, await DataGenerator.RunAsync(database.ConnectionString, 0.002, log, CancellationToken.None));

        await using (var db = database.CreateContext())
        {
            Assert.Equal(demoCustomers + 100, await db.Customers.CountAsync());
            Assert.Equal(demoInsight + 2_000, await db.InsightItems.CountAsync());
            Assert.Equal(500, await db.AuditEntries.CountAsync(a => a.ActorEmail.EndsWith("@demo.test") && a.CorrelationId != null && a.CorrelationId.Length == 32));
            // Values written by COPY read back through EF Core's conversions (enums as text, UTC times).
            var investigation = await db.Investigations.OrderByDescending(i => i.CreatedAt).FirstAsync();
            Assert.Equal(DateTimeKind.Utc, investigation.CreatedAt.Kind);
        }

        var output = new StringWriter();
        var exit = await CliHost.InvokeAsync(["audit", "verify"], database.Settings, output, new StringWriter());
        Assert.True(exit == 0, output.ToString());
    }
}
