-- Photos and documents that prove an item (a sealed warehouse, a built TPS, a decree). They live in the database
-- every server shares, so any server can hand them out. Images are stored only as re-encoded JPEG (no metadata);
-- PDFs as sent, once checked. A removal keeps the row (who and when) but the file is no longer served.
CREATE TABLE dbo.ItemEvidence (
    Id               bigint           NOT NULL IDENTITY CONSTRAINT PK_ItemEvidence PRIMARY KEY,
    ItemId           bigint           NOT NULL CONSTRAINT FK_ItemEvidence_Item REFERENCES dbo.ChecklistItems (Id),
    OperationId      uniqueidentifier NOT NULL CONSTRAINT UQ_ItemEvidence_OperationId UNIQUE,
    ContentType      varchar(32)      NOT NULL CONSTRAINT CK_ItemEvidence_ContentType CHECK (ContentType IN ('image/jpeg', 'application/pdf')),
    FileName         nvarchar(200)    NOT NULL,
    SizeBytes        int              NOT NULL,
    Sha256           char(64)         NOT NULL,
    Content          varbinary(max)   NOT NULL,
    Thumbnail        varbinary(max)   NULL,
    Width            int              NULL,
    Height           int              NULL,
    UploadedBy       nvarchar(100)    NOT NULL,
    UploadedByUserId int              NULL,
    UploadedAtUtc    datetime2(3)     NOT NULL,
    RemovedAtUtc     datetime2(3)     NULL,
    RemovedBy        nvarchar(100)    NULL
);
CREATE INDEX IX_ItemEvidence_Item ON dbo.ItemEvidence (ItemId, Id);
GO
-- An event that adds or removes evidence says so here ('foto', 'dokumen' or 'hapus'); a status change leaves it NULL.
ALTER TABLE dbo.ItemEvents ADD Evidence varchar(8) NULL;
GO
