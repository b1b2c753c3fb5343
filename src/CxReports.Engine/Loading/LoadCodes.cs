using CxReports.Dsl.Diagnostics;

namespace CxReports.Engine.Loading;

/// <summary>Diagnostic codes of data loading (<c>CXR1NN</c>), reported as <c>file:line:col: error CXR1NN: ...</c>.</summary>
public static class LoadCodes
{
    public static readonly DiagnosticCode FileNotFound = new("CXR101", "no file matches the source's path");
    public static readonly DiagnosticCode Unreadable = new("CXR102", "file cannot be read");
    public static readonly DiagnosticCode EmptyFile = new("CXR103", "file is empty");
    public static readonly DiagnosticCode MissingColumn = new("CXR104", "declared column absent from the file");
    public static readonly DiagnosticCode BadValue = new("CXR105", "value does not convert to the column's type");
    public static readonly DiagnosticCode Blank = new("CXR106", "required value is blank");
    public static readonly DiagnosticCode OutOfRange = new("CXR107", "value outside the column's range");
    public static readonly DiagnosticCode NotAllowed = new("CXR108", "value not among the allowed values");
    public static readonly DiagnosticCode DuplicateKey = new("CXR109", "duplicate key");
    public static readonly DiagnosticCode NoLinkMatch = new("CXR110", "required link has no match");
    public static readonly DiagnosticCode Malformed = new("CXR111", "file is not well-formed");
    public static readonly DiagnosticCode OutsideData = new("CXR112", "file lies outside the data directory");
    public static readonly DiagnosticCode TooManyErrors = new("CXR113", "more errors than shown");
    public static readonly DiagnosticCode BadEncoding = new("CXR114", "file is not text in its declared encoding");
    public static readonly DiagnosticCode HeaderNames = new("CXR115", "header has a column without a name or two of the same name");
    public static readonly DiagnosticCode Shrink = new("CXR116", "load would shrink the table");
    public static readonly DiagnosticCode NotStored = new("CXR117", "the warehouse could not store the load");

    public static IReadOnlyList<DiagnosticCode> All { get; } =
    [
        FileNotFound, Unreadable, EmptyFile, MissingColumn, BadValue, Blank, OutOfRange, NotAllowed, DuplicateKey,
        NoLinkMatch, Malformed, OutsideData, TooManyErrors, BadEncoding, HeaderNames, Shrink, NotStored,
    ];
}
