using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Investigations;
using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Investigations;

/// <summary>IPRs written straight to the app's database for tests of the case's own pages: launched, with the
/// service lines given at referral, assigned to the demo investigator unless another investigator is wanted.</summary>
public static class CaseBuilder
{
    private static int next = 6000;

    public static async Task<(Guid Id, string Reference)> LaunchedAsync(ServiceFactory app, string[]? lines = null, bool assignedToSomeoneElse = false,
        InvestigationStage stage = InvestigationStage.Launched)
    {
        var reference = $"IPR-2026-{Interlocked.Increment(ref next)}";
        var id = await app.WithDbAsync(async db =>
        {
            var investigator = assignedToSomeoneElse
                ? await OtherInvestigatorAsync(db)
                : await db.Users.Where(u => u.Email == "investigator@demo.test").Select(u => u.Id).SingleAsync();
            var codes = lines ?? ["UC"];
            var lineIds = await db.ServiceLines.Where(l => codes.Contains(l.Code)).Select(l => l.Id).ToListAsync();
            var ipr = new Investigation
            {
                Reference = reference,
                Stage = stage,
                NotifiedOn = new DateOnly(2026, 1, 5),
                AcceptedOn = new DateOnly(2026, 1, 12),
                LaunchedOn = new DateOnly(2026, 1, 20),
                InvestigatorUserId = investigator,
                ServiceLines = [.. lineIds.Select(l => new InvestigationServiceLine { ServiceLineId = l })],
            };
            db.Investigations.Add(ipr);
            await db.SaveChangesAsync();
            return ipr.Id;
        });
        return (id, reference);
    }

    /// <summary>A second investigator (fictional), so the demo investigator can be refused someone else's case.</summary>
    private static async Task<Guid> OtherInvestigatorAsync(Core.Data.SeriousCasesDbContext db)
    {
        const string email = "iris.other@example.test";
        if (await db.Users.Where(u => u.Email == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync() is { } existing)
        {
            return existing;
        }

        var user = new AppUser { Email = email, DisplayName = "Iris Other", Team = "Internal Process Review team" };
        user.Roles.Add(new UserRole { UserId = user.Id, Role = Roles.Investigator });
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }
}
