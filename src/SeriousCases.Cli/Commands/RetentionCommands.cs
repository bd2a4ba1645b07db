using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Common;
using SeriousCases.Core.Retention;

namespace SeriousCases.Cli.Commands;

/// <summary><c>retention run [--dry-run]</c>: lists what is due for disposal and why, or disposes of it.</summary>
internal static class RetentionCommands
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be disposed of, under which rule and why, and change nothing" };
        var run = new Command("run", "Dispose of investigation material whose retention period has passed (cases on legal hold are kept)") { dryRun };
        run.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var service = sp.GetRequiredService<RetentionService>();
            if (parse.GetValue(dryRun))
            {
                var preview = await service.DryRunAsync(ct);
                Print(preview, "would be disposed of");
                CliHost.Out.WriteLine($"Dry run on {UkTime.Format(preview.AsOf)}: {preview.CasesToDispose} cases would be disposed of, {preview.CasesHeld} kept on legal hold. Nothing was changed.");
                return 0;
            }

            var (result, done) = await service.RunAsync(ct);
            Print(done, "disposed of");
            CliHost.Out.WriteLine($"Retention run on {UkTime.Format(done.AsOf)}: {result.CategoriesDisposed} categories of {result.CasesDisposed} cases disposed of, {result.CasesHeld} cases kept on legal hold.");
            return 0;
        }));
        return new Command("retention", "Retention and disposal of investigation material (seed 002: held for six years)") { run };
    }

    private static void Print(RetentionPreview preview, string verb)
    {
        foreach (var decision in preview.Decisions)
        {
            var what = decision.Verdict switch
            {
                RetentionVerdict.Dispose => verb,
                RetentionVerdict.Held => "kept (legal hold)",
                _ => "kept (identity still needed)",
            };
            CliHost.Out.WriteLine($"{decision.Case.Reference}\t{RetentionSchedule.Describe(decision.Category)}\t{what}\t{decision.Why}");
        }
    }
}
