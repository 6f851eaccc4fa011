-- Schema v1: regions, agencies, elections and stages, checklist templates, items and their event log.
-- Timestamps are UTC datetime2(3); dates are date.

CREATE TABLE dbo.Regions (
    Code        varchar(13)   NOT NULL CONSTRAINT PK_Regions PRIMARY KEY, -- Kemendagri code: NN, NN.NN, NN.NN.NN
    ParentCode  varchar(13)   NULL CONSTRAINT FK_Regions_Parent REFERENCES dbo.Regions (Code),
    Level       tinyint       NOT NULL CONSTRAINT CK_Regions_Level CHECK (Level IN (1, 2, 3)),
    Name        nvarchar(200) NOT NULL,
    TimeZone    varchar(32)   NOT NULL CONSTRAINT CK_Regions_TimeZone
                CHECK (TimeZone IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'))
);
CREATE INDEX IX_Regions_ParentCode ON dbo.Regions (ParentCode);
CREATE INDEX IX_Regions_Level ON dbo.Regions (Level, Code);

CREATE TABLE dbo.Agencies (
    Code        varchar(16)   NOT NULL CONSTRAINT PK_Agencies PRIMARY KEY,
    Name        nvarchar(200) NOT NULL,
    SortOrder   int           NOT NULL
);

CREATE TABLE dbo.Elections (
    Id          int           NOT NULL IDENTITY CONSTRAINT PK_Elections PRIMARY KEY,
    Code        varchar(64)   NOT NULL CONSTRAINT UQ_Elections_Code UNIQUE,
    Name        nvarchar(200) NOT NULL,
    VotingDay   date          NOT NULL,
    IsDemo      bit           NOT NULL CONSTRAINT DF_Elections_IsDemo DEFAULT 0
);

CREATE TABLE dbo.Stages (
    Id          int           NOT NULL IDENTITY CONSTRAINT PK_Stages PRIMARY KEY,
    ElectionId  int           NOT NULL CONSTRAINT FK_Stages_Election REFERENCES dbo.Elections (Id),
    Code        varchar(32)   NOT NULL,
    Name        nvarchar(200) NOT NULL,
    SortOrder   int           NOT NULL,
    StartDate   date          NOT NULL,
    EndDate     date          NOT NULL,
    CONSTRAINT CK_Stages_Dates CHECK (EndDate >= StartDate),
    CONSTRAINT UQ_Stages_Election_Code UNIQUE (ElectionId, Code)
);

CREATE TABLE dbo.TemplateItems (
    Id            int           NOT NULL IDENTITY CONSTRAINT PK_TemplateItems PRIMARY KEY,
    Code          varchar(32)   NOT NULL CONSTRAINT UQ_TemplateItems_Code UNIQUE,
    AgencyCode    varchar(16)   NOT NULL CONSTRAINT FK_TemplateItems_Agency REFERENCES dbo.Agencies (Code),
    StageCode     varchar(32)   NOT NULL,
    Level         tinyint       NOT NULL CONSTRAINT CK_TemplateItems_Level CHECK (Level IN (2, 3)),
    Criticality   varchar(8)    NOT NULL CONSTRAINT CK_TemplateItems_Criticality
                  CHECK (Criticality IN ('kritis', 'penting', 'biasa')),
    DueOffsetDays int           NOT NULL, -- days from the stage's last day
    Title         nvarchar(200) NOT NULL
);

CREATE TABLE dbo.ChecklistItems (
    Id             bigint         NOT NULL IDENTITY CONSTRAINT PK_ChecklistItems PRIMARY KEY,
    ElectionId     int            NOT NULL CONSTRAINT FK_ChecklistItems_Election REFERENCES dbo.Elections (Id),
    RegionCode     varchar(13)    NOT NULL CONSTRAINT FK_ChecklistItems_Region REFERENCES dbo.Regions (Code),
    AgencyCode     varchar(16)    NOT NULL CONSTRAINT FK_ChecklistItems_Agency REFERENCES dbo.Agencies (Code),
    StageId        int            NOT NULL CONSTRAINT FK_ChecklistItems_Stage REFERENCES dbo.Stages (Id),
    TemplateItemId int            NULL CONSTRAINT FK_ChecklistItems_Template REFERENCES dbo.TemplateItems (Id),
    Title          nvarchar(200)  NOT NULL,
    Criticality    varchar(8)     NOT NULL CONSTRAINT CK_ChecklistItems_Criticality
                   CHECK (Criticality IN ('kritis', 'penting', 'biasa')),
    DueDate        date           NOT NULL,
    Status         varchar(8)     NOT NULL CONSTRAINT DF_ChecklistItems_Status DEFAULT 'belum'
                   CONSTRAINT CK_ChecklistItems_Status CHECK (Status IN ('belum', 'proses', 'siap', 'kendala')),
    Note           nvarchar(1000) NULL,
    UpdatedAtUtc   datetime2(3)   NOT NULL,
    UpdatedBy      nvarchar(100)  NULL,
    Version        int            NOT NULL CONSTRAINT DF_ChecklistItems_Version DEFAULT 1
);
CREATE INDEX IX_ChecklistItems_Region ON dbo.ChecklistItems (ElectionId, RegionCode, AgencyCode, Status);
CREATE INDEX IX_ChecklistItems_Agency ON dbo.ChecklistItems (AgencyCode, RegionCode);
CREATE UNIQUE INDEX UX_ChecklistItems_Template ON dbo.ChecklistItems (ElectionId, RegionCode, TemplateItemId)
    WHERE TemplateItemId IS NOT NULL;

CREATE TABLE dbo.ItemEvents (
    Seq          bigint           NOT NULL IDENTITY CONSTRAINT PK_ItemEvents PRIMARY KEY,
    ItemId       bigint           NOT NULL CONSTRAINT FK_ItemEvents_Item REFERENCES dbo.ChecklistItems (Id),
    ElectionId   int              NOT NULL,
    RegionCode   varchar(13)      NOT NULL,
    AgencyCode   varchar(16)      NOT NULL,
    StageId      int              NOT NULL,
    StatusBefore varchar(8)       NULL,
    StatusAfter  varchar(8)       NOT NULL,
    Note         nvarchar(1000)   NULL,
    Actor        nvarchar(100)    NOT NULL,
    AtUtc        datetime2(3)     NOT NULL,
    ItemVersion  int              NOT NULL,
    OperationId  uniqueidentifier NOT NULL CONSTRAINT UQ_ItemEvents_OperationId UNIQUE,
    -- Read by the live feed below MIN_ACTIVE_ROWVERSION(), so an event of a still-open transaction is never skipped.
    RowVer       rowversion       NOT NULL
);
CREATE INDEX IX_ItemEvents_Item ON dbo.ItemEvents (ItemId, Seq);
CREATE INDEX IX_ItemEvents_Region ON dbo.ItemEvents (RegionCode, Seq);
CREATE INDEX IX_ItemEvents_RowVer ON dbo.ItemEvents (RowVer) INCLUDE (Seq);
