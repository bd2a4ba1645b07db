using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SeriousCases.Core.Actions;
using SeriousCases.Core.Audit;
using SeriousCases.Core.Identity;
using SeriousCases.Core.Investigations;
using SeriousCases.Core.Panel;
using SeriousCases.Core.ReferenceData;
using SeriousCases.Core.Referrals;

namespace SeriousCases.Core.Data;

internal sealed class ServiceLineConfiguration : IEntityTypeConfiguration<ServiceLine>
{
    public void Configure(EntityTypeBuilder<ServiceLine> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Abbreviation).HasMaxLength(20);
        b.Property(x => x.Description).HasMaxLength(2000);
    }
}

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
    }
}

internal sealed class OwnerTeamConfiguration : IEntityTypeConfiguration<OwnerTeam>
{
    public void Configure(EntityTypeBuilder<OwnerTeam> b)
    {
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.ShortName).HasMaxLength(120);
        b.HasOne(x => x.ServiceLine).WithMany().HasForeignKey(x => x.ServiceLineId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.SuccessorTeam).WithMany().HasForeignKey(x => x.SuccessorTeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InsightSourceConfiguration : IEntityTypeConfiguration<InsightSource>
{
    public void Configure(EntityTypeBuilder<InsightSource> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(200);
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.NationalInsuranceNumber).HasMaxLength(9);
        b.HasIndex(x => x.NationalInsuranceNumber);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.HasIndex(x => x.Reference).IsUnique();
        b.HasIndex(x => new { x.Status, x.ReceivedOn });
        b.HasIndex(x => x.ReferrerUserId);
        b.Property(x => x.Reference).HasMaxLength(20);
        b.Property(x => x.ReferrerName).HasMaxLength(200);
        b.Property(x => x.ReferrerTeam).HasMaxLength(200);
        b.Property(x => x.AwarenessRouteOther).HasMaxLength(500);
        b.Property(x => x.AllegationDetails).HasMaxLength(4000);
        b.Property(x => x.CriteriaVersion).HasMaxLength(20);
        b.Property(x => x.DecisionReason).HasMaxLength(4000);
        b.Property(x => x.LearningCaptured).HasMaxLength(4000);
        b.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.ServiceLines).WithOne().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CriteriaVersionConfiguration : IEntityTypeConfiguration<Referrals.Criteria.CriteriaVersion>
{
    public void Configure(EntityTypeBuilder<Referrals.Criteria.CriteriaVersion> b)
    {
        b.Property(x => x.Code).HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.InForceFrom).IsUnique();
    }
}

internal sealed class ReferralServiceLineConfiguration : IEntityTypeConfiguration<ReferralServiceLine>
{
    public void Configure(EntityTypeBuilder<ReferralServiceLine> b)
    {
        b.HasKey(x => new { x.ReferralId, x.ServiceLineId });
        b.HasOne(x => x.ServiceLine).WithMany().HasForeignKey(x => x.ServiceLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StageChangeConfiguration : IEntityTypeConfiguration<StageChange>
{
    public void Configure(EntityTypeBuilder<StageChange> b)
    {
        b.HasIndex(x => x.InvestigationId);
        b.HasOne<Investigation>().WithMany().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExternalScrutinyEntryConfiguration : IEntityTypeConfiguration<ExternalScrutinyEntry>
{
    public void Configure(EntityTypeBuilder<ExternalScrutinyEntry> b)
    {
        b.HasIndex(x => x.InvestigationId);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.HasOne<Investigation>().WithMany().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvestigationConfiguration : IEntityTypeConfiguration<Investigation>
{
    public void Configure(EntityTypeBuilder<Investigation> b)
    {
        b.HasIndex(x => x.Reference).IsUnique();
        b.HasIndex(x => new { x.Stage, x.ConcludedOn });
        b.HasIndex(x => x.InvestigatorUserId);
        b.Property(x => x.Reference).HasMaxLength(20);
        b.Property(x => x.ExternalScrutinyDetails).HasMaxLength(2000);
        b.Property(x => x.Summary).HasMaxLength(8000);
        b.HasOne(x => x.Referral).WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.ServiceLines).WithOne().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Findings).WithOne(x => x.Investigation).HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.LearningOutcomes).WithOne().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvestigationServiceLineConfiguration : IEntityTypeConfiguration<InvestigationServiceLine>
{
    public void Configure(EntityTypeBuilder<InvestigationServiceLine> b)
    {
        b.HasKey(x => new { x.InvestigationId, x.ServiceLineId });
        b.HasOne(x => x.ServiceLine).WithMany().HasForeignKey(x => x.ServiceLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasIndex(x => new { x.InvestigationId, x.Order });
        // Monthly theme series read findings by month (the theme link has its own index on ThemeId).
        b.HasIndex(x => x.MonthKey);
        // The similar-findings index asks for the latest change before each lookup.
        b.HasIndex(x => x.UpdatedAt);
        b.HasOne(x => x.ServiceLine).WithMany().HasForeignKey(x => x.ServiceLineId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Themes).WithOne().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FindingThemeConfiguration : IEntityTypeConfiguration<FindingTheme>
{
    public void Configure(EntityTypeBuilder<FindingTheme> b)
    {
        b.HasKey(x => new { x.FindingId, x.ThemeId });
        b.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LearningOutcomeConfiguration : IEntityTypeConfiguration<LearningOutcome>
{
    public void Configure(EntityTypeBuilder<LearningOutcome> b) => b.Property(x => x.Text).HasMaxLength(4000);
}

internal sealed class AgreedActivityConfiguration : IEntityTypeConfiguration<AgreedActivity>
{
    public void Configure(EntityTypeBuilder<AgreedActivity> b)
    {
        b.HasIndex(x => x.Reference).IsUnique();
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.HasIndex(x => x.InvestigationId);
        b.HasIndex(x => x.FindingId);
        b.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OwnerTeamId);
        // Action points and recommendations are numbered per meeting; the index makes a duplicate number impossible.
        b.HasIndex(x => new { x.PanelMeetingId, x.Origin, x.Number }).IsUnique();
        b.Property(x => x.Reference).HasMaxLength(30);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.Property(x => x.ResponsiblePerson).HasMaxLength(200);
        b.Property(x => x.AccountableDirectorGeneral).HasMaxLength(200);
        b.Property(x => x.Timescale).HasMaxLength(500);
        b.Property(x => x.ClosedReason).HasMaxLength(2000);
        b.Property(x => x.EvidenceOfCompletion).HasMaxLength(4000);
        b.Property(x => x.LearningOutcome).HasMaxLength(4000);
        b.HasOne(x => x.Investigation).WithMany().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.PanelMeeting).WithMany().HasForeignKey(x => x.PanelMeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.PanelDecision).WithMany().HasForeignKey(x => x.PanelDecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ServiceLine).WithMany().HasForeignKey(x => x.ServiceLineId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OwnerTeam).WithMany().HasForeignKey(x => x.OwnerTeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.OwnerTeamId, x.Status, x.DueOn });
        // An owner's register in due-date order, read from the index and stopped after a page.
        b.HasIndex(x => new { x.OwnerTeamId, x.DueOn, x.Id });
        b.HasIndex(x => new { x.Origin, x.Status });
        // The overdue and due-soon views read open activities in due-date order; the register's DG filter lists the few that have one.
        b.HasIndex(x => new { x.DueOn, x.Id }, "IX_AgreedActivities_Open_DueOn").HasFilter("\"Status\" IN ('NotStarted', 'InProgress')");
        b.HasIndex(x => x.AccountableDirectorGeneral).HasFilter("\"AccountableDirectorGeneral\" IS NOT NULL");
        b.HasIndex(x => x.ReferralId);
        b.Property(x => x.OriginDescription).HasMaxLength(500);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgreedActivity>().WithMany().HasForeignKey(x => x.SupersededByActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Contributors).WithOne().HasForeignKey(x => x.AgreedActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Updates).WithOne().HasForeignKey(x => x.AgreedActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.DueDateChanges).WithOne().HasForeignKey(x => x.AgreedActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivityUpdateConfiguration : IEntityTypeConfiguration<ActivityUpdate>
{
    public void Configure(EntityTypeBuilder<ActivityUpdate> b)
    {
        b.HasIndex(x => new { x.AgreedActivityId, x.At });
        b.HasIndex(x => new { x.Kind, x.At });
        b.Property(x => x.ByName).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(4000);
    }
}

internal sealed class DueDateChangeConfiguration : IEntityTypeConfiguration<DueDateChange>
{
    public void Configure(EntityTypeBuilder<DueDateChange> b)
    {
        b.HasIndex(x => new { x.AgreedActivityId, x.At });
        b.Property(x => x.ByName).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(2000);
    }
}

internal sealed class ActivityContributorConfiguration : IEntityTypeConfiguration<ActivityContributor>
{
    public void Configure(EntityTypeBuilder<ActivityContributor> b)
    {
        b.HasKey(x => new { x.AgreedActivityId, x.OwnerTeamId });
        b.HasIndex(x => x.OwnerTeamId);
        b.HasOne(x => x.OwnerTeam).WithMany().HasForeignKey(x => x.OwnerTeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OwnerTeamMemberConfiguration : IEntityTypeConfiguration<OwnerTeamMember>
{
    public void Configure(EntityTypeBuilder<OwnerTeamMember> b)
    {
        b.HasKey(x => new { x.OwnerTeamId, x.UserId });
        b.HasIndex(x => x.UserId);
        b.HasOne<OwnerTeam>().WithMany().HasForeignKey(x => x.OwnerTeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OwnerTransferConfiguration : IEntityTypeConfiguration<OwnerTransfer>
{
    public void Configure(EntityTypeBuilder<OwnerTransfer> b)
    {
        b.HasIndex(x => x.FromTeamId);
        b.Property(x => x.ByName).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.HasOne<OwnerTeam>().WithMany().HasForeignKey(x => x.FromTeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OwnerTeam>().WithMany().HasForeignKey(x => x.ToTeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EscalationStepConfiguration : IEntityTypeConfiguration<EscalationStep>
{
    public void Configure(EntityTypeBuilder<EscalationStep> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(200);
    }
}

internal sealed class ActivityEscalationConfiguration : IEntityTypeConfiguration<ActivityEscalation>
{
    public void Configure(EntityTypeBuilder<ActivityEscalation> b)
    {
        b.HasIndex(x => new { x.AgreedActivityId, x.EscalationStepId, x.DueOn }).IsUnique();
        b.HasIndex(x => x.RaisedOn);
        b.HasOne<AgreedActivity>().WithMany().HasForeignKey(x => x.AgreedActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.EscalationStep).WithMany().HasForeignKey(x => x.EscalationStepId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> b)
    {
        b.HasIndex(x => new { x.UserId, x.Name }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Query).HasMaxLength(1000);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TermsOfReferenceConfiguration : IEntityTypeConfiguration<TermsOfReferenceVersion>
{
    public void Configure(EntityTypeBuilder<TermsOfReferenceVersion> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.HasIndex(x => x.ApprovedOn);
    }
}

internal sealed class PanelMembershipConfiguration : IEntityTypeConfiguration<PanelMembership>
{
    public void Configure(EntityTypeBuilder<PanelMembership> b)
    {
        b.Property(x => x.PersonName).HasMaxLength(200);
        b.Property(x => x.JobTitle).HasMaxLength(300);
    }
}

internal sealed class PanelMeetingConfiguration : IEntityTypeConfiguration<PanelMeeting>
{
    public void Configure(EntityTypeBuilder<PanelMeeting> b)
    {
        b.HasIndex(x => x.MeetingOn);
        b.Property(x => x.FormatNote).HasMaxLength(500);
        b.Property(x => x.ChairName).HasMaxLength(200);
        b.Property(x => x.ChairOnBehalfOf).HasMaxLength(200);
        b.HasMany(x => x.AgendaItems).WithOne().HasForeignKey(x => x.PanelMeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Papers).WithOne().HasForeignKey(x => x.PanelMeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attendance).WithOne().HasForeignKey(x => x.PanelMeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Decisions).WithOne().HasForeignKey(x => x.PanelMeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.HasIndex(x => new { x.PanelMeetingId, x.Number }).IsUnique();
        b.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PanelPaperConfiguration : IEntityTypeConfiguration<PanelPaper>
{
    public void Configure(EntityTypeBuilder<PanelPaper> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Presenter).HasMaxLength(200);
        b.HasIndex(x => new { x.PanelMeetingId, x.Number }).IsUnique();
        b.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.Property(x => x.PersonName).HasMaxLength(200);
        b.Property(x => x.JobTitle).HasMaxLength(300);
        b.Property(x => x.OnBehalfOf).HasMaxLength(200);
    }
}

internal sealed class PanelDecisionConfiguration : IEntityTypeConfiguration<PanelDecision>
{
    public void Configure(EntityTypeBuilder<PanelDecision> b) =>
        b.HasIndex(x => new { x.PanelMeetingId, x.Number }).IsUnique();
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.HasIndex(x => x.Email).IsUnique();
        b.HasIndex(x => x.ExternalSubject).IsUnique();
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Team).HasMaxLength(200);
        b.Property(x => x.ExternalSubject).HasMaxLength(200);
        b.HasMany(x => x.Roles).WithOne().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<UserRole>
{
    public void Configure(EntityTypeBuilder<UserRole> b)
    {
        b.HasKey(x => new { x.UserId, x.Role });
        b.Property(x => x.Role).HasMaxLength(40);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.Property(x => x.Prefix).HasMaxLength(16);
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(x => x.Sequence);
        b.Property(x => x.Sequence).ValueGeneratedNever();
        b.Property(x => x.ActorEmail).HasMaxLength(320);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.Property(x => x.CorrelationId).HasMaxLength(100);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.OccurredAt);
        b.HasIndex(x => x.ActorEmail);
    }
}

internal sealed class InsightItemConfiguration : IEntityTypeConfiguration<Insight.InsightItem>
{
    public void Configure(EntityTypeBuilder<Insight.InsightItem> b)
    {
        // The key an import uses to add nothing twice.
        b.HasIndex(x => new { x.SourceId, x.ExternalReference }).IsUnique();
        b.HasIndex(x => new { x.MonthKey, x.SourceId });
        b.HasIndex(x => x.ReceivedOn);
        b.HasIndex(x => x.ReferralId);
        b.HasIndex(x => x.InvestigationId);
        b.Property(x => x.ExternalReference).HasMaxLength(100);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.HasOne(x => x.Source).WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Referrals.Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Investigations.Investigation>().WithMany().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.ServiceLines).WithOne().HasForeignKey(x => x.InsightItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Themes).WithOne().HasForeignKey(x => x.InsightItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InsightItemServiceLineConfiguration : IEntityTypeConfiguration<Insight.InsightItemServiceLine>
{
    public void Configure(EntityTypeBuilder<Insight.InsightItemServiceLine> b)
    {
        b.ToTable("InsightItemServiceLines");
        b.HasKey(x => new { x.InsightItemId, x.ServiceLineId });
        b.HasIndex(x => x.ServiceLineId);
        b.HasOne(x => x.ServiceLine).WithMany().HasForeignKey(x => x.ServiceLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notifications.Notification>
{
    public void Configure(EntityTypeBuilder<Notifications.Notification> b)
    {
        b.HasIndex(x => new { x.SentAt, x.CreatedAt });
        b.HasIndex(x => x.RecipientUserId);
        b.Property(x => x.Subject).HasMaxLength(200);
        b.Property(x => x.Body).HasMaxLength(8000);
        b.Property(x => x.RelatedType).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.Property(x => x.ChannelReference).HasMaxLength(100);
    }
}

internal sealed class TimelinessTargetConfiguration : IEntityTypeConfiguration<ReferenceData.TimelinessTarget>
{
    public void Configure(EntityTypeBuilder<ReferenceData.TimelinessTarget> b)
    {
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(200);
    }
}

internal sealed class InsightItemThemeConfiguration : IEntityTypeConfiguration<Insight.InsightItemTheme>
{
    public void Configure(EntityTypeBuilder<Insight.InsightItemTheme> b)
    {
        b.HasKey(x => new { x.InsightItemId, x.ThemeId });
        b.HasIndex(x => x.ThemeId);
        b.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JourneyContactConfiguration : IEntityTypeConfiguration<JourneyContact>
{
    public void Configure(EntityTypeBuilder<JourneyContact> b)
    {
        b.HasIndex(x => new { x.InvestigationId, x.OccurredOn });
        b.Property(x => x.WhatHappened).HasMaxLength(4000);
        b.Property(x => x.Source).HasMaxLength(200);
        b.HasOne<Investigation>().WithMany().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.ServiceLine).WithMany().HasForeignKey(x => x.ServiceLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceDocumentConfiguration : IEntityTypeConfiguration<EvidenceDocument>
{
    public void Configure(EntityTypeBuilder<EvidenceDocument> b)
    {
        b.HasIndex(x => x.InvestigationId);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.Description).HasMaxLength(500);
        b.HasOne<Investigation>().WithMany().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.HasKey(x => x.EvidenceDocumentId);
        b.HasOne<EvidenceDocument>().WithOne().HasForeignKey<EvidenceFile>(x => x.EvidenceDocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FactFindingDiscussionConfiguration : IEntityTypeConfiguration<FactFindingDiscussion>
{
    public void Configure(EntityTypeBuilder<FactFindingDiscussion> b)
    {
        b.HasIndex(x => new { x.InvestigationId, x.HeldOn });
        b.Property(x => x.WithWhom).HasMaxLength(200);
        b.Property(x => x.Role).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(8000);
        b.HasOne<Investigation>().WithMany().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FamilyContactConfiguration : IEntityTypeConfiguration<FamilyContact>
{
    public void Configure(EntityTypeBuilder<FamilyContact> b)
    {
        b.HasIndex(x => new { x.InvestigationId, x.On });
        b.HasIndex(x => x.On);
        b.Property(x => x.DwpAttendee).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.HasOne<Investigation>().WithMany().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualityReviewConfiguration : IEntityTypeConfiguration<QualityReview>
{
    public void Configure(EntityTypeBuilder<QualityReview> b)
    {
        b.HasIndex(x => x.InvestigationId);
        b.HasIndex(x => x.ReviewedOn);
        b.Property(x => x.Comments).HasMaxLength(4000);
        b.HasOne<Investigation>().WithMany().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.QualityReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualityReviewAnswerConfiguration : IEntityTypeConfiguration<QualityReviewAnswer>
{
    public void Configure(EntityTypeBuilder<QualityReviewAnswer> b)
    {
        b.HasKey(x => new { x.QualityReviewId, x.Code });
        b.Property(x => x.Code).HasMaxLength(60);
    }
}

internal sealed class IprgSessionConfiguration : IEntityTypeConfiguration<Iprg.IprgSession>
{
    public void Configure(EntityTypeBuilder<Iprg.IprgSession> b)
    {
        b.HasIndex(x => x.HeldOn);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.HasMany(x => x.Cases).WithOne().HasForeignKey(x => x.IprgSessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IprgSessionCaseConfiguration : IEntityTypeConfiguration<Iprg.IprgSessionCase>
{
    public void Configure(EntityTypeBuilder<Iprg.IprgSessionCase> b)
    {
        b.HasKey(x => new { x.IprgSessionId, x.InvestigationId });
        b.HasIndex(x => x.InvestigationId);
        b.HasOne<Investigation>().WithMany().HasForeignKey(x => x.InvestigationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThemeModelConfiguration : IEntityTypeConfiguration<Themes.ThemeModel>
{
    public void Configure(EntityTypeBuilder<Themes.ThemeModel> b) => b.HasIndex(x => x.TrainedAt);
}
