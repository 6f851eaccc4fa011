-- Region codes in binary order. A subtree is read as the range [code, code + '/'), which holds exactly a region and
-- its descendants only if '.' sorts just below '/', that is in code-point order. Only a binary collation guarantees
-- that on SQL Server (the default *_CI_AS collations order punctuation by their own rules), so every column that holds
-- a region code takes Latin1_General_BIN2. A column under a key or an index cannot change its collation: the keys and
-- indexes on these columns are dropped first and recreated as they were, all in this one script's transaction.

-- Foreign keys that point at Regions.Code, then the indexes and primary keys over code columns.
ALTER TABLE dbo.Regions DROP CONSTRAINT FK_Regions_Parent;
ALTER TABLE dbo.ChecklistItems DROP CONSTRAINT FK_ChecklistItems_Region;
ALTER TABLE dbo.UserScopes DROP CONSTRAINT FK_UserScopes_Region;
ALTER TABLE dbo.ScreenTokens DROP CONSTRAINT FK_ScreenTokens_Region;
DROP INDEX IX_Regions_ParentCode ON dbo.Regions;
DROP INDEX IX_Regions_Level ON dbo.Regions;
DROP INDEX IX_ChecklistItems_Region ON dbo.ChecklistItems;
DROP INDEX IX_ChecklistItems_Agency ON dbo.ChecklistItems;
DROP INDEX UX_ChecklistItems_Template ON dbo.ChecklistItems;
DROP INDEX IX_ItemEvents_Region ON dbo.ItemEvents;
ALTER TABLE dbo.UserScopes DROP CONSTRAINT PK_UserScopes;
ALTER TABLE dbo.Regions DROP CONSTRAINT PK_Regions;

-- Same type and nullability as before; only the collation changes.
ALTER TABLE dbo.Regions ALTER COLUMN Code varchar(13) COLLATE Latin1_General_BIN2 NOT NULL;
ALTER TABLE dbo.Regions ALTER COLUMN ParentCode varchar(13) COLLATE Latin1_General_BIN2 NULL;
ALTER TABLE dbo.ChecklistItems ALTER COLUMN RegionCode varchar(13) COLLATE Latin1_General_BIN2 NOT NULL;
ALTER TABLE dbo.ItemEvents ALTER COLUMN RegionCode varchar(13) COLLATE Latin1_General_BIN2 NOT NULL;
ALTER TABLE dbo.UserScopes ALTER COLUMN RegionCode varchar(13) COLLATE Latin1_General_BIN2 NOT NULL;
ALTER TABLE dbo.ScreenTokens ALTER COLUMN RegionCode varchar(13) COLLATE Latin1_General_BIN2 NOT NULL;
ALTER TABLE dbo.Escalations ALTER COLUMN RegionCode varchar(13) COLLATE Latin1_General_BIN2 NOT NULL;
ALTER TABLE dbo.Notifications ALTER COLUMN RegionCode varchar(13) COLLATE Latin1_General_BIN2 NULL;

-- Keys and indexes back, as 0001, 0002 and 0004 made them.
ALTER TABLE dbo.Regions ADD CONSTRAINT PK_Regions PRIMARY KEY CLUSTERED (Code);
ALTER TABLE dbo.UserScopes ADD CONSTRAINT PK_UserScopes PRIMARY KEY CLUSTERED (UserId, RegionCode);
ALTER TABLE dbo.Regions ADD CONSTRAINT FK_Regions_Parent FOREIGN KEY (ParentCode) REFERENCES dbo.Regions (Code);
ALTER TABLE dbo.ChecklistItems ADD CONSTRAINT FK_ChecklistItems_Region FOREIGN KEY (RegionCode) REFERENCES dbo.Regions (Code);
ALTER TABLE dbo.UserScopes ADD CONSTRAINT FK_UserScopes_Region FOREIGN KEY (RegionCode) REFERENCES dbo.Regions (Code);
ALTER TABLE dbo.ScreenTokens ADD CONSTRAINT FK_ScreenTokens_Region FOREIGN KEY (RegionCode) REFERENCES dbo.Regions (Code);
CREATE INDEX IX_Regions_ParentCode ON dbo.Regions (ParentCode);
CREATE INDEX IX_Regions_Level ON dbo.Regions (Level, Code);
CREATE INDEX IX_ChecklistItems_Region ON dbo.ChecklistItems (ElectionId, RegionCode, AgencyCode, StageId, Status)
    INCLUDE (DueDate, Criticality);
CREATE INDEX IX_ChecklistItems_Agency ON dbo.ChecklistItems (AgencyCode, RegionCode);
CREATE UNIQUE INDEX UX_ChecklistItems_Template ON dbo.ChecklistItems (ElectionId, RegionCode, TemplateItemId)
    WHERE TemplateItemId IS NOT NULL;
CREATE INDEX IX_ItemEvents_Region ON dbo.ItemEvents (RegionCode, Seq);
GO

-- The view keeps the column metadata it was created with; refreshed, its RegionCode carries the new collation.
EXEC sp_refreshview N'dbo.RecipientScopes';
