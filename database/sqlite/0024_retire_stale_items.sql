-- Stale items of templates corrected after a database was seeded. The seeder corrects a template in place (same code,
-- same id) and items already made keep their own title, date and number, so an old database holds, beside the items of
-- the corrected templates:
--   * PEMDA-08, the Desk Pilkada's report to the province, as one item (PeriodKey '') while it now recurs monthly with
--     an item per month: the one-off item duplicates the month it falls in;
--   * PEMDA-05 as the combined "Ikrar netralitas ASN digelar dan Satgas Netralitas ASN dibentuk", while the pledge and
--     the Satgas are now two items (PEMDA-05 and PEMDA-22), each late on its own.
-- The way chosen keeps every history readable: only an item nobody touched changes. Untouched means still at its first
-- version, with no event but its creation, and nothing that refers to it (no evidence, alert, notice, incident or help
-- request). Such a one-off PEMDA-08 is deleted with its creation event: it records no work, and the monthly items
-- stand for it (applying the templates again adds any month still missing). Such a combined PEMDA-05 becomes the
-- pledge as the template now reads, keeping its id and creation event, so it is not made a second time. An item
-- someone worked on stays as it is, with its status, numbers and history: that work was reported and read, and
-- removing it (or a retired flag that every read, count and alert would have to learn) would rewrite what leaders saw.
-- The template facts are written here rather than read from TemplateItems: this script may run before the seeder has
-- corrected the templates of an old database.
CREATE TEMP TABLE UntouchedItems AS
SELECT i.Id, t.Code
FROM ChecklistItems i JOIN TemplateItems t ON t.Id = i.TemplateItemId
WHERE ((t.Code = 'PEMDA-08' AND i.PeriodKey = '')
       OR (t.Code = 'PEMDA-05' AND i.Title = 'Ikrar netralitas ASN digelar dan Satgas Netralitas ASN dibentuk'))
  AND i.Version = 1
  AND NOT EXISTS (SELECT 1 FROM ItemEvents e WHERE e.ItemId = i.Id AND e.StatusBefore IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM ItemEvidence v WHERE v.ItemId = i.Id)
  AND NOT EXISTS (SELECT 1 FROM Escalations x WHERE x.ItemId = i.Id)
  AND NOT EXISTS (SELECT 1 FROM Notifications n WHERE n.ItemId = i.Id)
  AND NOT EXISTS (SELECT 1 FROM IncidentItems l WHERE l.ItemId = i.Id)
  AND NOT EXISTS (SELECT 1 FROM IncidentEvents ie WHERE ie.ItemId = i.Id)
  AND NOT EXISTS (SELECT 1 FROM HelpRequests h WHERE h.FromItemId = i.Id OR h.ToItemId = i.Id);

DELETE FROM ItemEvents WHERE ItemId IN (SELECT Id FROM UntouchedItems WHERE Code = 'PEMDA-08');
DELETE FROM ChecklistItems WHERE Id IN (SELECT Id FROM UntouchedItems WHERE Code = 'PEMDA-08');

-- The pledge: due three days before candidate registration closes, counted per OPD.
UPDATE ChecklistItems
SET Title = 'Ikrar netralitas ASN digelar di setiap OPD',
    Criticality = 'kritis',
    StageId = (SELECT s.Id FROM Stages s WHERE s.ElectionId = ChecklistItems.ElectionId AND s.Code = 'PENDAFTARAN'),
    DueDate = (SELECT date(s.EndDate, '-3 days') FROM Stages s WHERE s.ElectionId = ChecklistItems.ElectionId AND s.Code = 'PENDAFTARAN'),
    Unit = 'OPD'
WHERE Id IN (SELECT Id FROM UntouchedItems WHERE Code = 'PEMDA-05')
  AND EXISTS (SELECT 1 FROM Stages s WHERE s.ElectionId = ChecklistItems.ElectionId AND s.Code = 'PENDAFTARAN');
UPDATE ItemEvents
SET StageId = (SELECT i.StageId FROM ChecklistItems i WHERE i.Id = ItemEvents.ItemId)
WHERE ItemId IN (SELECT Id FROM UntouchedItems WHERE Code = 'PEMDA-05');

DROP TABLE UntouchedItems;
