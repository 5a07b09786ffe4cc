"""Demo directory data for Soil Knowledge Hub: soil practices, regions,
organizations and people.

This module is DEMO DATA (plain Python literals, no Django imports).

* Texts are written in our own words; facts are paraphrased from the
  Initiative's public sources (its website, strategic plan and reports).
* Every dict has a boolean "sample" key: True means the record (or part of it,
  e.g. a year of joining or a membership status) was invented for the demo.
* SOIL_PRACTICES and REGIONS are descriptive reference data (sample=False).
  Practice descriptions summarize published evidence.
* ORGANIZATIONS: 26 real organizations that appear in the facts (partners of
  the Executive Secretariat, or named in events and webinars). Their kind,
  country and website are real; their "membership" and "year_joined" are
  NOT stated in the facts and were chosen for the demo, so they carry
  sample=True. The other 34 organizations are fictional (names invented,
  websites on example.org) and also carry sample=True.
* PEOPLE: 12 real people named in the facts (sample=False, except Cornelia
  Rumpel, whose affiliation is a demo choice, sample=True) and 56 fictional
  people (sample=True) who work only for the fictional organizations.
* Known gaps: IGugu Trust has no website in the sources (website is ""),
  and its country (Zimbabwe) is assumed from its representative's work. GIZ
  is a federal agency; it is filed under kind "national_government" as the
  closest available kind.
"""

SOIL_PRACTICES = [
    {
        "slug": "agroforestry",
        "name": "Agroforestry",
        "description": (
            "Agroforestry deliberately combines trees or shrubs with crops or livestock on the same plot, "
            "for example alley cropping, windbreaks, silvopasture and homegardens. Meta-analyses report "
            "that turning cropland into agroforestry raises soil organic carbon stocks by roughly a quarter "
            "to a third depending on depth, and by about a fifth to one metre compared with cropland or "
            "pasture. Converting natural forest into agroforestry, by contrast, tends to lower soil carbon."
        ),
        "sample": False,
    },
    {
        "slug": "cover-crops",
        "name": "Cover crops",
        "description": (
            "Cover crops are sown between or alongside cash crops to keep the soil covered, feed soil life "
            "and return fresh organic matter. A synthesis of long-term trials puts the average carbon gain "
            "at a few hundred kilograms of carbon per hectare per year, with the largest relative increase "
            "in particulate organic carbon and microbial biomass. In drylands they compete with the next "
            "crop for water and nitrogen, so benefits depend heavily on rainfall."
        ),
        "sample": False,
    },
    {
        "slug": "conservation-agriculture",
        "name": "Conservation agriculture",
        "description": (
            "Conservation agriculture rests on three linked principles: disturb the soil as little as "
            "possible, keep at least about 30% of the surface permanently covered by residues or living "
            "plants, and grow a diversified sequence of at least three crops. In arid and semi-arid "
            "regions, studies combining these principles with cover crops or diverse rotations report "
            "topsoil carbon gains of roughly a quarter of a tonne of carbon per hectare per year."
        ),
        "sample": False,
    },
    {
        "slug": "reduced-tillage",
        "name": "Reduced tillage",
        "description": (
            "Reduced and no-till systems replace ploughing with shallow or no soil inversion, often using "
            "direct seeding into the previous crop's residues. Less disturbance protects soil aggregates, "
            "limits erosion and saves fuel and labour. Carbon gains are frequently concentrated near the "
            "surface, so sampling deeper layers matters when judging the net effect on the whole profile."
        ),
        "sample": False,
    },
    {
        "slug": "biochar",
        "name": "Biochar",
        "description": (
            "Biochar is a charcoal-like material made by heating biomass with little oxygen and then adding "
            "it to soil, where much of its carbon resists decomposition for a long time. A global "
            "meta-analysis of field trials lasting one to ten years found soil organic carbon stocks about "
            "29% higher on average after application. Gains were larger for plant-based biochar, when it was "
            "combined with organic fertilizer, and on medium- to fine-textured soils."
        ),
        "sample": False,
    },
    {
        "slug": "grazing-management",
        "name": "Grazing management",
        "description": (
            "Grazing management adjusts stocking rates, timing and rest periods so that pastures can recover "
            "between grazing events. Moderate continuous grazing or rotational and deferred systems with "
            "low to moderate stocking tend to improve water infiltration, nitrogen use and carbon storage. "
            "Results vary, however: a paired study in South Australia found no clear soil carbon difference "
            "between rotational and continuous grazing."
        ),
        "sample": False,
    },
    {
        "slug": "compost-and-manure",
        "name": "Compost and manure",
        "description": (
            "Applying composts and animal manures returns organic matter and nutrients to fields and is among "
            "the most effective ways to build soil carbon locally. Long-term experiments show manure raising "
            "soil carbon by around 30% relative to controls, with rates of several hundred kilograms of carbon "
            "per hectare per year. Part of that gain is carbon moved from elsewhere, which matters when "
            "counting a net climate benefit."
        ),
        "sample": False,
    },
    {
        "slug": "crop-residue-retention",
        "name": "Crop residue retention",
        "description": (
            "Leaving straw, stalks and other residues on the field instead of burning or removing them "
            "protects the surface from erosion and feeds soil organisms. Reviews of long-term trials find a "
            "modest but consistent increase in soil carbon of around 10% compared with residue removal. "
            "Competing uses of residues as fodder, fuel or bedding often limit how much can be left behind."
        ),
        "sample": False,
    },
    {
        "slug": "crop-rotation",
        "name": "Crop rotation and diversification",
        "description": (
            "Rotating crops and diversifying with legumes, perennials or intercrops breaks pest cycles, "
            "spreads risk and varies the quantity and quality of roots and residues entering the soil. "
            "Diverse rotations are one of the three pillars of conservation agriculture and, in dry regions, "
            "have been associated with topsoil carbon gains comparable to those of cover crops."
        ),
        "sample": False,
    },
    {
        "slug": "peatland-protection",
        "name": "Peatland and wetland protection",
        "description": (
            "Peatlands and wetlands hold very large carbon stocks in waterlogged organic soils. Drainage for "
            "farming or forestry exposes that carbon to oxygen and turns these areas into major emission "
            "sources, so protecting intact peat and rewetting drained sites is a priority. Many national "
            "climate plans that mention soils do so through peatland or wetland measures."
        ),
        "sample": False,
    },
    {
        "slug": "erosion-control",
        "name": "Erosion control and terracing",
        "description": (
            "Terraces, contour bunds, stone lines, grass strips and similar structures slow runoff and keep "
            "fertile topsoil on sloping land. Preventing erosion protects the carbon-rich surface layer and "
            "the productivity that depends on it. These measures are often combined with tree planting and "
            "soil cover in watershed restoration programmes."
        ),
        "sample": False,
    },
    {
        "slug": "integrated-soil-fertility",
        "name": "Integrated soil fertility management",
        "description": (
            "Integrated soil fertility management combines mineral fertilizers with organic inputs, improved "
            "varieties and local knowledge adapted to each field. By raising yields it increases the biomass "
            "that can be returned to the soil, while organic inputs feed soil life directly. Reviews find that "
            "nitrogen fertilization alone raises soil carbon modestly, with larger effects when combined with "
            "organic amendments."
        ),
        "sample": False,
    },
]


