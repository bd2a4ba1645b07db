using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SeriousCases.Core.Identity;

namespace SeriousCases.Cli.Commands;

internal static class TokenCommands
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "Email address of the user the token acts as", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for", DefaultValueFactory = _ => "API token" };
        var days = new Option<int>("--days") { Description = "Days until the token expires (1 to 366)", DefaultValueFactory = _ => 90 };
        var create = new Command("create", "Create a personal API token. Prints the token alone on stdout; it cannot be shown again.") { user, name, days };
        create.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            var created = await sp.GetRequiredService<ApiTokenService>()
                .CreateAsync(parse.GetValue(user)!, parse.GetValue(name)!, TimeSpan.FromDays(parse.GetValue(days)), ct);
            CliHost.Out.WriteLine(created.Token);
            await CliHost.Error.WriteLineAsync($"Expires {created.ExpiresAt.ToString("u", CultureInfo.InvariantCulture)} (UTC).");
            return 0;
        }));

        var listUser = new Option<string?>("--user") { Description = "Only tokens of this user" };
        var list = new Command("list", "List API tokens (prefix, user, expiry, state); never the tokens themselves.") { listUser };
        list.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            foreach (var t in await sp.GetRequiredService<ApiTokenService>().ListAsync(parse.GetValue(listUser), ct))
            {
                var state = t.RevokedAt is not null ? "revoked" : "active";
                CliHost.Out.WriteLine($"{t.Prefix}\t{t.User?.Email}\t{t.Name}\texpires {t.ExpiresAt:yyyy-MM-dd}\t{state}");
            }

            return 0;
        }));

        var token = new Argument<string>("token") { Description = "The token's prefix (as listed) or id" };
        var revoke = new Command("revoke", "Revoke an API token at once.") { token };
        revoke.SetAction((parse, ct) => CliHost.RunAsync(async sp =>
        {
            if (await sp.GetRequiredService<ApiTokenService>().RevokeAsync(parse.GetValue(token)!, ct))
            {
                CliHost.Out.WriteLine("Token revoked.");
                return 0;
            }

            await CliHost.Error.WriteLineAsync("No active token has that prefix or id.");
            return 1;
        }));

        return new Command("tokens", "Personal API tokens") { create, list, revoke };
    }
}
