namespace CxReports.LanguageServer.Protocol;

/// <summary>A request the server answers with a JSON-RPC error (bad parameters, a rename that cannot be done), not a bug.</summary>
internal sealed class RpcException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;

    public static RpcException InvalidParams(string message) => new(RpcErrorCodes.InvalidParams, message);
}

/// <summary>The JSON-RPC and LSP error codes the server answers with.</summary>
internal static class RpcErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;
}
