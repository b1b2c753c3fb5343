namespace CxReports.Engine.Warehouse;

/// <summary>The warehouse cannot be opened or used as configured; the message says why, never with secrets.</summary>
public sealed class WarehouseException(string message, Exception? inner = null) : Exception(message, inner);
