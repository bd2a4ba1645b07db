using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Themes;

namespace SeriousCases.Cli.Commands;

internal static class ThemeCommands
{
    public static Command Create()
    {
        var train = new Command("train", "Retrain the theme suggestions on coded findings and insight, and report accuracy on the held-out fifth.");
        train.SetAction((_, ct) => CliHost.RunAsync(async sp =>
        {
            var report = await sp.GetRequiredService<ThemeClassifierService>().TrainAsync(ct);
            CliHost.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained on {report.TrainedOn} coded items. Of {report.HeldOut} held-out items, {report.Accuracy:P0} got a right theme first and {report.TopThreeAccuracy:P0} within the first three."));
            return 0;
        }));
        return new Command("themes", "Theme suggestions") { train };
    }
}
