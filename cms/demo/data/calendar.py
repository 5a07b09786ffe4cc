"""Demo calendar data for Soil Knowledge Hub: webinars and events.

This module is DEMO DATA (plain Python literals, no Django imports).
Texts are paraphrased in our own words from the Initiative's public
announcements of these webinars and events.

What is real and what is sample:
* WEBINARS: two are real (sample=False): the launch of the Soil Carbon
  Science Webinar Series on 2023-09-07 and the 4 per 1000 x Soil4Climate
  webinar on regenerative grazing on 2022-12-14 (17:00-18:30 UTC). For the
  2023 session the sources give the date but not the time or length, so
  15:00 UTC / 60 minutes are demo assumptions. No recording URL is given in
  the sources for either, so recording_url is empty. The other ten webinars
  are invented (sample=True); four of them are upcoming: their dates are
  days after the first load of the demo ("starts_in_days", "start_time"),
  so "upcoming" never empties itself. The series "Task
  Force Talks" and "MRV Clinic" are invented; sample sessions filed under the
  two real series are invented too. Sample webinars only use fictional
  speakers, so no real person is shown speaking at an invented event.
* EVENTS: seven are real (sample=False): Forum no. 1 in Marrakesh (2016), the
  Africa Symposium in Johannesburg (2018), the North America regional meeting
  (online, 2020), the Community of Practice workshop on monitoring (online,
  2021), the virtual fair (2021; year inferred), the Latin America and
  Caribbean conference in Goiânia (2021; whether it took place as planned is
  unknown) and the Initiative Day in Sharm el-Sheikh (2022). Three upcoming
  events are invented (sample=True), dated like the upcoming webinars
  ("starts_in_days", "days").
* The "organizer" field must name an organization from directory.py. The
  Executive Secretariat is not an organization in that list, so events it
  convened use its host, the Alliance of Bioversity International and CIAT,
  as a stand-in (the hosting agreement only started in 2021).
"""

