"""Sample applications for the demo (all invented: sample data), so the admin inboxes show work.

People and organizations marked "(sample)" do not exist. Accepted applications point at organizations and
roster members the demo directory already has, as the record of how they joined: loading them changes
neither the directory nor any roster. `days_ago` dates each application when it is first created.
"""

SAMPLE_NOTE = "Sample data: invented to show the Secretariat's inbox."

MEMBERSHIP_APPLICATIONS = [
    {
        "organization_name": "Lake Victoria Soil Stewards (sample)",
        "kind": "ngo",
        "country": "Kenya",
        "website": "https://example.org/lake-victoria-soil-stewards",
        "contact_name": "Achieng Wafula (sample)",
        "contact_email": "achieng.wafula@example.org",
        "motivation": "Sample data. We train farmer groups around the lake in terracing, composting and agroforestry, "
        "and would like to share our field results with the task forces on soil carbon monitoring.",
        "status": "received",
        "days_ago": 2,
    },
    {
        "organization_name": "Patagonia Rangeland Research Station (sample)",
        "kind": "research",
        "country": "Argentina",
        "website": "https://example.org/patagonia-rangelands",
        "contact_name": "Ignacio Ferreyra (sample)",
        "contact_email": "ignacio.ferreyra@example.org",
        "motivation": "Sample data. Our station has measured soil organic carbon under managed grazing for twenty "
        "years; we offer the data set and our methods to the Initiative.",
        "status": "received",
        "days_ago": 6,
    },
    {
        "organization_name": "Mekong Upland Farmers' Union (sample)",
        "kind": "farmers_organization",
        "country": "Viet Nam",
        "website": "",
        "contact_name": "Pham Thi Hoa (sample)",
        "contact_email": "pham.thi.hoa@example.org",
        "motivation": "Sample data. Our 3,000 members farm sloping land; we want to learn how to keep soil on the "
        "hills and to take part in the Initiative's regional meetings in Asia.",
        "status": "under_review",
        "note": SAMPLE_NOTE + " Waiting for the union's statutes, which show its non-profit character.",
        "days_ago": 15,
    },
    {
        "organization_name": "QuickCarbon Credits Ltd (sample)",
        "kind": "company",
        "country": "United States",
        "website": "https://example.org/quickcarbon",
        "contact_name": "Dana Whitfield (sample)",
        "contact_email": "dana.whitfield@example.org",
        "motivation": "Sample data. We sell soil carbon credits and would like the Initiative's logo on them.",
        "status": "declined",
        "note": SAMPLE_NOTE
        + " Declined: the declaration of intent was not signed and the aim is promotional.",
        "days_ago": 30,
        "decided_days_ago": 20,
    },
    {
        "organization_name": "Humus Analytics SAS",
        "kind": "company",
        "country": "France",
        "website": "",
        "contact_name": "Claire Dubois (sample)",
        "contact_email": "claire.dubois@example.org",
        "motivation": "Sample data. We run a soil laboratory and offer low-cost carbon analyses to farmer groups.",
        "status": "accepted",
        "membership": "partner",
        "year_joined": 2023,
        "organization": "Humus Analytics SAS",
        "note": SAMPLE_NOTE + " A company: partner, not member.",
        "days_ago": 400,
        "decided_days_ago": 380,
    },
]

# objective: the task force's objective code; person: a roster member of the demo (accepted applications).
TASK_FORCE_APPLICATIONS = [
    {
        "objective": "A1",
        "name": "Aïcha Traoré (sample)",
        "email": "aicha.traore@example.org",
        "organization": "Sahel Living Soils Network",
        "role": "regional_representative",
        "world_region": "Africa",
        "motivation": "Sample data. I coordinate our network's policy work in six Sahel countries and follow how "
        "their NDCs treat soils.",
        "status": "received",
        "days_ago": 1,
    },
    {
        "objective": "B1",
        "name": "Tomás Ortega (sample)",
        "email": "tomas.ortega@example.org",
        "organization_name": "Independent agronomist (sample)",
        "role": "team_member",
        "motivation": "Sample data. I advise farm cooperatives in Andalusia on investment plans for soil health.",
        "status": "received",
        "days_ago": 3,
    },
    {
        "objective": "E2",
        "name": "Priya Raman (sample)",
        "email": "priya.raman@example.org",
        "organization": "Deccan Soil Carbon Collective",
        "role": "leader",
        "motivation": "Sample data. I have led our collective's indicator work for five years and would like to "
        "co-lead this task force.",
        "status": "under_review",
        "note": SAMPLE_NOTE + " Asked the current leader whether she welcomes a co-leader.",
        "days_ago": 9,
    },
    {
        "objective": "C1",
        "name": "Jordan Blake (sample)",
        "email": "jordan.blake@example.org",
        "organization_name": "",
        "role": "team_member",
        "motivation": "Sample data. Buy cheap followers for your campaign at our website.",
        "status": "declined",
        "note": SAMPLE_NOTE + " Advertising, not an application.",
        "days_ago": 25,
        "decided_days_ago": 24,
    },
    {
        "objective": "A3",
        "person": "Nguyen Thi Lan",
        "email": "nguyen.thi.lan@example.org",
        "role": "team_member",
        "motivation": "Sample data. I would like to share our experience with rice straw composting.",
        "status": "accepted",
        "note": SAMPLE_NOTE,
        "days_ago": 200,
        "decided_days_ago": 190,
    },
    {
        "objective": "E1",
        "person": "Rachel Lindqvist",
        "email": "rachel.lindqvist@example.org",
        "role": "leader",
        "motivation": "Sample data. I work on measurement, reporting and verification of soil carbon and would "
        "like to lead this task force.",
        "status": "accepted",
        "note": SAMPLE_NOTE,
        "days_ago": 300,
        "decided_days_ago": 280,
    },
]

# stage: "task force review" (just submitted) or "secretariat approval" (the first task approved).
PROJECT_IDEAS = [
    {
        "title": "Soil carbon baselines for smallholder cocoa farms (sample)",
        "summary": "Sample data. Sets up a shared network of soil carbon baseline plots on smallholder cocoa farms, "
        "so that shade-tree planting and mulching can later be credited to the farmers who do the work.",
        "objectives": ["A5", "E1"],
        "countries": ["Ghana", "Côte d'Ivoire"],
        "practices": ["agroforestry", "crop-residue-retention"],
        "funding_sought": 420000,
        "currency": "EUR",
        "lead": "Volta Green Inputs Ltd",
        "contact_name": "Kwame Asante (sample)",
        "contact_email": "kwame.asante@example.org",
        "concept_note": True,
        "stage": "task force review",
        "days_ago": 4,
    },
    {
        "title": "Cover crops for Andean potato terraces (sample)",
        "summary": "Sample data. Tests frost-tolerant cover crops between potato seasons on terraces in the Peruvian "
        "highlands, with farmer field schools and simple soil organic carbon measurements.",
        "objectives": ["B3"],
        "countries": ["Peru"],
        "practices": ["cover-crops", "erosion-control"],
        "funding_sought": 180000,
        "currency": "USD",
        "lead": "Andean Highland Soils Institute",
        "contact_name": "Rosa Mamani (sample)",
        "contact_email": "rosa.mamani@example.org",
        "concept_note": False,
        "stage": "secretariat approval",
        "days_ago": 12,
    },
]
