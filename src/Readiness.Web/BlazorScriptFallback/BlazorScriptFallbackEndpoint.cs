using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Readiness.Web.BlazorScriptFallback;

/// <summary>
/// Stands in for the missing Microsoft.AspNetCore.App.Internal.Assets package (see BlazorScriptFallback.targets):
/// serves <c>_framework/blazor.web.js</c> from the resource embedded in the ASP.NET Core 9.0 runtime pack's
/// Components.Endpoints assembly. The assembly is read as metadata only, never loaded.
/// </summary>
internal static class BlazorScriptFallbackEndpoint
{
    public const string ScriptPath = "/_framework/blazor.web.js";
    private const string ResourceName = "_framework/blazor.web.js";
    private const string FolderName = "blazor-script-fallback";

    public static IEndpointConventionBuilder MapBlazorScriptFallback(this IEndpointRouteBuilder endpoints)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, FolderName);
        var source = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.bin").SingleOrDefault() : null;
        if (source is null)
        {
            throw new InvalidOperationException(
                $"The Blazor script fallback is switched on but {folder} holds no runtime-pack assembly. " +
                "Build the app again, or build with -p:UseBlazorScriptFallback=false where the full registry is served.");
        }

        var script = ReadEmbeddedResource(source, ResourceName);
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexString(SHA256.HashData(script))[..16] + "\"");

        return endpoints.MapGet(ScriptPath, (HttpContext context) =>
        {
            var headers = context.Response.GetTypedHeaders();
            headers.ETag = etag;
            headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
            if (ifNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(script, "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();
    }

    internal static byte[] ReadEmbeddedResource(string assemblyPath, string resourceName)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var corHeader = pe.PEHeaders.CorHeader
            ?? throw new InvalidOperationException($"{assemblyPath} is not a .NET assembly.");

        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || metadata.GetString(resource.Name) != resourceName)
            {
                continue;
            }

            // Embedded resources sit in the CLI resources directory, each prefixed by its length (4 bytes, little-endian).
            var block = pe.GetSectionData(corHeader.ResourcesDirectory.RelativeVirtualAddress + (int)resource.Offset);
            var reader = block.GetReader();
            var length = reader.ReadInt32();
            return reader.ReadBytes(length);
        }

        throw new InvalidOperationException($"{assemblyPath} has no embedded resource {resourceName}.");
    }
}
