-- Escalation rules (data that admins edit), escalations of items, each person's inbox, webhook registrations and the
-- outbox of deliveries (e-mail, webhooks) with its dead letters. Each rule run holds a lease on its rule row, so
-- several servers run the rules and each notice is still created once.

ALTER TABLE dbo.Users ADD Email nvarchar(256) NULL;

CREATE TABLE dbo.EscalationRules (
    Id             int           NOT NULL IDENTITY CONSTRAINT PK_EscalationRules PRIMARY KEY,
    Code           varchar(64)   NOT NULL CONSTRAINT UQ_EscalationRules_Code UNIQUE,
    Kind           varchar(16)   NOT NULL CONSTRAINT CK_EscalationRules_Kind CHECK (Kind IN ('kendala', 'lewat_tenggat', 'ringkasan')),
    Name           nvarchar(200) NOT NULL,
    IsEnabled      bit           NOT NULL CONSTRAINT DF_EscalationRules_IsEnabled DEFAULT 1,
    AfterHours     int           NOT NULL CONSTRAINT DF_EscalationRules_AfterHours DEFAULT 0
                   CONSTRAINT CK_EscalationRules_AfterHours CHECK (AfterHours BETWEEN 0 AND 720), -- kendala: hours unchanged
    Criticality    varchar(8)    NULL CONSTRAINT CK_EscalationRules_Criticality
                   CHECK (Criticality IN ('kritis', 'penting', 'biasa')),                        -- lewat_tenggat: which items
    LocalHour      int           NOT NULL CONSTRAINT DF_EscalationRules_LocalHour DEFAULT 7
                   CONSTRAINT CK_EscalationRules_LocalHour CHECK (LocalHour BETWEEN 0 AND 23),   -- ringkasan: local hour
    RecipientRole  varchar(16)   NOT NULL CONSTRAINT DF_EscalationRules_RecipientRole DEFAULT 'pimpinan'
                   CONSTRAINT CK_EscalationRules_RecipientRole CHECK (RecipientRole IN ('admin', 'pimpinan', 'penghubung', 'pemantau')),
    SendEmail      bit           NOT NULL CONSTRAINT DF_EscalationRules_SendEmail DEFAULT 1,
    SendWebhook    bit           NOT NULL CONSTRAINT DF_EscalationRules_SendWebhook DEFAULT 1,
    Version        int           NOT NULL CONSTRAINT DF_EscalationRules_Version DEFAULT 1,
    UpdatedAtUtc   datetime2(3)  NOT NULL,
    UpdatedBy      nvarchar(100) NOT NULL,
    LeaseOwner     varchar(64)   NULL,
    LeaseUntilUtc  datetime2(3)  NULL,
    LastRunAtUtc   datetime2(3)  NULL
);

INSERT INTO dbo.EscalationRules (Code, Kind, Name, AfterHours, Criticality, LocalHour, RecipientRole, UpdatedAtUtc, UpdatedBy)
VALUES ('kendala-24-jam', 'kendala', N'Kendala tidak berubah 24 jam', 24, NULL, 7, 'pimpinan', SYSUTCDATETIME(), N'sistem'),
       ('kritis-lewat-tenggat', 'lewat_tenggat', N'Butir kritis lewat tenggat', 0, 'kritis', 7, 'pimpinan', SYSUTCDATETIME(), N'sistem'),
       ('ringkasan-pagi', 'ringkasan', N'Ringkasan pagi pukul 07.00', 0, NULL, 7, 'pimpinan', SYSUTCDATETIME(), N'sistem');

-- One row per item and rule cycle: the Kendala rule escalates an item once per version (a change restarts its
-- clock), the overdue rule once per item (Cycle 0). An item is "escalated" while ItemVersion is its current version.
CREATE TABLE dbo.Escalations (
    Id             bigint       NOT NULL IDENTITY CONSTRAINT PK_Escalations PRIMARY KEY,
    RuleId         int          NOT NULL CONSTRAINT FK_Escalations_Rule REFERENCES dbo.EscalationRules (Id),
    ItemId         bigint       NOT NULL CONSTRAINT FK_Escalations_Item REFERENCES dbo.ChecklistItems (Id),
    Cycle          int          NOT NULL,
    ItemVersion    int          NOT NULL,
    RegionCode     varchar(13)  NOT NULL,
    AgencyCode     varchar(16)  NOT NULL,
    EscalatedAtUtc datetime2(3) NOT NULL,
    -- Read by the notification pump below MIN_ACTIVE_ROWVERSION(), as the live feed reads ItemEvents.
    RowVer         rowversion   NOT NULL,
    CONSTRAINT UQ_Escalations_Cycle UNIQUE (RuleId, ItemId, Cycle)
);
CREATE INDEX IX_Escalations_Item ON dbo.Escalations (ItemId, ItemVersion);
CREATE INDEX IX_Escalations_Run ON dbo.Escalations (RuleId, EscalatedAtUtc);
CREATE INDEX IX_Escalations_RowVer ON dbo.Escalations (RowVer) INCLUDE (Id);
GO

