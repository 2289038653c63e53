using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BingX.PowerShell.Client.Http;
using BingX.PowerShell.Client.Reading;

namespace BingX.PowerShell.Tests;

/// <summary>The stages in order with a scripted exchange behind <see cref="IHttpSender"/>: what is sent, how often.</summary>
public class TransportTests
{
    private sealed class ScriptedSender : IHttpSender
    {
        private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpAnswer>>> _script = new();

        public List<string> Paths { get; } = new List<string>();

        public ScriptedSender Then(int status, string body) => Then((_, _) => Task.FromResult(new HttpAnswer(status, null, "application/json", body)));

        public ScriptedSender Then(Func<HttpRequestMessage, CancellationToken, Task<HttpAnswer>> step)
        {
            _script.Enqueue(step);
            return this;
        }

        public Task<HttpAnswer> SendAsync(HttpRequestMessage request, BingXEndpoint endpoint, CancellationToken cancellationToken)
        {
            Paths.Add(request.RequestUri!.AbsolutePath.Replace("/openApi/spot/v1/", string.Empty));
            return _script.Dequeue()(request, cancellationToken);
        }
    }

    private sealed class RecordingLog : IBingXLog
    {
        public List<string> Warnings { get; } = new List<string>();

        public List<string> VerboseLines { get; } = new List<string>();

        public void Verbose(string message) => VerboseLines.Add(message);

        public void Debug(string message) { }

        public void Warning(string message) => Warnings.Add(message);

        public void Waiting(string reason, DateTimeOffset until) { }
    }

    private const string Ok = "{\"code\":0,\"msg\":\"\",\"data\":{\"orders\":[]}}";

    private static (BingXTransport Transport, RecordingLog Log) NewTransport(ScriptedSender sender, TimeSpan? timeout = null)
    {
        var log = new RecordingLog();
        var options = new BingXClientOptions
        {
            // Own clock and pacers per test: both are process-wide per base URI and API key.
            BaseUri = new Uri("https://" + Guid.NewGuid().ToString("N") + ".test"),
            Credential = new BingXApiCredential("K" + Guid.NewGuid().ToString("N"), "TESTSECRET"),
            Log = log,
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
        };
        return (new BingXTransport(options, sender), log);
    }

    private static Task<JsonElement> Send(BingXTransport transport, BingXEndpoint endpoint) =>
        transport.SendAsync(endpoint, new List<KeyValuePair<string, string>> { new("symbol", "BTC-USDT") }, CancellationToken.None);

    // Moved here from Reliability.Faults.Tests.ps1 (it reached the internal client by reflection): trade/order is
    // sent once, whatever comes back, and a lost answer is reported as such. New-BingXOrder's recovery relies on it.
    [Theory]
    [InlineData("HTTP 502 before processing", "BingXHttpError", true)]
    [InlineData("a drop after processing", "BingXNetworkError", true)]
    [InlineData("truncated JSON after processing", "BingXInvalidResponse", true)]
    [InlineData("code 100500 after processing", "BingXApiError", false)]
    public async Task Placing_an_order_is_sent_once_whatever_comes_back(string fault, string errorId, bool outcomeUnknown)
    {
        var sender = new ScriptedSender();
        _ = fault switch
        {
            "HTTP 502 before processing" => sender.Then(502, "<html>bad gateway</html>"),
            "a drop after processing" => sender.Then((_, _) => throw new HttpRequestException("The response ended prematurely.", new System.IO.IOException("reset"))),
            "truncated JSON after processing" => sender.Then(200, "{\"code\":0,\"msg\":\"\",\"data\":{\"orderId\":17"),
            _ => sender.Then(200, "{\"code\":100500,\"msg\":\"Internal system error\"}"),
        };
        var ex = await Assert.ThrowsAnyAsync<BingXException>(() => Send(NewTransport(sender).Transport, BingXEndpoint.PlaceOrder));
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(outcomeUnknown, ex.OutcomeUnknown);
        Assert.Equal(new[] { "trade/order" }, sender.Paths);
    }