REGIONS = [
    {"name": "Africa", "kind": "region", "parent": None, "iso_code": "", "sample": False},
    {"name": "Asia and the Pacific", "kind": "region", "parent": None, "iso_code": "", "sample": False},
    {"name": "Europe", "kind": "region", "parent": None, "iso_code": "", "sample": False},
    {
        "name": "Latin America and the Caribbean",
        "kind": "region",
        "parent": None,
        "iso_code": "",
        "sample": False,
    },
    {"name": "North America", "kind": "region", "parent": None, "iso_code": "", "sample": False},
    {"name": "Near East and North Africa", "kind": "region", "parent": None, "iso_code": "", "sample": False},
    # Europe
    {"name": "France", "kind": "country", "parent": "Europe", "iso_code": "FR", "sample": False},
    {"name": "Spain", "kind": "country", "parent": "Europe", "iso_code": "ES", "sample": False},
    {"name": "Germany", "kind": "country", "parent": "Europe", "iso_code": "DE", "sample": False},
    {"name": "Italy", "kind": "country", "parent": "Europe", "iso_code": "IT", "sample": False},
    {"name": "Netherlands", "kind": "country", "parent": "Europe", "iso_code": "NL", "sample": False},
    # Africa (sub-Saharan)
    {"name": "Benin", "kind": "country", "parent": "Africa", "iso_code": "BJ", "sample": False},
    {"name": "Senegal", "kind": "country", "parent": "Africa", "iso_code": "SN", "sample": False},
    {"name": "Kenya", "kind": "country", "parent": "Africa", "iso_code": "KE", "sample": False},
    {"name": "Ethiopia", "kind": "country", "parent": "Africa", "iso_code": "ET", "sample": False},
    {"name": "South Africa", "kind": "country", "parent": "Africa", "iso_code": "ZA", "sample": False},
    {"name": "Burkina Faso", "kind": "country", "parent": "Africa", "iso_code": "BF", "sample": False},
    {"name": "Ghana", "kind": "country", "parent": "Africa", "iso_code": "GH", "sample": False},
    {"name": "Côte d'Ivoire", "kind": "country", "parent": "Africa", "iso_code": "CI", "sample": False},
    {"name": "Zimbabwe", "kind": "country", "parent": "Africa", "iso_code": "ZW", "sample": False},
    # Near East and North Africa
    {
        "name": "Morocco",
        "kind": "country",
        "parent": "Near East and North Africa",
        "iso_code": "MA",
        "sample": False,
    },
    {
        "name": "Egypt",
        "kind": "country",
        "parent": "Near East and North Africa",
        "iso_code": "EG",
        "sample": False,
    },
    {
        "name": "Tunisia",
        "kind": "country",
        "parent": "Near East and North Africa",
        "iso_code": "TN",
        "sample": False,
    },
    # Asia and the Pacific
    {"name": "India", "kind": "country", "parent": "Asia and the Pacific", "iso_code": "IN", "sample": False},
    {"name": "China", "kind": "country", "parent": "Asia and the Pacific", "iso_code": "CN", "sample": False},
    {
        "name": "Indonesia",
        "kind": "country",
        "parent": "Asia and the Pacific",
        "iso_code": "ID",
        "sample": False,
    },
    {
        "name": "Viet Nam",
        "kind": "country",
        "parent": "Asia and the Pacific",
        "iso_code": "VN",
        "sample": False,
    },
    {
        "name": "Australia",
        "kind": "country",
        "parent": "Asia and the Pacific",
        "iso_code": "AU",
        "sample": False,
    },
    {
        "name": "New Zealand",
        "kind": "country",
        "parent": "Asia and the Pacific",
        "iso_code": "NZ",
        "sample": False,
    },
    {"name": "Japan", "kind": "country", "parent": "Asia and the Pacific", "iso_code": "JP", "sample": False},
    # Latin America and the Caribbean
    {
        "name": "Brazil",
        "kind": "country",
        "parent": "Latin America and the Caribbean",
        "iso_code": "BR",
        "sample": False,
    },
    {
        "name": "Argentina",
        "kind": "country",
        "parent": "Latin America and the Caribbean",
        "iso_code": "AR",
        "sample": False,
    },
    {
        "name": "Mexico",
        "kind": "country",
        "parent": "Latin America and the Caribbean",
        "iso_code": "MX",
        "sample": False,
    },
    {
        "name": "Colombia",
        "kind": "country",
        "parent": "Latin America and the Caribbean",
        "iso_code": "CO",
        "sample": False,
    },
    {
        "name": "Peru",
        "kind": "country",
        "parent": "Latin America and the Caribbean",
        "iso_code": "PE",
        "sample": False,
    },
    {
        "name": "Uruguay",
        "kind": "country",
        "parent": "Latin America and the Caribbean",
        "iso_code": "UY",
        "sample": False,
    },
    {
        "name": "Costa Rica",
        "kind": "country",
        "parent": "Latin America and the Caribbean",
        "iso_code": "CR",
        "sample": False,
    },
    # North America
    {"name": "Canada", "kind": "country", "parent": "North America", "iso_code": "CA", "sample": False},
    {
        "name": "United States",
        "kind": "country",
        "parent": "North America",
        "iso_code": "US",
        "sample": False,
    },
]


