using Microsoft.Extensions.Localization;
using Readiness.Data.Shared;
using Readiness.Web.Resources;

namespace Readiness.Web.Hosting;

/// <summary>
/// Every route with a <c>{code}</c> value (pages, CSV and xlsx exports, the JSON API) gets a 400 for anything that is
/// not a region code, in one place, before a page or an endpoint sees it.
/// </summary>
internal static class RegionCodeCheck
{
    public const string RouteValue = "code";

    public static IApplicationBuilder UseRegionCodeCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Route values are matched case-insensitively: {Code} on pages and {code} on endpoints alike.
            if (context.Request.RouteValues.TryGetValue(RouteValue, out var value) && value is string code && !RegionCode.IsValid(code))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                if (ApiProblem.IsApiRequest(context.Request))
                {
                    await ApiProblem.WriteAsync(context, StatusCodes.Status400BadRequest, ApiProblem.MalformedRegion);
                    return;
                }

                var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(l["Input.RegionMalformed"].Value, context.RequestAborted);
                return;
            }

            await next();
        });
}
