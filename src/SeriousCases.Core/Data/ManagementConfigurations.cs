using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeriousCases.Core.Management;

namespace SeriousCases.Core.Data;

internal sealed class ExcellenceMeasureConfiguration : IEntityTypeConfiguration<ExcellenceMeasure>
{
    public void Configure(EntityTypeBuilder<ExcellenceMeasure> b)
    {
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.AllocationMillions).HasPrecision(9, 2);
        b.Property(x => x.Intent).HasMaxLength(4000);
        b.Property(x => x.UnderpinningOutcomes).HasMaxLength(4000);
        b.Property(x => x.MeasuredBy).HasMaxLength(4000);
        b.HasMany(x => x.Factors).WithOne().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SuccessFactorConfiguration : IEntityTypeConfiguration<SuccessFactor>
{
    public void Configure(EntityTypeBuilder<SuccessFactor> b)
    {
        b.Property(x => x.Name).HasMaxLength(500);
        b.Property(x => x.Baseline).HasMaxLength(500);
        b.Property(x => x.Target).HasMaxLength(500);
        b.Property(x => x.Unit).HasMaxLength(40);
        b.Property(x => x.ComputedAs).HasMaxLength(40);
        b.HasMany(x => x.Values).WithOne().HasForeignKey(x => x.FactorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SuccessFactorValueConfiguration : IEntityTypeConfiguration<SuccessFactorValue>
{
    public void Configure(EntityTypeBuilder<SuccessFactorValue> b)
    {
        b.HasIndex(x => new { x.FactorId, x.PeriodFrom });
        b.Property(x => x.Value).HasPrecision(18, 2);
        b.Property(x => x.Source).HasMaxLength(1000);
    }
}
