-- Figures of a region: how many TPS a kecamatan has (entered by the KPU liaison) and how many of them Polri grades
-- kurang rawan, rawan, sangat rawan, plus TPS khusus (entered by the Polri liaison), per election, since TPS are drawn
-- anew for each election. A regency's figures are the sum of its kecamatan (a GROUP BY, never stored). Every change of
-- a figure is a row in RegionFigureEvents (who, when, before -> after), written in the same transaction.
CREATE TABLE dbo.RegionFigures (
    ElectionId   int           NOT NULL CONSTRAINT FK_RegionFigures_Election REFERENCES dbo.Elections (Id),
    RegionCode   varchar(13)   COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT FK_RegionFigures_Region REFERENCES dbo.Regions (Code),
    Tps          int           NULL CONSTRAINT CK_RegionFigures_Tps CHECK (Tps IS NULL OR Tps BETWEEN 0 AND 100000),
    KurangRawan  int           NULL CONSTRAINT CK_RegionFigures_KurangRawan CHECK (KurangRawan IS NULL OR KurangRawan BETWEEN 0 AND 100000),
    Rawan        int           NULL CONSTRAINT CK_RegionFigures_Rawan CHECK (Rawan IS NULL OR Rawan BETWEEN 0 AND 100000),
    SangatRawan  int           NULL CONSTRAINT CK_RegionFigures_SangatRawan CHECK (SangatRawan IS NULL OR SangatRawan BETWEEN 0 AND 100000),
    Khusus       int           NULL CONSTRAINT CK_RegionFigures_Khusus CHECK (Khusus IS NULL OR Khusus BETWEEN 0 AND 100000),
    UpdatedBy    nvarchar(100) NOT NULL,
    UpdatedAtUtc datetime2(3)  NOT NULL,
    Version      int           NOT NULL CONSTRAINT DF_RegionFigures_Version DEFAULT 1,
    CONSTRAINT PK_RegionFigures PRIMARY KEY (ElectionId, RegionCode)
);

CREATE TABLE dbo.RegionFigureEvents (
    Seq          bigint        NOT NULL IDENTITY CONSTRAINT PK_RegionFigureEvents PRIMARY KEY,
    ElectionId   int           NOT NULL,
    RegionCode   varchar(13)   COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT FK_RegionFigureEvents_Region REFERENCES dbo.Regions (Code),
    Figure       varchar(16)   NOT NULL CONSTRAINT CK_RegionFigureEvents_Figure CHECK (Figure IN ('tps', 'kurang_rawan', 'rawan', 'sangat_rawan', 'khusus')),
    ValueBefore  int           NULL,
    ValueAfter   int           NULL,
    Actor        nvarchar(100) NOT NULL,
    AtUtc        datetime2(3)  NOT NULL,
    OperationId  varchar(36)   NOT NULL
);
CREATE INDEX IX_RegionFigureEvents_Region ON dbo.RegionFigureEvents (ElectionId, RegionCode, Seq);
-- One save writes one row per figure it changes, all with its operation id: a replay finds them and writes nothing.
CREATE INDEX IX_RegionFigureEvents_Operation ON dbo.RegionFigureEvents (OperationId);

-- A template's target may follow a figure: one per TPS (TargetFrom 'tps'), or per TPS rawan / sangat rawan, times
-- TargetPer (e.g. two police per very risky TPS). A kecamatan's item takes its kecamatan's figure, a regency's item
-- the sum over its kecamatan.
ALTER TABLE dbo.TemplateItems ADD
    TargetFrom varchar(16) NULL CONSTRAINT CK_TemplateItems_TargetFrom CHECK (TargetFrom IS NULL OR TargetFrom IN ('tps', 'tps_rawan', 'tps_sangat_rawan')),
    TargetPer  int         NOT NULL CONSTRAINT DF_TemplateItems_TargetPer DEFAULT 1 CONSTRAINT CK_TemplateItems_TargetPer CHECK (TargetPer BETWEEN 1 AND 100);

-- An item's target moved by a figure is an item change like any other (version, event, feed), but no news for a list
-- of latest changes or the wall's ticker: one TPS count moves several items at once.
ALTER TABLE dbo.ItemEvents ADD
    FollowsFigure bit NOT NULL CONSTRAINT DF_ItemEvents_FollowsFigure DEFAULT 0;
