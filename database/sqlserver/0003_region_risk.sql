-- A regency's vulnerability (kerawanan), after Bawaslu's IKP: set by an admin or a leader in scope.
ALTER TABLE dbo.Regions ADD
    RiskLevel varchar(8) NULL CONSTRAINT CK_Regions_RiskLevel CHECK (RiskLevel IN ('rendah', 'sedang', 'tinggi')),
    RiskUpdatedBy nvarchar(64) NULL,
    RiskUpdatedAtUtc datetime2(3) NULL;
CREATE INDEX IX_ChecklistItems_Due ON dbo.ChecklistItems (ElectionId, Status, DueDate);
