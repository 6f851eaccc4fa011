-- What went wrong on a delivery's last try, in a fixed word the admin screens translate (timeout, refused, tls,
-- mail, blocked, config, other, or http:NNN); LastError keeps the raw detail. Rows written before have none.
ALTER TABLE Deliveries ADD COLUMN LastErrorKind TEXT NULL;
-- Webhook secrets are now stored encrypted with data protection ('dp1:' and the protected text), longer than the
-- secret itself; SQLite's TEXT already holds them.
