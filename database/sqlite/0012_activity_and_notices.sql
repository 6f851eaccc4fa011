-- Region activity: one row per change to what the region's panels show beyond checklist items (neutrality cases,
-- the Kamtibmas level, incidents, coordination), written in the same transaction as the change. It carries no
-- personal data, only where and what kind, so every screen and the hub may receive it; the live feed reads it after
-- the item events and each screen reloads the panel of that kind.
CREATE TABLE RegionActivity (
    Id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    RegionCode   TEXT    NOT NULL REFERENCES Regions (Code),
    Kind         TEXT    NOT NULL,
    SubjectId    INTEGER NULL,
    Actor        TEXT    NOT NULL,
    AtUtc        TEXT    NOT NULL,
    OperationId  TEXT    NOT NULL UNIQUE
);
CREATE INDEX IX_RegionActivity_Region ON RegionActivity (RegionCode, Id);

-- Notices of the officials' own work (a neutrality case past its deadline at the PPK, a Kamtibmas level of AG or
-- GN, a significant incident, an unanswered request for help, an instruction) go through the same rules, inbox and
-- outbox as escalations. SQLite cannot widen a CHECK in place, so the two tables are rebuilt with their rows and ids;
-- the outbox rows that cascade from Notifications are kept aside and put back.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE EscalationRules_new (
    Id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Code           TEXT    NOT NULL UNIQUE,
    Kind           TEXT    NOT NULL CHECK (Kind IN ('kendala', 'lewat_tenggat', 'ringkasan',
                                                    'netralitas', 'kamtibmas', 'kejadian', 'permintaan', 'arahan')),
    Name           TEXT    NOT NULL,
    IsEnabled      INTEGER NOT NULL DEFAULT 1,
    AfterHours     INTEGER NOT NULL DEFAULT 0 CHECK (AfterHours BETWEEN 0 AND 720),
    Criticality    TEXT    NULL CHECK (Criticality IN ('kritis', 'penting', 'biasa')),
    LocalHour      INTEGER NOT NULL DEFAULT 7 CHECK (LocalHour BETWEEN 0 AND 23),
    RecipientRole  TEXT    NOT NULL DEFAULT 'pimpinan' CHECK (RecipientRole IN ('admin', 'pimpinan', 'penghubung', 'pemantau')),
    SendEmail      INTEGER NOT NULL DEFAULT 1,
    SendWebhook    INTEGER NOT NULL DEFAULT 1,
    Version        INTEGER NOT NULL DEFAULT 1,
    UpdatedAtUtc   TEXT    NOT NULL,
    UpdatedBy      TEXT    NOT NULL,
    LeaseOwner     TEXT    NULL,
    LeaseUntilUtc  TEXT    NULL,
    LastRunAtUtc   TEXT    NULL
);
INSERT INTO EscalationRules_new (Id, Code, Kind, Name, IsEnabled, AfterHours, Criticality, LocalHour, RecipientRole, SendEmail,
                                 SendWebhook, Version, UpdatedAtUtc, UpdatedBy, LeaseOwner, LeaseUntilUtc, LastRunAtUtc)
SELECT Id, Code, Kind, Name, IsEnabled, AfterHours, Criticality, LocalHour, RecipientRole, SendEmail,
       SendWebhook, Version, UpdatedAtUtc, UpdatedBy, LeaseOwner, LeaseUntilUtc, LastRunAtUtc
FROM EscalationRules;
DROP TABLE EscalationRules;
ALTER TABLE EscalationRules_new RENAME TO EscalationRules;

CREATE TEMP TABLE DeliveriesKept AS SELECT * FROM Deliveries;

