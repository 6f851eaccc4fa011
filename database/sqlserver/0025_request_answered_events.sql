-- An answer to a help request reaches the asking item's screens as an event on that item, with its version moved
-- so they reload what hangs on it. The answering agency changed nothing of that item: the event is marked, so no list
-- of latest changes, wall ticker or item history credits the answering liaison with a change to another agency's
-- item, and the item keeps its own agency's "last updated by" and time.
ALTER TABLE dbo.ItemEvents ADD
    RequestAnswered bit NOT NULL CONSTRAINT DF_ItemEvents_RequestAnswered DEFAULT 0;
