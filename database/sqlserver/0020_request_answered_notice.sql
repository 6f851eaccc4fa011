-- The asking liaison is told when their request for help is answered (accepted, declined with a reason, delivered):
-- a second rule of kind 'permintaan', to the liaison officers of the asking agency in scope, beside the 24-hour
-- escalation to leaders. NoticeWriter chooses a kind's rule by its code where a kind has two.
INSERT INTO dbo.EscalationRules (Code, Kind, Name, RecipientRole, UpdatedAtUtc, UpdatedBy)
VALUES ('permintaan-dijawab', 'permintaan', N'Permintaan bantuan dijawab instansi yang diminta', 'penghubung', SYSUTCDATETIME(), N'sistem');
