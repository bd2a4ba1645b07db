using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Data;
using SeriousCases.Core.Insight;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Panel;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Referrals;
using SeriousCases.Core.Referrals.Criteria;
using SeriousCases.Core.Themes;

namespace SeriousCases.Bench;

/// <summary>Ten years of a department's serious-case work, invented from a fixed seed and appended to a
/// migrated database (after the demo) with binary COPY. Column lists come from the EF Core model, so
/// the generator follows the schema; the audit entries continue the real hash chain.</summary>
public static class DataGenerator
{
    private const int Seed = 20_260_101;
    private static readonly DateOnly FirstDay = new(2016, 1, 1);
    private const int Days = 3653;

    public static async Task<int> RunAsync(string connectionString, double scale, TextWriter log, CancellationToken ct)
    {
        int Scaled(int n) => Math.Max(1, (int)(n * scale));
        var random = new Random(Seed);
        var total = Stopwatch.StartNew();

        await using var db = BenchContexts.Postgres(connectionString);
        var model = db.Model;
        var lines = await db.ServiceLines.AsNoTracking().Select(s => s.Id).ToArrayAsync(ct);
        var teams = await db.OwnerTeams.AsNoTracking().Select(t => t.Id).ToArrayAsync(ct);
        var themes = await db.Themes.AsNoTracking().Select(t => t.Id).ToArrayAsync(ct);
        var sources = await db.InsightSources.AsNoTracking().Select(s => s.Id).ToArrayAsync(ct);
        if (lines.Length == 0 || teams.Length == 0 || themes.Length == 0 || sources.Length == 0)
        {
            await log.WriteLineAsync("The database has no reference data: start the service once (it loads the demo) before generating.");
            return 1;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        async Task Copy<T>(string what, IEnumerable<T> rows) where T : class
        {
            var watch = Stopwatch.StartNew();
            var count = await ModelCopy.CopyAsync(connection, model, rows, ct);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{what,-26} {count,10:N0} rows in {watch.Elapsed.TotalSeconds,6:F1} s"));
        }

        // Customers and referrals.
        var customers = Enumerable.Range(0, Scaled(50_000)).Select(i => new Customer
        {
            FullName = $"{Pick(random, FirstNames)} {Pick(random, LastNames)}",
            DateOfBirth = new DateOnly(1940, 1, 1).AddDays(random.Next(0, 23_000)),
            NationalInsuranceNumber = string.Create(CultureInfo.InvariantCulture, $"QQ{random.Next(0, 1_000_000):000000}{"ABCD"[random.Next(4)]}"),
            Nation = (Nation)random.Next(1, 4),
            CreatedAt = Stamp(FirstDay.AddDays(i % Days)),
            UpdatedAt = Stamp(FirstDay.AddDays(i % Days)),
        }).ToList();
        await Copy("Customers", customers);

        var referralNumbers = new Dictionary<int, int>();
        var referrals = customers.Select((c, i) =>
        {
            var received = FirstDay.AddDays((int)((long)i * Days / customers.Count));
            var accepted = i % 5 == 0;
            var facts = accepted
                ? new ReferralFacts(SeriousEvent.Died, true, ExternalReviews.None)
                : new ReferralFacts((SeriousEvent)random.Next(0, 5), random.Next(3) > 0,
                    random.Next(5) == 0 ? ExternalReviews.SafeguardingAdultsReview : ExternalReviews.None);
            var assessment = IprCriteria.Assess(IprCriteria.Version2022, facts);
            return new Referral
            {
                Reference = ReferenceNumber.Format("REF", received.Year, 1000 + Next(referralNumbers, received.Year)),
                Status = accepted ? ReferralStatus.Accepted : assessment.CriteriaMet ? ReferralStatus.Submitted : ReferralStatus.NotMet,
                ReferrerName = $"{Pick(random, FirstNames)} {Pick(random, LastNames)}",
                ReferrerTeam = "Service centre",
                ReceivedOn = received,
                DwpAwareOn = received.AddDays(-random.Next(1, 20)),
                AwarenessRoute = (AwarenessRoute)random.Next(1, 8),
                CustomerId = c.Id,
                SeriousEvent = facts.Event,
                AllegationMade = facts.Allegation,
                ExternalReviews = facts.ExternalReviews,
                CriteriaVersion = assessment.CriteriaVersion,
                CriteriaRoute = assessment.Route,
                CriteriaMet = assessment.CriteriaMet,
                SubmittedAt = Stamp(received),
                CreatedAt = Stamp(received),
                UpdatedAt = Stamp(received),
            };
        }).ToList();
        await Copy("Referrals", referrals);
        await Copy("ReferralServiceLines", referrals.SelectMany(r => TwoLines(random, lines, r.Id)
            .Select(l => new ReferralServiceLine { ReferralId = r.Id, ServiceLineId = l })));

        // Investigations of the accepted referrals, with findings, activities and outcomes.
        var investigationNumbers = new Dictionary<int, int>();
        var investigations = referrals.Where(r => r.Status == ReferralStatus.Accepted).Take(Scaled(10_000)).Select(r =>
        {
            var accepted = r.ReceivedOn!.Value.AddDays(random.Next(2, 10));
            var concluded = accepted.AddDays(random.Next(90, 240));
            var open = concluded > new DateOnly(2025, 12, 31);
            return new Investigation
            {
                Reference = ReferenceNumber.Format("IPR", accepted.Year, 1000 + Next(investigationNumbers, accepted.Year)),
                ReferralId = r.Id,
                CustomerId = r.CustomerId,
                Stage = open ? (InvestigationStage)random.Next(1, 6) : InvestigationStage.Concluded,
                NotifiedOn = r.ReceivedOn,
                AcceptedOn = accepted,
                LaunchedOn = accepted.AddDays(random.Next(3, 14)),
                ConcludedOn = open ? null : concluded,
                Outcome = open ? null : random.Next(4) == 0 ? InvestigationOutcome.NoLearningIdentified : InvestigationOutcome.LearningIdentified,
                ExternalScrutiny = random.Next(3) == 0,
                CreatedAt = Stamp(accepted),
                UpdatedAt = Stamp(open ? accepted : concluded),
            };
        }).ToList();
        await Copy("Investigations", investigations);
        await Copy("InvestigationServiceLines", investigations.SelectMany(i => TwoLines(random, lines, i.Id)
            .Select(l => new InvestigationServiceLine { InvestigationId = i.Id, ServiceLineId = l })));

        var findingsPer = Math.Max(1, Scaled(100_000) / investigations.Count);
        var findings = investigations.SelectMany(i => Enumerable.Range(1, findingsPer).Select(n => new Finding
        {
            InvestigationId = i.Id,
            Order = n,
            Text = Pick(random, FindingTexts),
            ServiceLineId = Pick(random, lines),
            MonthKey = FindingMonth.KeyOf(i),
            CreatedAt = i.CreatedAt,
            UpdatedAt = i.UpdatedAt,
        })).ToList();
        await Copy("Findings", findings);
        // Each finding coded with a theme, every third with a second one (by position: the random sequence stays as it was).
        await Copy("FindingThemes", findings.SelectMany((f, n) => (n % 3 == 0 && themes.Length > 1 ? new[] { n, n + 1 } : [n])
            .Select(k => new FindingTheme { FindingId = f.Id, ThemeId = themes[k % themes.Length] })));
        await Copy("LearningOutcomes", investigations.Where(i => i.Outcome == InvestigationOutcome.LearningIdentified).Select(i => new LearningOutcome
        {
            InvestigationId = i.Id,
            Order = 1,
            Text = "Guidance was updated and shared with all colleagues, with quality checks to monitor compliance.",
            CreatedAt = i.UpdatedAt,
            UpdatedAt = i.UpdatedAt,
        }));

        var activityNumbers = new Dictionary<int, int>();
        var activitiesPer = Math.Max(1, Scaled(150_000) / investigations.Count);
        var activities = investigations.SelectMany((i, ix) => Enumerable.Range(1, activitiesPer).Select(n =>
        {
            var agreed = i.ConcludedOn ?? i.AcceptedOn!.Value.AddDays(60);
            var due = agreed.AddMonths(3);
            var done = due < new DateOnly(2025, 6, 1) && random.Next(10) > 0;
            return new AgreedActivity
            {
                Reference = ReferenceNumber.Format("ACT", agreed.Year, 1000 + Next(activityNumbers, agreed.Year)),
                Origin = ActivityOrigin.IprgAgreedActivity,
                Text = Pick(random, ActivityTexts),
                Order = n,
                InvestigationId = i.Id,
                // An IPRG activity answers one of its IPR's findings (which is how it reaches the finding's themes).
                FindingId = findings[(ix * findingsPer) + ((n - 1) % findingsPer)].Id,
                ServiceLineId = Pick(random, lines),
                OwnerTeamId = Pick(random, teams),
                FirstDueOn = due,
                DueOn = due,
                Priority = (ActivityPriority)random.Next(1, 4),
                Status = done ? ActivityStatus.Complete : (ActivityStatus)random.Next(0, 2),
                CompletedOn = done ? due.AddDays(-random.Next(0, 60)) : null,
                Assurance = done ? AssuranceGrade.Assured : null,
                CreatedAt = Stamp(agreed),
                UpdatedAt = Stamp(agreed),
            };
        })).ToList();
        await Copy("AgreedActivities", activities);

        // Forty quarterly Panel meetings with their agenda, papers, attendance and decisions.
        var meetings = Enumerable.Range(0, Math.Min(40, Scaled(40))).Select(q => new PanelMeeting
        {
            MeetingOn = new DateOnly(2016 + (q / 4), 1 + (3 * (q % 4)), 15),
            Format = (MeetingFormat)random.Next(1, 4),
            Status = MeetingStatus.MinutesPublished,
            ChairName = "Chair (Non-Executive Director)",
        }).ToList();
        foreach (var m in meetings)
        {
            m.CreatedAt = m.UpdatedAt = Stamp(m.MeetingOn);
        }

        await Copy("PanelMeetings", meetings);
        await Copy("AgendaItems", meetings.SelectMany(m => Enumerable.Range(1, 4).Select(n => new AgendaItem
        {
            PanelMeetingId = m.Id,
            Number = n,
            Title = n == 1 ? "Welcome and introductions" : $"Theme discussion {n - 1}",
            CreatedAt = m.CreatedAt,
            UpdatedAt = m.CreatedAt,
        })));
        await Copy("PanelPapers", meetings.SelectMany(m => Enumerable.Range(1, 3).Select(n => new PanelPaper
        {
            PanelMeetingId = m.Id,
            Number = n,
            Title = n == 1 ? "Actions update" : "Theme paper",
            ThemeId = Pick(random, themes),
            CreatedAt = m.CreatedAt,
            UpdatedAt = m.CreatedAt,
        })));
        await Copy("MeetingAttendances", meetings.SelectMany(m => Enumerable.Range(1, 12).Select(n => new MeetingAttendance
        {
            PanelMeetingId = m.Id,
            Kind = n <= 10 ? AttendanceKind.Member : AttendanceKind.Presenter,
            PersonName = $"Member {n}",
            CreatedAt = m.CreatedAt,
            UpdatedAt = m.CreatedAt,
        })));
        await Copy("PanelDecisions", meetings.SelectMany(m => Enumerable.Range(1, 3).Select(n => new PanelDecision
        {
            PanelMeetingId = m.Id,
            Number = n,
            AgendaItemNumber = 2,
            Text = "The Panel agreed the recommendation.",
            CreatedAt = m.CreatedAt,
            UpdatedAt = m.CreatedAt,
        })));

        // A million insight items, each coded to a theme.
        var insightNumbers = new Dictionary<int, int>();
        var insightCount = Scaled(1_000_000);
        var insight = Enumerable.Range(0, insightCount).Select(i =>
        {
            var received = FirstDay.AddDays((int)((long)i * Days / insightCount));
            return new InsightItem
            {
                Id = Guid.CreateVersion7(),
                ExternalReference = string.Create(CultureInfo.InvariantCulture, $"INS-{received.Year}-{Next(insightNumbers, received.Year):000000}"),
                SourceId = sources[i % sources.Length],
                ReceivedOn = received,
                MonthKey = InsightItem.MonthKeyOf(received),
                Summary = Pick(random, FindingTexts),
                Severity = 1 + (i % 5),
                CreatedAt = Stamp(received),
                UpdatedAt = Stamp(received),
            };
        });
        var insightThemes = new List<InsightItemTheme>(insightCount);
        var insightLines = new List<InsightItemServiceLine>(insightCount);
        await Copy("InsightItems", insight.Select(item =>
        {
            insightThemes.Add(new InsightItemTheme { InsightItemId = item.Id, ThemeId = themes[insightThemes.Count % themes.Length] });
            insightLines.Add(new InsightItemServiceLine { InsightItemId = item.Id, ServiceLineId = lines[insightLines.Count % lines.Length] });
            return item;
        }));
        await Copy("InsightItemThemes", insightThemes);
        await Copy("InsightItemServiceLines", insightLines);

        // The audit trail of all that work, continuing the existing chain.
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstAsync(ct);
        var entries = AuditEntries(random, last.Sequence, last.Hash, investigations, activities, Scaled(250_000));
        await Copy("AuditEntries", entries);

        // As autovacuum leaves a live database: statistics current and the visibility map set after the bulk load.
        await using (var analyse = new NpgsqlCommand("VACUUM ANALYZE", connection))
        {
            await analyse.ExecuteNonQueryAsync(ct);
        }

        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Generated in {total.Elapsed.TotalSeconds:F0} s."));
        return 0;
    }

    private static IEnumerable<AuditEntry> AuditEntries(Random random, long sequence, string previous,
        List<Investigation> investigations, List<AgreedActivity> activities, int count)
    {
        var actors = new[] { "investigator@demo.test", "triage@demo.test", "owner@demo.test", "iprg@demo.test", "secretariat@demo.test" };
        var at = new DateTime(2016, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        var step = TimeSpan.FromTicks((new DateTime(2025, 12, 31, 0, 0, 0, DateTimeKind.Utc) - at).Ticks / count);
        for (var i = 0; i < count; i++)
        {
            var onActivity = i % 3 != 0;
            var (type, id) = onActivity
                ? (nameof(AgreedActivity), activities[i % activities.Count].Id)
                : (nameof(Investigation), investigations[i % investigations.Count].Id);
            var update = i % 4 != 0;
            var changes = update
                ? JsonSerializer.Serialize(new Dictionary<string, object> { ["Status"] = new { before = "NotStarted", after = "InProgress" } })
                : JsonSerializer.Serialize(new Dictionary<string, object> { ["Reference"] = "ACT-2020-1001", ["Text"] = "UC to assure IPRG they will ..." });
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                OccurredAt = AuditHasher.ToMicroseconds(at + (step * i)),
                ActorEmail = actors[random.Next(actors.Length)],
                Action = update ? AuditAction.Update : AuditAction.Create,
                EntityType = type,
                EntityId = id.ToString(),
                Changes = changes,
                CorrelationId = Guid.CreateVersion7().ToString("N"),
                PreviousHash = previous,
                Hash = "",
            };
            entry.Hash = AuditHasher.Compute(entry);
            previous = entry.Hash;
            yield return entry;
        }
    }

    private static IEnumerable<Guid> TwoLines(Random random, Guid[] lines, Guid _)
    {
        var first = random.Next(lines.Length);
        yield return lines[first];
        if (random.Next(5) < 2)
        {
            yield return lines[(first + 1 + random.Next(lines.Length - 1)) % lines.Length];
        }
    }

    private static int Next(Dictionary<int, int> counters, int year) => counters[year] = counters.GetValueOrDefault(year) + 1;

    private static DateTime Stamp(DateOnly day) => day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static readonly string[] FirstNames = ["Alan", "Bethan", "Callum", "Deborah", "Eilidh", "Gareth", "Hannah", "Imran", "Janet", "Kieran", "Leanne", "Nia", "Owen", "Priya", "Rhys", "Siobhan"];
    private static readonly string[] LastNames = ["Ahmed", "Baker", "Campbell", "Davies", "Evans", "Fraser", "Hughes", "Kaur", "Lloyd", "MacDonald", "Patel", "Reid", "Shaw", "Taylor", "Walker", "Wright"];

    private static readonly string[] FindingTexts =
    [
        "The correct process was not followed when the customer said they may harm themselves.",
        "A reported change of circumstances was not acted on.",
        "Correspondence sent in by the customer was not dealt with properly.",
        "The customer's request for a call back was not met.",
        "A notification of the customer's death was not shared between benefits.",
        "Reasonable adjustments the customer asked for were not made.",
    ];

    private static readonly string[] ActivityTexts =
    [
        "UC to assure IPRG they will communicate operational instructions to all colleagues.",
        "ESA to assure IPRG that quality checks will monitor compliance with the guidance.",
        "PIP to assure IPRG that call backs are made to customers when requested.",
        "CMG to assure IPRG they will raise awareness of the operational instructions.",
    ];
}

/// <summary>Writes entities with PostgreSQL binary COPY, taking the table, columns, store types and value
/// conversions (enums as text, UTC times) from the EF Core model.</summary>
public static class ModelCopy
{
    public static async Task<long> CopyAsync<T>(NpgsqlConnection connection, IModel model, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => (
            Name: p.GetColumnName(table)!,
            Get: p.GetGetter(),
            Converter: p.GetTypeMapping().Converter,
            StoreType: StoreType(p.GetColumnType()))).ToArray();
        var sql = $"COPY \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";

        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        foreach (var row in rows)
        {
            importer.StartRow();
            foreach (var column in columns)
            {
                var value = column.Get.GetClrValue(row);
                if (value is not null && column.Converter is not null)
                {
                    value = column.Converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(value is Enum flags ? Convert.ToInt32(flags, CultureInfo.InvariantCulture) : value, column.StoreType);
                }
            }
        }

        return (long)await importer.CompleteAsync(ct);
    }

    // "character varying(40)" → "character varying": COPY wants the type name without its length.
    private static string StoreType(string columnType) =>
        columnType.IndexOf('(', StringComparison.Ordinal) is var i and > 0 ? columnType[..i] : columnType;
}
