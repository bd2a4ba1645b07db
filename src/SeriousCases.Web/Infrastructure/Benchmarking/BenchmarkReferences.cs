using System.Data;
using System.Data.Common;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.EntityFrameworkCore;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Data;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Web.Infrastructure.Authorization;
using SeriousCases.Web.Pages.Actions;

namespace SeriousCases.Web.Infrastructure.Benchmarking;

/// <summary>Reference endpoints for the load runner in bench/, switched on by
/// <c>Benchmark:ReferenceEndpoints=true</c> and off everywhere else. Each figure of a real page is
/// reported as a ratio to a reference measured in the same run:
/// <list type="bullet">
/// <item><c>/bench/bare</c>: a signed-in request through the whole middleware stack, no page.</item>
/// <item><c>/bench/audit-without-data</c>: the real audit trail page (same page, layout and partials)
/// fed 50 in-memory entries instead of a database query.</item>
/// <item><c>/bench/actions-without-data</c>: the real action register page fed 50 in-memory activities and
/// its filter choices instead of database queries.</item>
/// <item><c>/bench/raw-audit/{sequence}</c>: the real audit entry page reading its row with one
/// plain ADO.NET command (raw Npgsql on PostgreSQL) instead of EF Core.</item>
/// </list></summary>
public static class BenchmarkReferences
{
    public const string SettingName = "Benchmark:ReferenceEndpoints";
    private const string WithoutData = "/bench/audit-without-data";
    private const string RawEntry = "/bench/raw-audit";
    private const string RegisterWithoutData = "/bench/actions-without-data";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>(SettingName);

    public static void AddBenchmarkReferences(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditSearch>();
        services.AddScoped<RegisterPageData>();
        if (!Enabled(configuration))
        {
            services.AddScoped<IAuditReader>(sp => sp.GetRequiredService<AuditSearch>());
            services.AddScoped<IRegisterPageData>(sp => sp.GetRequiredService<RegisterPageData>());
            return;
        }

        services.AddScoped<IRegisterPageData>(sp =>
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request.Path.StartsWithSegments(RegisterWithoutData) == true
                ? InMemoryRegister.Instance
                : sp.GetRequiredService<RegisterPageData>());

        // The same page model gets a different reader depending on the route it was reached by.
        services.AddScoped<IAuditReader>(sp =>
        {
            var search = sp.GetRequiredService<AuditSearch>();
            var path = sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Request.Path ?? default;
            return path.StartsWithSegments(WithoutData) ? new InMemoryAuditReader(search)
                : path.StartsWithSegments(RawEntry) ? new RawAuditReader(sp.GetRequiredService<SeriousCasesDbContext>(), search)
                : search;
        });
    }

    public static void AddBenchmarkPageRoutes(this PageConventionCollection pages, IConfiguration configuration)
    {
        if (Enabled(configuration))
        {
            pages.AddPageRoute("/Admin/Audit/Index", WithoutData.TrimStart('/'));
            pages.AddPageRoute("/Admin/Audit/Entry", RawEntry.TrimStart('/') + "/{sequence:long}");
            pages.AddPageRoute("/Actions/Index", RegisterWithoutData.TrimStart('/'));
        }
    }

    public static void MapBenchmarkReferences(this WebApplication app)
    {
        if (Enabled(app.Configuration))
        {
            app.MapGet("/bench/bare", () => Results.Text("ok")).RequireAuthorization(Policies.Administer);
        }
    }

    /// <summary>A page of fifty activities and the filter choices, as the register would show them, without a query.</summary>
    private sealed class InMemoryRegister : IRegisterPageData
    {
        public static readonly InMemoryRegister Instance = new();

        private static readonly RegisterChoices Choices = new(
            [.. Enumerable.Range(1, 16).Select(i => new OwnerTeam { ShortName = $"Team {i}", Name = $"Owner team {i}" })],
            [.. Enumerable.Range(1, 12).Select(i => new ServiceLine { Code = $"L{i}", Name = $"Service line {i}", Abbreviation = $"L{i}", SortOrder = i })],
            ["Director General, Customer Services", "Director General, Service Excellence", "Director General, Work and Health Services"]);

