using System.Text;
using CxReports.Server.Problems;

namespace CxReports.Server.Requests;

/// <summary>A small request body read as UTF-8 text, refused with 413 naming its setting as soon as it passes its limit.</summary>
public static class BoundedBody
{
    public static async Task<Outcome<string>> ReadText(HttpRequest request, int limit, string setting, CancellationToken cancellation)
    {
        if (request.ContentLength > limit) return TooLarge(limit, setting);
        var buffer = new byte[limit + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellation)) > 0) length += read;
        if (length > limit) return TooLarge(limit, setting);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return ServerProblem.Of(StatusCodes.Status400BadRequest, "Invalid body", "the request body is not UTF-8 text", ("parameter", "body"));
        }
    }

    private static ServerProblem TooLarge(int limit, string setting) =>
        ServerProblem.Of(StatusCodes.Status413PayloadTooLarge, "Body too large",
            $"the request body is larger than {limit} bytes, the limit of {setting}", ("limit", setting), ("maximum", limit));
}