WEBINARS = [
    # ------------------------------------------------------------------
    # Real webinars
    # ------------------------------------------------------------------
    {
        "title": "Is there a limit to soil organic carbon sequestration?",
        "series": "Soil Carbon Science Webinar Series",
        "start": "2023-09-07T15:00",
        "timezone": "UTC",
        "duration_minutes": 60,
        "speakers": ["M. Francesca Cotrufo", "Christopher Poeplau"],
        "moderator": "Budiman Minasny",
        "abstract": [
            (
                "This session opened the Soil Carbon Science Webinar Series organized by the Scientific and "
                "Technical Committee of the 4 per 1000 Initiative. It took on a question that matters for every "
                "soil carbon target: can soils keep accumulating carbon indefinitely, or do they approach a "
                "ceiling beyond which extra inputs no longer add to the stock?"
            ),
            (
                "The discussion centred on the two main fractions of soil organic matter. Particulate organic "
                "carbon (POC) consists of partly decomposed plant fragments; it can build up quickly but is also "
                "lost quickly when management changes. Mineral-associated organic carbon (MAOC) is bound to clay "
                "and silt surfaces, persists much longer, and is thought to be limited by the amount of fine "
                "mineral surface available - the basis of the saturation concept."
            ),
            (
                "Speakers examined what saturation means in practice: whether real agricultural soils are close "
                "to their limits, how the limit varies with texture and mineralogy, and whether it should change "
                "the way practices are targeted and sequestration potentials are estimated. The Committee "
                "announced that a recording would be made available."
            ),
        ],
        "recording_url": "",
        "objectives": ["A6", "A3"],
        "practices": ["cover-crops", "crop-residue-retention", "compost-and-manure"],
        "sample": False,
    },
    {
        "title": (
            "ReGenerative Grazing as a Soil, Climate, and Livelihoods Solution: The Science, Practice and Policy"
        ),
        "series": "4 per 1000 x Soil4Climate",
        "start": "2022-12-14T17:00",
        "timezone": "UTC",
        "duration_minutes": 90,
        "speakers": ["David C. Johnson", "Precious Phiri", "Leigh Ann Winowiecki"],
        "moderator": None,
        "abstract": [
            (
                "A joint webinar of the 4 per 1000 Initiative and Soil4Climate looked at regenerative grazing "
                "from three angles - science, practice and policy - with one speaker for each. Grazing lands cover "
                "a large share of the world's agricultural area, so how they are managed has a strong influence on "
                "soil carbon, water and rural incomes."
            ),
            (
                "The science contribution addressed how soil biology, plant cover and carbon respond to grazing "
                "management and what that means for the climate. Research reviews suggest that moderate stocking "
                "or rotational and deferred grazing often improve infiltration and carbon storage, although some "
                "paired studies find no clear difference, so local evidence matters."
            ),
            (
                "The practice contribution came from community work in southern Africa, where planned grazing is "
                "tied to livelihoods, food security and the restoration of degraded land. The policy contribution "
                "covered soil health pledges and how rangelands and soil carbon can be written into Nationally "
                "Determined Contributions."
            ),
        ],
        "recording_url": "",
        "objectives": ["A1", "A3"],
        "practices": ["grazing-management"],
        "sample": False,
    },
    # ------------------------------------------------------------------
    # Sample webinars (invented) - past
    # ------------------------------------------------------------------
    {
        "title": "Measure, model or both? Practical options for soil carbon MRV",
        "series": "MRV Clinic",
        "start": "2024-02-21T13:00",
        "timezone": "Europe/Paris",
        "duration_minutes": 75,
        "speakers": ["Rachel Lindqvist", "Matthias Brenner"],
        "moderator": "Julien Roussel",
        "abstract": [
            (
                "Every soil carbon programme has to show that stocks actually changed, but the tools for doing so "
                "differ widely in cost and credibility. This clinic compared direct measurement through repeated "
                "sampling, process models calibrated on long-term experiments, and hybrid approaches that combine "
                "a reduced number of samples with modelling."
            ),
            (
                "A verifier explained why audit-based approaches can become so expensive that they outweigh the "
                "value of the credits, especially for small farms, and why small stock changes are hard to detect "
                "against natural variability. A modeller showed where models perform well and where they drift, "
                "for example after land-use change or on soils unlike those used for calibration."
            ),
            (
                "The session walked through the six stages of the FAO voluntary protocol for soil carbon MRV, "
                "from checking applicability and setting boundaries to monitoring, reporting and verification, "
                "and asked which stages can be simplified without losing credibility."
            ),
        ],
        "recording_url": "",
        "objectives": ["E1", "A5"],
        "practices": [],
        "sample": True,
    },
    {
        "title": "Cover crops in drylands: when do they pay off?",
        "series": "Task Force Talks",
        "start": "2024-05-15T10:00",
        "timezone": "Africa/Casablanca",
        "duration_minutes": 60,
        "speakers": ["Salma Benjelloun", "Youssef El Amrani"],
        "moderator": "Amel Trabelsi",
        "abstract": [
            (
                "Cover crops are one of the most promoted ways to add carbon to cropland, but in dry climates they "
                "use water that the next cash crop may need. Syntheses of dryland studies report average losses of "
                "several percent in the following crop's yield, and clear reductions in soil water and mineral "
                "nitrogen, with a break-even point at roughly 700 mm of annual rainfall."
            ),
            (
                "The speakers presented results from long-term no-till trials in semi-arid cereal systems, "
                "comparing short-season legume covers, diverse rotations and residue mulch. They discussed "
                "termination timing, grazing the cover with sheep, and how soil carbon gains compare with those "
                "of conservation agriculture without a cover."
            ),
            (
                "The talk closed with practical advice for advisers: match species and sowing date to the rain "
                "season, keep at least some residue on the surface, and judge success over several years rather "
                "than a single season."
            ),
        ],
        "recording_url": "",
        "objectives": ["A3", "E3"],
        "practices": ["cover-crops", "conservation-agriculture", "crop-rotation"],
        "sample": True,
    },
    {
        "title": "Agroforestry and soil carbon: from meta-analyses to farm design",
        "series": "Task Force Talks",
        "start": "2024-10-09T14:00",
        "timezone": "Africa/Nairobi",
        "duration_minutes": 90,
        "speakers": ["Wanjiru Kamau", "Ousmane Sarr", "Camilo Restrepo"],
        "moderator": "Mariama Diatta",
        "abstract": [
            (
                "Meta-analyses agree that adding trees to cropland tends to raise soil organic carbon, with gains "
                "of roughly a quarter to two fifths in the topsoil and about a fifth to one metre depth compared "
                "with cropland or pasture. They also warn that clearing forest for agroforestry lowers stocks, so "
                "the starting point matters."
            ),
            (
                "Three practitioners translated these averages into decisions on the farm: which species to plant, "
                "at what density, and how to manage shade, pruning and competition with crops. Examples included "
                "parkland trees on sorghum fields, orchard-rice mosaics, and shade-grown coffee on steep slopes "
                "where trees also reduce erosion."
            ),
            (
                "The discussion turned to measurement - how deep to sample and how to separate tree carbon from "
                "soil carbon - and to finance, since trees take years to pay back and farmers need secure tenure "
                "to plant them."
            ),
        ],
        "recording_url": "",
        "objectives": ["A2", "A3"],
        "practices": ["agroforestry", "erosion-control"],
        "sample": True,
    },
    {
        "title": "Soil carbon in the next generation of NDCs",
        "series": "Task Force Talks",
        "start": "2025-03-12T15:00",
        "timezone": "UTC",
        "duration_minutes": 75,
        "speakers": ["Rudo Chikwanha", "Alejandro Ruiz"],
        "moderator": "Giulia Ferraro",
        "abstract": [
            (
                "Only a minority of national climate pledges have included explicit soil carbon measures: by 2019, "
                "28 of 196 NDCs set soil carbon, peatland or wetland targets, policies or measures. As countries "
                "revise their contributions, this session asked what it takes to move from vague references to "
                "quantified soil targets."
            ),
            (
                "Speakers from a farmers' union and a civil-society group described how they engaged ministries, "
                "what data they could offer, and why many officials hesitate when monitoring systems are weak. "
                "They also discussed the link between NDC targets and investment plans that actually pay land users "
                "for better soil management."
            ),
            (
                "Participants identified peatlands and wetlands as a practical entry point, since many NDCs that "
                "mention soils already do so through these ecosystems."
            ),
        ],
        "recording_url": "",
        "objectives": ["A1", "B1"],
        "practices": ["peatland-protection", "integrated-soil-fertility"],
        "sample": True,
    },
    {
        "title": "Biochar in the field: persistence, yields and co-benefits",
        "series": "Soil Carbon Science Webinar Series",
        "start": "2025-06-18T09:00",
        "timezone": "Asia/Tokyo",
        "duration_minutes": 60,
        "speakers": ["Kenji Morimoto", "Kofi Boateng"],
        "moderator": "Li Wenjing",
        "abstract": [
            (
                "Biochar is often presented as a way to lock carbon in soil for a long time, but field evidence "
                "varies with feedstock, pyrolysis conditions, soil type and how it is applied. A global "
                "meta-analysis of field trials found soil organic carbon stocks about 29% higher on average after "
                "biochar application, with larger gains for plant-based biochar, combined organic fertilization and "
                "finer soils."
            ),
            (
                "Two trial leads - one working in tea gardens and orchards, the other with cocoa and vegetable "
                "growers - shared multi-year results on carbon, yields, soil acidity and water holding. They "
                "discussed how to distinguish the carbon in the char itself from changes in native soil organic "
                "matter."
            ),
            (
                "The session ended with questions about costs, feedstock availability and whether biochar should "
                "be credited differently from other soil carbon practices because of its stability."
            ),
        ],
        "recording_url": "",
        "objectives": ["E3", "A6"],
        "practices": ["biochar", "compost-and-manure"],
        "sample": True,
    },
    {
        "title": "Sampling design, equivalent soil mass and uncertainty",
        "series": "MRV Clinic",
        "start": "2026-04-22T11:00",
        "timezone": "America/Chicago",
        "duration_minutes": 90,
        "speakers": ["Katrin Vogel", "Aroha Te Rangi"],
        "moderator": "Marcus Bell",
        "abstract": [
            (
                "Comparing soil carbon stocks over time is only meaningful if the same mass of soil is compared. "
                "Changes in bulk density after tillage changes or compaction can create apparent gains or losses "
                "when stocks are calculated to a fixed depth. This clinic explained the equivalent soil mass method "
                "and when it should be used."
            ),
            (
                "A monitoring specialist described how to stratify fields, how many cores to take and how deep, "
                "and how to estimate the uncertainty of a stock change. A farmer-led trust shared its experience "
                "of helping pastoral farmers sample their own land with consistent protocols and of benchmarking "
                "anonymized results."
            ),
            (
                "Participants discussed whether subsoils should be included, given that more than half of global "
                "soil organic carbon lies below 20 cm, and how to balance accuracy against cost."
            ),
        ],
        "recording_url": "",
        "objectives": ["E1", "E2"],
        "practices": ["grazing-management", "reduced-tillage"],
        "sample": True,
    },
    # ------------------------------------------------------------------
    # Sample webinars (invented) - upcoming: days after the first load
    # ------------------------------------------------------------------
    {
        "title": "Remote sensing and in-field sensors: can they cut the cost of verification?",
        "series": "MRV Clinic",
        "starts_in_days": 50,
        "start_time": "14:00",
        "timezone": "Europe/Amsterdam",
        "duration_minutes": 75,
        "speakers": ["Otieno Odhiambo", "Julien Roussel"],
        "moderator": "Sanne de Vries",
        "abstract": [
            (
                "Verification costs are one of the main reasons soil carbon projects struggle to reach small farms. "
                "Many hope that satellite data and cheap in-field sensors will reduce the number of laboratory "
                "samples needed. This clinic will look at what these technologies can and cannot do today."
            ),
            (
                "Speakers will present digital soil mapping that combines field samples with satellite covariates, "
                "infrared spectroscopy for fast soil analysis, and sensor-based monitoring of cover and biomass. "
                "They will discuss how each affects uncertainty and whether verifiers and registries accept them."
            ),
            (
                "The clinic will end with a discussion on what a credible, affordable monitoring package for a "
                "smallholder project could look like by 2030."
            ),
        ],
        "recording_url": "",
        "objectives": ["E1", "A5"],
        "practices": [],
        "sample": True,
    },
    {
        "title": "Carbon markets for smallholders: transparency, access and benefit sharing",
        "series": "Task Force Talks",
        "starts_in_days": 106,
        "start_time": "13:00",
        "timezone": "America/Sao_Paulo",
        "duration_minutes": 90,
        "speakers": ["Fatou Bamba", "Sanne de Vries", "Ana Paula Rezende"],
        "moderator": "Yao N'Guessan",
        "abstract": [
            (
                "Carbon markets promise new income for farmers who build soil carbon, but rules on additionality, "
                "permanence and verification often favour large operations. This session will ask how market "
                "mechanisms can become more transparent and accessible, in line with objective A5 of the strategic "
                "plan."
            ),
            (
                "A development bank officer, a results-based finance specialist and a network of ranchers restoring "
                "degraded pastures will compare experiences: who bears the risk when stocks fall, how long farmers "
                "must commit (some public schemes require 25 years), and how revenue is shared between farmers, "
                "aggregators and developers."
            ),
            (
                "The talk will also consider alternatives to offsetting, such as payments for practices, insetting "
                "in supply chains and public incentive schemes linked to national investment plans."
            ),
        ],
        "recording_url": "",
        "objectives": ["A5", "B2"],
        "practices": ["grazing-management", "agroforestry"],
        "sample": True,
    },
    {
        "title": "Peatlands and high-altitude wetlands in national climate plans",
        "series": "Task Force Talks",
        "starts_in_days": 176,
        "start_time": "10:00",
        "timezone": "Asia/Jakarta",
        "duration_minutes": 60,
        "speakers": ["Siti Rahmawati", "Rosa Quispe"],
        "moderator": "Bagus Pratama",
        "abstract": [
            (
                "Drained peatlands are among the largest land-based emission sources per hectare, while intact "
                "peat and wetland soils store huge amounts of carbon. This session will compare tropical lowland "
                "peat with high-altitude Andean wetlands and grasslands."
            ),
            (
                "Speakers will describe canal blocking and rewetting, paludiculture crops that tolerate high water "
                "tables, and community rules for grazing fragile wetlands. They will also discuss how these "
                "measures can be counted in national inventories and climate pledges."
            ),
        ],
        "recording_url": "",
        "objectives": ["A1", "D3"],
        "practices": ["peatland-protection"],
        "sample": True,
    },
    {
        "title": "Grasslands and livelihoods: grazing lessons from four continents",
        "series": "4 per 1000 x Soil4Climate",
        "starts_in_days": 288,
        "start_time": "17:00",
        "timezone": "UTC",
        "duration_minutes": 90,
        "speakers": ["Thandeka Mokoena", "Federico Olivera", "Rafael Lacerda"],
        "moderator": "Pieter Joubert",
        "abstract": [
            (
                "Building on earlier discussions of regenerative grazing, this session will bring together "
                "rangeland and grassland managers from semi-arid Africa and South American grasslands and "
                "savannas. Each will present several years of monitoring data on vegetation cover, forage and soil "
                "carbon."
            ),
            (
                "The speakers will be candid about mixed results: while planned grazing often improves cover and "
                "infiltration, soil carbon differences between rotational and continuous systems are not always "
                "detectable. They will discuss which indicators give farmers early feedback and which matter for "
                "carbon accounting."
            ),
            (
                "The last part will address livelihoods and drought: keeping forage reserves, adjusting herd size, "
                "and the role of collective action on communal land."
            ),
        ],
        "recording_url": "",
        "objectives": ["A3", "D1"],
        "practices": ["grazing-management"],
        "sample": True,
    },
]


