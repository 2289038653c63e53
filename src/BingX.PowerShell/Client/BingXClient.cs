using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BingX.PowerShell.Client.Json;

namespace BingX.PowerShell.Client
{
    /// <summary>
    /// The BingX spot API as typed calls. Knows nothing of PowerShell: the cmdlets are thin wrappers over it.
    /// </summary>
    internal sealed class BingXClient
    {
        private readonly BingXTransport _transport;

        public BingXClient(BingXClientOptions options)
        {
            _transport = new BingXTransport(options);
        }

        public BingXClientOptions Options => _transport.Options;

        public ServerClock Clock => _transport.Clock;

        /// <summary>Cancels every open order on <paramref name="symbol"/>, or on every symbol when it is null.</summary>
        public async Task<List<BingXOrder>> CancelOpenOrdersAsync(string? symbol, CancellationToken cancellationToken)
        {
            JsonNode data = await SendAsync(BingXEndpoint.CancelOpenOrders, cancellationToken, symbol == null ? null : Param("symbol", symbol)).ConfigureAwait(false);
            return Read(BingXEndpoint.CancelOpenOrders, () => ResponseReader.ReadOrderList(data));
        }

        /// <summary>The open orders on <paramref name="symbol"/>, or on every symbol when it is null.</summary>
        public async Task<List<BingXOrder>> GetOpenOrdersAsync(string? symbol, CancellationToken cancellationToken)
        {
            JsonNode data = await SendAsync(BingXEndpoint.OpenOrders, cancellationToken, symbol == null ? null : Param("symbol", symbol)).ConfigureAwait(false);
            return Read(BingXEndpoint.OpenOrders, () => ResponseReader.ReadOrderList(data));
        }

        /// <summary>The spot symbols and their trading rules (public).</summary>
        public async Task<List<BingXSymbol>> GetSymbolsAsync(string? symbol, CancellationToken cancellationToken)
        {
            JsonNode data = await SendAsync(BingXEndpoint.Symbols, cancellationToken, symbol == null ? null : Param("symbol", symbol)).ConfigureAwait(false);
            return Read(BingXEndpoint.Symbols, () => ResponseReader.ReadSymbols(data));
        }

        public Task<BingXServerTime> SynchronizeClockAsync(CancellationToken cancellationToken) => _transport.SynchronizeClockAsync(cancellationToken);

        internal Task<JsonNode> SendAsync(BingXEndpoint endpoint, CancellationToken cancellationToken, params KeyValuePair<string, string>?[] parameters)
        {
            var list = new List<KeyValuePair<string, string>>(parameters.Length);
            foreach (KeyValuePair<string, string>? parameter in parameters)
            {
                if (parameter.HasValue)
                {
                    list.Add(parameter.Value);
                }
            }
            return _transport.SendAsync(endpoint, list, cancellationToken);
        }

        internal static KeyValuePair<string, string>? Param(string name, string? value) =>
            value == null ? (KeyValuePair<string, string>?)null : new KeyValuePair<string, string>(name, value);

        /// <summary>A body that parsed as JSON but not as the documented shape is an invalid response, not a crash.</summary>
        internal static T Read<T>(BingXEndpoint endpoint, Func<T> read)
        {
            try
            {
                return read();
            }
            catch (FormatException ex)
            {
                throw new BingXTransportException(BingXErrorIds.InvalidResponse, BingXErrorKind.InvalidResponse,
                    $"BingX's answer to {endpoint} does not have the documented shape: {ex.Message}", endpoint.Path, 200, ex);
            }
        }
    }
}
