using SeriousCases.Core.Common;

namespace SeriousCases.Core.Investigations;

/// <summary>One question of the quality checklist. <paramref name="Code"/> is stored with each answer, so it
/// never changes once used; <paramref name="Topic"/> names the question in error messages.</summary>
public sealed record QualityQuestion(string Code, string Text, string Topic);

/// <summary>Points scored, the most that could be scored, and the share of it as a percentage (one decimal place).</summary>
public sealed record QualityScore(int Points, int Max, decimal Percentage)
{
    public static decimal PercentageOf(int points, int max) => max == 0 ? 0 : Math.Round(points * 100m / max, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The checklist a second person uses to review a concluded IPR, from what an IPR must do (seed 004):
/// each question is rated met (2 points), partly met (1) or not met (0).</summary>
public static class QualityChecklist
{
    /// <summary>The form and JSON field of a question's answer: <c>answers.{code}</c>.</summary>
    public const string AnswersField = "answers";

    public static readonly IReadOnlyList<QualityQuestion> Questions =
    [
        new("all-contacts", "Every contact the customer had with DWP, across every service line they used, was reviewed", "every contact reviewed"),
        new("journey-sources", "The customer journey is recorded, with the source of each contact", "the customer journey"),
        new("fact-finding", "Fact-finding discussions were held with the right stakeholders", "fact-finding discussions"),
        new("learning-not-blame", "Findings are written as learning, not blame, in the style of the annual publication", "learning, not blame"),
        new("findings-coded", "Each finding is coded with a service line and themes", "findings coded"),
        new("evidence", "Each finding is supported by the evidence gathered", "findings supported by evidence"),
        new("family", "Engagement with the customer's family was considered", "family engagement"),
        new("timeliness", "Timeliness targets were met, or the delay is explained", "timeliness"),
        new("clear-report", "The report is clear and can be anonymised for publication", "a clear report"),
    ];

    public static int MaxScore => Questions.Count * Points(QualityRating.Met);

    public static int Points(QualityRating rating) => rating switch
    {
        QualityRating.Met => 2,
        QualityRating.PartlyMet => 1,
        _ => 0,
    };

    public static string Describe(QualityRating rating) => rating switch
    {
        QualityRating.Met => "Met",
        QualityRating.PartlyMet => "Partly met",
        _ => "Not met",
    };

    public static string FieldOf(string code) => $"{AnswersField}.{code}";

    public static QualityQuestion? Find(string code) => Questions.FirstOrDefault(q => q.Code == code);

    /// <summary>Adds an error for each question without an answer (under <c>answers.{code}</c>, in the checklist's
    /// order) and for each answer to a question the checklist does not have (under <c>answers</c>).</summary>
    public static void Check(IReadOnlyDictionary<string, QualityRating> answers, ValidationErrors errors)
    {
        foreach (var unknown in answers.Keys.Where(k => Find(k) is null).Order(StringComparer.Ordinal))
        {
            errors.Add(AnswersField, $"'{unknown}' is not a question of the quality checklist");
        }

        for (var n = 0; n < Questions.Count; n++)
        {
            var q = Questions[n];
            if (!answers.TryGetValue(q.Code, out var rating) || !Enum.IsDefined(rating))
            {
                errors.Add(FieldOf(q.Code), $"Select met, partly met or not met for question {n + 1} ({q.Topic})");
            }
        }
    }

    /// <summary>The score of a complete set of answers; <see cref="DomainValidationException"/> when one is missing or unknown.</summary>
    public static QualityScore Score(IReadOnlyDictionary<string, QualityRating> answers)
    {
        var errors = new ValidationErrors();
        Check(answers, errors);
        errors.ThrowIfAny();
        var points = Questions.Sum(q => Points(answers[q.Code]));
        return new QualityScore(points, MaxScore, QualityScore.PercentageOf(points, MaxScore));
    }
}
