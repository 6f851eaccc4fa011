-- Province templates: the governor's election (Pilgub) is held on the same day as the regencies' and has its own
-- readiness at province level (Pemprov/Kesbangpol Provinsi, KPU and Bawaslu Provinsi, Polda, Korem/Kodam), so a
-- template may be of level 1 (the province itself). SQLite cannot widen a CHECK in place: the table is made anew
-- under its own name with every row and id, as 0012 did; the items that refer to a template find it again by the same
-- id when the transaction commits (foreign keys are checked at commit).
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE TemplateItemsKept AS SELECT * FROM TemplateItems;
DROP TABLE TemplateItems;

CREATE TABLE TemplateItems (
    Id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Code          TEXT    NOT NULL UNIQUE,
    AgencyCode    TEXT    NOT NULL REFERENCES Agencies (Code),
    StageCode     TEXT    NOT NULL,
    Level         INTEGER NOT NULL CHECK (Level IN (1, 2, 3)),
    Criticality   TEXT    NOT NULL CHECK (Criticality IN ('kritis', 'penting', 'biasa')),
    DueOffsetDays INTEGER NOT NULL,                       -- days from the stage's last day (a period's, when it recurs)
    Title         TEXT    NOT NULL,
    Unit          TEXT    NULL,
    Target        INTEGER NULL CHECK (Target IS NULL OR Target BETWEEN 1 AND 100000),
    AllowOver     INTEGER NOT NULL DEFAULT 0,
    Recurrence    TEXT    NULL CHECK (Recurrence IN ('bulanan', 'mingguan')),
    TargetFrom    TEXT    NULL CHECK (TargetFrom IS NULL OR TargetFrom IN ('tps', 'tps_rawan', 'tps_sangat_rawan')),
    TargetPer     INTEGER NOT NULL DEFAULT 1 CHECK (TargetPer BETWEEN 1 AND 100)
);
INSERT INTO TemplateItems (Id, Code, AgencyCode, StageCode, Level, Criticality, DueOffsetDays, Title, Unit, Target, AllowOver, Recurrence,
                           TargetFrom, TargetPer)
SELECT Id, Code, AgencyCode, StageCode, Level, Criticality, DueOffsetDays, Title, Unit, Target, AllowOver, Recurrence,
       TargetFrom, TargetPer
FROM TemplateItemsKept;
DROP TABLE TemplateItemsKept;
