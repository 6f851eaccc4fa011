using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Readiness.Web.Tests.Notifications;

/// <summary>
/// A real SMTP server on a loopback port: Python's aiosmtpd from Debian's python3-aiosmtpd, storing each message in
/// a Maildir the test reads back with MimeKit.
/// </summary>
public sealed class SmtpReceiver : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private SmtpReceiver(Process process, string directory, int port) => (_process, _directory, Port) = (process, directory, port);

    public int Port { get; }

    public static async Task<SmtpReceiver> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "readiness-smtp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(directory, "Maildir")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var receiver = new SmtpReceiver(process, directory, port);
        // Ready when it accepts a connection.
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return receiver;
            }
            catch (SocketException) when (DateTime.UtcNow < until && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "no answer in 30 s";
                receiver.Dispose();
                throw new InvalidOperationException($"aiosmtpd (python3-aiosmtpd) is not serving: {error}");
            }
        }
    }

    /// <summary>The messages received so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(_directory, "Maildir", "new");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).Order().Select(file => MimeMessage.Load(file)).ToList()
            : [];
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (Messages() is var messages && messages.Count < count)
        {
            Assert.True(DateTime.UtcNow < until, $"{messages.Count} of {count} e-mails arrived in 30 s.");
            await Task.Delay(100);
        }

        return Messages();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
