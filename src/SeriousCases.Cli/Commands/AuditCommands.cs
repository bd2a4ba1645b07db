using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Audit;

namespace SeriousCases.Cli.Commands;

internal static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check the audit trail's hash chain. Exits 1 and names the first broken entry if it was altered.");
        verify.SetAction((_, ct) => CliHost.RunAsync(async sp =>
        {
            var result = await sp.GetRequiredService<AuditChainVerifier>().VerifyAsync(ct);
            if (result.IsIntact)
            {
                CliHost.Out.WriteLine($"The audit trail is intact: {result.EntriesChecked} entries checked.");
                return 0;
            }

            await CliHost.Error.WriteLineAsync($"The audit trail is broken at entry {result.FirstBrokenSequence}. {result.Problem}");
            return 1;
        }));
        return new Command("audit", "Audit trail tools") { verify };
    }
}
