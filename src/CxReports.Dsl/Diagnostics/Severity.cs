namespace CxReports.Dsl.Diagnostics;

/// <summary>How bad a diagnostic is: errors stop a model from being used, warnings do not.</summary>
public enum Severity { Error, Warning }
