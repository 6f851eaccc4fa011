-- The security situation (Kamtibmas) beside readiness: the current estimate per region (kondusif, PG = potensi
-- gangguan, AG = ambang gangguan, GN = gangguan nyata) with its history, and the incident log (kejadian) with its
-- events and the checklist items an incident hurts. Nothing here is deleted: a correction is a later event.

-- One row per region: the level now, stamped with the stage it was set in (it carries over to the next stage until
-- someone changes it). Every change is also a row in SituationEvents, written in the same transaction.
CREATE TABLE dbo.SituationLevels (
    RegionCode   varchar(13)   COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT PK_SituationLevels PRIMARY KEY
                 CONSTRAINT FK_SituationLevels_Region REFERENCES dbo.Regions (Code),
    Level        varchar(16)   NOT NULL CONSTRAINT CK_SituationLevels_Level CHECK (Level IN ('kondusif', 'pg', 'ag', 'gn')),
    Reason       nvarchar(500) NOT NULL,
    StageId      int           NULL CONSTRAINT FK_SituationLevels_Stage REFERENCES dbo.Stages (Id),
    UpdatedBy    nvarchar(100) NOT NULL,
    UpdatedAtUtc datetime2(3)  NOT NULL,
    Version      int           NOT NULL CONSTRAINT DF_SituationLevels_Version DEFAULT 1
);

CREATE TABLE dbo.SituationEvents (
    Seq          bigint        NOT NULL IDENTITY CONSTRAINT PK_SituationEvents PRIMARY KEY,
    RegionCode   varchar(13)   COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT FK_SituationEvents_Region REFERENCES dbo.Regions (Code),
    StageId      int           NULL,
    LevelBefore  varchar(16)   NULL,
    LevelAfter   varchar(16)   NOT NULL,
    Reason       nvarchar(500) NOT NULL,
    Actor        nvarchar(100) NOT NULL,
    AtUtc        datetime2(3)  NOT NULL,
    OperationId  varchar(36)   NOT NULL CONSTRAINT UQ_SituationEvents_OperationId UNIQUE
);
CREATE INDEX IX_SituationEvents_Region ON dbo.SituationEvents (RegionCode, Seq);

-- An incident: where (a kecamatan or regency code, and a village or TPS as free text), when (UTC), what, how bad,
-- who reported it and who handles it (agency codes joined by ','), and how far its handling is.
CREATE TABLE dbo.Incidents (
    Id               bigint         NOT NULL IDENTITY CONSTRAINT PK_Incidents PRIMARY KEY,
    RegionCode       varchar(13)    COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT FK_Incidents_Region REFERENCES dbo.Regions (Code),
    StageId          int            NULL CONSTRAINT FK_Incidents_Stage REFERENCES dbo.Stages (Id),
    Place            nvarchar(200)  NOT NULL,
    OccurredAtUtc    datetime2(3)   NOT NULL,
    Kind             varchar(16)    NOT NULL CONSTRAINT CK_Incidents_Kind CHECK (Kind IN ('bentrok', 'demonstrasi', 'perusakan_apk',
                                    'politik_uang', 'hoaks_sara', 'intimidasi', 'banjir_listrik', 'logistik', 'lainnya')),
    Severity         varchar(8)     NOT NULL CONSTRAINT CK_Incidents_Severity CHECK (Severity IN ('ringan', 'sedang', 'berat')),
    Description      nvarchar(1000) NULL,
    ReportingAgency  varchar(16)    NOT NULL CONSTRAINT FK_Incidents_Agency REFERENCES dbo.Agencies (Code),
    HandlingAgencies varchar(100)   NOT NULL CONSTRAINT DF_Incidents_Handling DEFAULT '',
    Status           varchar(12)    NOT NULL CONSTRAINT DF_Incidents_Status DEFAULT 'dilaporkan'
                     CONSTRAINT CK_Incidents_Status CHECK (Status IN ('dilaporkan', 'ditangani', 'selesai')),
    ClosingNote      nvarchar(1000) NULL,
    IsSignificant    bit            NOT NULL CONSTRAINT DF_Incidents_IsSignificant DEFAULT 0,
    SignificantBy    nvarchar(100)  NULL,
    SignificantAtUtc datetime2(3)   NULL,
    ReportedBy       nvarchar(100)  NOT NULL,
    ReportedAtUtc    datetime2(3)   NOT NULL,
    UpdatedBy        nvarchar(100)  NOT NULL,
    UpdatedAtUtc     datetime2(3)   NOT NULL,
    Version          int            NOT NULL CONSTRAINT DF_Incidents_Version DEFAULT 1
);
CREATE INDEX IX_Incidents_Region ON dbo.Incidents (RegionCode, OccurredAtUtc);
CREATE INDEX IX_Incidents_Open ON dbo.Incidents (Status, RegionCode);

-- Change: dicatat (recorded), diubah (details edited), status, penting (marked significant), tautan (item linked).
CREATE TABLE dbo.IncidentEvents (
    Seq             bigint         NOT NULL IDENTITY CONSTRAINT PK_IncidentEvents PRIMARY KEY,
    IncidentId      bigint         NOT NULL CONSTRAINT FK_IncidentEvents_Incident REFERENCES dbo.Incidents (Id),
    RegionCode      varchar(13)    COLLATE Latin1_General_BIN2 NOT NULL,
    Change          varchar(8)     NOT NULL CONSTRAINT CK_IncidentEvents_Change CHECK (Change IN ('dicatat', 'diubah', 'status', 'penting', 'tautan')),
    StatusBefore    varchar(12)    NULL,
    StatusAfter     varchar(12)    NOT NULL,
    Note            nvarchar(1000) NULL,
    ItemId          bigint         NULL,
    Actor           nvarchar(100)  NOT NULL,
    AtUtc           datetime2(3)   NOT NULL,
    IncidentVersion int            NOT NULL,
    OperationId     varchar(36)    NOT NULL CONSTRAINT UQ_IncidentEvents_OperationId UNIQUE
);
CREATE INDEX IX_IncidentEvents_Incident ON dbo.IncidentEvents (IncidentId, Seq);

-- The checklist items an incident hurts (ballots damaged -> the KPU logistics item); both pages point to each other.
CREATE TABLE dbo.IncidentItems (
    IncidentId  bigint        NOT NULL CONSTRAINT FK_IncidentItems_Incident REFERENCES dbo.Incidents (Id),
    ItemId      bigint        NOT NULL CONSTRAINT FK_IncidentItems_Item REFERENCES dbo.ChecklistItems (Id),
    LinkedBy    nvarchar(100) NOT NULL,
    LinkedAtUtc datetime2(3)  NOT NULL,
    CONSTRAINT PK_IncidentItems PRIMARY KEY (IncidentId, ItemId)
);
CREATE INDEX IX_IncidentItems_Item ON dbo.IncidentItems (ItemId);