EVENTS = [
    # ------------------------------------------------------------------
    # Real events
    # ------------------------------------------------------------------
    {
        "title": "Forum no. 1 of the 4 per 1000 Initiative, Marrakesh (COP22)",
        "kind": "initiative_day",
        "start_date": "2016-11-17",
        "end_date": "2016-11-17",
        "location": "Marrakesh, Morocco",
        "online": False,
        "organizer": "Alliance of Bioversity International and CIAT",
        "description": [
            (
                "The first Forum of Partners of the 4 per 1000 Initiative met in Marrakesh on 17 November 2016, "
                "during the UN climate conference COP22, one year after the Initiative was launched at COP21 in "
                "Paris. Since then the Initiative has held its annual day, bringing together the Forum of Partners "
                "and the Consortium of Members, alongside each COP."
            ),
            (
                "At COP22 the Consortium of Members, convening for the first time, created the Scientific and "
                "Technical Committee. Its core job is to propose reference criteria for the formative assessment of "
                "projects; it also looks at indicators, research priorities and practices suited to each region."
            ),
        ],
        "objectives": ["A2", "A4"],
        "regions": ["Morocco", "Near East and North Africa"],
        "sample": False,
    },
    {
        "title": "4 per 1000 Africa Symposium on Soil for Food Security and Climate",
        "kind": "partner_event",
        "start_date": "2018-10-24",
        "end_date": "2018-10-26",
        "location": "Johannesburg, South Africa",
        "online": False,
        "organizer": "Regeneration International",
        "description": [
            (
                "This three-day symposium in Johannesburg brought the 4 per 1000 agenda to African stakeholders. "
                "It was organized with Regeneration International and the NEPAD Agency, through the Comprehensive "
                "Africa Agriculture Development Programme (CAADP)."
            ),
            (
                "Discussions connected soil health and soil carbon with the continent's priorities of food "
                "security, adaptation and land restoration, and with the role of farmers as managers of their own "
                "systems."
            ),
        ],
        "objectives": ["A4", "A3"],
        "regions": ["South Africa", "Africa"],
        "sample": False,
    },
    {
        "title": "1st 4 per 1000 North America Regional Meeting",
        "kind": "partner_event",
        "start_date": "2020-05-11",
        "end_date": "2020-05-15",
        "location": "",
        "online": True,
        "organizer": "Regeneration Canada",
        "description": [
            (
                "The first regional meeting for North America was planned as a face-to-face meeting in Montreal on "
                "17-18 March 2020 and was postponed; it was then held online from 11 to 15 May 2020 as five sessions "
                "of 90 to 120 minutes, with about 200 participants. Regeneration Canada was the partner, and the "
                "French Embassy in Washington DC funded the meeting."
            ),
            (
                "At the time the region counted 65 partners and members, 7 in Canada and 58 in the United States. "
                "Session videos were published on the Initiative's website and YouTube channel, and slides were "
                "shared with members and partners on the collaborative platform."
            ),
        ],
        "objectives": ["A4"],
        "regions": ["North America", "Canada", "United States"],
        "sample": False,
    },
    {
        "title": "Workshop: monitoring the climate benefits of sustainable land management, with a focus on SOC",
        "kind": "cop_meeting",
        "start_date": "2021-04-27",
        "end_date": "2021-04-29",
        "location": "",
        "online": True,
        "organizer": "GIZ",
        "description": [
            (
                "The Climate-Soil Community of Practice, launched in 2020 by the 4 per 1000 Initiative and GIZ's "
                "sector project on soil protection, combating desertification and sustainable land management, "
                "held this online workshop on how to monitor the climate benefits of sustainable land management. "
                "It was hosted by Juliane Wiesenhütter (GIZ) and Paul Luu (4 per 1000)."
            ),
            (
                "Sessions covered tools such as the Carbon Benefits Project, LandPKS and WOCAT; the SALM monitoring "
                "approach together with Burkina Faso's national monitoring system, presented in French with English "
                "interpretation; sampling of representative land units in a project in Kyrgyzstan; and the Land "
                "Degradation Surveillance Framework presented by World Agroforestry."
            ),
            (
                "The concept note stressed that transparent, accurate, consistent and comparable methods for "
                "measuring soil carbon change remain a challenge, which is why the Community of Practice made "
                "monitoring a workshop theme."
            ),
        ],
        "objectives": ["A3", "A4"],
        "regions": ["Burkina Faso", "Africa"],
        "sample": False,
    },
    {
        "title": "4 per 1000 virtual fair: opening event",
        "kind": "partner_event",
        "start_date": "2021-05-03",
        "end_date": "2021-05-03",
        "location": "",
        "online": True,
        "organizer": "Alliance of Bioversity International and CIAT",
        "description": [
            (
                "The Initiative ran a virtual fair in its wiki, opened by an online event on Monday 3 May from "
                "15:30 to 16:30 CET. The year is not stated in our source; 2021 is inferred because 3 May fell on a "
                "Monday that year."
            ),
            (
                "Exhibitors built their own stand pages with photos and videos, posted opening hours with links to "
                "video chats (Jitsi unless they preferred Zoom), and listed their own workshops, tours and presentations. Stands "
                "remained editable after the opening."
            ),
        ],
        "objectives": ["A3"],
        "regions": [],
        "sample": False,
    },
    {
        "title": "1st Latin America and Caribbean Regional Conference of the 4 per 1000 Initiative",
        "kind": "partner_event",
        "start_date": "2021-05-12",
        "end_date": "2021-05-14",
        "location": "Goiânia, Brazil",
        "online": False,
        "organizer": "Embrapa",
        "description": [
            (
                "The first regional conference for Latin America and the Caribbean was prepared with Embrapa and "
                "hosted by the agriculture and livestock federation of the state of Goiás, with a field trip as "
                "part of the programme. The 9th meeting of the Scientific and Technical Committee, at Embrapa Rice "
                "and Beans, was scheduled just before it."
            ),
            (
                "The conference was postponed to 12-14 May 2021. Our sources do not confirm whether it then took "
                "place as planned or in another format."
            ),
        ],
        "objectives": ["A4"],
        "regions": ["Brazil", "Latin America and the Caribbean"],
        "sample": False,
    },
    {
        "title": "4 per 1000 Initiative Day at COP27: Healthy Soils for a Healthy Planet",
        "kind": "initiative_day",
        "start_date": "2022-11-16",
        "end_date": "2022-11-16",
        "location": "Tropitel Naama Bay, Sharm el-Sheikh, Egypt",
        "online": True,
        "organizer": "Alliance of Bioversity International and CIAT",
        "description": [
            (
                "The 2022 Initiative Day took place during COP27 in Sharm el-Sheikh on 16 November, from 9:00 to "
                "14:00 local time, in a hybrid format with a Zoom connection. The numbering of the Initiative's "
                "gatherings is not consistent: this was the sixth Initiative Day but the seventh Forum of Partners."
            ),
            (
                "Dr Wolfgang Zornbach of the German agriculture ministry chaired the day and Stéphane Le Foll, "
                "President of the Initiative, chaired the Forum. The ministers of agriculture of France, Spain and "
                "Germany took part by video. The event pages also gave practical directions to the venue by taxi "
                "and bus."
            ),
        ],
        "objectives": ["A1", "C1"],
        "regions": ["Egypt", "Near East and North Africa"],
        "sample": False,
    },
    # ------------------------------------------------------------------
    # Sample events (invented) - upcoming: days after the first load
    # ------------------------------------------------------------------
    {
        "title": "Sahel soil restoration field days",
        "kind": "partner_event",
        "starts_in_days": 70,
        "days": 3,
        "location": "Central Plateau, Burkina Faso",
        "online": False,
        "organizer": "Sahel Living Soils Network",
        "description": [
            (
                "Three days of field visits to farms that have rehabilitated crusted, degraded land with zaï pits, "
                "half-moon basins, stone lines and compost. Host farmers will show how they organize the extra "
                "labour and how yields and soil cover have changed over several seasons."
            ),
            (
                "A closing workshop will gather farmers' organizations, researchers and funders to discuss the "
                "barriers that slow adoption - training, workload, risk and access to credit - and to shortlist "
                "project ideas that could be submitted for formative assessment."
            ),
        ],
        "objectives": ["A3", "B3"],
        "regions": ["Burkina Faso", "Africa"],
        "sample": True,
    },
    {
        "title": "Community of Practice workshop: financing agroforestry and silvopasture",
        "kind": "cop_meeting",
        "starts_in_days": 189,
        "days": 2,
        "location": "",
        "online": True,
        "organizer": "Caribbean and Central American Green Fund",
        "description": [
            (
                "This online workshop will look at the finance gap for tree-based systems, which take years to pay "
                "back. Lenders, cooperatives and project developers will present loan products, blended finance and "
                "results-based payments for agroforestry and silvopasture."
            ),
            (
                "Breakout groups will work on monitoring plans that satisfy lenders without overburdening small "
                "producers, and on how soil carbon, biomass carbon and co-benefits such as erosion control can be "
                "reported together."
            ),
        ],
        "objectives": ["A2", "A5"],
        "regions": ["Latin America and the Caribbean", "Costa Rica", "Africa"],
        "sample": True,
    },
    {
        "title": "Next 4 per 1000 Initiative Day (alongside the next COP)",
        "kind": "initiative_day",
        "starts_in_days": 351,
        "days": 1,
        "location": "Venue to be confirmed (alongside the next COP)",
        "online": True,
        "organizer": "Alliance of Bioversity International and CIAT",
        "description": [
            (
                "Sample announcement for the demo: like previous years, the Initiative Day would combine the Forum "
                "of Partners, with a high-level session and college-by-college workshops, and a meeting of the Consortium "
                "of Members. Date, venue and programme here are invented."
            ),
            (
                "Planned themes include progress of the Task Forces under the Strategy Implementation Cycle, "
                "projects rated positively in recent calls for formative assessment, and a stocktake of soil "
                "targets in updated NDCs."
            ),
        ],
        "objectives": ["A1", "A2", "C1"],
        "regions": [],
        "sample": True,
    },
]
