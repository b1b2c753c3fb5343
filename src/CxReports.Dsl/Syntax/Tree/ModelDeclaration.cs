using System.Collections.Immutable;

namespace CxReports.Dsl.Syntax.Tree;

/// <summary>
/// <c>model { timezone "Europe/Istanbul"  locale "tr-TR"  currency "TRY" }</c>: the model-wide settings, the defaults
/// of every report and ad-hoc query. It names nothing; <see cref="Declaration.Name"/> is its keyword.
/// </summary>
public sealed record ModelDeclaration(Name Name, ImmutableArray<Setting> Settings) : Declaration(Name)
{
    public override string Keyword => "model";
}
