using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Readiness.Web.Tests.Notifications;

/// <summary>
/// A receiver that accepts connections on a loopback port and never answers: what a hung gateway looks like to the
/// sender. Counts the connections it holds.
/// </summary>
public sealed class SilentReceiver : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();

    public SilentReceiver()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/kait";

    /// <summary>Connections accepted so far (each is a post that will never get an answer).</summary>
    public int Connections => _held.Count;

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                _held.Add(await _listener.AcceptTcpClientAsync(_stop.Token));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _held)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }
}
