using System;
using BingX.PowerShell.Client.Http;
using BingX.PowerShell.Client.Reading;

namespace BingX.PowerShell.Tests;

public class ErrorClassificationTests
{
    [Theory]
    [InlineData(100001, "Signature verification failed", "BingXAuthenticationFailed", BingXErrorKind.Authentication)]
    [InlineData(100412, "Null signature", "BingXAuthenticationFailed", BingXErrorKind.Authentication)]
    [InlineData(100413, "Incorrect apiKey", "BingXAuthenticationFailed", BingXErrorKind.Authentication)]
    [InlineData(100004, "Permission denied", "BingXPermissionDenied", BingXErrorKind.PermissionDenied)]
    [InlineData(100419, "IP does not match IP whitelist", "BingXIpNotWhitelisted", BingXErrorKind.PermissionDenied)]
    [InlineData(100410, "rate limited", "BingXRateLimited", BingXErrorKind.RateLimited)]
    [InlineData(80014, "Invalid parameters, timestamp is invalid", "BingXTimestampRejected", BingXErrorKind.Timestamp)]
    [InlineData(100404, "order not exist", "BingXApiError", BingXErrorKind.NotFound)]
    [InlineData(100500, "Internal system error", "BingXApiError", BingXErrorKind.ApiError)]
    [InlineData(101204, "Insufficient balance", "BingXApiError", BingXErrorKind.ApiError)]
    public void Create_maps_the_code_and_message(int code, string message, string errorId, BingXErrorKind kind)
    {
        BingXApiException ex = BingXErrorClassifier.Create(code, message, 200, "/openApi/spot/v1/trade/order");
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(kind, ex.Kind);
        Assert.Equal(code, ex.Code);
        Assert.StartsWith($"BingX rejected /openApi/spot/v1/trade/order with code {code}: {message}", ex.Message);
    }

    [Theory]
    [InlineData("Null timestamp or timestamp mismatch", true)]
    [InlineData("this api is not exist", false)]
    public void Code_100421_is_about_the_clock_only_when_the_message_names_the_timestamp(string message, bool clock)
    {
        BingXApiException ex = BingXErrorClassifier.Create(100421, message, 200, null);
        Assert.Equal(clock ? BingXErrorIds.TimestampRejected : BingXErrorIds.ApiError, ex.ErrorId);
        Assert.Equal(clock ? BingXErrorKind.Timestamp : BingXErrorKind.ApiError, ex.Kind);
    }

    [Fact]
    public void Code_100204_no_data_is_not_found() => Assert.Equal(BingXErrorKind.NotFound, BingXErrorClassifier.Create(100204, "no data", 200, null).Kind);

    [Theory]
    [InlineData("The IP has been frequently requested and will be unblocked after 1727193814249", 1727193814249L)]
    [InlineData("too many requests, you can retry after time: 1727193970155", 1727193970155L)]
    [InlineData("rate limited", null)]
    public void A_rate_limit_names_its_unblock_time(string message, long? unblockMs)
    {
        var ex = Assert.IsType<BingXRateLimitedException>(BingXErrorClassifier.Create(100410, message, 200, null));
        Assert.Equal(unblockMs.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(unblockMs.Value) : (DateTimeOffset?)null, ex.RetryAfter);
    }

    [Theory]
    [InlineData(100500, true)]
    [InlineData(100503, true)]
    [InlineData(80012, true)]
    [InlineData(100400, false)]
    [InlineData(0, false)]
    public void IsServerBusy(int code, bool busy) => Assert.Equal(busy, BingXErrorClassifier.IsServerBusy(code));

    [Theory]
    [InlineData(100404, "whatever", true)]
    [InlineData(100400, "order not exist", true)]
    [InlineData(80016, "Order does not exist", true)]
    [InlineData(100400, "Invalid parameters", false)]
    public void IsNoSuchOrder(int code, string message, bool expected) =>
        Assert.Equal(expected, BingXErrorClassifier.IsNoSuchOrder(BingXErrorClassifier.Create(code, message, 200, null)));

    private static readonly BingXEndpoint Get = BingXEndpoint.OpenOrders;
    private static readonly BingXEndpoint Post = BingXEndpoint.PlaceOrder;

