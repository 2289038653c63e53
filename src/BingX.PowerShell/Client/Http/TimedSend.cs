using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using static BingX.PowerShell.Client.FailureWording;

namespace BingX.PowerShell.Client.Http;

/// <summary>The sending stage: one attempt under the per-request timeout, its failures as BingX transport failures.</summary>
internal static class TimedSend
{
    public static async Task<HttpAnswer> SendAsync(IHttpSender sender, HttpRequestMessage request, BingXEndpoint endpoint, BingXClientOptions options, CancellationToken cancellationToken)
    {
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(options.Timeout);
            try
            {
                return await sender.SendAsync(request, endpoint, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                throw new BingXTransportException(BingXErrorIds.Timeout, BingXErrorKind.Timeout,
                    Invariant($"BingX did not answer {endpoint} within {options.Timeout.TotalSeconds:0.###} s.{OutcomeHint(endpoint)} Use -TimeoutSec to wait longer."),
                    endpoint.Path, null, ex)
                { OutcomeUnknown = endpoint.Method == HttpMethod.Post };
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is SocketException)
            {
                // A connection that was never made sent nothing: only a later failure leaves a write in doubt.
                bool connected = !IsConnectFailure(ex);
                throw new BingXTransportException(BingXErrorIds.NetworkError, BingXErrorKind.Network,
                    $"The request {endpoint} to {options.BaseUri.GetLeftPart(UriPartial.Authority)} failed: {Describe(ex)}.{(connected ? OutcomeHint(endpoint) : " Nothing was sent.")}",
                    endpoint.Path, null, ex)
                { OutcomeUnknown = endpoint.Method == HttpMethod.Post && connected };
            }
        }
    }

    /// <summary>The connection could not be made: nothing was sent.</summary>
    internal static bool IsConnectFailure(Exception ex)
    {
        for (Exception? e = ex; e != null; e = e.InnerException)
        {
            if (e is SocketException socket
                && (socket.SocketErrorCode == SocketError.ConnectionRefused
                    || socket.SocketErrorCode == SocketError.HostNotFound
                    || socket.SocketErrorCode == SocketError.HostUnreachable
                    || socket.SocketErrorCode == SocketError.TryAgain
                    || socket.SocketErrorCode == SocketError.NoData
                    || socket.SocketErrorCode == SocketError.NetworkUnreachable))
            {
                return true;
            }
        }
        return false;
    }
}
