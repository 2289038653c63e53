using System;
using System.Threading.Tasks;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using BingX.PowerShell.Client.Signing;

namespace BingX.PowerShell.Tests;

public class SigningTests
{
    public static IEnumerable<object[]> Vectors()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "signing-vectors.json")));
        foreach (JsonElement vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            yield return new object[] { vector.GetProperty("secret").GetString()!, vector.GetProperty("signed").GetString()!, vector.GetProperty("signature").GetString()! };
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sign_matches_the_shared_vector(string secret, string signed, string signature)
    {
        Assert.Equal(signature, RequestSigner.Sign(Encoding.UTF8.GetBytes(secret), signed));
    }

    [Theory]
    [InlineData("symbol=BTC-USDT&recvWindow=5000&timestamp=1702721320676", "recvWindow=5000&symbol=BTC-USDT&timestamp=1702721320676")]
    [InlineData("type=MARKET&timestamp=1649404670162&symbol=ETHUSDT&side=BUY&quoteOrderQty=20", "quoteOrderQty=20&side=BUY&symbol=ETHUSDT&timestamp=1649404670162&type=MARKET")]
    [InlineData("symbol=BTC-USDT&orderIds=1735964997957275651,1735965127519326209&timestamp=1702721320676", "orderIds=1735964997957275651,1735965127519326209&symbol=BTC-USDT&timestamp=1702721320676")]
    public void BuildParameterString_sorts_by_key_into_the_signed_text(string given, string expected)
    {
        var pairs = given.Split('&').Select(pair => new KeyValuePair<string, string>(pair.Split('=')[0], pair.Substring(pair.IndexOf('=') + 1)));
        Assert.Equal(expected, RequestSigner.BuildParameterString(pairs));
    }

    [Fact]
    public async Task Build_signs_the_query_adds_timestamp_and_recvWindow_and_redacts_the_debug_line()
    {
        var credential = new BingXApiCredential("ABCDEFGHIJKLMNOP", "TESTSECRET");
        var parameters = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("symbol", "BTC-USDT") };

        using HttpRequestMessage request = RequestBuilder.Build(BingXEndpoint.CancelOpenOrders, parameters, credential, 1702721320676, 5000, new Uri("https://open-api.bingx.com"), out string debugLine);

        const string Signed = "recvWindow=5000&symbol=BTC-USDT&timestamp=1702721320676";
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/openApi/spot/v1/trade/cancelOpenOrders?" + Signed + "&signature=0d46a83c124bfcc7c3fde59fac9f8a3ca9735576c6dff6f5ac08774d462c7954", request.RequestUri!.PathAndQuery);
        Assert.Equal("ABCDEFGHIJKLMNOP", request.Headers.GetValues("X-BX-APIKEY").Single());
        // A write carries an empty content object, so .NET's connection pool never resends it (see RequestBuilder).
        Assert.NotNull(request.Content);
        Assert.Empty(await request.Content!.ReadAsByteArrayAsync());
        Assert.Null(request.Content.Headers.ContentType);
        Assert.DoesNotContain("0d46a83c", debugLine);
        Assert.DoesNotContain("ABCDEFGHIJKLMNOP", debugLine);
        Assert.Contains("&signature=[redacted]; X-BX-APIKEY: " + credential.RedactedApiKey, debugLine);
    }

    [Fact]
    public void Build_leaves_a_public_request_unsigned()
    {
        using HttpRequestMessage request = RequestBuilder.Build(BingXEndpoint.ServerTime, new List<KeyValuePair<string, string>>(), null, 1702721320676, 5000, new Uri("https://open-api.bingx.com"), out string debugLine);
        Assert.Equal("/openApi/spot/v1/server/time", request.RequestUri!.PathAndQuery);
        Assert.False(request.Headers.Contains("X-BX-APIKEY"));
        Assert.Equal("GET /openApi/spot/v1/server/time?", debugLine);
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("a&b")]
    [InlineData("a=b")]
    public void BuildParameterString_refuses_values_that_would_need_URL_encoding(string value)
    {
        Assert.ThrowsAny<ArgumentException>(() => RequestSigner.BuildParameterString(new[] { new KeyValuePair<string, string>("symbol", value) }));
    }
}