    [Fact]
    public async Task A_cancel_all_that_heard_502_is_retried_and_says_so_in_a_verbose_line_not_a_warning()
    {
        var sender = new ScriptedSender().Then(502, "").Then(200, Ok);
        var (transport, log) = NewTransport(sender);
        JsonElement data = await Send(transport, BingXEndpoint.CancelOpenOrders);
        Assert.Empty(ResponseReader.ReadOrderList(data));
        Assert.Equal(new[] { "trade/cancelOpenOrders", "trade/cancelOpenOrders" }, sender.Paths);
        // Cancelling everything twice ends as once: the result is the truth, and the verbose line says what it lacks.
        Assert.Empty(log.Warnings);
        Assert.Contains(log.VerboseLines, v => v.Contains("an earlier attempt lost its answer (BingXHttpError); the retry succeeded; orders it cancelled are not in this result"));
    }

    [Fact]
    public async Task A_batch_cancel_that_heard_502_is_retried_and_warns_that_already_cancelled_may_be_its_own_doing()
    {
        var sender = new ScriptedSender().Then(502, "").Then(200, Ok);
        var (transport, log) = NewTransport(sender);
        await Send(transport, BingXEndpoint.CancelOrders);
        Assert.Equal(new[] { "trade/cancelOrders", "trade/cancelOrders" }, sender.Paths);
        Assert.Contains(log.Warnings, w => w.Contains("the answer to an earlier attempt was lost (BingXHttpError), and that attempt may have cancelled some of these orders"));
    }

    [Fact]
    public async Task A_timestamp_rejection_reads_the_clock_once_and_sends_again()
    {
        long server = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 30_000;
        var sender = new ScriptedSender()
            .Then(200, "{\"code\":100421,\"msg\":\"Null timestamp or timestamp mismatch\"}")
            .Then(200, "{\"code\":0,\"msg\":\"\",\"data\":{\"serverTime\":" + server + "}}")
            .Then(200, "{\"code\":0,\"msg\":\"\",\"data\":{\"orderId\":1}}");
        var (transport, _) = NewTransport(sender);
        await Send(transport, BingXEndpoint.PlaceOrder);
        Assert.Equal(new[] { "trade/order", "server/time", "trade/order" }, sender.Paths);
        Assert.InRange(transport.Clock.OffsetMs, 29_000, 31_000);
    }

    [Fact]
    public async Task A_refused_connection_sent_nothing_so_even_an_order_is_not_in_doubt()
    {
        var sender = new ScriptedSender().Then((_, _) => throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));
        var ex = await Assert.ThrowsAsync<BingXTransportException>(() => Send(NewTransport(sender).Transport, BingXEndpoint.PlaceOrder));
        Assert.Equal(BingXErrorIds.NetworkError, ex.ErrorId);
        Assert.False(ex.OutcomeUnknown);
        Assert.EndsWith(" Nothing was sent.", ex.Message);
    }

    [Fact]
    public async Task No_answer_within_the_timeout_is_BingXTimeout_and_not_retried()
    {
        var sender = new ScriptedSender().Then(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        var ex = await Assert.ThrowsAsync<BingXTransportException>(() => Send(NewTransport(sender, TimeSpan.FromMilliseconds(200)).Transport, BingXEndpoint.OpenOrders));
        Assert.Equal(BingXErrorIds.Timeout, ex.ErrorId);
        Assert.Equal("BingX did not answer GET /openApi/spot/v1/trade/openOrders within 0.2 s. Use -TimeoutSec to wait longer.", ex.Message);
        Assert.Single(sender.Paths);
    }

    [Fact]
    public async Task A_rate_limit_beyond_the_allowed_wait_fails_at_once_and_says_why()
    {
        long unblock = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 60_000;
        long server = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var sender = new ScriptedSender()
            .Then(200, "{\"code\":100410,\"msg\":\"will be unblocked after " + unblock + "\"}")
            .Then(200, "{\"code\":0,\"msg\":\"\",\"data\":{\"serverTime\":" + server + "}}");
        var ex = await Assert.ThrowsAsync<BingXRateLimitedException>(() => Send(NewTransport(sender).Transport, BingXEndpoint.OpenOrders));
        Assert.Equal(new[] { "trade/openOrders", "server/time" }, sender.Paths);
        Assert.Contains("this command waits at most 5 s by itself (-MaxRateLimitWaitSec).", ex.Message);
        Assert.NotNull(ex.LocalRetryAfter);
    }
}