ORGANIZATIONS = [
    # ------------------------------------------------------------------
    # Real organizations (from the facts). Kind, country and website are
    # real; membership and year_joined are demo choices -> sample=True.
    # ------------------------------------------------------------------
    {
        "name": "French Ministry of Agriculture and Food",
        "short_name": "MASA",
        "kind": "national_government",
        "country": "France",
        "membership": "member",
        "year_joined": 2015,
        "website": "https://agriculture.gouv.fr",
        "description": (
            "France championed the 4 per 1000 Initiative when it was launched alongside COP21 in Paris in "
            "December 2015. The ministry in charge of agriculture supports the Executive Secretariat through a "
            "grant agreement and a seconded staff member."
        ),
        "sample": True,
    },
    {
        "name": "Spanish Ministry of Agriculture, Fisheries and Food",
        "short_name": "MAPA",
        "kind": "national_government",
        "country": "Spain",
        "membership": "member",
        "year_joined": 2016,
        "website": "https://www.mapa.gob.es",
        "description": (
            "Spain's agriculture ministry is one of the governmental partners of the Executive Secretariat, "
            "with a grant agreement and one secondment. Its minister addressed the 2022 Initiative Day in "
            "Sharm el-Sheikh by video together with the French and German ministers."
        ),
        "sample": True,
    },
    {
        "name": "German Federal Ministry of Food and Agriculture",
        "short_name": "BMEL",
        "kind": "national_government",
        "country": "Germany",
        "membership": "member",
        "year_joined": 2015,
        "website": "https://www.bmel.de",
        "description": (
            "The German federal agriculture ministry supports the Secretariat with staff seconded through its "
            "agency BLE, amounting to two and a half positions in 2022. A BMEL official chaired the 2022 "
            "Initiative Day held during COP27."
        ),
        "sample": True,
    },
    {
        "name": "Alliance of Bioversity International and CIAT",
        "short_name": "ABC",
        "kind": "research",
        "country": "Italy",
        "membership": "partner",
        "year_joined": 2021,
        "website": "https://alliancebioversityciat.org",
        "description": (
            "This CGIAR research centre has hosted the Initiative's Executive Secretariat since 1 January 2021 "
            "under a hosting agreement and memorandum of agreement. The Secretariat's postal address is at the "
            "Alliance's premises on the Agropolis campus in Montpellier."
        ),
        "sample": True,
    },
    {
        "name": "GIZ",
        "short_name": "GIZ",
        "kind": "national_government",
        "country": "Germany",
        "membership": "partner",
        "year_joined": 2020,
        "website": "https://www.giz.de",
        "description": (
            "Germany's federal agency for international cooperation co-founded the Climate-Soil Community of "
            "Practice with the Initiative in 2020 through its sector project on soil protection, combating "
            "desertification and sustainable land management. It also funded the Secretariat under a grant "
            "running from December 2021 to March 2023."
        ),
        "sample": True,
    },
    {
        "name": "IRD",
        "short_name": "IRD",
        "kind": "research",
        "country": "France",
        "membership": "member",
        "year_joined": 2015,
        "website": "https://www.ird.fr",
        "description": (
            "The French research institute for sustainable development works with partners in the Global "
            "South on soils, agriculture and environment. It signed grant agreements with the Initiative in "
            "2020 and 2022."
        ),
        "sample": True,
    },
    {
        "name": "CIRAD",
        "short_name": "CIRAD",
        "kind": "research",
        "country": "France",
        "membership": "member",
        "year_joined": 2015,
        "website": "https://www.cirad.fr",
        "description": (
            "CIRAD is the French agricultural research and international cooperation organization for tropical "
            "and Mediterranean regions. It contributes a part-time secondment to the Secretariat, and its "
            "agronomists take part in Community of Practice debates on soil carbon and food security in Africa."
        ),
        "sample": True,
    },
    {
        "name": "INRAE",
        "short_name": "INRAE",
        "kind": "research",
        "country": "France",
        "membership": "member",
        "year_joined": 2015,
        "website": "https://www.inrae.fr",
        "description": (
            "France's national research institute for agriculture, food and environment studies soil carbon "
            "storage potential and the practices that can raise it. It provides office space for the Initiative "
            "in Paris."
        ),
        "sample": True,
    },
    {
        "name": "AFRIS",
        "short_name": "AFRIS",
        "kind": "ngo",
        "country": "Benin",
        "membership": "partner",
        "year_joined": 2021,
        "website": "https://afris.org",
        "description": (
            "AFRIS is a partner based in Benin that signed a three-year memorandum of understanding with the "
            "Initiative in September 2021. The Initiative's collaborative wiki, with its strategy, Task Force, "
            "event and virtual fair spaces, runs on an AFRIS-hosted server."
        ),
        "sample": True,
    },
    {
        "name": "AAA Initiative",
        "short_name": "AAA",
        "kind": "foundation",
        "country": "Morocco",
        "membership": "partner",
        "year_joined": 2022,
        "website": "https://www.aaainitiative.org",
        "description": (
            "The Adaptation of African Agriculture Initiative, launched from Morocco, promotes solutions for "
            "soil management, water control and climate risk on the African continent. It signed a five-year "
            "memorandum of understanding with the 4 per 1000 Initiative in February 2022."
        ),
        "sample": True,
    },
    {
        "name": "International Organisation of Vine and Wine",
        "short_name": "OIV",
        "kind": "international_organization",
        "country": "France",
        "membership": "partner",
        "year_joined": 2022,
        "website": "https://www.oiv.int",
        "description": (
            "The OIV is the intergovernmental scientific and technical body for the vine and wine sector. A "
            "three-year memorandum of understanding signed in April 2022 links it to the Initiative, reflecting "
            "the importance of soil health for vineyards."
        ),
        "sample": True,
    },
    {
        "name": "Save Soil (Isha Foundation)",
        "short_name": "Save Soil",
        "kind": "foundation",
        "country": "India",
        "membership": "partner",
        "year_joined": 2022,
        "website": "https://consciousplanet.org",
        "description": (
            "Save Soil is a global awareness campaign run by the India-based Isha Foundation that calls on "
            "governments to adopt policies restoring soil organic matter. It signed a three-year memorandum of "
            "understanding with the Initiative in April 2022."
        ),
        "sample": True,
    },
    {
        "name": "FARM Foundation",
        "short_name": "FARM",
        "kind": "foundation",
        "country": "France",
        "membership": "partner",
        "year_joined": 2022,
        "website": "https://fondation-farm.org",
        "description": (
            "The Foundation for World Agriculture and Rurality works on food security and agricultural "
            "development, particularly in Africa. Its partnership with the Initiative rests on a three-year "
            "memorandum of understanding signed in October 2022."
        ),
        "sample": True,
    },
    {
        "name": "Danone",
        "short_name": "",
        "kind": "company",
        "country": "France",
        "membership": "partner",
        "year_joined": 2019,
        "website": "https://www.danone.com",
        "description": (
            "The food company Danone supported the Secretariat under a one-year funding agreement signed in "
            "July 2019. As a commercial organization it can be an official partner but not a member of the "
            "Initiative."
        ),
        "sample": True,
    },
    {
        "name": "FAO Global Soil Partnership",
        "short_name": "GSP",
        "kind": "international_organization",
        "country": "Italy",
        "membership": "partner",
        "year_joined": 2016,
        "website": "https://www.fao.org/global-soil-partnership",
        "description": (
            "The Global Soil Partnership, hosted by FAO in Rome, coordinates international work on sustainable "
            "soil management. Its voluntary protocol for measuring, reporting and verifying soil organic carbon "
            "in agricultural landscapes, published in 2020, sets out six stages from applicability checks to "
            "verification."
        ),
        "sample": True,
    },
    {
        "name": "Regeneration International",
        "short_name": "RI",
        "kind": "ngo",
        "country": "United States",
        "membership": "member",
        "year_joined": 2016,
        "website": "https://regenerationinternational.org",
        "description": (
            "Regeneration International is a non-profit network that promotes regenerative agriculture and land "
            "management as a response to climate change and hunger. It co-organized the 4 per 1000 Africa "
            "Symposium in Johannesburg in October 2018."
        ),
        "sample": True,
    },
    {
        "name": "Regeneration Canada",
        "short_name": "",
        "kind": "ngo",
        "country": "Canada",
        "membership": "member",
        "year_joined": 2018,
        "website": "https://regenerationcanada.org",
        "description": (
            "Regeneration Canada is a non-profit organization that raises awareness of soil health and "
            "regenerative farming across Canada. It was the partner of the first 4 per 1000 North America "
            "regional meeting, which moved online in May 2020."
        ),
        "sample": True,
    },
    {
        "name": "Embrapa",
        "short_name": "Embrapa",
        "kind": "research",
        "country": "Brazil",
        "membership": "member",
        "year_joined": 2016,
        "website": "https://www.embrapa.br",
        "description": (
            "The Brazilian Agricultural Research Corporation runs a national network of research centres on "
            "crops, livestock and tropical soils. It was the scientific partner of the first Latin America and "
            "Caribbean regional conference planned in Goiânia, preceded by an STC meeting at Embrapa Rice and "
            "Beans."
        ),
        "sample": True,
    },
    {
        "name": "Soil4Climate",
        "short_name": "",
        "kind": "ngo",
        "country": "United States",
        "membership": "partner",
        "year_joined": 2019,
        "website": "https://soil4climate.org",
        "description": (
            "Soil4Climate is a US-based non-profit that advocates soil restoration as a climate solution. It "
            "co-hosted a webinar with the Initiative in December 2022 on regenerative grazing as a soil, climate "
            "and livelihoods solution."
        ),
        "sample": True,
    },
    {
        "name": "World Agroforestry (ICRAF)",
        "short_name": "ICRAF",
        "kind": "research",
        "country": "Kenya",
        "membership": "member",
        "year_joined": 2016,
        "website": "https://www.cifor-icraf.org",
        "description": (
            "World Agroforestry, now part of CIFOR-ICRAF and headquartered in Nairobi, researches trees on farms "
            "and in landscapes. Its Land Degradation Surveillance Framework for assessing soil and land health "
            "was presented at a Community of Practice workshop in April 2021."
        ),
        "sample": True,
    },
    {
        "name": "Thünen Institute",
        "short_name": "",
        "kind": "research",
        "country": "Germany",
        "membership": "partner",
        "year_joined": 2017,
        "website": "https://www.thuenen.de",
        "description": (
            "The Thünen Institute is a German federal research institute for rural areas, forestry and "
            "fisheries. Its Institute of Climate-Smart Agriculture in Braunschweig studies soil carbon "
            "inventories and the stability of soil organic matter."
        ),
        "sample": True,
    },
    {
        "name": "Colorado State University",
        "short_name": "CSU",
        "kind": "research",
        "country": "United States",
        "membership": "partner",
        "year_joined": 2019,
        "website": "https://www.colostate.edu",
        "description": (
            "Colorado State University is a public research university in Fort Collins with a strong record in "
            "soil and ecosystem science. One of its professors spoke on carbon saturation and on particulate "
            "versus mineral-associated organic carbon at the first Soil Carbon Science webinar in 2023."
        ),
        "sample": True,
    },
    {
        "name": "University of Sydney",
        "short_name": "USYD",
        "kind": "research",
        "country": "Australia",
        "membership": "partner",
        "year_joined": 2017,
        "website": "https://www.sydney.edu.au",
        "description": (
            "The University of Sydney hosts a large soil science group working on digital soil mapping, soil "
            "carbon modelling and monitoring. Its staff have taken part in the Initiative's Scientific and "
            "Technical Committee."
        ),
        "sample": True,
    },
    {
        "name": "New Mexico State University",
        "short_name": "NMSU",
        "kind": "research",
        "country": "United States",
        "membership": "partner",
        "year_joined": 2021,
        "website": "https://www.nmsu.edu",
        "description": (
            "New Mexico State University is a public land-grant university in the arid southwest of the United "
            "States. One of its researchers presented the scientific side of regenerative grazing, covering "
            "soil and climate, in the joint 4 per 1000 and Soil4Climate webinar of December 2022."
        ),
        "sample": True,
    },
    {
        "name": "IGugu Trust",
        "short_name": "",
        "kind": "ngo",
        "country": "Zimbabwe",
        "membership": "partner",
        "year_joined": 2022,
        "website": "",
        "description": (
            "IGugu Trust is a Zimbabwean organization working with rural communities on regenerative land "
            "management and livelihoods. It was represented in the December 2022 webinar on regenerative "
            "grazing, speaking to the practice side of the topic."
        ),
        "sample": True,
    },
    {
        "name": "Occitanie Region",
        "short_name": "",
        "kind": "local_government",
        "country": "France",
        "membership": "member",
        "year_joined": 2016,
        "website": "https://www.laregion.fr",
        "description": (
            "The Occitanie regional council in southern France provides offices used by the Initiative. The "
            "region is home to the Montpellier agricultural research cluster where the Secretariat is based."
        ),
        "sample": True,
    },
    # ------------------------------------------------------------------
    # Fictional sample organizations (invented for the demo).
    # ------------------------------------------------------------------
    {
        "name": "Sahel Living Soils Network",
        "short_name": "SLSN",
        "kind": "ngo",
        "country": "Burkina Faso",
        "membership": "member",
        "year_joined": 2017,
        "website": "https://sahel-living-soils.example.org",
        "description": (
            "A fictional network of village associations and extension workers that revives zaï pits, stone "
            "lines and half-moon basins on crusted soils. It documents farmers' own trials and shares them "
            "through radio programmes in local languages."
        ),
        "sample": True,
    },
    {
        "name": "Ouémé Valley Farmers' Cooperative",
        "short_name": "OVFC",
        "kind": "farmers_organization",
        "country": "Benin",
        "membership": "member",
        "year_joined": 2019,
        "website": "https://oueme-farmers.example.org",
        "description": (
            "A fictional cooperative of maize, cassava and vegetable growers in a floodplain valley. Members "
            "pool compost production and test legume cover crops to restore soils exhausted by continuous "
            "cropping."
        ),
        "sample": True,
    },
    {
        "name": "Casamance Agroecology Collective",
        "short_name": "CAC",
        "kind": "ngo",
        "country": "Senegal",
        "membership": "member",
        "year_joined": 2020,
        "website": "https://casamance-agroecology.example.org",
        "description": (
            "A fictional civil-society group supporting rice and orchard farmers with agroforestry, mangrove "
            "protection and organic fertilization. It runs farmer field schools that address workload and "
            "training gaps, two barriers often cited for slow adoption of soil-carbon practices."
        ),
        "sample": True,
    },
    {
        "name": "Rift Valley Soil Health Institute",
        "short_name": "RVSHI",
        "kind": "research",
        "country": "Kenya",
        "membership": "member",
        "year_joined": 2018,
        "website": "https://riftvalley-soilhealth.example.org",
        "description": (
            "A fictional applied research institute that combines infrared soil spectroscopy with farm surveys "
            "to map soil organic carbon. It trains county extension officers to interpret soil tests and to "
            "advise on integrated fertility management."
        ),
        "sample": True,
    },
    {
        "name": "Highlands Terraces Farmers Association",
        "short_name": "HTFA",
        "kind": "farmers_organization",
        "country": "Ethiopia",
        "membership": "member",
        "year_joined": 2021,
        "website": "https://highlands-terraces.example.org",
        "description": (
            "A fictional association of smallholders farming steep highland slopes. Its members build and "
            "maintain bench terraces and grass strips and plant fodder trees to curb erosion and feed livestock."
        ),
        "sample": True,
    },
    {
        "name": "Karoo Rangeland Trust",
        "short_name": "KRT",
        "kind": "ngo",
        "country": "South Africa",
        "membership": "member",
        "year_joined": 2018,
        "website": "https://karoo-rangeland.example.org",
        "description": (
            "A fictional trust that works with commercial and communal livestock keepers on planned grazing in "
            "semi-arid rangelands. It maintains a network of monitoring plots to compare vegetation cover and "
            "soil carbon under different grazing regimes."
        ),
        "sample": True,
    },
    {
        "name": "Volta Green Inputs Ltd",
        "short_name": "",
        "kind": "company",
        "country": "Ghana",
        "membership": "partner",
        "year_joined": 2023,
        "website": "https://volta-green-inputs.example.org",
        "description": (
            "A fictional agri-input company producing compost and biochar blends from cocoa pod husks and "
            "sawmill waste. It sells through village input dealers and offers soil tests with each delivery."
        ),
        "sample": True,
    },
    {
        "name": "Pan-African Soil Investment Bank",
        "short_name": "PASIB",
        "kind": "development_bank",
        "country": "Côte d'Ivoire",
        "membership": "member",
        "year_joined": 2021,
        "website": "https://pasib.example.org",
        "description": (
            "A fictional development bank that blends concessional loans and grants for land restoration and "
            "soil health programmes. It is interested in harmonized project development and monitoring rules so "
            "that small projects can be bundled into investable portfolios."
        ),
        "sample": True,
    },
    {
        "name": "Mashonaland Conservation Farming Union",
        "short_name": "MCFU",
        "kind": "farmers_organization",
        "country": "Zimbabwe",
        "membership": "member",
        "year_joined": 2019,
        "website": "https://mashonaland-cfu.example.org",
        "description": (
            "A fictional farmers' union promoting planting basins, mulching and maize-legume rotations. It runs "
            "demonstration plots where members compare yields and soil moisture under conventional and "
            "conservation practices."
        ),
        "sample": True,
    },
    {
        "name": "Atlas Dryland Agronomy Centre",
        "short_name": "ADAC",
        "kind": "research",
        "country": "Morocco",
        "membership": "member",
        "year_joined": 2016,
        "website": "https://atlas-dryland.example.org",
        "description": (
            "A fictional research centre focused on no-till cereal systems, olive orchards and water harvesting "
            "in semi-arid zones. Its trials examine when cover crops pay off and when they compete too strongly "
            "for scarce soil water."
        ),
        "sample": True,
    },
    {
        "name": "Nile Delta Soil Fertility Foundation",
        "short_name": "NDSFF",
        "kind": "foundation",
        "country": "Egypt",
        "membership": "member",
        "year_joined": 2022,
        "website": "https://niledelta-soils.example.org",
        "description": (
            "A fictional foundation that finances compost hubs and salinity management advice for irrigated "
            "smallholdings. It also funds student research on organic matter in alluvial soils."
        ),
        "sample": True,
    },
    {
        "name": "Northern Tell Regional Agricultural Council",
        "short_name": "NTRAC",
        "kind": "local_government",
        "country": "Tunisia",
        "membership": "member",
        "year_joined": 2020,
        "website": "https://northern-tell-council.example.org",
        "description": (
            "A fictional regional authority responsible for rural development in a cereal-growing area. It "
            "links conservation agriculture subsidies to soil cover targets and reports on them annually."
        ),
        "sample": True,
    },
    {
        "name": "Deccan Soil Carbon Collective",
        "short_name": "DSCC",
        "kind": "ngo",
        "country": "India",
        "membership": "member",
        "year_joined": 2019,
        "website": "https://deccan-soilcarbon.example.org",
        "description": (
            "A fictional NGO working with women's self-help groups on rainfed farms in a semi-arid plateau. It "
            "promotes crop residue mulching, farm ponds and bund planting, and tracks soil carbon with simple "
            "field kits."
        ),
        "sample": True,
    },
    {
        "name": "Huanghe Terrace Soil Carbon Laboratory",
        "short_name": "HTSCL",
        "kind": "research",
        "country": "China",
        "membership": "member",
        "year_joined": 2018,
        "website": "https://huanghe-terrace-lab.example.org",
        "description": (
            "A fictional university laboratory studying how terracing and the conversion of sloping cropland to "
            "grassland and forest change soil carbon in erosion-prone loess landscapes. It runs a long-term "
            "paired-plot experiment."
        ),
        "sample": True,
    },
    {
        "name": "Nusantara Peatland Stewardship Foundation",
        "short_name": "NPSF",
        "kind": "foundation",
        "country": "Indonesia",
        "membership": "member",
        "year_joined": 2017,
        "website": "https://nusantara-peatland.example.org",
        "description": (
            "A fictional foundation funding canal blocking, rewetting and paludiculture pilots on drained "
            "tropical peat. It supports villages in switching to crops that tolerate high water tables."
        ),
        "sample": True,
    },
    {
        "name": "Mekong Delta Rice Soils Cooperative",
        "short_name": "MDRSC",
        "kind": "farmers_organization",
        "country": "Viet Nam",
        "membership": "member",
        "year_joined": 2021,
        "website": "https://mekong-rice-soils.example.org",
        "description": (
            "A fictional cooperative of rice farmers experimenting with straw incorporation instead of burning "
            "and with alternate wetting and drying. Members share equipment for collecting and composting straw."
        ),
        "sample": True,
    },
    {
        "name": "Aotearoa Pasture Soils Trust",
        "short_name": "APST",
        "kind": "ngo",
        "country": "New Zealand",
        "membership": "member",
        "year_joined": 2020,
        "website": "https://aotearoa-pasture.example.org",
        "description": (
            "A fictional charitable trust supporting pastoral farmers who monitor soil carbon on their own land. "
            "It brokers access to soil sampling services and publishes anonymized results for benchmarking."
        ),
        "sample": True,
    },
    {
        "name": "Satoyama Biochar Works Co.",
        "short_name": "",
        "kind": "company",
        "country": "Japan",
        "membership": "partner",
        "year_joined": 2022,
        "website": "https://satoyama-biochar.example.org",
        "description": (
            "A fictional company that turns bamboo and orchard prunings into biochar in small kilns. It works "
            "with tea and fruit growers to test application rates and document soil carbon over several years."
        ),
        "sample": True,
    },
    {
        "name": "Terroirs Vivants Cooperative",
        "short_name": "",
        "kind": "farmers_organization",
        "country": "France",
        "membership": "member",
        "year_joined": 2017,
        "website": "https://terroirs-vivants.example.org",
        "description": (
            "A fictional cooperative of arable and wine growers in the south of France. Members share direct "
            "drills, run inter-row cover crop trials in vineyards and compare notes on the workload of changing "
            "practices."
        ),
        "sample": True,
    },
    {
        "name": "Humus Analytics SAS",
        "short_name": "",
        "kind": "company",
        "country": "France",
        "membership": "partner",
        "year_joined": 2023,
        "website": "https://humus-analytics.example.org",
        "description": (
            "A fictional start-up selling soil sampling, laboratory analysis and modelling services to carbon "
            "project developers. It focuses on equivalent-soil-mass calculations and on estimating uncertainty "
            "in stock changes."
        ),
        "sample": True,
    },
    {
        "name": "Meseta Regenerative Farming Association",
        "short_name": "MRFA",
        "kind": "farmers_organization",
        "country": "Spain",
        "membership": "member",
        "year_joined": 2019,
        "website": "https://meseta-regenerative.example.org",
        "description": (
            "A fictional association of dryland cereal, almond and sheep farmers on a central plateau. It "
            "promotes spontaneous vegetation cover in orchards and targeted grazing to reduce fire risk and "
            "erosion."
        ),
        "sample": True,
    },
    {
        "name": "Brandenburg Soil Monitoring Institute",
        "short_name": "BSMI",
        "kind": "research",
        "country": "Germany",
        "membership": "member",
        "year_joined": 2016,
        "website": "https://brandenburg-soil-monitoring.example.org",
        "description": (
            "A fictional institute maintaining a regional network of repeatedly sampled soil monitoring sites on "
            "sandy soils. Its data are used to test models that predict soil carbon change under different "
            "management scenarios."
        ),
        "sample": True,
    },
    {
        "name": "Apennine Municipalities Soil Pact",
        "short_name": "AMSP",
        "kind": "local_government",
        "country": "Italy",
        "membership": "member",
        "year_joined": 2021,
        "website": "https://apennine-soil-pact.example.org",
        "description": (
            "A fictional association of hill municipalities that coordinates landslide prevention, terrace "
            "restoration and public procurement favouring produce from farms with soil management plans."
        ),
        "sample": True,
    },
    {
        "name": "Polder Carbon Finance B.V.",
        "short_name": "",
        "kind": "company",
        "country": "Netherlands",
        "membership": "partner",
        "year_joined": 2022,
        "website": "https://polder-carbon-finance.example.org",
        "description": (
            "A fictional firm that structures results-based payments for farmers who raise soil carbon or rewet "
            "drained peat meadows. It argues that verification costs must fall before smallholders can benefit."
        ),
        "sample": True,
    },
    {
        "name": "Cerrado Regenerative Ranchers Network",
        "short_name": "CRRN",
        "kind": "farmers_organization",
        "country": "Brazil",
        "membership": "member",
        "year_joined": 2020,
        "website": "https://cerrado-ranchers.example.org",
        "description": (
            "A fictional network of cattle ranchers restoring degraded pastures with rotational grazing and "
            "integrated crop-livestock-forest systems. Members host field days for neighbours and students."
        ),
        "sample": True,
    },
    {
        "name": "Pampa Soil Carbon Foundation",
        "short_name": "PSCF",
        "kind": "foundation",
        "country": "Argentina",
        "membership": "member",
        "year_joined": 2018,
        "website": "https://pampa-soilcarbon.example.org",
        "description": (
            "A fictional foundation funding research on no-till soybean and maize rotations and on the use of "
            "service crops in winter. It publishes plain-language summaries for agronomists."
        ),
        "sample": True,
    },
    {
        "name": "Milpa Futura Civil Association",
        "short_name": "",
        "kind": "ngo",
        "country": "Mexico",
        "membership": "member",
        "year_joined": 2019,
        "website": "https://milpa-futura.example.org",
        "description": (
            "A fictional association supporting indigenous and peasant communities that farm the traditional "
            "maize, bean and squash milpa. It documents soil fertility knowledge and helps communities access "
            "payment schemes for ecosystem services."
        ),
        "sample": True,
    },
    {
        "name": "Andean Highland Soils Institute",
        "short_name": "AHSI",
        "kind": "research",
        "country": "Peru",
        "membership": "member",
        "year_joined": 2017,
        "website": "https://andean-soils.example.org",
        "description": (
            "A fictional research institute studying puna grassland and high-altitude wetland soils that store "
            "large amounts of carbon. It also restores pre-Hispanic terraces with farming communities."
        ),
        "sample": True,
    },
    {
        "name": "Caribbean and Central American Green Fund",
        "short_name": "CCAGF",
        "kind": "development_bank",
        "country": "Costa Rica",
        "membership": "member",
        "year_joined": 2020,
        "website": "https://ccagf.example.org",
        "description": (
            "A fictional regional development finance institution that lends to cooperatives and agribusinesses "
            "for agroforestry, silvopasture and soil conservation. It requires a soil monitoring plan for every "
            "loan above a set threshold."
        ),
        "sample": True,
    },
    {
        "name": "Andes Coffee Soils Cooperative",
        "short_name": "",
        "kind": "farmers_organization",
        "country": "Colombia",
        "membership": "member",
        "year_joined": 2021,
        "website": "https://andes-coffee-soils.example.org",
        "description": (
            "A fictional coffee growers' cooperative replanting shade trees and composting coffee pulp on steep "
            "hillsides. It monitors erosion and soil carbon on member farms to support a premium for "
            "climate-friendly coffee."
        ),
        "sample": True,
    },
    {
        "name": "Campos Grasslands Ranchers' Society",
        "short_name": "",
        "kind": "farmers_organization",
        "country": "Uruguay",
        "membership": "member",
        "year_joined": 2018,
        "website": "https://campos-ranchers.example.org",
        "description": (
            "A fictional society of livestock producers managing natural grasslands. It promotes adjusted "
            "stocking rates and grazing plans that keep enough forage height to protect soils in dry summers."
        ),
        "sample": True,
    },
    {
        "name": "Prairie Soil Health Council",
        "short_name": "PSHC",
        "kind": "ngo",
        "country": "Canada",
        "membership": "member",
        "year_joined": 2019,
        "website": "https://prairie-soil-health.example.org",
        "description": (
            "A fictional farmer-led council that runs peer-to-peer learning groups on cover crops, intercropping "
            "and livestock integration in a short-season climate. It surveys members each year on adoption "
            "barriers."
        ),
        "sample": True,
    },
    {
        "name": "Great Plains Carbon Verification Inc.",
        "short_name": "GPCV",
        "kind": "company",
        "country": "United States",
        "membership": "partner",
        "year_joined": 2024,
        "website": "https://gp-carbon-verification.example.org",
        "description": (
            "A fictional verification company auditing soil carbon projects. It is piloting a hybrid approach "
            "that calibrates process models with a reduced number of field samples and remote sensing."
        ),
        "sample": True,
    },
    {
        "name": "Heartland Cover Crop Alliance",
        "short_name": "HCCA",
        "kind": "farmers_organization",
        "country": "United States",
        "membership": "member",
        "year_joined": 2017,
        "website": "https://heartland-covercrops.example.org",
        "description": (
            "A fictional alliance of corn and soybean growers that share seed mixes, termination strategies and "
            "cost data for cover crops. It partners with universities on long-term side-by-side strip trials."
        ),
        "sample": True,
    },
]


