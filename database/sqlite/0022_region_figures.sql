-- Figures of a region: how many TPS a kecamatan has (entered by the KPU liaison) and how many of them Polri grades
-- kurang rawan, rawan, sangat rawan, plus TPS khusus (entered by the Polri liaison), per election, since TPS are drawn
-- anew for each election. A regency's figures are the sum of its kecamatan (a GROUP BY, never stored). Every change of
-- a figure is a row in RegionFigureEvents (who, when, before -> after), written in the same transaction.
CREATE TABLE RegionFigures (
    ElectionId   INTEGER NOT NULL REFERENCES Elections (Id),
    RegionCode   TEXT    NOT NULL REFERENCES Regions (Code),
    Tps          INTEGER NULL CHECK (Tps IS NULL OR Tps BETWEEN 0 AND 100000),
    KurangRawan  INTEGER NULL CHECK (KurangRawan IS NULL OR KurangRawan BETWEEN 0 AND 100000),
    Rawan        INTEGER NULL CHECK (Rawan IS NULL OR Rawan BETWEEN 0 AND 100000),
    SangatRawan  INTEGER NULL CHECK (SangatRawan IS NULL OR SangatRawan BETWEEN 0 AND 100000),
    Khusus       INTEGER NULL CHECK (Khusus IS NULL OR Khusus BETWEEN 0 AND 100000),
    UpdatedBy    TEXT    NOT NULL,
    UpdatedAtUtc TEXT    NOT NULL,
    Version      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (ElectionId, RegionCode)
);

CREATE TABLE RegionFigureEvents (
    Seq          INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    ElectionId   INTEGER NOT NULL,
    RegionCode   TEXT    NOT NULL REFERENCES Regions (Code),
    Figure       TEXT    NOT NULL CHECK (Figure IN ('tps', 'kurang_rawan', 'rawan', 'sangat_rawan', 'khusus')),
    ValueBefore  INTEGER NULL,
    ValueAfter   INTEGER NULL,
    Actor        TEXT    NOT NULL,
    AtUtc        TEXT    NOT NULL,
    OperationId  TEXT    NOT NULL
);
CREATE INDEX IX_RegionFigureEvents_Region ON RegionFigureEvents (ElectionId, RegionCode, Seq);
-- One save writes one row per figure it changes, all with its operation id: a replay finds them and writes nothing.
CREATE INDEX IX_RegionFigureEvents_Operation ON RegionFigureEvents (OperationId);

-- A template's target may follow a figure: one per TPS (TargetFrom 'tps'), or per TPS rawan / sangat rawan, times
-- TargetPer (e.g. two police per very risky TPS). A kecamatan's item takes its kecamatan's figure, a regency's item
-- the sum over its kecamatan.
ALTER TABLE TemplateItems ADD COLUMN TargetFrom TEXT NULL CHECK (TargetFrom IS NULL OR TargetFrom IN ('tps', 'tps_rawan', 'tps_sangat_rawan'));
ALTER TABLE TemplateItems ADD COLUMN TargetPer INTEGER NOT NULL DEFAULT 1 CHECK (TargetPer BETWEEN 1 AND 100);

-- An item's target moved by a figure is an item change like any other (version, event, feed), but no news for a list
-- of latest changes or the wall's ticker: one TPS count moves several items at once.
ALTER TABLE ItemEvents ADD COLUMN FollowsFigure INTEGER NOT NULL DEFAULT 0;
