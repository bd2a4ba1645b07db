using SeriousCases.Tests.Support;

namespace SeriousCases.Tests.Resilience;

/// <summary>Figures the resilience tests measure (hostile inputs tried, writes that survived a crash, the load two
/// copies held), written to the console and to TestResults/figures/&lt;provider&gt;-&lt;name&gt;.txt for the report.</summary>
public static class Figures
{
    public static void Record(string name, string text)
    {
        Console.WriteLine($"[figure] {name}: {text}");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SeriousCases.slnx")))
            {
                var folder = Path.Combine(dir.FullName, "TestResults", "figures");
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, $"{TestEnvironment.Provider.ToString().ToLowerInvariant()}-{name}.txt"), text + Environment.NewLine);
                return;
            }
        }
    }
}