PEOPLE = [
    # ------------------------------------------------------------------
    # Real people named in the facts.
    # ------------------------------------------------------------------
    {
        "name": "Paul Luu",
        "organization": "Alliance of Bioversity International and CIAT",
        "job_title": "Executive Secretary, 4 per 1000 Initiative",
        "bio": (
            "Dr Paul Luu has led the Initiative's Executive Secretariat since September 2016; the Secretariat is "
            "hosted by the Alliance of Bioversity International and CIAT in Montpellier. He co-hosted Climate-Soil "
            "Community of Practice workshops with GIZ."
        ),
        "sample": False,
    },
    {
        "name": "Cornelia Rumpel",
        "organization": "INRAE",
        "job_title": "Soil scientist; former Chair of the Scientific and Technical Committee",
        "bio": (
            "Dr Cornelia Rumpel chaired the Initiative's Scientific and Technical Committee for three years, until "
            "2022. Her organizational link in this demo is illustrative and not taken from the sources."
        ),
        "sample": True,
    },
    {
        "name": "Budiman Minasny",
        "organization": "University of Sydney",
        "job_title": "Professor of soil science; member of the Scientific and Technical Committee",
        "bio": (
            "Prof. Budiman Minasny sits on the Initiative's Scientific and Technical Committee and moderated the "
            "launch session of its Soil Carbon Science Webinar Series in September 2023."
        ),
        "sample": False,
    },
    {
        "name": "M. Francesca Cotrufo",
        "organization": "Colorado State University",
        "job_title": "Professor of soil and ecosystem science",
        "bio": (
            "Prof. M. Francesca Cotrufo studies how soil organic matter forms and persists. She spoke on the limits "
            "of soil carbon sequestration at the first Soil Carbon Science webinar in 2023."
        ),
        "sample": False,
    },
    {
        "name": "Christopher Poeplau",
        "organization": "Thünen Institute",
        "job_title": "Scientist, Thünen Institute of Climate-Smart Agriculture",
        "bio": (
            "Dr Christopher Poeplau works in Braunschweig on soil carbon inventories and on how management changes "
            "soil organic matter fractions. He was a speaker at the 2023 webinar on carbon saturation."
        ),
        "sample": False,
    },
    {
        "name": "David C. Johnson",
        "organization": "New Mexico State University",
        "job_title": "Soil and climate researcher",
        "bio": (
            "Dr David C. Johnson presented the scientific case for regenerative approaches in the joint 4 per 1000 "
            "and Soil4Climate webinar on regenerative grazing in December 2022."
        ),
        "sample": False,
    },
    {
        "name": "Precious Phiri",
        "organization": "IGugu Trust",
        "job_title": "Regenerative land management practitioner",
        "bio": (
            "Precious Phiri works with communities in Zimbabwe on holistic land and livestock management and is "
            "also associated with Regeneration International. She covered the practice and livelihoods side of the "
            "December 2022 regenerative grazing webinar."
        ),
        "sample": False,
    },
    {
        "name": "Leigh Ann Winowiecki",
        "organization": "World Agroforestry (ICRAF)",
        "job_title": "Soil and land health scientist",
        "bio": (
            "Dr Leigh Ann Winowiecki presented the Land Degradation Surveillance Framework to the Community of "
            "Practice in 2021 and spoke on the policy side, including soil health pledges and NDCs, in the 2022 "
            "regenerative grazing webinar."
        ),
        "sample": False,
    },
    {
        "name": "Stéphane Le Foll",
        "organization": "French Ministry of Agriculture and Food",
        "job_title": "President of the 4 per 1000 Initiative; Mayor of Le Mans",
        "bio": (
            "Stéphane Le Foll, a former French Minister of Agriculture now serving as Mayor of Le Mans, chaired the "
            "Forum of Partners in November 2022 as President of the Initiative. He is linked here to the ministry "
            "he used to lead, as the closest match in this directory; he does not currently work there."
        ),
        "sample": False,
    },
    {
        "name": "Juliane Wiesenhütter",
        "organization": "GIZ",
        "job_title": "Adviser, sector project on soil protection and sustainable land management",
        "bio": (
            "Juliane Wiesenhütter co-hosted the April 2021 Climate-Soil Community of Practice workshop on "
            "monitoring the climate benefits of sustainable land management."
        ),
        "sample": False,
    },
    {
        "name": "Wolfgang Zornbach",
        "organization": "German Federal Ministry of Food and Agriculture",
        "job_title": "Official, German Federal Ministry of Food and Agriculture",
        "bio": (
            "Dr Wolfgang Zornbach of BMEL chaired the 2022 4 per 1000 Initiative Day held in Sharm el-Sheikh during "
            "COP27 under the theme of healthy soils for a healthy planet."
        ),
        "sample": False,
    },
    {
        "name": "Gatien Falconnier",
        "organization": "CIRAD",
        "job_title": "Agronomist",
        "bio": (
            "Gatien Falconnier took part as a panellist in the March 2022 Community of Practice discussions on "
            "trade-offs and synergies between soil carbon storage and food security in sub-Saharan Africa."
        ),
        "sample": False,
    },
    # ------------------------------------------------------------------
    # Fictional sample people (all work for fictional organizations).
    # ------------------------------------------------------------------
    {
        "name": "Aminata Ouédraogo",
        "organization": "Sahel Living Soils Network",
        "job_title": "Programme coordinator",
        "bio": "Aminata coordinates the network's land rehabilitation programme and trains facilitators in participatory trial design.",
        "sample": True,
    },
    {
        "name": "Issouf Sawadogo",
        "organization": "Sahel Living Soils Network",
        "job_title": "Field agronomist",
        "bio": "Issouf has spent fifteen years working with farmers on zaï pits and compost and now measures their effect on sorghum yields.",
        "sample": True,
    },
    {
        "name": "Rodrigue Hounkpatin",
        "organization": "Ouémé Valley Farmers' Cooperative",
        "job_title": "Cooperative president",
        "bio": "Rodrigue farms maize and cassava and represents the cooperative in national farmer platforms on land tenure.",
        "sample": True,
    },
    {
        "name": "Félicité Agossou",
        "organization": "Ouémé Valley Farmers' Cooperative",
        "job_title": "Compost unit manager",
        "bio": "Félicité runs the shared composting unit and keeps records of inputs, temperatures and sales to members.",
        "sample": True,
    },
    {
        "name": "Mariama Diatta",
        "organization": "Casamance Agroecology Collective",
        "job_title": "Executive director",
        "bio": "Mariama founded the collective after working in rural radio and focuses on women's access to land and training.",
        "sample": True,
    },
    {
        "name": "Ousmane Sarr",
        "organization": "Casamance Agroecology Collective",
        "job_title": "Agroforestry officer",
        "bio": "Ousmane advises orchard and rice farmers on tree species, spacing and pruning for mixed systems.",
        "sample": True,
    },
    {
        "name": "Wanjiru Kamau",
        "organization": "Rift Valley Soil Health Institute",
        "job_title": "Senior soil scientist",
        "bio": "Wanjiru leads the institute's spectroscopy laboratory and its work on low-cost soil carbon baselines.",
        "sample": True,
    },
    {
        "name": "Otieno Odhiambo",
        "organization": "Rift Valley Soil Health Institute",
        "job_title": "Data and GIS analyst",
        "bio": "Otieno builds digital soil maps that combine field samples with satellite covariates.",
        "sample": True,
    },
    {
        "name": "Tigist Bekele",
        "organization": "Highlands Terraces Farmers Association",
        "job_title": "Watershed programme lead",
        "bio": "Tigist organizes community labour for terrace maintenance and monitors sediment losses in three micro-catchments.",
        "sample": True,
    },
    {
        "name": "Dawit Alemu",
        "organization": "Highlands Terraces Farmers Association",
        "job_title": "Extension liaison",
        "bio": "Dawit links the association with district agricultural offices and trains lead farmers.",
        "sample": True,
    },
    {
        "name": "Thandeka Mokoena",
        "organization": "Karoo Rangeland Trust",
        "job_title": "Rangeland ecologist",
        "bio": "Thandeka designs the trust's grazing monitoring protocol and analyses vegetation cover data.",
        "sample": True,
    },
    {
        "name": "Pieter Joubert",
        "organization": "Karoo Rangeland Trust",
        "job_title": "Livestock programme manager",
        "bio": "Pieter works with communal herders and commercial farmers on grazing plans and drought reserves.",
        "sample": True,
    },
    {
        "name": "Akosua Mensah",
        "organization": "Volta Green Inputs Ltd",
        "job_title": "Chief executive officer",
        "bio": "Akosua founded the company to turn agricultural waste into affordable soil amendments for smallholders.",
        "sample": True,
    },
    {
        "name": "Kofi Boateng",
        "organization": "Volta Green Inputs Ltd",
        "job_title": "Product development agronomist",
        "bio": "Kofi runs on-farm trials of compost and biochar blends with cocoa and vegetable growers.",
        "sample": True,
    },
    {
        "name": "Yao N'Guessan",
        "organization": "Pan-African Soil Investment Bank",
        "job_title": "Head of climate and land finance",
        "bio": "Yao oversees the bank's restoration portfolio and its criteria for soil health investments.",
        "sample": True,
    },
    {
        "name": "Fatou Bamba",
        "organization": "Pan-African Soil Investment Bank",
        "job_title": "Investment officer",
        "bio": "Fatou screens project ideas from farmers' organizations and helps them meet the bank's reporting rules.",
        "sample": True,
    },
    {
        "name": "Adjoua Kouassi",
        "organization": "Pan-African Soil Investment Bank",
        "job_title": "Environmental and social safeguards specialist",
        "bio": "Adjoua reviews land tenure and gender safeguards in soil and land restoration loans.",
        "sample": True,
    },
    {
        "name": "Tendai Moyo",
        "organization": "Mashonaland Conservation Farming Union",
        "job_title": "Training coordinator",
        "bio": "Tendai runs the union's demonstration plots and farmer exchange visits on conservation agriculture.",
        "sample": True,
    },
    {
        "name": "Rudo Chikwanha",
        "organization": "Mashonaland Conservation Farming Union",
        "job_title": "Policy officer",
        "bio": "Rudo represents smallholders in national discussions on input subsidies and climate plans.",
        "sample": True,
    },
    {
        "name": "Youssef El Amrani",
        "organization": "Atlas Dryland Agronomy Centre",
        "job_title": "Research director",
        "bio": "Youssef leads long-term no-till experiments on cereal-legume rotations in semi-arid conditions.",
        "sample": True,
    },
    {
        "name": "Salma Benjelloun",
        "organization": "Atlas Dryland Agronomy Centre",
        "job_title": "Soil water researcher",
        "bio": "Salma studies the water balance of cover crops and the rainfall thresholds at which they pay off.",
        "sample": True,
    },
    {
        "name": "Nour El-Din Hassan",
        "organization": "Nile Delta Soil Fertility Foundation",
        "job_title": "Programme director",
        "bio": "Nour El-Din manages the foundation's compost hubs and its grants for soil salinity advice.",
        "sample": True,
    },
    {
        "name": "Mona Farouk",
        "organization": "Nile Delta Soil Fertility Foundation",
        "job_title": "Research grants officer",
        "bio": "Mona coordinates the foundation's fellowships for young researchers working on alluvial soils.",
        "sample": True,
    },
    {
        "name": "Amel Trabelsi",
        "organization": "Northern Tell Regional Agricultural Council",
        "job_title": "Head of rural development",
        "bio": "Amel designed the council's scheme tying conservation agriculture support to soil cover checks.",
        "sample": True,
    },
    {
        "name": "Priya Raghavan",
        "organization": "Deccan Soil Carbon Collective",
        "job_title": "Co-founder and programme lead",
        "bio": "Priya works with self-help groups on rainfed farming and leads the collective's field kit monitoring.",
        "sample": True,
    },
    {
        "name": "Arjun Deshpande",
        "organization": "Deccan Soil Carbon Collective",
        "job_title": "Watershed engineer",
        "bio": "Arjun designs farm ponds, bunds and check dams with village water committees.",
        "sample": True,
    },
    {
        "name": "Li Wenjing",
        "organization": "Huanghe Terrace Soil Carbon Laboratory",
        "job_title": "Associate professor",
        "bio": "Li Wenjing leads the paired-plot experiment on terraced and converted slopes.",
        "sample": True,
    },
    {
        "name": "Zhao Hao",
        "organization": "Huanghe Terrace Soil Carbon Laboratory",
        "job_title": "Postdoctoral researcher",
        "bio": "Zhao Hao models erosion-driven carbon redistribution across hillslopes.",
        "sample": True,
    },
    {
        "name": "Siti Rahmawati",
        "organization": "Nusantara Peatland Stewardship Foundation",
        "job_title": "Peatland restoration manager",
        "bio": "Siti coordinates canal blocking and rewetting pilots with village forest management groups.",
        "sample": True,
    },
    {
        "name": "Bagus Pratama",
        "organization": "Nusantara Peatland Stewardship Foundation",
        "job_title": "Community livelihoods officer",
        "bio": "Bagus supports farmers in testing crops suited to rewetted peat, such as sago and native fruit trees.",
        "sample": True,
    },
    {
        "name": "Nguyen Thi Lan",
        "organization": "Mekong Delta Rice Soils Cooperative",
        "job_title": "Cooperative director",
        "bio": "Lan manages the cooperative's straw collection service and its contracts with mushroom growers.",
        "sample": True,
    },
    {
        "name": "Tran Van Minh",
        "organization": "Mekong Delta Rice Soils Cooperative",
        "job_title": "Technical officer",
        "bio": "Minh trains members on alternate wetting and drying and keeps water level records.",
        "sample": True,
    },
    {
        "name": "Aroha Te Rangi",
        "organization": "Aotearoa Pasture Soils Trust",
        "job_title": "Trust manager",
        "bio": "Aroha runs the trust's on-farm soil carbon benchmarking scheme and works with iwi-owned farms.",
        "sample": True,
    },
    {
        "name": "Haruka Tanabe",
        "organization": "Satoyama Biochar Works Co.",
        "job_title": "Founder",
        "bio": "Haruka started the company to give a use to abandoned bamboo groves and prunings.",
        "sample": True,
    },
    {
        "name": "Kenji Morimoto",
        "organization": "Satoyama Biochar Works Co.",
        "job_title": "Field trials lead",
        "bio": "Kenji runs multi-year biochar trials in tea gardens and persimmon orchards.",
        "sample": True,
    },
    {
        "name": "Élodie Marchand",
        "organization": "Terroirs Vivants Cooperative",
        "job_title": "Agronomy adviser",
        "bio": "Élodie supports members who are converting to direct drilling and vineyard cover crops.",
        "sample": True,
    },
    {
        "name": "Julien Roussel",
        "organization": "Humus Analytics SAS",
        "job_title": "Chief science officer",
        "bio": "Julien develops the company's stock-change calculations and uncertainty estimates.",
        "sample": True,
    },
    {
        "name": "Lucía Serrano",
        "organization": "Meseta Regenerative Farming Association",
        "job_title": "Coordinator",
        "bio": "Lucía coordinates farm demonstrations on orchard ground cover and targeted sheep grazing.",
        "sample": True,
    },
    {
        "name": "Javier Ortega",
        "organization": "Meseta Regenerative Farming Association",
        "job_title": "Farmer and board member",
        "bio": "Javier grows cereals and almonds and hosts the association's annual open day.",
        "sample": True,
    },
    {
        "name": "Katrin Vogel",
        "organization": "Brandenburg Soil Monitoring Institute",
        "job_title": "Head of soil monitoring",
        "bio": "Katrin leads the repeated sampling campaigns at the institute's regional monitoring sites.",
        "sample": True,
    },
    {
        "name": "Matthias Brenner",
        "organization": "Brandenburg Soil Monitoring Institute",
        "job_title": "Soil carbon modeller",
        "bio": "Matthias calibrates process models against monitoring data to project carbon change under scenarios.",
        "sample": True,
    },
    {
        "name": "Giulia Ferraro",
        "organization": "Apennine Municipalities Soil Pact",
        "job_title": "Technical secretary",
        "bio": "Giulia coordinates terrace restoration grants and green public procurement among member municipalities.",
        "sample": True,
    },
    {
        "name": "Sanne de Vries",
        "organization": "Polder Carbon Finance B.V.",
        "job_title": "Managing partner",
        "bio": "Sanne designs results-based payment schemes for soil carbon and peat meadow rewetting.",
        "sample": True,
    },
    {
        "name": "Ana Paula Rezende",
        "organization": "Cerrado Regenerative Ranchers Network",
        "job_title": "Network coordinator",
        "bio": "Ana Paula organizes field days and collects pasture recovery data from member ranches.",
        "sample": True,
    },
    {
        "name": "Rafael Lacerda",
        "organization": "Cerrado Regenerative Ranchers Network",
        "job_title": "Rancher and integrated systems specialist",
        "bio": "Rafael runs an integrated crop-livestock-forest farm that serves as a reference site for the network.",
        "sample": True,
    },
    {
        "name": "Martín Echeverría",
        "organization": "Pampa Soil Carbon Foundation",
        "job_title": "Scientific director",
        "bio": "Martín oversees the foundation's research grants on service crops and no-till rotations.",
        "sample": True,
    },
    {
        "name": "Guadalupe Tzec",
        "organization": "Milpa Futura Civil Association",
        "job_title": "Community programme lead",
        "bio": "Guadalupe works with milpa-farming communities to document local soil knowledge.",
        "sample": True,
    },
    {
        "name": "Alejandro Ruiz",
        "organization": "Milpa Futura Civil Association",
        "job_title": "Policy and finance officer",
        "bio": "Alejandro helps communities apply for payment schemes for environmental services.",
        "sample": True,
    },
    {
        "name": "Rosa Quispe",
        "organization": "Andean Highland Soils Institute",
        "job_title": "Researcher in high-altitude soils",
        "bio": "Rosa studies carbon in puna grasslands and wetlands and works with communities on terrace restoration.",
        "sample": True,
    },
    {
        "name": "Camilo Restrepo",
        "organization": "Andes Coffee Soils Cooperative",
        "job_title": "Sustainability manager",
        "bio": "Camilo runs the cooperative's shade tree and erosion monitoring programme.",
        "sample": True,
    },
    {
        "name": "Daniela Solano",
        "organization": "Caribbean and Central American Green Fund",
        "job_title": "Senior agroforestry finance specialist",
        "bio": "Daniela structures loans for silvopasture and agroforestry and reviews soil monitoring plans.",
        "sample": True,
    },
    {
        "name": "Federico Olivera",
        "organization": "Campos Grasslands Ranchers' Society",
        "job_title": "Technical adviser",
        "bio": "Federico advises producers on stocking rates and forage budgets in natural grasslands.",
        "sample": True,
    },
    {
        "name": "Marie-Ève Tremblay",
        "organization": "Prairie Soil Health Council",
        "job_title": "Executive director",
        "bio": "Marie-Ève runs the council's peer-learning groups and its yearly adoption survey.",
        "sample": True,
    },
    {
        "name": "Liam Gauthier",
        "organization": "Prairie Soil Health Council",
        "job_title": "Farmer mentor",
        "bio": "Liam farms grain and cattle and mentors growers trying intercrops for the first time.",
        "sample": True,
    },
    {
        "name": "Rachel Lindqvist",
        "organization": "Great Plains Carbon Verification Inc.",
        "job_title": "Lead verifier",
        "bio": "Rachel audits soil carbon projects and leads the firm's pilot of hybrid measure-and-model verification.",
        "sample": True,
    },
    {
        "name": "Marcus Bell",
        "organization": "Heartland Cover Crop Alliance",
        "job_title": "Field programmes director",
        "bio": "Marcus coordinates the alliance's strip trials and its cost-sharing data on cover crops.",
        "sample": True,
    },
]
