using System.Linq.Expressions;

namespace SeriousCases.Core.Common;

/// <summary>Combines rules written as expressions into one condition the database evaluates (the register's branches,
/// the management figures), by pointing each rule's parameter at one shared parameter.</summary>
public static class RuleExpressions
{
    /// <summary>A rule's body over another parameter.</summary>
    public static Expression BodyOver(LambdaExpression rule, ParameterExpression parameter) =>
        new Rebind(rule.Parameters[0], parameter).Visit(rule.Body);

    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, BodyOver(right, left.Parameters[0])), left.Parameters);

    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    /// <summary>The parts joined by OR.</summary>
    public static Expression<Func<T, bool>> AnyOf<T>(IReadOnlyList<Expression<Func<T, bool>>> parts)
    {
        var parameter = parts[0].Parameters[0];
        var body = parts.Skip(1).Aggregate(parts[0].Body, (acc, p) => Expression.OrElse(acc, BodyOver(p, parameter)));
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