-- Leaders' scopes without the ones another of their scopes already covers, so a subtree is never counted twice.
CREATE VIEW dbo.RecipientScopes AS
SELECT us.UserId, us.RegionCode, u.Role
FROM dbo.UserScopes us
JOIN dbo.Users u ON u.Id = us.UserId
WHERE u.IsDisabled = 0
  AND NOT EXISTS (SELECT 1 FROM dbo.UserScopes o
                  WHERE o.UserId = us.UserId AND o.RegionCode <> us.RegionCode
                    AND us.RegionCode >= o.RegionCode AND us.RegionCode < o.RegionCode + '/');
GO

CREATE TABLE dbo.Notifications (
    Id             bigint         NOT NULL IDENTITY CONSTRAINT PK_Notifications PRIMARY KEY,
    UserId         int            NOT NULL CONSTRAINT FK_Notifications_User REFERENCES dbo.Users (Id) ON DELETE CASCADE,
    RuleId         int            NOT NULL CONSTRAINT FK_Notifications_Rule REFERENCES dbo.EscalationRules (Id),
    Kind           varchar(16)    NOT NULL CONSTRAINT CK_Notifications_Kind CHECK (Kind IN ('kendala', 'lewat_tenggat', 'ringkasan')),
    EscalationId   bigint         NULL CONSTRAINT FK_Notifications_Escalation REFERENCES dbo.Escalations (Id),
    ItemId         bigint         NULL CONSTRAINT FK_Notifications_Item REFERENCES dbo.ChecklistItems (Id),
    RegionCode     varchar(13)    NULL,
    AgencyCode     varchar(16)    NULL,
    DigestZone     varchar(32)    NULL,
    DigestDate     date           NULL,
    Details        nvarchar(max)  NULL,                -- JSON: the digest's figures
    CreatedAtUtc   datetime2(3)   NOT NULL,
    ReadAtUtc      datetime2(3)   NULL,
    RowVer         rowversion     NOT NULL
);
CREATE UNIQUE INDEX UX_Notifications_Escalation ON dbo.Notifications (UserId, EscalationId) WHERE EscalationId IS NOT NULL;
CREATE UNIQUE INDEX UX_Notifications_Digest ON dbo.Notifications (UserId, RuleId, DigestZone, DigestDate) WHERE DigestDate IS NOT NULL;
CREATE INDEX IX_Notifications_Inbox ON dbo.Notifications (UserId, ReadAtUtc, Id);
CREATE INDEX IX_Notifications_Run ON dbo.Notifications (RuleId, CreatedAtUtc);
CREATE INDEX IX_Notifications_RowVer ON dbo.Notifications (RowVer) INCLUDE (Id);

CREATE TABLE dbo.Webhooks (
    Id             int            NOT NULL IDENTITY CONSTRAINT PK_Webhooks PRIMARY KEY,
    Name           nvarchar(200)  NOT NULL,
    Url            nvarchar(2000) NOT NULL,
    Secret         nvarchar(200)  NOT NULL,          -- the HMAC-SHA256 key the receiver shares
    IsEnabled      bit            NOT NULL CONSTRAINT DF_Webhooks_IsEnabled DEFAULT 1,
    CreatedAtUtc   datetime2(3)   NOT NULL,
    CreatedBy      nvarchar(100)  NOT NULL
);

-- The outbox: one row per notification and channel, written in the transaction that creates the notification.
-- Status pending -> sent, or dead after the last try (a dead letter, kept with its last error).
CREATE TABLE dbo.Deliveries (
    Id               bigint         NOT NULL IDENTITY CONSTRAINT PK_Deliveries PRIMARY KEY,
    NotificationId   bigint         NOT NULL CONSTRAINT FK_Deliveries_Notification REFERENCES dbo.Notifications (Id) ON DELETE CASCADE,
    Channel          varchar(8)     NOT NULL CONSTRAINT CK_Deliveries_Channel CHECK (Channel IN ('email', 'webhook')),
    WebhookId        int            NULL CONSTRAINT FK_Deliveries_Webhook REFERENCES dbo.Webhooks (Id) ON DELETE CASCADE,
    IdempotencyKey   varchar(36)    NOT NULL CONSTRAINT UQ_Deliveries_IdempotencyKey UNIQUE,
    Status           varchar(8)     NOT NULL CONSTRAINT DF_Deliveries_Status DEFAULT 'pending'
                     CONSTRAINT CK_Deliveries_Status CHECK (Status IN ('pending', 'sent', 'dead')),
    Attempts         int            NOT NULL CONSTRAINT DF_Deliveries_Attempts DEFAULT 0,
    NextAttemptAtUtc datetime2(3)   NOT NULL,
    LeaseOwner       varchar(64)    NULL,
    LeaseUntilUtc    datetime2(3)   NULL,
    LastAttemptAtUtc datetime2(3)   NULL,
    LastError        nvarchar(1000) NULL,
    SentAtUtc        datetime2(3)   NULL,
    CreatedAtUtc     datetime2(3)   NOT NULL,
    CONSTRAINT CK_Deliveries_Webhook CHECK ((Channel = 'webhook' AND WebhookId IS NOT NULL) OR (Channel = 'email' AND WebhookId IS NULL))
);
CREATE INDEX IX_Deliveries_Due ON dbo.Deliveries (Status, NextAttemptAtUtc);
CREATE INDEX IX_Deliveries_Notification ON dbo.Deliveries (NotificationId, Channel);

-- The digest compares with 24 hours earlier from the first change each item had since then.
CREATE INDEX IX_ItemEvents_AtUtc ON dbo.ItemEvents (AtUtc, ItemId);
