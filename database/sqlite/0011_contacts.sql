-- Who to call: each user's position, unit and mobile number (digits with the country code, 628...), and each
-- agency's unit name per regency ("Polres Kutai Kartanegara", "Kodim 0906/Kukar"). A user without a unit of their
-- own is shown with their agency's unit in the item's regency.

ALTER TABLE Users ADD COLUMN Position TEXT NULL;
ALTER TABLE Users ADD COLUMN UnitName TEXT NULL;
ALTER TABLE Users ADD COLUMN Phone TEXT NULL;

CREATE TABLE AgencyUnits (
    AgencyCode  TEXT NOT NULL REFERENCES Agencies (Code),
    RegionCode  TEXT NOT NULL REFERENCES Regions (Code),
    Name        TEXT NOT NULL,
    PRIMARY KEY (AgencyCode, RegionCode)
);
