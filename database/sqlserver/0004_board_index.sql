-- The board's GROUP BY (region, agency, stage, status) and the red-flag reads answered from one covering index.
DROP INDEX IX_ChecklistItems_Region ON dbo.ChecklistItems;
CREATE INDEX IX_ChecklistItems_Region ON dbo.ChecklistItems (ElectionId, RegionCode, AgencyCode, StageId, Status)
    INCLUDE (DueDate, Criticality);
