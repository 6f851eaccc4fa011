using Microsoft.Playwright;

namespace Readiness.EndToEnd.Tests.Hosting;

/// <summary>Photos as a phone's camera hands them over: real PNGs drawn by the browser's own canvas.</summary>
public static class CameraPhoto
{
    /// <summary>A <paramref name="width"/> x <paramref name="height"/> PNG named <paramref name="name"/>, drawn in <paramref name="page"/>.</summary>
    public static async Task<FilePayload> PngAsync(IPage page, string name, int width = 1200, int height = 900) => new()
    {
        Name = name,
        MimeType = "image/png",
        Buffer = Convert.FromBase64String(await page.EvaluateAsync<string>("""
            ([width, height]) => {
                const canvas = document.createElement("canvas");
                canvas.width = width; canvas.height = height;
                const c = canvas.getContext("2d");
                c.fillStyle = "#2e7d32"; c.fillRect(0, 0, width, height);
                c.fillStyle = "#c62828"; c.fillRect(width / 4, height / 4, width / 2, height / 2);
                return canvas.toDataURL("image/png").split(",")[1];
            }
            """, new[] { width, height })),
    };
}
