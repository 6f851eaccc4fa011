using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Readiness.Data.Notifications;
using Readiness.Web.Hosting;

namespace Readiness.Web.Components.Pages.Admin;

/// <summary>
/// The admin's notification settings: escalation rules, webhooks (deleted after a confirmation), recipients' e-mail
/// addresses and failed deliveries to send again. The stores check who may change them and what is valid.
/// </summary>
public sealed partial class NotificationsPage : ComponentBase
{
    private Readiness.Data.Accounts.Actor _actor = null!;
    private IReadOnlyList<EscalationRule>? _rules;
    private readonly Dictionary<int, RuleEdit> _edits = [];
    private IReadOnlyList<Webhook>? _webhooks;
    private IReadOnlyList<NotificationRecipient>? _recipients;
    private readonly Dictionary<int, string?> _emails = [];
    private IReadOnlyList<DeadLetter>? _dead;
    private OutboxCounts? _counts;
    private DeadLetter? _mailFailure;
    private bool _showSecret;
    private string? _newName, _newUrl, _newSecret;
    private MudForm? _webhookForm;

    // A new number renders the form afresh, untouched: a cleared form does not greet the admin with "required".
    private int _webhookFormVersion;
    private string? _recipientSearch;
    private string? _message;
    private bool _isError;

    private sealed class RuleEdit
    {
        public bool IsEnabled { get; set; }
        public int AfterHours { get; set; }
        public int LocalHour { get; set; }
        public bool SendEmail { get; set; }
        public bool SendWebhook { get; set; }
    }

    private string? _loadError;

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentActor.GetAsync();
        await FirstLoadAsync();
    }

    // The first read, and a retry after it failed: a failure is said in words, never as the exception.
    private async Task FirstLoadAsync()
    {
        try
        {
            _loadError = null;
            await LoadAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not Readiness.Data.Shared.AccessDeniedException)
        {
            Logger.LogWarning(ex, "The notification settings could not be read");
            _loadError = L["PageState.Failed"];
        }
    }

    private async Task LoadAsync()
    {
        _rules = await Rules.ListAsync(_actor);
        foreach (var r in _rules)
        {
            _edits[r.Id] = new RuleEdit { IsEnabled = r.IsEnabled, AfterHours = r.AfterHours, LocalHour = r.LocalHour, SendEmail = r.SendEmail, SendWebhook = r.SendWebhook };
        }

        _webhooks = await Webhooks.ListAsync(_actor);
        _recipients = await Notifications.RecipientsAsync(_actor);
        foreach (var r in _recipients)
        {
            _emails[r.UserId] = r.Email;
        }

        _dead = await Outbox.DeadLettersAsync(_actor);
        _counts = await Outbox.CountsAsync(_actor);
        _mailFailure = await Outbox.LastMailFailureAsync(_actor);
    }

    private Task SaveRuleAsync(EscalationRule rule, RuleEdit edit) => RunAsync(async () =>
    {
        await Rules.UpdateAsync(_actor, rule with
        {
            IsEnabled = edit.IsEnabled, AfterHours = edit.AfterHours, LocalHour = edit.LocalHour, SendEmail = edit.SendEmail, SendWebhook = edit.SendWebhook,
        });
        return L["NotifyAdmin.RuleSaved", rule.Name];
    });

    private async Task AddWebhookAsync()
    {
        await _webhookForm!.ValidateAsync();
        if (!_webhookForm.IsValid)
        {
            return;
        }

        await RunAsync(async () =>
        {
            await Webhooks.AddAsync(_actor, _newName ?? "", _newUrl ?? "", _newSecret ?? "");
            var name = _newName;
            (_newName, _newUrl, _newSecret) = (null, null, null);
            return L["NotifyAdmin.WebhookAdded", name ?? ""];
        });
        if (!_isError)
        {
            _webhookFormVersion++;
        }
    }

    private Task SetWebhookAsync(Webhook hook, bool enabled) => RunAsync(async () =>
    {
        await Webhooks.SetEnabledAsync(_actor, hook.Id, enabled);
        return L[enabled ? "NotifyAdmin.WebhookOn" : "NotifyAdmin.WebhookOff", hook.Name];
    });

    private async Task DeleteWebhookAsync(Webhook hook)
    {
        if (!await ConfirmDialog.AskAsync(Dialogs, L["NotifyAdmin.DeleteConfirmTitle", hook.Name], L["NotifyAdmin.DeleteConfirm", hook.Name], L["NotifyAdmin.Delete"]))
        {
            return;
        }

        await RunAsync(async () =>
        {
            await Webhooks.DeleteAsync(_actor, hook.Id);
            return L["NotifyAdmin.WebhookDeleted", hook.Name];
        });
    }

    private bool MatchesRecipient(NotificationRecipient r) =>
        string.IsNullOrWhiteSpace(_recipientSearch)
        || new[] { r.UserName, r.DisplayName, r.Email }.Any(text => text?.Contains(_recipientSearch.Trim(), StringComparison.CurrentCultureIgnoreCase) == true);

    private Task SaveEmailAsync(NotificationRecipient r) => RunAsync(async () =>
    {
        await Notifications.SetEmailAsync(_actor, r.UserId, _emails.GetValueOrDefault(r.UserId));
        return L["NotifyAdmin.EmailSaved", r.UserName];
    });

    private Task RequeueAsync(DeadLetter d) => RunAsync(async () =>
    {
        await Outbox.RequeueAsync(_actor, d.Id);
        return L["NotifyAdmin.Requeued", d.Target];
    });

    private async Task RunAsync(Func<Task<string>> action)
    {
        try
        {
            _message = await action();
            _isError = false;
            await LoadAsync();
        }
        catch (Exception ex) when (L.ForUser(ex) is { } message)
        {
            (_message, _isError) = (message, true);
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Notification settings could not be saved");
            (_message, _isError) = (L["NotifyAdmin.Failed"], true);
        }
    }
}
