using Readiness.Data;
using Readiness.Web;
using Readiness.Web.Accounts;
using Readiness.Web.Api;
using Readiness.Web.Components;
using Readiness.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddReadinessData(builder.Configuration);
builder.AddReadinessWeb();

var app = builder.Build();

if (args.Contains("migrate"))
{
    return await app.RunMigrateCommandAsync();
}

if (args is ["backup", var backupPath, ..])
{
    return await app.RunBackupCommandAsync(backupPath);
}

await app.InitializeDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReadinessOptions>>().Value.TrustForwardedHeaders)
{
    app.UseForwardedHeaders();
}

app.UseSecurityHeaders();
app.UseReadinessCompression();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseApiResponses();
app.UseRequestLocalization();
app.UseRegionCodeCheck();
app.UseAuthentication();
app.UseAuthorization();
app.UseHubGate();
app.UseRateLimiter();
app.UseAntiforgery();
app.UseStaleFormPage();

app.MapHealthChecks("/healthz");
app.MapReadinessMetrics();
app.MapCultureSwitch();
app.MapAccountEndpoints();
app.MapExportEndpoints();
app.MapNeutralityExport();
app.MapIncidentExport();
app.MapSituationApi();
app.MapApiEndpoints();
app.MapItemWriteEndpoints();
app.MapFigureWriteEndpoints();
app.MapEvidenceEndpoints();
app.MapPushEndpoints();
app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization();
app.MapHub<ReadinessHub>(ReadinessHub.Path);
app.MapStaticAssets();
app.MapRazorComponents<App>()
    // The policy in SecurityHeaders already says frame-ancestors; the framework's own would make it two headers.
    .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);

await app.RunAsync();
return 0;

/// <summary>Entry point; public so test hosts can start the app.</summary>
public partial class Program;
