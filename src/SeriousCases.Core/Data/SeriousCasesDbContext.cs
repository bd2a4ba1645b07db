using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Common;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Panel;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Data;

/// <summary>The one database of the service. Provider-specific subclasses carry their own migrations.
/// SaveChanges stamps times, bumps versions (optimistic concurrency) and appends the audit trail in
/// the same transaction, so no change is ever saved without its audit entry.</summary>
public abstract class SeriousCasesDbContext : DbContext, IDataProtectionKeyContext
{
    private readonly IAuditActor actor;
    private readonly TimeProvider clock;
    private readonly List<(string Type, string Id, AuditAction Action, string? Detail)> pendingEvents = [];

    protected SeriousCasesDbContext(DbContextOptions options, IAuditActor actor, TimeProvider clock)
        : base(options)
    {
        this.actor = actor;
        this.clock = clock;
    }

    public DbSet<ServiceLine> ServiceLines => Set<ServiceLine>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<OwnerTeam> OwnerTeams => Set<OwnerTeam>();
    public DbSet<InsightSource> InsightSources => Set<InsightSource>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<Referrals.Criteria.CriteriaVersion> CriteriaVersions => Set<Referrals.Criteria.CriteriaVersion>();
    public DbSet<Investigation> Investigations => Set<Investigation>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<ExternalScrutinyEntry> ExternalScrutinyEntries => Set<ExternalScrutinyEntry>();
    public DbSet<LearningOutcome> LearningOutcomes => Set<LearningOutcome>();
    public DbSet<JourneyContact> JourneyContacts => Set<JourneyContact>();
    public DbSet<EvidenceDocument> EvidenceDocuments => Set<EvidenceDocument>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<Themes.ThemeModel> ThemeModels => Set<Themes.ThemeModel>();
    public DbSet<FactFindingDiscussion> FactFindingDiscussions => Set<FactFindingDiscussion>();
    public DbSet<FamilyContact> FamilyContacts => Set<FamilyContact>();
    public DbSet<QualityReview> QualityReviews => Set<QualityReview>();
    public DbSet<QualityReviewAnswer> QualityReviewAnswers => Set<QualityReviewAnswer>();
    public DbSet<Iprg.IprgSession> IprgSessions => Set<Iprg.IprgSession>();
    public DbSet<Iprg.IprgSessionCase> IprgSessionCases => Set<Iprg.IprgSessionCase>();
    public DbSet<AgreedActivity> AgreedActivities => Set<AgreedActivity>();
    public DbSet<TermsOfReferenceVersion> TermsOfReferenceVersions => Set<TermsOfReferenceVersion>();
    public DbSet<PanelMembership> PanelMemberships => Set<PanelMembership>();
    public DbSet<PanelMeeting> PanelMeetings => Set<PanelMeeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<PanelPaper> PanelPapers => Set<PanelPaper>();
    public DbSet<MeetingAttendance> MeetingAttendances => Set<MeetingAttendance>();
    public DbSet<PanelDecision> PanelDecisions => Set<PanelDecision>();
    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<UserRole> UserRoles => Set<UserRole>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Insight.InsightItem> InsightItems => Set<Insight.InsightItem>();
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();
    public DbSet<TimelinessTarget> TimelinessTargets => Set<TimelinessTarget>();
    public DbSet<ActivityUpdate> ActivityUpdates => Set<ActivityUpdate>();
    public DbSet<DueDateChange> DueDateChanges => Set<DueDateChange>();
    public DbSet<ActivityContributor> ActivityContributors => Set<ActivityContributor>();
    public DbSet<OwnerTeamMember> OwnerTeamMembers => Set<OwnerTeamMember>();
    public DbSet<OwnerTransfer> OwnerTransfers => Set<OwnerTransfer>();
    public DbSet<EscalationStep> EscalationSteps => Set<EscalationStep>();
    public DbSet<ActivityEscalation> ActivityEscalations => Set<ActivityEscalation>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();
    public DbSet<Retention.RetentionRule> RetentionRules => Set<Retention.RetentionRule>();
    public DbSet<Retention.LegalHold> LegalHolds => Set<Retention.LegalHold>();
    public DbSet<Retention.DisposalRecord> DisposalRecords => Set<Retention.DisposalRecord>();
    public DbSet<Retention.RetentionRun> RetentionRuns => Set<Retention.RetentionRun>();

    /// <summary>ASP.NET Core's data protection key ring, shared by every copy of the web service so a cookie or
    /// antiforgery token made by one is accepted by another. The key XML never reaches the audit trail.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Management.ExcellenceMeasure> ExcellenceMeasures => Set<Management.ExcellenceMeasure>();
    public DbSet<Management.SuccessFactor> SuccessFactors => Set<Management.SuccessFactor>();
    public DbSet<Management.SuccessFactorValue> SuccessFactorValues => Set<Management.SuccessFactorValue>();

    public IAuditActor Actor => actor;

