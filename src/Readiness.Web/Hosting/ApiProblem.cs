namespace Readiness.Web.Hosting;

/// <summary>
/// How the JSON API and the hub answer a refusal: a status and a short <c>application/problem+json</c> body, never a
/// redirect to an HTML page (a program cannot sign in on a form).
/// </summary>
internal static class ApiProblem
{
    /// <summary>Whether the request is for the JSON API (<c>/api/...</c>) or the hub (<c>/hubs/...</c>, negotiate included).</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);

    /// <summary>Writes the problem unless a response has already begun.</summary>
    public static Task WriteAsync(HttpContext context, int status, string title)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.Headers.Location = default;
        return Results.Problem(title: title, statusCode: status).ExecuteAsync(context);
    }

    public const string Unauthorized = "Masuk dulu atau kirim token layar yang berlaku. / Sign in or send a valid screen token.";
    public const string Forbidden = "Tidak diizinkan. / Not allowed.";
    public const string MalformedRegion = "Kode wilayah tidak sah. / Malformed region code.";
}
