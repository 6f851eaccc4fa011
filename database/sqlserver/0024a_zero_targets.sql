-- A target of 0: a kecamatan whose figure says it has no TPS (or none of a class) gives the items that follow that
-- figure a target of 0, an item with nothing to cover, instead of no target at all or the old one left fixed. A liaison
-- still cannot enter a target below 1 (ItemNumbers.Validate); only a figure sets 0.
ALTER TABLE dbo.ChecklistItems DROP CONSTRAINT CK_ChecklistItems_Target;
ALTER TABLE dbo.ChecklistItems ADD CONSTRAINT CK_ChecklistItems_Target CHECK (Target IS NULL OR Target BETWEEN 0 AND 100000);
GO
