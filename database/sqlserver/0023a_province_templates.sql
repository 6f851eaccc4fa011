-- Province templates: the governor's election (Pilgub) is held on the same day as the regencies' and has its own
-- readiness at province level (Pemprov/Kesbangpol Provinsi, KPU and Bawaslu Provinsi, Polda, Korem/Kodam), so a
-- template may be of level 1 (the province itself).
ALTER TABLE dbo.TemplateItems DROP CONSTRAINT CK_TemplateItems_Level;
ALTER TABLE dbo.TemplateItems ADD CONSTRAINT CK_TemplateItems_Level CHECK (Level IN (1, 2, 3));
