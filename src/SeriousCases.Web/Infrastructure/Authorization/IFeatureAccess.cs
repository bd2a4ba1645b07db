using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace SeriousCases.Web.Infrastructure.Authorization;

/// <summary>Each feature declares who may use its pages in one class beside its pages. All
/// implementations in this assembly are applied at start.</summary>
public interface IFeatureAccess
{
    void Configure(PageConventionCollection pages);
}

internal static class FeatureAccessRegistry
{
    public static void ApplyAll(PageConventionCollection pages)
    {
        var features = typeof(IFeatureAccess).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeatureAccess).IsAssignableFrom(t))
            .Select(t => (IFeatureAccess)Activator.CreateInstance(t)!);
        foreach (var feature in features)
        {
            feature.Configure(pages);
        }
    }
}
