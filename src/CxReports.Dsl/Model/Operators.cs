namespace CxReports.Dsl.Model;

/// <summary>Binary operators of bound expressions: arithmetic, comparison and logic.</summary>
public enum BinaryOperator { Add, Subtract, Multiply, Divide, Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual, And, Or }

/// <summary>Unary operators of bound expressions: negation and logical not.</summary>
public enum UnaryOperator { Negate, Not }
