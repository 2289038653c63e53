namespace BingX.Simulator.Wire;

/// <summary>An answer ready to send, with the BingX code and msg it carries (for the request log).</summary>
public sealed record ApiResult(int Status, string ContentType, byte[] Body, int? Code, string? Msg)
{
    public const string Json = "application/json; charset=utf-8";
    public const string Text = "text/plain; charset=utf-8";

    /// <summary>The rate-limit budget the answer reports in X-RateLimit-Requests-Remain/-Expire (null: no headers).</summary>
    public (int Remain, long ExpireMs)? RateLimit { get; init; }
}
