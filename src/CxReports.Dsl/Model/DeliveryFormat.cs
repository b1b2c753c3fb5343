namespace CxReports.Dsl.Model;

/// <summary>The document formats a delivery attaches (<c>as pdf, json, csv, xlsx, zip</c>).</summary>
public enum DeliveryFormat { Pdf, Json, Csv, Xlsx, Zip }

/// <summary>The words of the document formats.</summary>
public static class DeliveryFormatNames
{
    /// <summary>The word CXR writes for the format, which is also its file extension and its formatter's name.</summary>
    public static string Name(this DeliveryFormat format) => format.ToString().ToLowerInvariant();
}
