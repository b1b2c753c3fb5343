// Kestrel alone, answering every request with the same bytes and content type: what serving a cached report costs
// with nothing else in the pipeline (no routing, auth, logging, metrics or compression). The baseline of bench/http/run.sh.
// Run: dotnet bench/CxReports.BareKestrel/bin/Release/net10.0/CxReports.BareKestrel.dll FILE CONTENT_TYPE URL
if (args is not [var file, var contentType, var url])
{
    Console.Error.WriteLine("usage: CxReports.BareKestrel FILE CONTENT_TYPE URL (e.g. http://127.0.0.1:5090)");
    return 2;
}
var body = File.ReadAllBytes(file);
var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });
builder.WebHost.UseKestrelCore().UseUrls(url);
var app = builder.Build();
app.Run(async http =>
{
    http.Response.ContentType = contentType;
    http.Response.ContentLength = body.Length;
    await http.Response.Body.WriteAsync(body);
});
app.Run();
return 0;
