-- Accounts: users with one role, an agency for liaison officers, region scopes; screen tokens for wall screens.

CREATE TABLE dbo.Users (
    Id                 int           NOT NULL IDENTITY CONSTRAINT PK_Users PRIMARY KEY,
    UserName           nvarchar(64)  NOT NULL,
    NormalizedUserName nvarchar(64)  NOT NULL CONSTRAINT UQ_Users_NormalizedUserName UNIQUE,
    DisplayName        nvarchar(200) NOT NULL,
    Role               varchar(16)   NOT NULL CONSTRAINT CK_Users_Role
                       CHECK (Role IN ('admin', 'pimpinan', 'penghubung', 'pemantau')),
    AgencyCode         varchar(16)   NULL CONSTRAINT FK_Users_Agency REFERENCES dbo.Agencies (Code),
    PasswordHash       nvarchar(400) NULL,
    SecurityStamp      nvarchar(64)  NOT NULL,
    ConcurrencyStamp   nvarchar(64)  NOT NULL,
    IsDisabled         bit           NOT NULL CONSTRAINT DF_Users_IsDisabled DEFAULT 0,
    LockoutEnabled     bit           NOT NULL CONSTRAINT DF_Users_LockoutEnabled DEFAULT 1,
    LockoutEndUtc      datetime2(3)  NULL,
    AccessFailedCount  int           NOT NULL CONSTRAINT DF_Users_AccessFailedCount DEFAULT 0,
    CreatedAtUtc       datetime2(3)  NOT NULL,
    CONSTRAINT CK_Users_Agency CHECK ((Role = 'penghubung' AND AgencyCode IS NOT NULL) OR (Role <> 'penghubung' AND AgencyCode IS NULL))
);

CREATE TABLE dbo.UserScopes (
    UserId     int         NOT NULL CONSTRAINT FK_UserScopes_User REFERENCES dbo.Users (Id) ON DELETE CASCADE,
    RegionCode varchar(13) NOT NULL CONSTRAINT FK_UserScopes_Region REFERENCES dbo.Regions (Code),
    CONSTRAINT PK_UserScopes PRIMARY KEY (UserId, RegionCode)
);

CREATE TABLE dbo.ScreenTokens (
    Id           int           NOT NULL IDENTITY CONSTRAINT PK_ScreenTokens PRIMARY KEY,
    Name         nvarchar(200) NOT NULL,
    RegionCode   varchar(13)   NOT NULL CONSTRAINT FK_ScreenTokens_Region REFERENCES dbo.Regions (Code),
    SecretHash   varchar(64)   NOT NULL CONSTRAINT UQ_ScreenTokens_SecretHash UNIQUE,
    CreatedAtUtc datetime2(3)  NOT NULL,
    CreatedBy    nvarchar(64)  NOT NULL,
    RevokedAtUtc datetime2(3)  NULL,
    RevokedBy    nvarchar(64)  NULL
);
