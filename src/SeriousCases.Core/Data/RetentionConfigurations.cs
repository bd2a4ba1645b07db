using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeriousCases.Core.Retention;

namespace SeriousCases.Core.Data;

internal sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> b)
    {
        b.Property(x => x.Code).HasMaxLength(40);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.Category, x.Trigger }).IsUnique();
    }
}

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> b)
    {
        b.Ignore(x => x.IsActive);
        b.Property(x => x.CaseReference).HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(LegalHoldService.ReasonMax);
        b.Property(x => x.LiftedReason).HasMaxLength(LegalHoldService.ReasonMax);
        b.Property(x => x.PlacedBy).HasMaxLength(200);
        b.Property(x => x.LiftedBy).HasMaxLength(200);
        b.HasIndex(x => x.InvestigationId);
        b.HasIndex(x => x.ReferralId);
        b.HasOne<Investigations.Investigation>().WithMany().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Referrals.Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisposalRecordConfiguration : IEntityTypeConfiguration<DisposalRecord>
{
    public void Configure(EntityTypeBuilder<DisposalRecord> b)
    {
        b.Property(x => x.CaseReference).HasMaxLength(20);
        b.Property(x => x.RuleCode).HasMaxLength(40);
        // One disposal of a category per case, even if two runs race.
        b.HasIndex(x => new { x.CaseReference, x.Category }).IsUnique();
        b.HasIndex(x => x.RetentionRunId);
        b.HasOne<RetentionRun>().WithMany().HasForeignKey(x => x.RetentionRunId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> b)
    {
        b.Property(x => x.StartedBy).HasMaxLength(200);
        b.HasIndex(x => x.StartedAt);
    }
}
