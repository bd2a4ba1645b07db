using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Cli;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.Referrals;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Audit;

/// <summary>The audit trail records every change with personal data masked, and `audit verify`
/// finds an entry that was altered or removed afterwards.</summary>
public sealed class AuditChainTests
{
    private static async Task<(int Exit, string Out, string Error)> CliAsync(TestDatabase database, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliHost.InvokeAsync(args, database.Settings, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Changes_are_recorded_with_personal_data_masked_and_the_chain_verifies()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        Guid id;
        await using (var db = database.CreateContext(new SystemActor("system:test-writer")))
        {
            var customer = new Customer { FullName = "Testy McTestface", NationalInsuranceNumber = "QQ123456C", DateOfBirth = new DateOnly(1970, 1, 2) };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            customer.NationalInsuranceNumber = "QQ654321C";
            customer.Nation = Core.Common.Nation.Wales;
            await db.SaveChangesAsync();
            db.Customers.Remove(customer);
            await db.SaveChangesAsync();
            id = customer.Id;
        }

        await using (var db = database.CreateContext())
        {
            var entries = await db.AuditEntries.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal([AuditAction.Create, AuditAction.Update, AuditAction.Delete], entries.Select(e => e.Action));
            Assert.All(entries, e => Assert.Equal("system:test-writer", e.ActorEmail));
            Assert.All(entries, e => Assert.DoesNotContain("QQ", e.Changes));
            Assert.All(entries, e => Assert.DoesNotContain("Testy", e.Changes));
            Assert.Contains("NationalInsuranceNumber", entries[1].Changes);
            Assert.Contains("Wales", entries[1].Changes);
        }

        var (exit, output, _) = await CliAsync(database, "audit", "verify");
        Assert.Equal(0, exit);
        Assert.Contains("intact", output);
    }

    [Fact]
    public async Task An_altered_entry_is_named_by_audit_verify()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        await using (var db = database.CreateContext())
        {
            await BypassAppendOnlyAsync(db);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "ActorEmail" = 'someone-else@demo.test' WHERE "Sequence" = 3""");
            var result = await new AuditChainVerifier(db).VerifyAsync();
            Assert.False(result.IsIntact);
            Assert.Equal(3, result.FirstBrokenSequence);
        }

        var (exit, _, error) = await CliAsync(database, "audit", "verify");
        Assert.Equal(1, exit);
        Assert.Contains("broken at entry 3", error);
    }

    [Fact]
    public async Task A_removed_entry_is_found()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        await using var db = database.CreateContext();
        await BypassAppendOnlyAsync(db);
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 5""");
        var result = await new AuditChainVerifier(db).VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(5, result.FirstBrokenSequence);
    }

    [Fact]
    public async Task A_rehashed_forgery_is_still_found_because_the_next_entry_no_longer_follows()
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        await using var db = database.CreateContext();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == 4);
        entry.ActorEmail = "forger@demo.test";
        var forgedHash = AuditHasher.Compute(entry);
        await BypassAppendOnlyAsync(db);
        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditEntries" SET "ActorEmail" = {entry.ActorEmail}, "Hash" = {forgedHash} WHERE "Sequence" = 4""");
        var result = await new AuditChainVerifier(db).VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(5, result.FirstBrokenSequence);
    }

    [Theory]
    [InlineData("""UPDATE "AuditEntries" SET "ActorEmail" = 'someone-else@demo.test' WHERE "Sequence" = 3""")]
    [InlineData("""DELETE FROM "AuditEntries" WHERE "Sequence" = 5""")]
    public async Task The_database_refuses_to_change_or_delete_an_entry(string sql)
    {
        await using var database = await TestDatabase.CreateAsync(withDemoData: true);
        await using var db = database.CreateContext();
        var refused = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(sql));
        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        Assert.True((await new AuditChainVerifier(db).VerifyAsync()).IsIntact);
    }

    /// <summary>Tampering as someone with the rights to switch the append-only triggers off (the table's
    /// owner or a superuser): the hash chain is what still catches them.</summary>
    private static Task BypassAppendOnlyAsync(SeriousCasesDbContext db) => db.Database.IsNpgsql()
        ? db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEntries" DISABLE TRIGGER USER""")
        : db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;");
}
