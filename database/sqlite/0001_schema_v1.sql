-- Schema v1: regions, agencies, elections and stages, checklist templates, items and their event log.
-- Timestamps are UTC text 'yyyy-MM-dd HH:mm:ss.fff'; dates are 'yyyy-MM-dd'.

CREATE TABLE Regions (
    Code        TEXT    NOT NULL PRIMARY KEY,          -- Kemendagri code: NN, NN.NN, NN.NN.NN
    ParentCode  TEXT    NULL REFERENCES Regions (Code),
    Level       INTEGER NOT NULL CHECK (Level IN (1, 2, 3)), -- 1 province, 2 regency/city, 3 kecamatan
    Name        TEXT    NOT NULL,
    TimeZone    TEXT    NOT NULL CHECK (TimeZone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'))
);
CREATE INDEX IX_Regions_ParentCode ON Regions (ParentCode);
CREATE INDEX IX_Regions_Level ON Regions (Level, Code);

CREATE TABLE Agencies (
    Code        TEXT    NOT NULL PRIMARY KEY,
    Name        TEXT    NOT NULL,
    SortOrder   INTEGER NOT NULL
);

CREATE TABLE Elections (
    Id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Code        TEXT    NOT NULL UNIQUE,
    Name        TEXT    NOT NULL,
    VotingDay   TEXT    NOT NULL,
    IsDemo      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE Stages (
    Id          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    ElectionId  INTEGER NOT NULL REFERENCES Elections (Id),
    Code        TEXT    NOT NULL,
    Name        TEXT    NOT NULL,
    SortOrder   INTEGER NOT NULL,
    StartDate   TEXT    NOT NULL,
    EndDate     TEXT    NOT NULL,
    CHECK (EndDate >= StartDate),
    UNIQUE (ElectionId, Code)
);

CREATE TABLE TemplateItems (
    Id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Code          TEXT    NOT NULL UNIQUE,
    AgencyCode    TEXT    NOT NULL REFERENCES Agencies (Code),
    StageCode     TEXT    NOT NULL,
    Level         INTEGER NOT NULL CHECK (Level IN (2, 3)),
    Criticality   TEXT    NOT NULL CHECK (Criticality IN ('kritis', 'penting', 'biasa')),
    DueOffsetDays INTEGER NOT NULL,                       -- days from the stage's last day
    Title         TEXT    NOT NULL
);

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
    Version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IX_ChecklistItems_Region ON ChecklistItems (ElectionId, RegionCode, AgencyCode, Status);
CREATE INDEX IX_ChecklistItems_Agency ON ChecklistItems (AgencyCode, RegionCode);
CREATE UNIQUE INDEX UX_ChecklistItems_Template ON ChecklistItems (ElectionId, RegionCode, TemplateItemId)
    WHERE TemplateItemId IS NOT NULL;

CREATE TABLE ItemEvents (
    Seq          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    ItemId       INTEGER NOT NULL REFERENCES ChecklistItems (Id),
    ElectionId   INTEGER NOT NULL,
    RegionCode   TEXT    NOT NULL,
    AgencyCode   TEXT    NOT NULL,
    StageId      INTEGER NOT NULL,
    StatusBefore TEXT    NULL,
    StatusAfter  TEXT    NOT NULL,
    Note         TEXT    NULL,
    Actor        TEXT    NOT NULL,
    AtUtc        TEXT    NOT NULL,
    ItemVersion  INTEGER NOT NULL,
    OperationId  TEXT    NOT NULL UNIQUE
);
CREATE INDEX IX_ItemEvents_Item ON ItemEvents (ItemId, Seq);
CREATE INDEX IX_ItemEvents_Region ON ItemEvents (RegionCode, Seq);
