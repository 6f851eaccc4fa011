-- The security situation (Kamtibmas) beside readiness: the current estimate per region (kondusif, PG = potensi
-- gangguan, AG = ambang gangguan, GN = gangguan nyata) with its history, and the incident log (kejadian) with its
-- events and the checklist items an incident hurts. Nothing here is deleted: a correction is a later event.

-- One row per region: the level now, stamped with the stage it was set in (it carries over to the next stage until
-- someone changes it). Every change is also a row in SituationEvents, written in the same transaction.
CREATE TABLE SituationLevels (
    RegionCode   TEXT    NOT NULL PRIMARY KEY REFERENCES Regions (Code),
    Level        TEXT    NOT NULL CHECK (Level IN ('kondusif', 'pg', 'ag', 'gn')),
    Reason       TEXT    NOT NULL,
    StageId      INTEGER NULL REFERENCES Stages (Id),
    UpdatedBy    TEXT    NOT NULL,
    UpdatedAtUtc TEXT    NOT NULL,
    Version      INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE SituationEvents (
    Seq          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    RegionCode   TEXT    NOT NULL REFERENCES Regions (Code),
    StageId      INTEGER NULL,
    LevelBefore  TEXT    NULL,
    LevelAfter   TEXT    NOT NULL,
    Reason       TEXT    NOT NULL,
    Actor        TEXT    NOT NULL,
    AtUtc        TEXT    NOT NULL,
    OperationId  TEXT    NOT NULL UNIQUE
);
CREATE INDEX IX_SituationEvents_Region ON SituationEvents (RegionCode, Seq);

-- An incident: where (a kecamatan or regency code, and a village or TPS as free text), when (UTC), what, how bad,
-- who reported it and who handles it (agency codes joined by ','), and how far its handling is.
CREATE TABLE Incidents (
    Id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    RegionCode       TEXT    NOT NULL REFERENCES Regions (Code),
    StageId          INTEGER NULL REFERENCES Stages (Id),
    Place            TEXT    NOT NULL,
    OccurredAtUtc    TEXT    NOT NULL,
    Kind             TEXT    NOT NULL CHECK (Kind IN ('bentrok', 'demonstrasi', 'perusakan_apk', 'politik_uang', 'hoaks_sara',
                                                     'intimidasi', 'banjir_listrik', 'logistik', 'lainnya')),
    Severity         TEXT    NOT NULL CHECK (Severity IN ('ringan', 'sedang', 'berat')),
    Description      TEXT    NULL,
    ReportingAgency  TEXT    NOT NULL REFERENCES Agencies (Code),
    HandlingAgencies TEXT    NOT NULL DEFAULT '',
    Status           TEXT    NOT NULL DEFAULT 'dilaporkan' CHECK (Status IN ('dilaporkan', 'ditangani', 'selesai')),
    ClosingNote      TEXT    NULL,
    IsSignificant    INTEGER NOT NULL DEFAULT 0,
    SignificantBy    TEXT    NULL,
    SignificantAtUtc TEXT    NULL,
    ReportedBy       TEXT    NOT NULL,
    ReportedAtUtc    TEXT    NOT NULL,
    UpdatedBy        TEXT    NOT NULL,
    UpdatedAtUtc     TEXT    NOT NULL,
    Version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IX_Incidents_Region ON Incidents (RegionCode, OccurredAtUtc);
CREATE INDEX IX_Incidents_Open ON Incidents (Status, RegionCode);

-- Change: dicatat (recorded), diubah (details edited), status, penting (marked significant), tautan (item linked).
CREATE TABLE IncidentEvents (
    Seq             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    IncidentId      INTEGER NOT NULL REFERENCES Incidents (Id),
    RegionCode      TEXT    NOT NULL,
    Change          TEXT    NOT NULL CHECK (Change IN ('dicatat', 'diubah', 'status', 'penting', 'tautan')),
    StatusBefore    TEXT    NULL,
    StatusAfter     TEXT    NOT NULL,
    Note            TEXT    NULL,
    ItemId          INTEGER NULL,
    Actor           TEXT    NOT NULL,
    AtUtc           TEXT    NOT NULL,
    IncidentVersion INTEGER NOT NULL,
    OperationId     TEXT    NOT NULL UNIQUE
);
CREATE INDEX IX_IncidentEvents_Incident ON IncidentEvents (IncidentId, Seq);

-- The checklist items an incident hurts (ballots damaged -> the KPU logistics item); both pages point to each other.
CREATE TABLE IncidentItems (
    IncidentId  INTEGER NOT NULL REFERENCES Incidents (Id),
    ItemId      INTEGER NOT NULL REFERENCES ChecklistItems (Id),
    LinkedBy    TEXT    NOT NULL,
    LinkedAtUtc TEXT    NOT NULL,
    PRIMARY KEY (IncidentId, ItemId)
);
CREATE INDEX IX_IncidentItems_Item ON IncidentItems (ItemId);
