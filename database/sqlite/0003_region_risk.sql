-- A regency's vulnerability (kerawanan), after Bawaslu's IKP: set by an admin or a leader in scope.
ALTER TABLE Regions ADD COLUMN RiskLevel TEXT NULL CHECK (RiskLevel IN ('rendah', 'sedang', 'tinggi'));
ALTER TABLE Regions ADD COLUMN RiskUpdatedBy TEXT NULL;
ALTER TABLE Regions ADD COLUMN RiskUpdatedAtUtc TEXT NULL;
CREATE INDEX IX_ChecklistItems_Due ON ChecklistItems (ElectionId, Status, DueDate);
