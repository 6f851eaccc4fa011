-- Web Push: a browser on a phone that allowed notifications, for one user. The endpoint is the push service's URL
-- for that browser (https only, or loopback http when allowed for tests); P256dh and Auth are the browser's public
-- key and secret the message is encrypted to (RFC 8291). A 404 or 410 from the push service deletes the row.
CREATE TABLE dbo.PushSubscriptions (
    Id               int            NOT NULL IDENTITY CONSTRAINT PK_PushSubscriptions PRIMARY KEY,
    UserId           int            NOT NULL CONSTRAINT FK_PushSubscriptions_User REFERENCES dbo.Users (Id) ON DELETE CASCADE,
    Endpoint         nvarchar(800)  NOT NULL CONSTRAINT UQ_PushSubscriptions_Endpoint UNIQUE,
    P256dh           varchar(128)   NOT NULL,
    Auth             varchar(64)    NOT NULL,
    UserAgent        nvarchar(64)   NULL,
    CreatedAtUtc     datetime2(3)   NOT NULL,
    LastSuccessAtUtc datetime2(3)   NULL,
    Failures         int            NOT NULL CONSTRAINT DF_PushSubscriptions_Failures DEFAULT 0
);
CREATE INDEX IX_PushSubscriptions_User ON dbo.PushSubscriptions (UserId);
GO
-- The outbox gets a third channel, 'push': one row per notification of a user with at least one subscription.
ALTER TABLE dbo.Deliveries DROP CONSTRAINT CK_Deliveries_Webhook;
ALTER TABLE dbo.Deliveries DROP CONSTRAINT CK_Deliveries_Channel;
ALTER TABLE dbo.Deliveries ADD CONSTRAINT CK_Deliveries_Channel CHECK (Channel IN ('email', 'webhook', 'push'));
ALTER TABLE dbo.Deliveries ADD CONSTRAINT CK_Deliveries_Webhook
    CHECK ((Channel = 'webhook' AND WebhookId IS NOT NULL) OR (Channel IN ('email', 'push') AND WebhookId IS NULL));
GO
