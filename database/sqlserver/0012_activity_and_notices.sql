-- Region activity: one row per change to what the region's panels show beyond checklist items (neutrality cases,
-- the Kamtibmas level, incidents, coordination), written in the same transaction as the change. It carries no
-- personal data, only where and what kind, so every screen and the hub may receive it; the live feed reads it after
-- the item events, below MIN_ACTIVE_ROWVERSION() like them.
CREATE TABLE dbo.RegionActivity (
    Id           bigint           NOT NULL IDENTITY CONSTRAINT PK_RegionActivity PRIMARY KEY,
    RegionCode   varchar(13)      COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT FK_RegionActivity_Region REFERENCES dbo.Regions (Code),
    Kind         varchar(16)      NOT NULL,
    SubjectId    bigint           NULL,
    Actor        nvarchar(100)    NOT NULL,
    AtUtc        datetime2(3)     NOT NULL,
    OperationId  uniqueidentifier NOT NULL CONSTRAINT UQ_RegionActivity_OperationId UNIQUE,
    RowVer       rowversion       NOT NULL
);
CREATE INDEX IX_RegionActivity_Region ON dbo.RegionActivity (RegionCode, Id);
CREATE INDEX IX_RegionActivity_RowVer ON dbo.RegionActivity (RowVer) INCLUDE (Id);
GO

-- Notices of the officials' own work go through the same rules, inbox and outbox as escalations.
ALTER TABLE dbo.EscalationRules DROP CONSTRAINT CK_EscalationRules_Kind;
ALTER TABLE dbo.EscalationRules ADD CONSTRAINT CK_EscalationRules_Kind CHECK (Kind IN ('kendala', 'lewat_tenggat', 'ringkasan',
    'netralitas', 'kamtibmas', 'kejadian', 'permintaan', 'arahan'));
ALTER TABLE dbo.Notifications DROP CONSTRAINT CK_Notifications_Kind;
ALTER TABLE dbo.Notifications ADD CONSTRAINT CK_Notifications_Kind CHECK (Kind IN ('kendala', 'lewat_tenggat', 'ringkasan',
    'netralitas', 'kamtibmas', 'kejadian', 'permintaan', 'arahan'));
ALTER TABLE dbo.Notifications ADD Subject nvarchar(300) NULL, Link nvarchar(300) NULL, DedupKey varchar(100) NULL;
GO
CREATE UNIQUE INDEX UX_Notifications_Dedup ON dbo.Notifications (UserId, DedupKey) WHERE DedupKey IS NOT NULL;

INSERT INTO dbo.EscalationRules (Code, Kind, Name, RecipientRole, UpdatedAtUtc, UpdatedBy)
VALUES ('netralitas-lewat-tenggat', 'netralitas', N'Rekomendasi netralitas ASN lewat tenggat di PPK', 'pimpinan', SYSUTCDATETIME(), N'sistem'),
       ('kamtibmas-ag-gn', 'kamtibmas', N'Kamtibmas naik ke ambang gangguan atau gangguan nyata', 'pimpinan', SYSUTCDATETIME(), N'sistem'),
       ('kejadian-penting', 'kejadian', N'Kejadian ditandai penting', 'pimpinan', SYSUTCDATETIME(), N'sistem'),
       ('permintaan-24-jam', 'permintaan', N'Permintaan bantuan tak dijawab 24 jam', 'pimpinan', SYSUTCDATETIME(), N'sistem'),
       ('arahan-baru', 'arahan', N'Arahan pimpinan untuk instansi', 'penghubung', SYSUTCDATETIME(), N'sistem');
