-- Coordination between agencies. A leader's instruction (arahan) from a visit or meeting and a request for help
-- (permintaan) between agencies are both checklist items of the agency that must act, so they follow the liaison's
-- whole flow; Origin and SourceId say where such an item came from (the visit, or the request). A request links the
-- asking item and the asked agency's item both ways. A readiness declaration (pernyataan siap) is appended per agency
-- per regency before a stage (TENANG: the quiet period, PEMUNGUTAN: voting day); the newest one counts, and it is void once a Kendala
-- status of that agency is set after it (computed when read, from ItemEvents). Every change is also a row in
-- CoordinationEvents.

ALTER TABLE ChecklistItems ADD COLUMN Origin TEXT NULL CHECK (Origin IS NULL OR Origin IN ('arahan', 'permintaan'));
ALTER TABLE ChecklistItems ADD COLUMN SourceId INTEGER NULL;
CREATE INDEX IX_ChecklistItems_Origin ON ChecklistItems (Origin, SourceId);

CREATE TABLE CoordinationVisits (
    Id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    ElectionId    INTEGER NOT NULL REFERENCES Elections (Id),
    RegionCode    TEXT    NOT NULL REFERENCES Regions (Code),
    Kind          TEXT    NOT NULL CHECK (Kind IN ('kunjungan', 'rapat')),
    HeldOn        TEXT    NOT NULL,
    Place         TEXT    NOT NULL,
    Attendees     TEXT    NOT NULL,
    Minutes       TEXT    NULL,
    RecordedBy    TEXT    NOT NULL,
    RecordedAtUtc TEXT    NOT NULL
);
CREATE INDEX IX_CoordinationVisits_Region ON CoordinationVisits (RegionCode, HeldOn);

CREATE TABLE HelpRequests (
    Id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    ElectionId     INTEGER NOT NULL REFERENCES Elections (Id),
    RegionCode     TEXT    NOT NULL REFERENCES Regions (Code),
    FromItemId     INTEGER NOT NULL REFERENCES ChecklistItems (Id),
    FromAgencyCode TEXT    NOT NULL REFERENCES Agencies (Code),
    ToAgencyCode   TEXT    NOT NULL REFERENCES Agencies (Code),
    ToItemId       INTEGER NULL REFERENCES ChecklistItems (Id),
    What           TEXT    NOT NULL,
    Quantity       INTEGER NULL CHECK (Quantity IS NULL OR Quantity BETWEEN 1 AND 100000),
    Unit           TEXT    NULL,
    State          TEXT    NOT NULL DEFAULT 'terbuka' CHECK (State IN ('terbuka', 'diterima', 'ditolak', 'dipenuhi')),
    Reason         TEXT    NULL,
    AskedBy        TEXT    NOT NULL,
    AskedAtUtc     TEXT    NOT NULL,
    AnsweredBy     TEXT    NULL,
    AnsweredAtUtc  TEXT    NULL,
    Version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IX_HelpRequests_Region ON HelpRequests (RegionCode, State);
CREATE INDEX IX_HelpRequests_FromItem ON HelpRequests (FromItemId);
CREATE INDEX IX_HelpRequests_ToItem ON HelpRequests (ToItemId);

CREATE TABLE ReadinessDeclarations (
    Id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    ElectionId    INTEGER NOT NULL REFERENCES Elections (Id),
    RegionCode    TEXT    NOT NULL REFERENCES Regions (Code),
    AgencyCode    TEXT    NOT NULL REFERENCES Agencies (Code),
    Moment        TEXT    NOT NULL CHECK (Moment IN ('TENANG', 'PEMUNGUTAN')),
    HeadName      TEXT    NOT NULL,
    HeadPosition  TEXT    NOT NULL,
    Exceptions    TEXT    NULL,
    RecordedBy    TEXT    NOT NULL,
    RecordedAtUtc TEXT    NOT NULL
);
CREATE INDEX IX_ReadinessDeclarations_Region ON ReadinessDeclarations (ElectionId, RegionCode, Moment, AgencyCode, Id);

CREATE TABLE CoordinationEvents (
    Seq         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Kind        TEXT    NOT NULL,
    SubjectId   INTEGER NOT NULL,
    RegionCode  TEXT    NOT NULL,
    AgencyCode  TEXT    NULL,
    Detail      TEXT    NULL,
    Actor       TEXT    NOT NULL,
    AtUtc       TEXT    NOT NULL,
    OperationId TEXT    NOT NULL UNIQUE
);
CREATE INDEX IX_CoordinationEvents_Subject ON CoordinationEvents (Kind, SubjectId, Seq);
CREATE INDEX IX_CoordinationEvents_Region ON CoordinationEvents (RegionCode, Seq);
