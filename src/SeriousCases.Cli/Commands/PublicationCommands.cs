using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Publication;

namespace SeriousCases.Cli.Commands;

internal static class PublicationCommands
{
    public static Command Create()
    {
        var year = new Option<string>("--year") { Description = "The reporting year, April to March, as 2022-23", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write the files to (created if missing)", Required = true };
        var build = new Command("build",
            "Build a year's publication from the records (IPRs concluded from 1 April to 31 March) and write the HTML publication, "
            + "the tables as CSV and as an OpenDocument spreadsheet, and publication.json. This builds a draft only: nothing is "
            + "checked for identifying details or published. Exit code 2: the year was not understood.") { year, output };
        build.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            if (!PublicationYear.TryParse(parse.GetValue(year), out var start))
            {
                await CliHost.Error.WriteLineAsync("Enter the year as the first year and the next, for example 2022-23.");
                return 2;
            }

            var folder = parse.GetValue(output)!;
            folder.Create();
            var content = await sp.GetRequiredService<PublicationBuilder>().BuildAsync(start, ct);
            foreach (var file in PublicationFiles.All(content))
            {
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, file.Name), file.Bytes, ct);
                await CliHost.Out.WriteLineAsync(Path.Combine(folder.FullName, file.Name));
            }

            await CliHost.Out.WriteLineAsync($"{content.YearLabel}: {content.IprsCompleted} IPRs completed, {content.IprsWithLearning} with learning, {content.AgreedActivities} agreed activities.");
            return 0;
        }));
        return new Command("publication", "The annual publication, Learning and improving from serious cases") { build };
    }
}
