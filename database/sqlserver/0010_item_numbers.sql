-- Numbers on items: a template may give its items a unit ("TPS", "OPD", "personel") and a target; an item keeps how
-- many are done, and each event keeps the number before and after, so the history reads "7 -> 9 dari 14 OPD".
-- Target NULL with a unit: the liaison enters the target on the item (TargetFixed 0). AllowOver 1: done may exceed
-- the target (meetings held, patrols run).

ALTER TABLE dbo.TemplateItems ADD
    Unit      nvarchar(32) NULL,
    Target    int          NULL CONSTRAINT CK_TemplateItems_Target CHECK (Target IS NULL OR Target BETWEEN 1 AND 100000),
    AllowOver bit          NOT NULL CONSTRAINT DF_TemplateItems_AllowOver DEFAULT 0;

ALTER TABLE dbo.ChecklistItems ADD
    Unit        nvarchar(32) NULL,
    Done        int          NULL CONSTRAINT CK_ChecklistItems_Done CHECK (Done IS NULL OR Done BETWEEN 0 AND 100000),
    Target      int          NULL CONSTRAINT CK_ChecklistItems_Target CHECK (Target IS NULL OR Target BETWEEN 1 AND 100000),
    TargetFixed bit          NOT NULL CONSTRAINT DF_ChecklistItems_TargetFixed DEFAULT 0,
    AllowOver   bit          NOT NULL CONSTRAINT DF_ChecklistItems_AllowOver DEFAULT 0;

ALTER TABLE dbo.ItemEvents ADD
    DoneBefore int NULL,
    DoneAfter  int NULL,
    Target     int NULL;
