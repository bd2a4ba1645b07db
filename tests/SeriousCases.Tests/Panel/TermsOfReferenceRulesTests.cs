using SeriousCases.Core.Demo;
using SeriousCases.Core.Panel;

namespace SeriousCases.Tests.Panel;

/// <summary>The Terms of Reference without a database: the text format, the line diff (on known texts and on the two
/// seeded versions) and the review rule.</summary>
public sealed class TermsOfReferenceRulesTests
{
    private static string Seeded(int year) => DemoSources.Panel.TermsOfReference.Single(t => t.ApprovedOn.Year == year).Text;

    [Fact]
    public void The_text_format_makes_headings_paragraphs_and_one_list_per_run_of_bullets()
    {
        var blocks = TermsOfReferenceText.Parse("## Purpose\r\nThe Panel meets.\r\n\r\n- one\n- two\nAfter the list.\n- three\n  ");

        Assert.Equal(
            [
                (TextBlockKind.Heading, "Purpose"),
                (TextBlockKind.Paragraph, "The Panel meets."),
                (TextBlockKind.List, "one two"),
                (TextBlockKind.Paragraph, "After the list."),
                (TextBlockKind.List, "three"),
            ],
            blocks.Select(b => (b.Kind, b.Text)));
        Assert.Equal(["one", "two"], blocks[2].Lines);
        Assert.Equal("## Purpose\nThe Panel meets.\n- one\n- two\nAfter the list.\n- three", TermsOfReferenceText.Normalise("## Purpose\r\nThe Panel meets.\r\n\r\n- one\n- two\nAfter the list.\n- three\n  "));
        Assert.Empty(TermsOfReferenceText.Parse("  \n\n"));
    }

    [Fact]
    public void Markup_in_the_text_is_kept_as_words_for_the_page_to_escape()
    {
        var block = Assert.Single(TermsOfReferenceText.Parse("<script>alert(1)</script> & more"));
        Assert.Equal(TextBlockKind.Paragraph, block.Kind);
        Assert.Equal("<script>alert(1)</script> & more", block.Text);
    }

    [Fact]
    public void The_diff_gives_added_removed_and_unchanged_lines_in_reading_order()
    {
        var from = "## Purpose\nThe Panel meets quarterly.\n- Coroners' reports\n- Complaints\n## Review\nReviewed in the first year.";
        var to = "## Purpose\nThe Panel meets quarterly.\n- Coroners' reports\n- Complaints\n- Departmental quality data\n## Review\nReviewed annually.";

        var diff = TermsOfReferenceDiff.Compare(from, to);

        Assert.Equal(
            [
                (LineChange.Unchanged, "## Purpose"),
                (LineChange.Unchanged, "The Panel meets quarterly."),
                (LineChange.Unchanged, "- Coroners' reports"),
                (LineChange.Unchanged, "- Complaints"),
                (LineChange.Added, "- Departmental quality data"),
                (LineChange.Unchanged, "## Review"),
                (LineChange.Removed, "Reviewed in the first year."),
                (LineChange.Added, "Reviewed annually."),
            ],
            diff.Lines.Select(l => (l.Change, l.Line)));
        Assert.Equal((2, 1, 5), (diff.Added, diff.Removed, diff.Unchanged));
        Assert.Equal(TextLineKind.Bullet, diff.Lines[4].Kind);
        Assert.Equal("Departmental quality data", diff.Lines[4].Content);
    }

    [Fact]
    public void Identical_texts_differ_in_nothing_and_blank_lines_or_line_ends_do_not_count()
    {
        var diff = TermsOfReferenceDiff.Compare("## A\nOne.\n- two", "## A\r\n\r\nOne.  \r\n- two\r\n");
        Assert.True(diff.Same);
        Assert.Equal(3, diff.Unchanged);
    }

    [Fact]
    public void Against_an_empty_text_every_line_is_added_or_removed()
    {
        Assert.Equal([LineChange.Added, LineChange.Added], TermsOfReferenceDiff.Compare("", "## A\nB").Lines.Select(l => l.Change));
        Assert.Equal([LineChange.Removed], TermsOfReferenceDiff.Compare("A", null).Lines.Select(l => l.Change));
        Assert.Empty(TermsOfReferenceDiff.Compare(null, " ").Lines);
    }

