-- ASN neutrality (netralitas ASN): the OPD register per regional government with its pledge (ikrar) and Satgas,
-- socialisation sessions, and cases from a Bawaslu finding or a public report to the PPK's sanction. Every change is
-- a row in NeutralityEvents (append-only; a wrong step is corrected by a later event). Every opening of a case's
-- personal data (name, NIP, position, account) is a row in NeutralityCaseViews.

CREATE TABLE NeutralityOffices (
    Id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    RegionCode    TEXT    NOT NULL REFERENCES Regions (Code),  -- the regional government: a province or a regency/city
    Name          TEXT    NOT NULL,
    PledgedOn     TEXT    NULL,                                -- local date of the ikrar netralitas
    SatgasOn      TEXT    NULL,                                -- local date the Satgas netralitas was formed
    SatgasDecree  TEXT    NULL,                                -- its decree number
    Version       INTEGER NOT NULL DEFAULT 1,
    UpdatedAtUtc  TEXT    NOT NULL,
    UpdatedBy     TEXT    NOT NULL,
    UNIQUE (RegionCode, Name)
);

CREATE TABLE NeutralitySessions (
    Id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    RegionCode    TEXT    NOT NULL REFERENCES Regions (Code),
    HeldOn        TEXT    NOT NULL,
    Audience      TEXT    NOT NULL,
    Participants  INTEGER NOT NULL CHECK (Participants >= 0),
    AgencyCode    TEXT    NOT NULL REFERENCES Agencies (Code),
    Note          TEXT    NULL,
    CreatedAtUtc  TEXT    NOT NULL,
    CreatedBy     TEXT    NOT NULL
);
CREATE INDEX IX_NeutralitySessions_Region ON NeutralitySessions (RegionCode);

CREATE TABLE NeutralityCases (
    Id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    RegionCode    TEXT    NOT NULL REFERENCES Regions (Code),  -- a regency/city or a kecamatan
    PersonName    TEXT    NOT NULL,
    Nip           TEXT    NOT NULL,
    Position      TEXT    NOT NULL,
    OfficeName    TEXT    NOT NULL,
    Kind          TEXT    NOT NULL,
    Source        TEXT    NOT NULL CHECK (Source IN ('temuan', 'laporan')),
    ReportedOn    TEXT    NOT NULL,
    Account       TEXT    NOT NULL,
    Step          TEXT    NOT NULL,
    StepAtUtc     TEXT    NOT NULL,
    PpkDeadline   TEXT    NULL,                                -- local date by which the PPK must impose the sanction
    Sanction      TEXT    NULL,
    Version       INTEGER NOT NULL DEFAULT 1,
    CreatedAtUtc  TEXT    NOT NULL,
    CreatedBy     TEXT    NOT NULL
);
CREATE INDEX IX_NeutralityCases_Region ON NeutralityCases (RegionCode, Step);

CREATE TABLE NeutralityEvents (
    Seq           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    RegionCode    TEXT    NOT NULL,
    Subject       TEXT    NOT NULL CHECK (Subject IN ('opd', 'sesi', 'kasus')),
    SubjectId     INTEGER NOT NULL,
    Action        TEXT    NOT NULL,
    StepBefore    TEXT    NULL,
    StepAfter     TEXT    NULL,
    Detail        TEXT    NULL,
    Actor         TEXT    NOT NULL,
    AtUtc         TEXT    NOT NULL,
    OperationId   TEXT    NULL UNIQUE
);
CREATE INDEX IX_NeutralityEvents_Subject ON NeutralityEvents (Subject, SubjectId);

CREATE TABLE NeutralityCaseViews (
    Id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    CaseId        INTEGER NOT NULL REFERENCES NeutralityCases (Id),
    Viewer        TEXT    NOT NULL,
    ViewerRole    TEXT    NOT NULL,
    Purpose       TEXT    NOT NULL,
    AtUtc         TEXT    NOT NULL
);
CREATE INDEX IX_NeutralityCaseViews_Case ON NeutralityCaseViews (CaseId);