        private static readonly ActivityPage Page = new(
            [.. Enumerable.Range(0, ActionRegisterService.DefaultPageSize).Select(i => new ActivityRow(
                new Guid(0x0190e2b4, 0, 0x7000, 0x80, 0, 0, 0, 0, 0, 0, (byte)i), $"ACT-2026-{1000 + i}", ActivityOrigin.IprgAgreedActivity,
                "UC to assure IPRG that call backs requested in the journal are made within two working days and recorded.",
                "UC", "Universal Credit", i % 5 == 0 ? "Director General, Customer Services" : null,
                new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30).AddDays(i), ActivityPriority.Medium,
                (ActivityState)(i % 3), i % 3 == 0 ? 10 + i : 0, false, 3))],
            150_000,
            "2026-10-19_0190e2b4000070008000000000000031");

        public Task<IReadOnlyList<SavedView>> SavedViewsAsync(Guid userId, CancellationToken ct) => Task.FromResult<IReadOnlyList<SavedView>>([]);

        public Task<RegisterChoices> ChoicesAsync(RegisterUser user, CancellationToken ct) => Task.FromResult(Choices);

        public Task<ActivityPage> ListAsync(ActivityQuery query, RegisterUser user, CancellationToken ct) => Task.FromResult(Page);
    }

    /// <summary>Fifty fixed entries, as a first page of the audit trail would show, without a query.</summary>
    private sealed class InMemoryAuditReader(AuditSearch search) : IAuditReader
    {
        private static readonly AuditPage Page = new(
            [.. Enumerable.Range(0, AuditSearch.PageSize).Select(i => new AuditEntry
            {
                Sequence = 1_000_000 - i,
                OccurredAt = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc).AddMinutes(-i),
                ActorEmail = "investigator@demo.test",
                Action = (AuditAction)((i % 3) + 1),
                EntityType = i % 2 == 0 ? "Investigation" : "AgreedActivity",
                EntityId = new Guid(0x0190e2b4, 0, 0x7000, 0x80, 0, 0, 0, 0, 0, 0, (byte)i).ToString(),
                Changes = """{"Stage":{"before":"FactFinding","after":"Drafting"},"SentToIprgOn":{"before":null,"after":"2026-11-20"}}""",
                PreviousHash = new string('0', 64),
                Hash = new string('0', 64),
            })],
            1_000_000 - AuditSearch.PageSize + 1);

        public Task<AuditPage> SearchAsync(AuditFilter filter, long? after, CancellationToken ct = default) => Task.FromResult(Page);

        public Task<AuditEntry?> FindAsync(long sequence, CancellationToken ct = default) =>
            Task.FromResult<AuditEntry?>(Page.Entries[0]);

        public IReadOnlyList<string> EntityTypes() => search.EntityTypes();
    }

    /// <summary>One row by primary key with a plain command on EF Core's own connection.</summary>
    private sealed class RawAuditReader(SeriousCasesDbContext db, AuditSearch search) : IAuditReader
    {
        public Task<AuditPage> SearchAsync(AuditFilter filter, long? after, CancellationToken ct = default) =>
            search.SearchAsync(filter, after, ct);

        public IReadOnlyList<string> EntityTypes() => search.EntityTypes();

        public async Task<AuditEntry?> FindAsync(long sequence, CancellationToken ct = default)
        {
            var connection = db.Database.GetDbConnection();
            if (connection.State != ConnectionState.Open)
            {
                await connection.OpenAsync(ct);
            }

            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT "Sequence", "OccurredAt", "ActorUserId", "ActorEmail", "Action", "EntityType", "EntityId",
                       "Changes", "CorrelationId", "PreviousHash", "Hash"
                FROM "AuditEntries" WHERE "Sequence" = @sequence
                """;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "sequence";
            parameter.Value = sequence;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Read(reader) : null;
        }

        private static AuditEntry Read(DbDataReader r) => new()
        {
            Sequence = r.GetInt64(0),
            OccurredAt = DateTime.SpecifyKind(r.GetDateTime(1), DateTimeKind.Utc),
            ActorUserId = r.IsDBNull(2) ? null : r.GetGuid(2),
            ActorEmail = r.GetString(3),
            Action = Enum.Parse<AuditAction>(r.GetString(4)),
            EntityType = r.GetString(5),
            EntityId = r.GetString(6),
            Changes = r.IsDBNull(7) ? null : r.GetString(7),
            CorrelationId = r.IsDBNull(8) ? null : r.GetString(8),
            PreviousHash = r.GetString(9),
            Hash = r.GetString(10),
        };
    }
}
