-- Who to call: each user's position, unit and mobile number (digits with the country code, 628...), and each
-- agency's unit name per regency ("Polres Kutai Kartanegara", "Kodim 0906/Kukar"). A user without a unit of their
-- own is shown with their agency's unit in the item's regency.

ALTER TABLE dbo.Users ADD
    Position nvarchar(100) NULL,
    UnitName nvarchar(100) NULL,
    Phone    varchar(16)   NULL;

CREATE TABLE dbo.AgencyUnits (
    AgencyCode varchar(16)   NOT NULL CONSTRAINT FK_AgencyUnits_Agency REFERENCES dbo.Agencies (Code),
    RegionCode varchar(13)   COLLATE Latin1_General_BIN2 NOT NULL CONSTRAINT FK_AgencyUnits_Region REFERENCES dbo.Regions (Code),
    Name       nvarchar(100) NOT NULL,
    CONSTRAINT PK_AgencyUnits PRIMARY KEY (AgencyCode, RegionCode)
);