CREATE TABLE Notifications_new (
    Id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    UserId         INTEGER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    RuleId         INTEGER NOT NULL REFERENCES EscalationRules (Id),
    Kind           TEXT    NOT NULL CHECK (Kind IN ('kendala', 'lewat_tenggat', 'ringkasan',
                                                    'netralitas', 'kamtibmas', 'kejadian', 'permintaan', 'arahan')),
    EscalationId   INTEGER NULL REFERENCES Escalations (Id),
    ItemId         INTEGER NULL REFERENCES ChecklistItems (Id),
    RegionCode     TEXT    NULL,
    AgencyCode     TEXT    NULL,
    DigestZone     TEXT    NULL,
    DigestDate     TEXT    NULL,
    Details        TEXT    NULL,
    CreatedAtUtc   TEXT    NOT NULL,
    ReadAtUtc      TEXT    NULL,
    ItemCount      INTEGER NULL,
    Subject        TEXT    NULL,                       -- a domain notice's line: counts and kinds, never a person's data
    Link           TEXT    NULL,                       -- a domain notice's page, relative to the app's base address
    DedupKey       TEXT    NULL                        -- a domain notice is written once per user and key
);
INSERT INTO Notifications_new (Id, UserId, RuleId, Kind, EscalationId, ItemId, RegionCode, AgencyCode, DigestZone, DigestDate,
                               Details, CreatedAtUtc, ReadAtUtc, ItemCount)
SELECT Id, UserId, RuleId, Kind, EscalationId, ItemId, RegionCode, AgencyCode, DigestZone, DigestDate,
       Details, CreatedAtUtc, ReadAtUtc, ItemCount
FROM Notifications;
DROP TABLE Notifications;
ALTER TABLE Notifications_new RENAME TO Notifications;
CREATE UNIQUE INDEX UX_Notifications_Escalation ON Notifications (UserId, EscalationId) WHERE EscalationId IS NOT NULL;
CREATE UNIQUE INDEX UX_Notifications_Digest ON Notifications (UserId, RuleId, DigestZone, DigestDate) WHERE DigestDate IS NOT NULL;
CREATE UNIQUE INDEX UX_Notifications_Group ON Notifications (UserId, RuleId, RegionCode, CreatedAtUtc) WHERE ItemCount IS NOT NULL;
CREATE UNIQUE INDEX UX_Notifications_Dedup ON Notifications (UserId, DedupKey) WHERE DedupKey IS NOT NULL;
CREATE INDEX IX_Notifications_Inbox ON Notifications (UserId, ReadAtUtc, Id);
CREATE INDEX IX_Notifications_Run ON Notifications (RuleId, CreatedAtUtc);

INSERT INTO Deliveries SELECT * FROM DeliveriesKept WHERE NOT EXISTS (SELECT 1 FROM Deliveries d WHERE d.Id = DeliveriesKept.Id);
DROP TABLE DeliveriesKept;

INSERT INTO EscalationRules (Code, Kind, Name, RecipientRole, UpdatedAtUtc, UpdatedBy)
VALUES ('netralitas-lewat-tenggat', 'netralitas', 'Rekomendasi netralitas ASN lewat tenggat di PPK', 'pimpinan', strftime('%Y-%m-%d %H:%M:%f', 'now'), 'sistem'),
       ('kamtibmas-ag-gn', 'kamtibmas', 'Kamtibmas naik ke ambang gangguan atau gangguan nyata', 'pimpinan', strftime('%Y-%m-%d %H:%M:%f', 'now'), 'sistem'),
       ('kejadian-penting', 'kejadian', 'Kejadian ditandai penting', 'pimpinan', strftime('%Y-%m-%d %H:%M:%f', 'now'), 'sistem'),
       ('permintaan-24-jam', 'permintaan', 'Permintaan bantuan tak dijawab 24 jam', 'pimpinan', strftime('%Y-%m-%d %H:%M:%f', 'now'), 'sistem'),
       ('arahan-baru', 'arahan', 'Arahan pimpinan untuk instansi', 'penghubung', strftime('%Y-%m-%d %H:%M:%f', 'now'), 'sistem');
