-- Escalation rules (data that admins edit), escalations of items, each person's inbox, webhook registrations and the
-- outbox of deliveries (e-mail, webhooks) with its dead letters. Each rule run holds a lease on its rule row, so
-- several servers run the rules and each notice is still created once.

ALTER TABLE Users ADD COLUMN Email TEXT NULL;

CREATE TABLE EscalationRules (
    Id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Code           TEXT    NOT NULL UNIQUE,
    Kind           TEXT    NOT NULL CHECK (Kind IN ('kendala', 'lewat_tenggat', 'ringkasan')),
    Name           TEXT    NOT NULL,
    IsEnabled      INTEGER NOT NULL DEFAULT 1,
    AfterHours     INTEGER NOT NULL DEFAULT 0 CHECK (AfterHours BETWEEN 0 AND 720),  -- kendala: hours unchanged
    Criticality    TEXT    NULL CHECK (Criticality IN ('kritis', 'penting', 'biasa')), -- lewat_tenggat: which items
    LocalHour      INTEGER NOT NULL DEFAULT 7 CHECK (LocalHour BETWEEN 0 AND 23),    -- ringkasan: local hour
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

INSERT INTO EscalationRules (Code, Kind, Name, AfterHours, Criticality, LocalHour, RecipientRole, UpdatedAtUtc, UpdatedBy)
VALUES ('kendala-24-jam', 'kendala', 'Kendala tidak berubah 24 jam', 24, NULL, 7, 'pimpinan', strftime('%Y-%m-%d %H:%M:%f', 'now'), 'sistem'),
       ('kritis-lewat-tenggat', 'lewat_tenggat', 'Butir kritis lewat tenggat', 0, 'kritis', 7, 'pimpinan', strftime('%Y-%m-%d %H:%M:%f', 'now'), 'sistem'),
       ('ringkasan-pagi', 'ringkasan', 'Ringkasan pagi pukul 07.00', 0, NULL, 7, 'pimpinan', strftime('%Y-%m-%d %H:%M:%f', 'now'), 'sistem');

-- One row per item and rule cycle: the Kendala rule escalates an item once per version (a change restarts its
-- clock), the overdue rule once per item (Cycle 0). An item is "escalated" while ItemVersion is its current version.
CREATE TABLE Escalations (
    Id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    RuleId         INTEGER NOT NULL REFERENCES EscalationRules (Id),
    ItemId         INTEGER NOT NULL REFERENCES ChecklistItems (Id),
    Cycle          INTEGER NOT NULL,
    ItemVersion    INTEGER NOT NULL,
    RegionCode     TEXT    NOT NULL,
    AgencyCode     TEXT    NOT NULL,
    EscalatedAtUtc TEXT    NOT NULL,
    UNIQUE (RuleId, ItemId, Cycle)
);
CREATE INDEX IX_Escalations_Item ON Escalations (ItemId, ItemVersion);
CREATE INDEX IX_Escalations_Run ON Escalations (RuleId, EscalatedAtUtc);

-- Leaders' scopes without the ones another of their scopes already covers, so a subtree is never counted twice.
CREATE VIEW RecipientScopes AS
SELECT us.UserId, us.RegionCode, u.Role
FROM UserScopes us
JOIN Users u ON u.Id = us.UserId
WHERE u.IsDisabled = 0
  AND NOT EXISTS (SELECT 1 FROM UserScopes o
                  WHERE o.UserId = us.UserId AND o.RegionCode <> us.RegionCode
                    AND us.RegionCode >= o.RegionCode AND us.RegionCode < o.RegionCode || '/');

CREATE TABLE Notifications (
    Id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    UserId         INTEGER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    RuleId         INTEGER NOT NULL REFERENCES EscalationRules (Id),
    Kind           TEXT    NOT NULL CHECK (Kind IN ('kendala', 'lewat_tenggat', 'ringkasan')),
    EscalationId   INTEGER NULL REFERENCES Escalations (Id),
    ItemId         INTEGER NULL REFERENCES ChecklistItems (Id),
    RegionCode     TEXT    NULL,
    AgencyCode     TEXT    NULL,
    DigestZone     TEXT    NULL,
    DigestDate     TEXT    NULL,
    Details        TEXT    NULL,                       -- JSON: the digest's figures
    CreatedAtUtc   TEXT    NOT NULL,
    ReadAtUtc      TEXT    NULL
);
CREATE UNIQUE INDEX UX_Notifications_Escalation ON Notifications (UserId, EscalationId) WHERE EscalationId IS NOT NULL;
CREATE UNIQUE INDEX UX_Notifications_Digest ON Notifications (UserId, RuleId, DigestZone, DigestDate) WHERE DigestDate IS NOT NULL;
CREATE INDEX IX_Notifications_Inbox ON Notifications (UserId, ReadAtUtc, Id);
CREATE INDEX IX_Notifications_Run ON Notifications (RuleId, CreatedAtUtc);

CREATE TABLE Webhooks (
    Id             INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Name           TEXT    NOT NULL,
    Url            TEXT    NOT NULL,
    Secret         TEXT    NOT NULL,                   -- the HMAC-SHA256 key the receiver shares
    IsEnabled      INTEGER NOT NULL DEFAULT 1,
    CreatedAtUtc   TEXT    NOT NULL,
    CreatedBy      TEXT    NOT NULL
);

-- The outbox: one row per notification and channel, written in the transaction that creates the notification.
-- Status pending -> sent, or dead after the last try (a dead letter, kept with its last error).
CREATE TABLE Deliveries (
    Id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    NotificationId   INTEGER NOT NULL REFERENCES Notifications (Id) ON DELETE CASCADE,
    Channel          TEXT    NOT NULL CHECK (Channel IN ('email', 'webhook')),
    WebhookId        INTEGER NULL REFERENCES Webhooks (Id) ON DELETE CASCADE,
    IdempotencyKey   TEXT    NOT NULL UNIQUE,
    Status           TEXT    NOT NULL DEFAULT 'pending' CHECK (Status IN ('pending', 'sent', 'dead')),
    Attempts         INTEGER NOT NULL DEFAULT 0,
    NextAttemptAtUtc TEXT    NOT NULL,
    LeaseOwner       TEXT    NULL,
    LeaseUntilUtc    TEXT    NULL,
    LastAttemptAtUtc TEXT    NULL,
    LastError        TEXT    NULL,
    SentAtUtc        TEXT    NULL,
    CreatedAtUtc     TEXT    NOT NULL,
    CHECK ((Channel = 'webhook' AND WebhookId IS NOT NULL) OR (Channel = 'email' AND WebhookId IS NULL))
);
CREATE INDEX IX_Deliveries_Due ON Deliveries (Status, NextAttemptAtUtc);
CREATE INDEX IX_Deliveries_Notification ON Deliveries (NotificationId, Channel);

-- The digest compares with 24 hours earlier from the first change each item had since then.
CREATE INDEX IX_ItemEvents_AtUtc ON ItemEvents (AtUtc, ItemId);
