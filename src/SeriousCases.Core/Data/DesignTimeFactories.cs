using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SeriousCases.Core.Audit;

namespace SeriousCases.Core.Data;

/// <summary>Used only when migrations are scaffolded (see docs/adr/0002-migrations.md).</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSeriousCasesDbContext>
{
    public SqliteSeriousCasesDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqliteSeriousCasesDbContext>();
        DatabaseSetup.ConfigureSqlite(b, "Data Source=design.db");
        return new SqliteSeriousCasesDbContext(b.Options, new SystemActor("design"), TimeProvider.System);
    }
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSeriousCasesDbContext>
{
    public PostgresSeriousCasesDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<PostgresSeriousCasesDbContext>();
        DatabaseSetup.ConfigurePostgres(b, "Host=localhost;Database=design");
        return new PostgresSeriousCasesDbContext(b.Options, new SystemActor("design"), TimeProvider.System);
    }
}
