-- Numbers on items: a template may give its items a unit ("TPS", "OPD", "personel") and a target; an item keeps how
-- many are done, and each event keeps the number before and after, so the history reads "7 -> 9 dari 14 OPD".
-- Target NULL with a unit: the liaison enters the target on the item (TargetFixed 0). AllowOver 1: done may exceed
-- the target (meetings held, patrols run).

ALTER TABLE TemplateItems ADD COLUMN Unit TEXT NULL;
ALTER TABLE TemplateItems ADD COLUMN Target INTEGER NULL CHECK (Target IS NULL OR Target BETWEEN 1 AND 100000);
ALTER TABLE TemplateItems ADD COLUMN AllowOver INTEGER NOT NULL DEFAULT 0;

ALTER TABLE ChecklistItems ADD COLUMN Unit TEXT NULL;
ALTER TABLE ChecklistItems ADD COLUMN Done INTEGER NULL CHECK (Done IS NULL OR Done BETWEEN 0 AND 100000);
ALTER TABLE ChecklistItems ADD COLUMN Target INTEGER NULL CHECK (Target IS NULL OR Target BETWEEN 1 AND 100000);
ALTER TABLE ChecklistItems ADD COLUMN TargetFixed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ChecklistItems ADD COLUMN AllowOver INTEGER NOT NULL DEFAULT 0;

ALTER TABLE ItemEvents ADD COLUMN DoneBefore INTEGER NULL;
ALTER TABLE ItemEvents ADD COLUMN DoneAfter INTEGER NULL;
ALTER TABLE ItemEvents ADD COLUMN Target INTEGER NULL;