    /// <summary>Records that someone viewed (or exported) a record holding personal data. Written with the
    /// next SaveChanges, or at once by <see cref="SaveAuditEventsAsync"/>.</summary>
    public void RecordView(string entityType, Guid id, string? detail = null) =>
        pendingEvents.Add((entityType, id.ToString(), AuditAction.View, detail));

    public void RecordEvent(AuditAction action, string entityType, string entityId, string? detail = null) =>
        pendingEvents.Add((entityType, entityId, action, detail));

    public Task SaveAuditEventsAsync(CancellationToken ct = default) => SaveChangesAsync(ct);

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.ApplyConfigurationsFromAssembly(typeof(SeriousCasesDbContext).Assembly,
            t => t.Namespace == typeof(SeriousCasesDbContext).Namespace);

        var utc = new ValueConverter<DateTime, DateTime>(
            v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
            v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

        foreach (var entityType in b.Model.GetEntityTypes())
        {
            if (typeof(Entity).IsAssignableFrom(entityType.ClrType))
            {
                b.Entity(entityType.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
            }

            foreach (var property in entityType.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type == typeof(DateTime))
                {
                    property.SetValueConverter(utc);
                }
                else if (type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), false))
                {
                    // Enums as readable text: the data outlives the code that wrote it.
                    property.SetValueConverter(typeof(EnumToStringConverter<>).MakeGenericType(type));
                    property.SetMaxLength(40);
                }
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = AuditHasher.ToMicroseconds(clock.GetUtcNow().UtcDateTime);
        ChangeTracker.DetectChanges();
        await SeriousCases.Core.Themes.FindingMonth.StampAsync(this, cancellationToken);
        TextGuard.ThrowIfAny(ChangeTracker);
        var audits = AuditTrailBuilder.Build(ChangeTracker, now);
        foreach (var e in pendingEvents)
        {
            audits.Add(new PendingAudit(e.Type, e.Id, e.Action, e.Detail is null ? null : AuditTrailBuilder.DetailJson(e.Detail)));
        }

        pendingEvents.Clear();
        if (audits.Count == 0)
        {
            // Nothing worth auditing (for example a save whose values equal what is stored), but the
            // version check still applies.
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                throw Conflict(ex);
            }
        }

        var ownTransaction = Database.CurrentTransaction is null;
        var transaction = Database.CurrentTransaction ?? await Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await LockAuditChainAsync(cancellationToken);
            var last = await AuditEntries.AsNoTracking()
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? AuditHasher.GenesisHash;
            foreach (var pending in audits)
            {
                var entry = new AuditEntry
                {
                    Sequence = ++sequence,
                    OccurredAt = now,
                    ActorUserId = actor.UserId,
                    ActorEmail = actor.Email,
                    Action = pending.Action,
                    EntityType = pending.EntityType,
                    EntityId = pending.ResolveId(),
                    Changes = pending.Changes,
                    CorrelationId = actor.CorrelationId,
                    PreviousHash = previous,
                    Hash = "",
                };
                entry.Hash = AuditHasher.Compute(entry);
                previous = entry.Hash;
                AuditEntries.Add(entry);
            }

            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        catch (DbUpdateConcurrencyException ex)
        {
            DetachAudits();
            throw Conflict(ex);
        }
        catch
        {
            DetachAudits();
            throw;
        }
        finally
        {
            if (ownTransaction)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    private void DetachAudits()
    {
        foreach (var e in ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            e.State = EntityState.Detached;
        }
    }

    private static ConcurrencyConflictException Conflict(DbUpdateConcurrencyException ex) =>
        new(ex.Entries.FirstOrDefault() is { } entry ? DescribeRecord(entry.Entity) : "The record");

    private static string DescribeRecord(object entity) => entity switch
    {
        Referral r => $"Referral {r.Reference}",
        Investigation i => $"Internal Process Review {i.Reference}",
        AgreedActivity a => $"Activity {a.Reference}",
        ServiceLine => "This service line",
        _ => "This record",
    };

    /// <summary>Serialises writers of the chain so each entry follows exactly one predecessor. SQLite
    /// transactions already start with the write lock (BEGIN IMMEDIATE), PostgreSQL needs an advisory lock.</summary>
    protected abstract Task LockAuditChainAsync(CancellationToken ct);

    /// <summary>For a rule that reads before it writes (one Chair on any day): a transaction holding the write lock the
    /// audit chain uses, so a second writer waits for the first to commit and then reads what it saved. Commit it after
    /// saving.</summary>
    public async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginSerialisedAsync(CancellationToken ct)
    {
        var transaction = await Database.BeginTransactionAsync(ct);
        await LockAuditChainAsync(ct);
        return transaction;
    }

    /// <summary>Sets the version the caller last read, so the save is refused if it has moved on.</summary>
    public void ExpectVersion<T>(T entity, int version) where T : Entity =>
        Entry(entity).Property(e => e.Version).OriginalValue = version;
}
