-- The board's GROUP BY (region, agency, stage, status) and the red-flag reads answered from one covering index.
DROP INDEX IX_ChecklistItems_Region;
CREATE INDEX IX_ChecklistItems_Region ON ChecklistItems (ElectionId, RegionCode, AgencyCode, StageId, Status);
