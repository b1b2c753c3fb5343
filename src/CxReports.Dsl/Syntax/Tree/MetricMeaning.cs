namespace CxReports.Dsl.Syntax.Tree;

/// <summary>A line of a metric's meaning block (<c>{ unit currency  decimals 0  higher is better }</c>).</summary>
public abstract record MeaningItem : SyntaxNode;

/// <summary><c>unit currency</c>: the unit its values are in, instead of the one its function gives.</summary>
public sealed record UnitItem(Name Unit) : MeaningItem;

/// <summary><c>decimals 0</c>: how many decimals its values are shown with.</summary>
public sealed record DecimalsItem(NumberLiteral Count) : MeaningItem;

/// <summary><c>higher is better</c>, <c>lower is better</c> or <c>neutral</c>: whether a rise is good news.</summary>
public sealed record DirectionItem(Name Word) : MeaningItem;

/// <summary><c>relative change</c> or <c>no relative change</c>: whether a change may be stated as a percentage of the earlier value.</summary>
public sealed record RelativeChangeItem(bool Allowed) : MeaningItem;

/// <summary><c>label "tr-TR" "Aktif müşteriler"</c>: the label a report in that locale shows.</summary>
public sealed record LabelItem(StringLiteral Locale, StringLiteral Text) : MeaningItem;

/// <summary><c>currency "TRY"</c>: the model's currency (ISO 4217), shown with every money value.</summary>
public sealed record CurrencyDeclaration(Name Name, StringLiteral Code) : Declaration(Name)
{
    public override string Keyword => "currency";
}
