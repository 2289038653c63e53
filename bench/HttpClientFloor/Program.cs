// The floor for case 3 of the benchmark (see bench/README.md): what a signed BingX request costs with nothing but
// one HttpClient, HMACSHA256 and System.Text.Json. It speaks the runner protocol of bench/Invoke-Bench.ps1:
//   environment: BENCH_BASE_URI, BENCH_API_KEY, BENCH_SECRET_KEY, BENCH_GET_SYMBOL, BENCH_CANCEL_SYMBOL
//   prints {"ready":true,...} once, then for each stdin line "get N" / "cancel N" / "memory" one JSON line;
//   "exit" or end of input ends it.
// Case 6 (placement) adds "place N", "placebody N" and "placeclose N": a MARKET order POST with no content object
// (what the module sent before it stopped .NET resending writes), with an empty ByteArrayContent (what it sends
// now), and with Connection: close on a client of its own (a connection never reused, the other fix considered).
using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

internal static class Program
{
    private static readonly HttpClient Http = new HttpClient();
    private static readonly HttpClient NeverReused = new HttpClient();
    private static string _baseUri = "";
    private static string _apiKey = "";
    private static byte[] _secret = Array.Empty<byte>();

    private static async Task<int> Main()
    {
        _baseUri = Environment.GetEnvironmentVariable("BENCH_BASE_URI")!.TrimEnd('/');
        _apiKey = Environment.GetEnvironmentVariable("BENCH_API_KEY")!;
        _secret = Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("BENCH_SECRET_KEY")!);
        string getSymbol = Environment.GetEnvironmentVariable("BENCH_GET_SYMBOL")!;
        string cancelSymbol = Environment.GetEnvironmentVariable("BENCH_CANCEL_SYMBOL")!;
        Console.Out.WriteLine("{\"ready\":true,\"runtime\":\"" + Environment.Version + "\"}");
        Console.Out.Flush();

        string? line;
        while ((line = Console.In.ReadLine()) != null)
        {
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) continue;
            if (words[0] == "exit") break;
            if (words[0] == "memory")
            {
                Console.Out.WriteLine("{\"op\":\"memory\",\"workingSet\":" + Environment.WorkingSet
                    + ",\"gcHeap\":" + GC.GetTotalMemory(false) + "}");
                Console.Out.Flush();
                continue;
            }
            int count = int.Parse(words[1], CultureInfo.InvariantCulture);
            bool get = words[0] == "get";
            bool place = words[0].StartsWith("place", StringComparison.Ordinal);
            int orders = 0;
            string? error = null;
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            try
            {
                for (int i = 0; i < count; i++)
                {
                    orders += place ? await PlaceAsync(words[0], getSymbol)
                        : get ? await SendAsync(HttpMethod.Get, "/openApi/spot/v1/trade/openOrders", "symbol=" + getSymbol)
                        : await SendAsync(HttpMethod.Post, "/openApi/spot/v1/trade/cancelOpenOrders", "symbol=" + cancelSymbol);
                }
            }
            catch (Exception ex)
            {
                error = ex.Message;
            }
            watch.Stop();
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            Console.Out.WriteLine(JsonSerializer.Serialize(new Result(words[0], count, watch.Elapsed.TotalMilliseconds, cpuMs, orders, error)));
            Console.Out.Flush();
        }
        return 0;
    }

    /// <summary>One MARKET BUY of 0.001, sent the way <paramref name="variant"/> says; returns 1 when it was placed.</summary>
    private static Task<int> PlaceAsync(string variant, string symbol)
    {
        string query = "quantity=0.001&side=BUY&symbol=" + symbol + "&timestamp=" + Timestamp() + "&type=MARKET";
        return variant switch
        {
            "placebody" => SendSignedAsync(Http, HttpMethod.Post, "/openApi/spot/v1/trade/order", query, Placed,
                request => request.Content = new ByteArrayContent(Array.Empty<byte>())),
            "placeclose" => SendSignedAsync(NeverReused, HttpMethod.Post, "/openApi/spot/v1/trade/order", query, Placed,
                request => request.Headers.ConnectionClose = true),
            _ => SendSignedAsync(Http, HttpMethod.Post, "/openApi/spot/v1/trade/order", query, Placed),
        };
    }

    private sealed record Result(string op, int count, double ms, double cpuMs, int orders, string? error);

    /// <summary>Signs "params&amp;timestamp=..." (already in sorted order), sends it in the query, returns the order count.</summary>
    private static Task<int> SendAsync(HttpMethod method, string path, string parameters) =>
        SendSignedAsync(Http, method, path, parameters + "&timestamp=" + Timestamp(), OrderCount);

    private static string Timestamp() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static int OrderCount(JsonElement data) => data.GetProperty("orders").GetArrayLength();

    private static int Placed(JsonElement data) => 1;

    /// <summary>
    /// Signs the query (parameters in sorted order, timestamp included), sends it with the API key, throws on a
    /// non-zero code, and reads the answer's data with <paramref name="read"/>.
    /// </summary>
    private static async Task<int> SendSignedAsync(HttpClient client, HttpMethod method, string path, string query,
        Func<JsonElement, int> read, Action<HttpRequestMessage>? prepare = null)
    {
        string signature = Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(query)));
        using var request = new HttpRequestMessage(method, _baseUri + path + "?" + query + "&signature=" + signature);
        request.Headers.TryAddWithoutValidation("X-BX-APIKEY", _apiKey);
        prepare?.Invoke(request);
        using HttpResponseMessage response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        using JsonDocument json = JsonDocument.Parse(body);
        int code = json.RootElement.GetProperty("code").GetInt32();
        if (code != 0)
        {
            throw new InvalidOperationException("BingX code " + code + ": " + json.RootElement.GetProperty("msg").GetString());
        }
        return read(json.RootElement.GetProperty("data"));
    }
}
