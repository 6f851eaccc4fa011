-- A target of 0: a kecamatan whose figure says it has no TPS (or none of a class) gives the items that follow that
-- figure a target of 0, an item with nothing to cover, instead of no target at all or the old one left fixed. A liaison
-- still cannot enter a target below 1 (ItemNumbers.Validate); only a figure sets 0. SQLite cannot widen a CHECK in
-- place: the table is made anew with every row and id, as 0023a did for TemplateItems; the rows that refer to an item
-- (events, notices, evidence, links) find it again by the same id when the transaction commits (foreign keys are
-- checked at commit), and the id sequence goes on from where it was, so no id of a deleted item is given again.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE ChecklistItemsKept AS SELECT * FROM ChecklistItems;
CREATE TEMP TABLE ChecklistItemsSeq AS SELECT seq FROM sqlite_sequence WHERE name = 'ChecklistItems';
DROP TABLE ChecklistItems;

CREATE TABLE ChecklistItems (
    Id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    ElectionId     INTEGER NOT NULL REFERENCES Elections (Id),
    RegionCode     TEXT    NOT NULL REFERENCES Regions (Code),
    AgencyCode     TEXT    NOT NULL REFERENCES Agencies (Code),
    StageId        INTEGER NOT NULL REFERENCES Stages (Id),
    TemplateItemId INTEGER NULL REFERENCES TemplateItems (Id),
    Title          TEXT    NOT NULL,
    Criticality    TEXT    NOT NULL CHECK (Criticality IN ('kritis', 'penting', 'biasa')),
    DueDate        TEXT    NOT NULL,
    Status         TEXT    NOT NULL DEFAULT 'belum' CHECK (Status IN ('belum', 'proses', 'siap', 'kendala')),
    Note           TEXT    NULL,
    UpdatedAtUtc   TEXT    NOT NULL,
    UpdatedBy      TEXT    NULL,
    Version        INTEGER NOT NULL DEFAULT 1,
    Unit           TEXT    NULL,
    Done           INTEGER NULL CHECK (Done IS NULL OR Done BETWEEN 0 AND 100000),
    Target         INTEGER NULL CHECK (Target IS NULL OR Target BETWEEN 0 AND 100000),
    TargetFixed    INTEGER NOT NULL DEFAULT 0,
    AllowOver      INTEGER NOT NULL DEFAULT 0,
    Origin         TEXT    NULL CHECK (Origin IS NULL OR Origin IN ('arahan', 'permintaan')),
    SourceId       INTEGER NULL,
    PeriodKey      TEXT    NOT NULL DEFAULT ''
);
INSERT INTO ChecklistItems (Id, ElectionId, RegionCode, AgencyCode, StageId, TemplateItemId, Title, Criticality, DueDate, Status, Note,
                            UpdatedAtUtc, UpdatedBy, Version, Unit, Done, Target, TargetFixed, AllowOver, Origin, SourceId, PeriodKey)
SELECT Id, ElectionId, RegionCode, AgencyCode, StageId, TemplateItemId, Title, Criticality, DueDate, Status, Note,
       UpdatedAtUtc, UpdatedBy, Version, Unit, Done, Target, TargetFixed, AllowOver, Origin, SourceId, PeriodKey
FROM ChecklistItemsKept;
UPDATE sqlite_sequence SET seq = MAX(seq, (SELECT seq FROM ChecklistItemsSeq))
WHERE name = 'ChecklistItems' AND EXISTS (SELECT 1 FROM ChecklistItemsSeq);
INSERT INTO sqlite_sequence (name, seq)
SELECT 'ChecklistItems', seq FROM ChecklistItemsSeq
WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'ChecklistItems');
DROP TABLE ChecklistItemsKept;
DROP TABLE ChecklistItemsSeq;

CREATE INDEX IX_ChecklistItems_Agency ON ChecklistItems (AgencyCode, RegionCode);
CREATE INDEX IX_ChecklistItems_Due ON ChecklistItems (ElectionId, Status, DueDate);
CREATE INDEX IX_ChecklistItems_Region ON ChecklistItems (ElectionId, RegionCode, AgencyCode, StageId, Status);
CREATE INDEX IX_ChecklistItems_Origin ON ChecklistItems (Origin, SourceId);
CREATE UNIQUE INDEX UX_ChecklistItems_Template ON ChecklistItems (ElectionId, RegionCode, TemplateItemId, PeriodKey)
    WHERE TemplateItemId IS NOT NULL;
