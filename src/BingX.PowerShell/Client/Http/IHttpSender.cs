using System.Net.Http;

namespace BingX.PowerShell.Client.Http;

/// <summary>Sends one HTTP request and reads the whole answer. The seam where unit tests put a fake exchange.</summary>
internal interface IHttpSender
{
    /// <summary>
    /// Throws what HttpClient throws (HttpRequestException, IOException, OperationCanceledException); turning
    /// those into BingX failures is <see cref="TimedSend"/>'s job.
    /// </summary>
    Task<HttpAnswer> SendAsync(HttpRequestMessage request, BingXEndpoint endpoint, CancellationToken cancellationToken);
}

/// <summary>
/// An HTTP answer with its body read in full, and BingX's rate-limit headers when present (docs-v3 Basic Info:
/// X-RateLimit-Requests-Remain, X-RateLimit-Requests-Expire).
/// </summary>
internal sealed record HttpAnswer(int Status, string? ReasonPhrase, string? MediaType, string Body,
    string? RateLimitRemain = null, string? RateLimitExpire = null);