    [Fact]
    public void The_January_2024_version_differs_from_July_2020_where_the_seeds_do()
    {
        var diff = TermsOfReferenceDiff.Compare(Seeded(2020), Seeded(2024));

        Assert.False(diff.Same);
        // Every line of each version is accounted for, in order.
        Assert.Equal(TermsOfReferenceText.Lines(Seeded(2020)), diff.Lines.Where(l => l.Change != LineChange.Added).Select(l => l.Line));
        Assert.Equal(TermsOfReferenceText.Lines(Seeded(2024)), diff.Lines.Where(l => l.Change != LineChange.Removed).Select(l => l.Line));

        string[] Lines(LineChange change) => [.. diff.Lines.Where(l => l.Change == change).Select(l => l.Line)];
        Assert.Contains("## Referral of issues to the Panel", Lines(LineChange.Removed));
        Assert.Contains("## Issues considered by the Panel", Lines(LineChange.Added));
        Assert.Contains("- departmental quality data", Lines(LineChange.Added));
        Assert.Contains(Lines(LineChange.Removed), l => l.StartsWith("The Terms of Reference will be subject to ongoing review in the first year", StringComparison.Ordinal));
        Assert.Contains("The Terms of Reference will be reviewed annually.", Lines(LineChange.Added));
        Assert.Contains("## Purpose", Lines(LineChange.Unchanged));
        Assert.Contains("The Panel will meet quarterly.", Lines(LineChange.Unchanged));
        Assert.Contains("- Ministerial correspondence", Lines(LineChange.Unchanged));
    }

    [Fact]
    public void The_first_version_is_under_ongoing_review_for_a_year_then_each_version_a_year_after_its_approval()
    {
        var first = new DateOnly(2020, 7, 2);
        Assert.Equal(new ReviewSchedule(ReviewKind.OngoingFirstYear, new DateOnly(2021, 7, 2)), TermsOfReferenceReview.For(first, null));
        // A version approved during the first year is still reviewed when that year ends.
        Assert.Equal(new ReviewSchedule(ReviewKind.OngoingFirstYear, new DateOnly(2021, 7, 2)), TermsOfReferenceReview.For(new DateOnly(2021, 1, 15), first));
        Assert.Equal(new ReviewSchedule(ReviewKind.Annual, new DateOnly(2022, 7, 2)), TermsOfReferenceReview.For(new DateOnly(2021, 7, 2), first));
        Assert.Equal(new ReviewSchedule(ReviewKind.Annual, new DateOnly(2025, 1, 1)), TermsOfReferenceReview.For(new DateOnly(2024, 1, 1), first));
        // 29 February falls back to 28 February a year on.
        Assert.Equal(new DateOnly(2025, 2, 28), TermsOfReferenceReview.For(new DateOnly(2024, 2, 29), first).DueOn);
    }

    [Fact]
    public void Only_the_version_in_force_is_overdue_or_due_soon()
    {
        var due = new DateOnly(2025, 1, 1);
        Assert.Equal(ReviewState.Overdue, TermsOfReferenceReview.State(due, isCurrent: true, new DateOnly(2025, 1, 2)));
        Assert.Equal(ReviewState.DueSoon, TermsOfReferenceReview.State(due, isCurrent: true, due));
        Assert.Equal(ReviewState.DueSoon, TermsOfReferenceReview.State(due, isCurrent: true, due.AddDays(-TermsOfReferenceReview.DueSoonDays)));
        Assert.Equal(ReviewState.NotDue, TermsOfReferenceReview.State(due, isCurrent: true, due.AddDays(-TermsOfReferenceReview.DueSoonDays - 1)));
        Assert.Equal(ReviewState.Superseded, TermsOfReferenceReview.State(due, isCurrent: false, new DateOnly(2030, 1, 1)));
    }
}
