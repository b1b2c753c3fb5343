using System.Text.Json;

namespace CxReports.Server.Pages;

/// <summary>
/// How pages embed data as JSON: camelCase, and the serializer's default encoder, which escapes &lt;, &gt;, &amp;, ' and
/// " inside strings, so embedded JSON cannot close its script element.
/// </summary>
public static class PageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
