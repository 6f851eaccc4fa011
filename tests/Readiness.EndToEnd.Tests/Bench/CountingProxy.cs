using System.Net;
using System.Net.Sockets;

namespace Readiness.EndToEnd.Tests.Bench;

/// <summary>
/// A loopback TCP relay between the browser and the app that counts the bytes the app sends, as they go over the
/// wire: HTTP bodies as compressed, WebSocket frames as deflated. The browser's own tools only see a WebSocket
/// message after it is inflated, which overstates what a phone on a weak link receives.
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private long _fromServer;

    /// <summary>Starts relaying connections on a free loopback port to the app on <paramref name="targetPort"/>.</summary>
    public CountingProxy(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The address the browser uses instead of the app's.</summary>
    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Bytes the app has sent through the relay since the last <see cref="Reset"/>.</summary>
    public long BytesFromServer => Interlocked.Read(ref _fromServer);

    /// <summary>Starts counting from zero.</summary>
    public void Reset() => Interlocked.Exchange(ref _fromServer, 0);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                var toServer = PumpAsync(client.GetStream(), server.GetStream(), count: false);
                var toClient = PumpAsync(server.GetStream(), client.GetStream(), count: true);
                await Task.WhenAny(toServer, toClient);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // A closed tab or a stopped app ends the relay of that connection.
            }
        }
    }

    private async Task PumpAsync(Stream from, Stream to, bool count)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (count)
                {
                    Interlocked.Add(ref _fromServer, read);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side closed.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
