using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SeriousCases.Core.Data;

/// <summary>A compiled query (<c>EF.CompileAsyncQuery</c>) kept once per model. A compiled query skips EF Core's
/// translation-cache lookup on every run, which matters for a short statement run often; but EF Core binds it to the
/// model it first ran on and refuses another, and the service runs on SQLite or PostgreSQL (the tests on both in one
/// process), so each provider's model gets its own.</summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> queries = [];

    public TQuery For(DbContext db) => queries.GetValue(db.Model, _ => compile());
}
