using System;
using BingX.PowerShell.Client.Retrying;

namespace BingX.PowerShell.Tests;

public class RetryPolicyTests
{
    private static BingXException Network(bool outcomeUnknown = false) =>
        new BingXTransportException(BingXErrorIds.NetworkError, BingXErrorKind.Network, "drop", null, null) { OutcomeUnknown = outcomeUnknown };

    private static BingXException Http(int status) => new BingXTransportException(BingXErrorIds.HttpError, BingXErrorKind.HttpError, "http", null, status);

    private static BingXException Timeout() => new BingXTransportException(BingXErrorIds.Timeout, BingXErrorKind.Timeout, "slow", null, null);

    private static BingXException Invalid() => new BingXTransportException(BingXErrorIds.InvalidResponse, BingXErrorKind.InvalidResponse, "junk", null, 200);

    private static BingXException Api(int code, string message = "x") => BingXErrorClassifier.Create(code, message, 200, null);

    public static TheoryData<string, string, string> Rules() => new TheoryData<string, string, string>
    {
        // Reads and cancels: transport failures, 5xx and BingX's busy codes are backed off and retried.
        { "OpenOrders", "network", nameof(RetryAction.BackOff) },
        { "OpenOrders", "invalid", nameof(RetryAction.BackOff) },
        { "OpenOrders", "502", nameof(RetryAction.BackOff) },
        { "OpenOrders", "100500", nameof(RetryAction.BackOff) },
        { "CancelOpenOrders", "network", nameof(RetryAction.BackOff) },
        { "CancelOrders", "80012", nameof(RetryAction.BackOff) },
        // Never: timeouts (the user's budget), 4xx (stop), business rejections.
        { "OpenOrders", "timeout", nameof(RetryAction.Fail) },
        { "OpenOrders", "429", nameof(RetryAction.Fail) },
        { "OpenOrders", "403", nameof(RetryAction.Fail) },
        { "CancelOrder", "100404", nameof(RetryAction.Fail) },
        { "OpenOrders", "100413", nameof(RetryAction.Fail) },
        // Placing an order: nothing that may hide a success.
        { "PlaceOrder", "network", nameof(RetryAction.Fail) },
        { "PlaceOrder", "502", nameof(RetryAction.Fail) },
        { "PlaceOrder", "100500", nameof(RetryAction.Fail) },
        { "PlaceOrder", "invalid", nameof(RetryAction.Fail) },
        // Refusals before the exchange acts are safe everywhere: timestamp (signed only) and rate limit.
        { "PlaceOrder", "80014", nameof(RetryAction.ResynchronizeClock) },
        { "CancelOpenOrders", "100421 timestamp", nameof(RetryAction.ResynchronizeClock) },
        { "Symbols", "80014", nameof(RetryAction.Fail) },
        { "PlaceOrder", "100410", nameof(RetryAction.WaitOutRateLimit) },
        { "ServerTime", "100410", nameof(RetryAction.WaitOutRateLimit) },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Decide_on_a_first_failure(string endpoint, string failure, string expected)
    {
        Assert.Equal(expected, RetryPolicy.Decide(EndpointNamed(endpoint), FailureNamed(failure), new RetryState(), 2).ToString());
    }

    [Fact]
    public void A_timestamp_rejection_resynchronizes_only_once()
    {
        var state = new RetryState { ClockResynchronized = true };
        Assert.Equal(RetryAction.Fail, RetryPolicy.Decide(BingXEndpoint.PlaceOrder, Api(80014), state, 2));
    }

    [Fact]
    public void Failures_are_retried_MaxRetries_times()
    {
        Assert.Equal(RetryAction.BackOff, RetryPolicy.Decide(BingXEndpoint.OpenOrders, Network(), new RetryState { FailureRetries = 1 }, 2));
        Assert.Equal(RetryAction.Fail, RetryPolicy.Decide(BingXEndpoint.OpenOrders, Network(), new RetryState { FailureRetries = 2 }, 2));
        Assert.Equal(RetryAction.Fail, RetryPolicy.Decide(BingXEndpoint.OpenOrders, Network(), new RetryState(), 0));
    }

    [Theory]
    [InlineData(0, 1000, 5000, true)]
    [InlineData(1, 5000, 5000, true)]
    [InlineData(2, 100, 5000, false)]
    [InlineData(0, 5001, 5000, false)]
    [InlineData(0, 200, 0, false)]
    public void A_rate_limit_is_waited_out_twice_at_most_within_the_allowed_wait(int waitsDone, int waitMs, int maxMs, bool expected)
    {
        Assert.Equal(expected, RetryPolicy.MayWaitOutRateLimit(waitsDone, TimeSpan.FromMilliseconds(waitMs), TimeSpan.FromMilliseconds(maxMs)));
    }

    [Fact]
    public void The_unblock_wait_is_the_exchange_time_left_plus_a_margin_or_one_second_when_unnamed()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        Assert.Equal(TimeSpan.FromMilliseconds(1700), RateLimitWait.Until(now.AddMilliseconds(1500), now));
        Assert.Equal(TimeSpan.FromMilliseconds(200), RateLimitWait.Until(now.AddMilliseconds(-1500), now));
        Assert.Equal(TimeSpan.FromSeconds(1), RateLimitWait.Until(null, now));
    }

    [Theory]
    [InlineData(1, 0.0, 100)]
    [InlineData(1, 0.999999, 300)]
    [InlineData(2, 0.5, 400)]
    [InlineData(3, 0.5, 800)]
    public void Backoff_doubles_with_jitter_between_half_and_one_and_a_half(int retry, double random, double expectedMs)
    {
        Assert.Equal(expectedMs, RetryPolicy.Backoff(retry, random).TotalMilliseconds, 0);
    }

    [Fact]
    public void A_retried_cancel_that_lost_its_answer_may_have_been_carried_out()
    {
        Assert.True(RetryPolicy.MayHaveBeenCarriedOut(BingXEndpoint.CancelOpenOrders, Network(outcomeUnknown: true)));
        Assert.True(RetryPolicy.MayHaveBeenCarriedOut(BingXEndpoint.CancelOpenOrders, Api(100500)));
        Assert.False(RetryPolicy.MayHaveBeenCarriedOut(BingXEndpoint.CancelOpenOrders, Network(outcomeUnknown: false)));
        Assert.False(RetryPolicy.MayHaveBeenCarriedOut(BingXEndpoint.OpenOrders, Api(100500)));
    }

    [Fact]
    public void MarkEarlierAnswerLost_makes_the_final_failure_no_proof_that_nothing_happened()
    {
        BingXException lost = Network(outcomeUnknown: true);
        BingXException final = Api(100404, "order not exist");
        RetryPolicy.MarkEarlierAnswerLost(final, lost);
        Assert.True(final.OutcomeUnknown);
        Assert.EndsWith("An earlier attempt lost its answer (BingXNetworkError) and may have been carried out: check the orders before repeating the request.", final.Message);

        BingXException alone = Api(100404);
        RetryPolicy.MarkEarlierAnswerLost(alone, null);
        Assert.False(alone.OutcomeUnknown);
    }

    private static BingXEndpoint EndpointNamed(string name) =>
        (BingXEndpoint)typeof(BingXEndpoint).GetField(name)!.GetValue(null)!;

    private static BingXException FailureNamed(string name) => name switch
    {
        "network" => Network(),
        "invalid" => Invalid(),
        "timeout" => Timeout(),
        "100421 timestamp" => Api(100421, "Null timestamp or timestamp mismatch"),
        _ when int.TryParse(name, out int n) && n < 600 => Http(n),
        _ => Api(int.Parse(name)),
    };
}
