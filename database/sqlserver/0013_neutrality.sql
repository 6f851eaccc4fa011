-- ASN neutrality (netralitas ASN): the OPD register per regional government with its pledge (ikrar) and Satgas,
-- socialisation sessions, and cases from a Bawaslu finding or a public report to the PPK's sanction. Every change is
-- a row in NeutralityEvents (append-only; a wrong step is corrected by a later event). Every opening of a case's
-- personal data (name, NIP, position, account) is a row in NeutralityCaseViews.

CREATE TABLE dbo.NeutralityOffices (
    Id            int IDENTITY(1, 1) NOT NULL CONSTRAINT PK_NeutralityOffices PRIMARY KEY,
    RegionCode    varchar(13)   COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT FK_NeutralityOffices_Region REFERENCES dbo.Regions (Code),
    Name          nvarchar(200) NOT NULL,
    PledgedOn     date          NULL,
    SatgasOn      date          NULL,
    SatgasDecree  nvarchar(100) NULL,
    Version       int           NOT NULL CONSTRAINT DF_NeutralityOffices_Version DEFAULT 1,
    UpdatedAtUtc  datetime2(3)  NOT NULL,
    UpdatedBy     nvarchar(256) NOT NULL,
    CONSTRAINT UQ_NeutralityOffices_Name UNIQUE (RegionCode, Name)
);

CREATE TABLE dbo.NeutralitySessions (
    Id            int IDENTITY(1, 1) NOT NULL CONSTRAINT PK_NeutralitySessions PRIMARY KEY,
    RegionCode    varchar(13)   COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT FK_NeutralitySessions_Region REFERENCES dbo.Regions (Code),
    HeldOn        date          NOT NULL,
    Audience      nvarchar(200) NOT NULL,
    Participants  int           NOT NULL CONSTRAINT CK_NeutralitySessions_Participants CHECK (Participants >= 0),
    AgencyCode    varchar(16)   NOT NULL CONSTRAINT FK_NeutralitySessions_Agency REFERENCES dbo.Agencies (Code),
    Note          nvarchar(1000) NULL,
    CreatedAtUtc  datetime2(3)  NOT NULL,
    CreatedBy     nvarchar(256) NOT NULL
);
CREATE INDEX IX_NeutralitySessions_Region ON dbo.NeutralitySessions (RegionCode);

CREATE TABLE dbo.NeutralityCases (
    Id            int IDENTITY(1, 1) NOT NULL CONSTRAINT PK_NeutralityCases PRIMARY KEY,
    RegionCode    varchar(13)   COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT FK_NeutralityCases_Region REFERENCES dbo.Regions (Code),
    PersonName    nvarchar(200) NOT NULL,
    Nip           varchar(18)   NOT NULL,
    Position      nvarchar(200) NOT NULL,
    OfficeName    nvarchar(200) NOT NULL,
    Kind          varchar(32)   NOT NULL,
    Source        varchar(16)   NOT NULL CONSTRAINT CK_NeutralityCases_Source CHECK (Source IN ('temuan', 'laporan')),
    ReportedOn    date          NOT NULL,
    Account       nvarchar(1000) NOT NULL,
    Step          varchar(32)   NOT NULL,
    StepAtUtc     datetime2(3)  NOT NULL,
    PpkDeadline   date          NULL,
    Sanction      varchar(16)   NULL,
    Version       int           NOT NULL CONSTRAINT DF_NeutralityCases_Version DEFAULT 1,
    CreatedAtUtc  datetime2(3)  NOT NULL,
    CreatedBy     nvarchar(256) NOT NULL
);
CREATE INDEX IX_NeutralityCases_Region ON dbo.NeutralityCases (RegionCode, Step);

CREATE TABLE dbo.NeutralityEvents (
    Seq           bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_NeutralityEvents PRIMARY KEY,
    RegionCode    varchar(13)   COLLATE Latin1_General_BIN2 NOT NULL,
    Subject       varchar(8)    NOT NULL CONSTRAINT CK_NeutralityEvents_Subject CHECK (Subject IN ('opd', 'sesi', 'kasus')),
    SubjectId     int           NOT NULL,
    Action        varchar(32)   NOT NULL,
    StepBefore    varchar(32)   NULL,
    StepAfter     varchar(32)   NULL,
    Detail        nvarchar(400) NULL,
    Actor         nvarchar(256) NOT NULL,
    AtUtc         datetime2(3)  NOT NULL,
    OperationId   uniqueidentifier NULL
);
CREATE INDEX IX_NeutralityEvents_Subject ON dbo.NeutralityEvents (Subject, SubjectId);
CREATE UNIQUE INDEX UX_NeutralityEvents_Operation ON dbo.NeutralityEvents (OperationId) WHERE OperationId IS NOT NULL;

CREATE TABLE dbo.NeutralityCaseViews (
    Id            bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_NeutralityCaseViews PRIMARY KEY,
    CaseId        int           NOT NULL CONSTRAINT FK_NeutralityCaseViews_Case REFERENCES dbo.NeutralityCases (Id),
    Viewer        nvarchar(256) NOT NULL,
    ViewerRole    varchar(16)   NOT NULL,
    Purpose       varchar(16)   NOT NULL,
    AtUtc         datetime2(3)  NOT NULL
);
CREATE INDEX IX_NeutralityCaseViews_Case ON dbo.NeutralityCaseViews (CaseId);
