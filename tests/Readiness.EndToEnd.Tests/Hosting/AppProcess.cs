using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Readiness.EndToEnd.Tests.Hosting;

/// <summary>
/// The real app (its own build output) started as a separate process on a free loopback port with its own data
/// folder, so a test can stop it and start it again on the same port, as an operator's restart would.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public AppProcess(string? dataDirectory = null, int? port = null)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "readiness-e2e", Guid.NewGuid().ToString("N"));
        Port = port ?? FreePort();
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/");

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Starts the app and waits until it answers <paramref name="readyStatus"/> on /healthz.</summary>
    public async Task StartAsync(IDictionary<string, string>? settings = null, HttpStatusCode readyStatus = HttpStatusCode.OK)
    {
        var start = StartInfo(settings);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        // A first start seeds the nation's regions and the demo election: seconds on an idle machine, but minutes on a
        // shared one under heavy load. The wait is for a condition; a long deadline only matters when it fails.
        var deadline = DateTime.UtcNow.Add(StartTimeout);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Log}");
            }

            try
            {
                var response = await http.GetAsync("healthz");
                if (response.StatusCode == readyStatus)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        await StopAsync(); // a start that timed out must not leave a server running on the machine
        throw new TimeoutException($"The app did not answer {readyStatus} on /healthz within {StartTimeout.TotalSeconds} s:\n{Log}");
    }

    /// <summary>Runs the app's <c>migrate</c> command against this data folder; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunMigrateCommandAsync()
    {
        var start = StartInfo(null);
        start.ArgumentList.Add("migrate");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    /// <summary>
    /// A folder made by <c>dotnet publish -c Release</c> of the web project (bench/run.sh sets it for the browser
    /// drivers): the app then runs as it is deployed, in Production with the demo data switched on, so its static
    /// assets are served fingerprinted, cached for good and pre-compressed. Unset, the build output runs in Development.
    /// </summary>
    public static string? PublishedFolder { get; } = Environment.GetEnvironmentVariable("READINESS_APP_PUBLISHED") is { Length: > 0 } folder
        ? Path.GetFullPath(folder, RepositoryRoot)
        : null;

    private ProcessStartInfo StartInfo(IDictionary<string, string>? settings)
    {
        var webProject = Path.Combine(RepositoryRoot, "src", "Readiness.Web");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        var dll = PublishedFolder is { } published
            ? Path.Combine(published, "Readiness.Web.dll")
            : Path.Combine(webProject, "bin", configuration, "net10.0", "Readiness.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the app first: {dll} is missing.", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = PublishedFolder ?? webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        if (PublishedFolder is null)
        {
            // Development serves the static assets from the project folder; the pipeline is otherwise the same.
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        }
        else
        {
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Readiness__Demo"] = "true";
        }

        start.Environment["Database__DataDirectory"] = DataDirectory;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>
    /// Asks the app to stop as a service manager does (SIGTERM) and waits until it has exited, killing it after
    /// <paramref name="patience"/>; returns true when it exited by itself.
    /// </summary>
    public async Task<bool> TerminateAsync(TimeSpan patience)
    {
        if (_process is not { HasExited: false } process)
        {
            return true;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        finally
        {
            await StopAsync();
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A free loopback port never handed to another app of this run: collections run side by side, and an app
    /// stopped for an outage must find its port free when it starts again on it.
    /// </summary>
    private static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Readiness.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Readiness.sln not found above the test folder.");
    }
}
