using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeriousCases.Core.Publication;

namespace SeriousCases.Core.Data;

internal sealed class PublicationEditionConfiguration : IEntityTypeConfiguration<PublicationEdition>
{
    public void Configure(EntityTypeBuilder<PublicationEdition> b)
    {
        b.HasIndex(x => new { x.StartYear, x.EditionNumber }).IsUnique();
        b.Property(x => x.CorrectionNote).HasMaxLength(2000);
        b.Property(x => x.DraftedBy).HasMaxLength(320);
        b.Property(x => x.CheckedBy).HasMaxLength(320);
        b.Property(x => x.ApprovedBy).HasMaxLength(320);
        b.Property(x => x.PublishedBy).HasMaxLength(320);
        b.Ignore(x => x.Year);
        b.Ignore(x => x.YearLabel);
        b.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EditionDecisionConfiguration : IEntityTypeConfiguration<EditionDecision>
{
    public void Configure(EntityTypeBuilder<EditionDecision> b)
    {
        b.Property(x => x.Location).HasMaxLength(400);
        b.Property(x => x.Key).HasMaxLength(400);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.DecidedBy).HasMaxLength(320);
    }
}

internal sealed class EditionScanConfiguration : IEntityTypeConfiguration<EditionScan>
{
    public void Configure(EntityTypeBuilder<EditionScan> b)
    {
        // One scan per edition, removed with it.
        b.HasIndex(x => x.EditionId).IsUnique();
        b.HasOne<PublicationEdition>().WithOne().HasForeignKey<EditionScan>(x => x.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}
