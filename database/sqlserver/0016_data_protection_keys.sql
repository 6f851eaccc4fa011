-- The keys that protect sign-in cookies and antiforgery tokens, kept where every server already looks (instead of a
-- folder each server would have to share). One row per key as the framework writes it: an XML element, encrypted
-- with a certificate when one is configured. Rows are only ever added; an expired key stays, so old cookies are
-- refused with a clear reason rather than as unreadable.
CREATE TABLE dbo.DataProtectionKeys (
    Id            int IDENTITY(1,1) NOT NULL CONSTRAINT PK_DataProtectionKeys PRIMARY KEY,
    FriendlyName  nvarchar(100)     NOT NULL,
    Xml           nvarchar(max)     NOT NULL,
    CreatedAtUtc  datetime2(3)      NOT NULL
);
