-- Photos and documents that prove an item (a sealed warehouse, a built TPS, a decree). They live in the database
-- every server shares, so any server can hand them out. Images are stored only as re-encoded JPEG (no metadata);
-- PDFs as sent, once checked. A removal keeps the row (who and when) but the file is no longer served.
CREATE TABLE ItemEvidence (
    Id               INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    ItemId           INTEGER NOT NULL REFERENCES ChecklistItems (Id),
    OperationId      TEXT    NOT NULL UNIQUE,
    ContentType      TEXT    NOT NULL CHECK (ContentType IN ('image/jpeg', 'application/pdf')),
    FileName         TEXT    NOT NULL,
    SizeBytes        INTEGER NOT NULL,
    Sha256           TEXT    NOT NULL,
    Content          BLOB    NOT NULL,
    Thumbnail        BLOB    NULL,
    Width            INTEGER NULL,
    Height           INTEGER NULL,
    UploadedBy       TEXT    NOT NULL,
    UploadedByUserId INTEGER NULL,
    UploadedAtUtc    TEXT    NOT NULL,
    RemovedAtUtc     TEXT    NULL,
    RemovedBy        TEXT    NULL
);
CREATE INDEX IX_ItemEvidence_Item ON ItemEvidence (ItemId, Id);
-- An event that adds or removes evidence says so here ('foto', 'dokumen' or 'hapus'); a status change leaves it NULL.
ALTER TABLE ItemEvents ADD COLUMN Evidence TEXT NULL;
