-- Web Push: a browser on a phone that allowed notifications, for one user. The endpoint is the push service's URL
-- for that browser (https only, or loopback http when allowed for tests); P256dh and Auth are the browser's public
-- key and secret the message is encrypted to (RFC 8291). A 404 or 410 from the push service deletes the row.
CREATE TABLE PushSubscriptions (
    Id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    UserId          INTEGER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    Endpoint        TEXT    NOT NULL UNIQUE,
    P256dh          TEXT    NOT NULL,
    Auth            TEXT    NOT NULL,
    UserAgent       TEXT    NULL,                      -- a short label ("Android Chrome"), for the user to tell devices apart
    CreatedAtUtc    TEXT    NOT NULL,
    LastSuccessAtUtc TEXT   NULL,
    Failures        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IX_PushSubscriptions_User ON PushSubscriptions (UserId);

-- The outbox gets a third channel, 'push': one row per notification of a user with at least one subscription, sent
-- to every subscription of that user. SQLite cannot widen a CHECK in place: the table is made anew with every row
-- and id (nothing references Deliveries).
CREATE TEMP TABLE DeliveriesKept AS SELECT * FROM Deliveries;
DROP TABLE Deliveries;
CREATE TABLE Deliveries (
    Id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    NotificationId   INTEGER NOT NULL REFERENCES Notifications (Id) ON DELETE CASCADE,
    Channel          TEXT    NOT NULL CHECK (Channel IN ('email', 'webhook', 'push')),
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
    LastErrorKind    TEXT    NULL,
    CHECK ((Channel = 'webhook' AND WebhookId IS NOT NULL) OR (Channel IN ('email', 'push') AND WebhookId IS NULL))
);
INSERT INTO Deliveries (Id, NotificationId, Channel, WebhookId, IdempotencyKey, Status, Attempts, NextAttemptAtUtc, LeaseOwner,
                        LeaseUntilUtc, LastAttemptAtUtc, LastError, SentAtUtc, CreatedAtUtc, LastErrorKind)
SELECT Id, NotificationId, Channel, WebhookId, IdempotencyKey, Status, Attempts, NextAttemptAtUtc, LeaseOwner,
       LeaseUntilUtc, LastAttemptAtUtc, LastError, SentAtUtc, CreatedAtUtc, LastErrorKind
FROM DeliveriesKept;
DROP TABLE DeliveriesKept;
CREATE INDEX IX_Deliveries_Due ON Deliveries (Status, NextAttemptAtUtc);
CREATE INDEX IX_Deliveries_Notification ON Deliveries (NotificationId, Channel);
