-- Accounts: users with one role, an agency for liaison officers, region scopes; screen tokens for wall screens.

CREATE TABLE Users (
    Id                 INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    UserName           TEXT    NOT NULL,
    NormalizedUserName TEXT    NOT NULL UNIQUE,
    DisplayName        TEXT    NOT NULL,
    Role               TEXT    NOT NULL CHECK (Role IN ('admin', 'pimpinan', 'penghubung', 'pemantau')),
    AgencyCode         TEXT    NULL REFERENCES Agencies (Code),
    PasswordHash       TEXT    NULL,
    SecurityStamp      TEXT    NOT NULL,
    ConcurrencyStamp   TEXT    NOT NULL,
    IsDisabled         INTEGER NOT NULL DEFAULT 0,
    LockoutEnabled     INTEGER NOT NULL DEFAULT 1,
    LockoutEndUtc      TEXT    NULL,
    AccessFailedCount  INTEGER NOT NULL DEFAULT 0,
    CreatedAtUtc       TEXT    NOT NULL,
    CHECK ((Role = 'penghubung') = (AgencyCode IS NOT NULL))
);

CREATE TABLE UserScopes (
    UserId     INTEGER NOT NULL REFERENCES Users (Id) ON DELETE CASCADE,
    RegionCode TEXT    NOT NULL REFERENCES Regions (Code),
    PRIMARY KEY (UserId, RegionCode)
);

CREATE TABLE ScreenTokens (
    Id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    Name         TEXT    NOT NULL,
    RegionCode   TEXT    NOT NULL REFERENCES Regions (Code),
    SecretHash   TEXT    NOT NULL UNIQUE,
    CreatedAtUtc TEXT    NOT NULL,
    CreatedBy    TEXT    NOT NULL,
    RevokedAtUtc TEXT    NULL,
    RevokedBy    TEXT    NULL
);
