using System.Text;
using SeriousCases.Core.Notifications;
using SeriousCases.Core.Referrals.Criteria;

namespace SeriousCases.Core.Referrals;

/// <summary>The message queued to a referrer when Triage finds the criteria not met. It names the
/// referral by reference only and gives the conditions in plain words; the customer's details and
/// Triage's own words stay in the service, behind sign-in.</summary>
public static class NotMetFeedback
{
    public static Notification For(Referral referral, CriteriaAssessment assessment, Guid recipient)
    {
        var body = new StringBuilder()
            .AppendLine($"Triage has decided that referral {referral.Reference} does not meet the criteria for an Internal Process Review.")
            .AppendLine()
            .AppendLine("What the criteria found:");
        foreach (var reason in assessment.Reasons)
        {
            body.AppendLine($"- {reason}");
        }

        body.AppendLine()
            .AppendLine("The case has gone to the Advanced Customer Support Senior Leaders, who will record any learning from it.")
            .AppendLine($"Triage's reasons are in the service: /referrals/{referral.Id}/submitted");
        return new Notification
        {
            RecipientUserId = recipient,
            Subject = $"Referral {referral.Reference}: criteria for an Internal Process Review not met",
            Body = body.ToString(),
            RelatedType = nameof(Referral),
            RelatedId = referral.Id,
        };
    }
}
