<#
    A loopback TCP proxy between the module and the simulator that can lose answers below HTTP: it forwards a request
    to the simulator, lets it be carried out and read the whole answer, then closes the client's connection (a plain
    FIN) without passing the answer on. Everything else is forwarded unchanged, keep-alive on both sides. It shows
    what the client's HTTP stack does when a connection ends after the exchange acted, with no simulator fault.
#>

Set-StrictMode -Version Latest

if (-not ('BingXTests.AnswerDroppingProxy' -as [type])) {
    Add-Type -TypeDefinition @'
using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace BingXTests
{
    public sealed class AnswerDroppingProxy : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly string _targetHost;
        private readonly int _targetPort;
        private readonly string _dropPrefix;
        private int _dropsLeft;
        private int _dropped;

        public AnswerDroppingProxy(string targetHost, int targetPort, string dropRequestLinePrefix, int drops)
        {
            _targetHost = targetHost;
            _targetPort = targetPort;
            _dropPrefix = dropRequestLinePrefix;
            _dropsLeft = drops;
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptLoopAsync();
        }

        public int Port { get; }

        /// <summary>Answers read from the simulator and not passed on.</summary>
        public int Dropped => Volatile.Read(ref _dropped);

        /// <summary>Every request line forwarded, with the client connection's number: "3 POST /openApi/...".</summary>
        public ConcurrentQueue<string> Forwarded { get; } = new ConcurrentQueue<string>();

        public int Connections => Volatile.Read(ref _connections);

        private int _connections;

        private async Task AcceptLoopAsync()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false); }
                catch { return; }
                int number = Interlocked.Increment(ref _connections);
                _ = ServeAsync(client, number);
            }
        }

        private async Task ServeAsync(TcpClient client, int number)
        {
            using (client)
            using (var upstream = new TcpClient())
            {
                try
                {
                    await upstream.ConnectAsync(_targetHost, _targetPort).ConfigureAwait(false);
                    NetworkStream fromClient = client.GetStream();
                    NetworkStream toServer = upstream.GetStream();
                    while (true)
                    {
                        byte[] request = await ReadMessageAsync(fromClient).ConfigureAwait(false);
                        if (request == null) { return; }
                        string line = Encoding.ASCII.GetString(request, 0, Array.IndexOf(request, (byte)'\r'));
                        Forwarded.Enqueue(number.ToString(CultureInfo.InvariantCulture) + " " + line);
                        await toServer.WriteAsync(request, 0, request.Length).ConfigureAwait(false);
                        byte[] answer = await ReadMessageAsync(toServer).ConfigureAwait(false);
                        if (answer == null) { return; }
                        if (line.StartsWith(_dropPrefix, StringComparison.Ordinal) && Interlocked.Decrement(ref _dropsLeft) >= 0)
                        {
                            Interlocked.Increment(ref _dropped);
                            client.Client.Shutdown(SocketShutdown.Send);
                            return;
                        }
                        await fromClient.WriteAsync(answer, 0, answer.Length).ConfigureAwait(false);
                    }
                }
                catch (Exception)
                {
                    // A connection the client or the server closed: nothing to forward any more.
                }
            }
        }

        /// <summary>One HTTP/1.1 message: the head, then Content-Length bytes of body (no pipelining, no chunks).</summary>
        private static async Task<byte[]> ReadMessageAsync(NetworkStream stream)
        {
            var data = new System.Collections.Generic.List<byte>();
            var buffer = new byte[16384];
            int headEnd = -1;
            while (headEnd < 0)
            {
                int read = await stream.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
                if (read <= 0) { return null; }
                for (int i = 0; i < read; i++) { data.Add(buffer[i]); }
                headEnd = IndexOfHeadEnd(data);
            }
            string head = Encoding.ASCII.GetString(data.ToArray(), 0, headEnd);
            int length = 0;
            foreach (string header in head.Split(new[] { "\r\n" }, StringSplitOptions.None))
            {
                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(header.Substring(15).Trim(), CultureInfo.InvariantCulture);
                }
            }
            int total = headEnd + 4 + length;
            while (data.Count < total)
            {
                int read = await stream.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false);
                if (read <= 0) { return null; }
                for (int i = 0; i < read; i++) { data.Add(buffer[i]); }
            }
            return data.ToArray();
        }

        private static int IndexOfHeadEnd(System.Collections.Generic.List<byte> data)
        {
            for (int i = 0; i + 3 < data.Count; i++)
            {
                if (data[i] == '\r' && data[i + 1] == '\n' && data[i + 2] == '\r' && data[i + 3] == '\n') { return i; }
            }
            return -1;
        }

        public void Dispose() => _listener.Stop();
    }
}
'@
}

function Start-AnswerDroppingProxy {
    <#
    .SYNOPSIS
        Starts the proxy in front of -Target (the simulator's base URI). The answers to the first -Count requests whose
        request line starts with -DropRequestLine (e.g. 'POST /openApi/spot/v1/trade/order') are read and not passed on.
    .OUTPUTS
        [pscustomobject] @{ BaseUri; Proxy } (Proxy.Dropped, Proxy.Forwarded, Proxy.Connections).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [uri] $Target,
        [Parameter(Mandatory)] [string] $DropRequestLine,
        [int] $Count = 1
    )
    $proxy = [BingXTests.AnswerDroppingProxy]::new($Target.Host, $Target.Port, $DropRequestLine, $Count)
    return [pscustomobject] @{ BaseUri = [uri] "http://127.0.0.1:$($proxy.Port)"; Proxy = $proxy }
}

function Stop-AnswerDroppingProxy {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [AllowNull()] $Proxy)
    if ($null -ne $Proxy) { $Proxy.Proxy.Dispose() }
}

Export-ModuleMember -Function Start-AnswerDroppingProxy, Stop-AnswerDroppingProxy
