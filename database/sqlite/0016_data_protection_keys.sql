-- The keys that protect sign-in cookies and antiforgery tokens, kept where every server already looks (instead of a
-- folder each server would have to share). One row per key as the framework writes it: an XML element, encrypted
-- with a certificate when one is configured. Rows are only ever added; an expired key stays, so old cookies are
-- refused with a clear reason rather than as unreadable.
CREATE TABLE DataProtectionKeys (
    Id            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    FriendlyName  TEXT    NOT NULL,
    Xml           TEXT    NOT NULL,
    CreatedAtUtc  TEXT    NOT NULL
);