    [Fact]
    public void Envelope_data_comes_back_and_a_missing_data_is_JSON_null()
    {
        Assert.Equal(5L, EnvelopeReader.Read(Get, new HttpAnswer(200, "OK", "application/json", "{\"code\":0,\"msg\":\"\",\"data\":{\"n\":5}}")).ReadInt64("n"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, EnvelopeReader.Read(Get, new HttpAnswer(200, "OK", "application/json", "{\"code\":0}")).ValueKind);
    }

    [Theory]
    [InlineData("{\"code\":100413,\"msg\":\"Incorrect apiKey\"}", 200)]
    [InlineData("{\"code\":\"100413\",\"msg\":\"Incorrect apiKey\"}", 200)]
    [InlineData("{\"code\":100413,\"msg\":\"Incorrect apiKey\"}", 401)]
    public void A_non_zero_code_is_classified_whatever_the_HTTP_status(string body, int status)
    {
        var ex = Assert.IsType<BingXApiException>(Assert.ThrowsAny<BingXApiException>(() => EnvelopeReader.Read(Get, new HttpAnswer(status, null, "application/json", body))));
        Assert.Equal(BingXErrorIds.AuthenticationFailed, ex.ErrorId);
        Assert.Equal(status, ex.HttpStatus);
    }

    [Theory]
    [InlineData(502, "<html>bad gateway</html>", "BingXHttpError", true)]
    [InlineData(429, "", "BingXHttpError", false)]
    [InlineData(200, "<html>maintenance</html>", "BingXInvalidResponse", true)]
    [InlineData(200, "{\"code\":0,\"msg\":\"\",\"data\":{\"serverTime\":17", "BingXInvalidResponse", true)]
    [InlineData(200, "{\"msg\":\"no code\"}", "BingXInvalidResponse", true)]
    [InlineData(200, "{\"code\":1.5}", "BingXInvalidResponse", true)]
    public void Anything_else_is_a_transport_failure_and_a_lost_answer_for_a_write(int status, string body, string errorId, bool unknownForPost)
    {
        var read = Assert.Throws<BingXTransportException>(() => EnvelopeReader.Read(Get, new HttpAnswer(status, null, "text/html", body)));
        var write = Assert.Throws<BingXTransportException>(() => EnvelopeReader.Read(Post, new HttpAnswer(status, null, "text/html", body)));
        Assert.Equal(errorId, read.ErrorId);
        Assert.False(read.OutcomeUnknown);
        Assert.Equal(unknownForPost, write.OutcomeUnknown);
    }

    [Fact]
    public void The_wording_of_an_unreadable_answer_names_the_endpoint_and_what_is_wrong()
    {
        var ex = Assert.Throws<BingXTransportException>(() => EnvelopeReader.Read(Post, new HttpAnswer(200, "OK", "text/html", "<html>x</html>")));
        Assert.StartsWith("BingX's answer to POST /openApi/spot/v1/trade/order (HTTP 200) could not be read: it is not valid JSON (", ex.Message);
        Assert.EndsWith(", text/html body starting '<html>x</html>'. The request may or may not have been carried out: check the orders before repeating it.", ex.Message);
        var http = Assert.Throws<BingXTransportException>(() => EnvelopeReader.Read(Get, new HttpAnswer(429, "Too Many Requests", null, "")));
        Assert.Equal("BingX answered GET /openApi/spot/v1/trade/openOrders with HTTP 429 (Too Many Requests), empty body. The exchange is limiting this IP: stop sending for a while (418 is a ban after ignoring 429).", http.Message);
    }

    [Theory]
    [InlineData("RUNNING")]
    [InlineData("")]
    [InlineData("new_status")]
    [InlineData("7")]
    [InlineData(null)]
    public void Exchange_values_not_known_map_to_Unknown(string? value)
    {
        Assert.Equal(BingXOrderStatus.Unknown, BingXEnumParser.ParseStatus(value));
        Assert.Equal(BingXOrderType.Unknown, BingXEnumParser.ParseType(value));
        Assert.Equal(BingXOrderSide.Unknown, BingXEnumParser.ParseSide(value));
    }

    [Fact]
    public void CANCELLED_the_other_spelling_maps_to_CANCELED()
    {
        Assert.Equal(BingXOrderStatus.CANCELED, BingXEnumParser.ParseStatus("CANCELLED"));
    }
}
