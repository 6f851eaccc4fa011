using System.Security.Cryptography;
using Readiness.Data.Accounts;
using Readiness.Data.Shared;

namespace Readiness.Data.Checklists;

/// <summary>
/// Sets one status on several items as a liaison would one by one: each item goes through
/// <see cref="ChecklistStore.ChangeStatusAsync"/>, so each gets its own version check, its own scope check and its
/// own event, and a conflict or refusal on one item does not stop the others. Each item's operation id is derived
/// from the bulk request's id and the item's id, so a replayed request writes nothing twice.
/// </summary>
public sealed class BulkUpdate(ChecklistStore checklists)
{
    /// <summary>Most items one request may change.</summary>
    public const int MaxItems = 200;

    /// <summary>
    /// Applies <paramref name="change"/> item by item, in the order given. Throws <see cref="InputException"/> before
    /// anything is written when the list is empty or too long, or the status or note is invalid (the store checks
    /// input before anything else, and the same status and note go to every item).
    /// </summary>
    public async Task<IReadOnlyList<BulkOutcome>> SetStatusAsync(Actor actor, BulkStatusChange change, CancellationToken cancellationToken = default)
    {
        if (!ItemStatus.IsValid(change.Status))
        {
            throw new InputException(InputException.StatusInvalid);
        }

        if (change.Items.Count is 0 or > MaxItems)
        {
            throw new InputException(InputException.BulkSizeInvalid, MaxItems);
        }

        var outcomes = new List<BulkOutcome>(change.Items.Count);
        foreach (var item in change.Items.DistinctBy(i => i.ItemId))
        {
            var operation = ItemOperationId(change.OperationId, item.ItemId);
            try
            {
                var result = await checklists.ChangeStatusAsync(actor,
                    new StatusChange(item.ItemId, item.ExpectedVersion, change.Status, change.Note, operation), cancellationToken);
                outcomes.Add(new BulkOutcome(item.ItemId, result, null));
            }
            catch (AccessDeniedException ex)
            {
                outcomes.Add(new BulkOutcome(item.ItemId, null, ex.Reason));
            }
        }

        return outcomes;
    }

    /// <summary>A stable id per item of one bulk request (the first 16 bytes of SHA-256 over both ids).</summary>
    public static Guid ItemOperationId(Guid bulkOperationId, long itemId)
    {
        Span<byte> input = stackalloc byte[24];
        bulkOperationId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], itemId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return new Guid(hash[..16]);
    }
}
