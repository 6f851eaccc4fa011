-- Coordination between agencies. A leader's instruction (arahan) from a visit or meeting and a request for help
-- (permintaan) between agencies are both checklist items of the agency that must act, so they follow the liaison's
-- whole flow; Origin and SourceId say where such an item came from (the visit, or the request). A request links the
-- asking item and the asked agency's item both ways. A readiness declaration (pernyataan siap) is appended per agency
-- per regency before a stage (TENANG: the quiet period, PEMUNGUTAN: voting day); the newest one counts, and it is void once a Kendala
-- status of that agency is set after it (computed when read, from ItemEvents). Every change is also a row in
-- CoordinationEvents.

ALTER TABLE dbo.ChecklistItems ADD
    Origin   varchar(12) NULL CONSTRAINT CK_ChecklistItems_Origin CHECK (Origin IS NULL OR Origin IN ('arahan', 'permintaan')),
    SourceId bigint      NULL;
GO
CREATE INDEX IX_ChecklistItems_Origin ON dbo.ChecklistItems (Origin, SourceId);

CREATE TABLE dbo.CoordinationVisits (
    Id            bigint         NOT NULL IDENTITY CONSTRAINT PK_CoordinationVisits PRIMARY KEY,
    ElectionId    int            NOT NULL CONSTRAINT FK_CoordinationVisits_Election REFERENCES dbo.Elections (Id),
    RegionCode    varchar(13)    COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT FK_CoordinationVisits_Region REFERENCES dbo.Regions (Code),
    Kind          varchar(12)    NOT NULL CONSTRAINT CK_CoordinationVisits_Kind CHECK (Kind IN ('kunjungan', 'rapat')),
    HeldOn        date           NOT NULL,
    Place         nvarchar(200)  NOT NULL,
    Attendees     nvarchar(1000) NOT NULL,
    Minutes       nvarchar(2000) NULL,
    RecordedBy    nvarchar(100)  NOT NULL,
    RecordedAtUtc datetime2(3)   NOT NULL
);
CREATE INDEX IX_CoordinationVisits_Region ON dbo.CoordinationVisits (RegionCode, HeldOn);

CREATE TABLE dbo.HelpRequests (
    Id             bigint        NOT NULL IDENTITY CONSTRAINT PK_HelpRequests PRIMARY KEY,
    ElectionId     int           NOT NULL CONSTRAINT FK_HelpRequests_Election REFERENCES dbo.Elections (Id),
    RegionCode     varchar(13)   COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT FK_HelpRequests_Region REFERENCES dbo.Regions (Code),
    FromItemId     bigint        NOT NULL CONSTRAINT FK_HelpRequests_FromItem REFERENCES dbo.ChecklistItems (Id),
    FromAgencyCode varchar(16)   NOT NULL CONSTRAINT FK_HelpRequests_FromAgency REFERENCES dbo.Agencies (Code),
    ToAgencyCode   varchar(16)   NOT NULL CONSTRAINT FK_HelpRequests_ToAgency REFERENCES dbo.Agencies (Code),
    ToItemId       bigint        NULL CONSTRAINT FK_HelpRequests_ToItem REFERENCES dbo.ChecklistItems (Id),
    What           nvarchar(200) NOT NULL,
    Quantity       int           NULL CONSTRAINT CK_HelpRequests_Quantity CHECK (Quantity IS NULL OR Quantity BETWEEN 1 AND 100000),
    Unit           nvarchar(32)  NULL,
    State          varchar(10)   NOT NULL CONSTRAINT DF_HelpRequests_State DEFAULT 'terbuka'
                   CONSTRAINT CK_HelpRequests_State CHECK (State IN ('terbuka', 'diterima', 'ditolak', 'dipenuhi')),
    Reason         nvarchar(500) NULL,
    AskedBy        nvarchar(100) NOT NULL,
    AskedAtUtc     datetime2(3)  NOT NULL,
    AnsweredBy     nvarchar(100) NULL,
    AnsweredAtUtc  datetime2(3)  NULL,
    Version        int           NOT NULL CONSTRAINT DF_HelpRequests_Version DEFAULT 1
);
CREATE INDEX IX_HelpRequests_Region ON dbo.HelpRequests (RegionCode, State);
CREATE INDEX IX_HelpRequests_FromItem ON dbo.HelpRequests (FromItemId);
CREATE INDEX IX_HelpRequests_ToItem ON dbo.HelpRequests (ToItemId);

CREATE TABLE dbo.ReadinessDeclarations (
    Id            bigint         NOT NULL IDENTITY CONSTRAINT PK_ReadinessDeclarations PRIMARY KEY,
    ElectionId    int            NOT NULL CONSTRAINT FK_ReadinessDeclarations_Election REFERENCES dbo.Elections (Id),
    RegionCode    varchar(13)    COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT FK_ReadinessDeclarations_Region REFERENCES dbo.Regions (Code),
    AgencyCode    varchar(16)    NOT NULL CONSTRAINT FK_ReadinessDeclarations_Agency REFERENCES dbo.Agencies (Code),
    Moment        varchar(12)    NOT NULL CONSTRAINT CK_ReadinessDeclarations_Moment CHECK (Moment IN ('TENANG', 'PEMUNGUTAN')),
    HeadName      nvarchar(100)  NOT NULL,
    HeadPosition  nvarchar(100)  NOT NULL,
    Exceptions    nvarchar(1000) NULL,
    RecordedBy    nvarchar(100)  NOT NULL,
    RecordedAtUtc datetime2(3)   NOT NULL
);
CREATE INDEX IX_ReadinessDeclarations_Region ON dbo.ReadinessDeclarations (ElectionId, RegionCode, Moment, AgencyCode, Id);

CREATE TABLE dbo.CoordinationEvents (
    Seq         bigint         NOT NULL IDENTITY CONSTRAINT PK_CoordinationEvents PRIMARY KEY,
    Kind        varchar(16)    NOT NULL,
    SubjectId   bigint         NOT NULL,
    RegionCode  varchar(13)    COLLATE Latin1_General_BIN2 NOT NULL,
    AgencyCode  varchar(16)    NULL,
    Detail      nvarchar(500)  NULL,
    Actor       nvarchar(100)  NOT NULL,
    AtUtc       datetime2(3)   NOT NULL,
    OperationId varchar(36)    NOT NULL CONSTRAINT UQ_CoordinationEvents_Operation UNIQUE
);
CREATE INDEX IX_CoordinationEvents_Subject ON dbo.CoordinationEvents (Kind, SubjectId, Seq);
CREATE INDEX IX_CoordinationEvents_Region ON dbo.CoordinationEvents (RegionCode, Seq);
