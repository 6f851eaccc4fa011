-- Recurring items: a template may recur monthly or weekly inside its stage's window (the Desk Pilkada's monthly report
-- to the province). Each period is an item of its own with its own due date, so an unsent report is overdue like any
-- other item. PeriodKey names the period an item stands for (the first day of its calendar month or ISO week,
-- yyyy-MM-dd); '' for an item that does not recur. The key joins the template's unique key, so applying templates
-- again adds no period twice.
ALTER TABLE dbo.TemplateItems ADD
    Recurrence varchar(8) NULL CONSTRAINT CK_TemplateItems_Recurrence CHECK (Recurrence IN ('bulanan', 'mingguan'));

ALTER TABLE dbo.ChecklistItems ADD
    PeriodKey varchar(10) NOT NULL CONSTRAINT DF_ChecklistItems_PeriodKey DEFAULT '';
GO

DROP INDEX UX_ChecklistItems_Template ON dbo.ChecklistItems;
CREATE UNIQUE INDEX UX_ChecklistItems_Template ON dbo.ChecklistItems (ElectionId, RegionCode, TemplateItemId, PeriodKey)
    WHERE TemplateItemId IS NOT NULL;
GO
