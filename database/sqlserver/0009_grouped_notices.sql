-- One notice per leader, rule, region and run instead of one per item: ItemCount says how many items the notice
-- holds (NULL for a notice of one item or a digest). Its items are the rule's escalations of the same run
-- (EscalatedAtUtc = the notice's CreatedAtUtc) in the notice's region.
ALTER TABLE dbo.Notifications ADD ItemCount int NULL;
GO
CREATE UNIQUE INDEX UX_Notifications_Group ON dbo.Notifications (UserId, RuleId, RegionCode, CreatedAtUtc) WHERE ItemCount IS NOT NULL;
GO
