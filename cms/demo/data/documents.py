"""Long-form sample documents that the demo loader renders to PDF.

Each entry of ``PDF_DOCUMENTS`` is rendered by ``cms.demo.pdf.build_pdf`` and
attached to resources and projects. All of them are *sample* reports written
for the Soil Knowledge Hub demonstration by its editorial team. Published
figures are paraphrased from the published literature (the real
references are the resources with ``"sample": False`` in ``resources.py``); every case study, site, farm or
project named in these texts is illustrative and invented, and is presented
as such.

Structure of one entry::

    "key": {
        "title": str,
        "filename": "something.pdf",
        "author": str,
        "year": int,
        "sections": [{"heading": str, "paragraphs": [str, ...]}, ...],
        "sample": True,
    }
"""

EDITORIAL = "Soil Knowledge Hub editorial team (sample)"

PDF_DOCUMENTS = {}

# ---------------------------------------------------------------------------
# Measurement, reporting and verification (MRV)
# ---------------------------------------------------------------------------

PDF_DOCUMENTS["mrv-primer"] = {
    "title": "A primer on measuring, reporting and verifying soil organic carbon",
    "filename": "mrv-primer-soil-organic-carbon.pdf",
    "author": EDITORIAL,
    "year": 2024,
    "sample": True,
    "sections": [
        {
            "heading": "Why MRV is the bottleneck",
            "paragraphs": [
                "Almost every conversation about soil carbon eventually arrives at the same question: how do we know the carbon is really there? Farmers who change their practices want recognition for it, governments that write soil targets into their climate plans want to report progress, and buyers of credits want assurance that they are paying for a real and lasting removal of carbon dioxide from the atmosphere. Measurement, reporting and verification, usually shortened to MRV, is the set of procedures that turns a change in land management into a number that other people are willing to trust.",
                "The difficulty is that soil organic carbon (SOC) changes slowly and unevenly. A field that gains half a tonne of carbon per hectare per year may already hold fifty or sixty tonnes in its upper layer, so the annual signal is around one per cent of the stock. That stock varies from one metre to the next with texture, slope, past management and the position of old hedges or tracks. Detecting a small trend against a large and patchy background requires careful design, and the cost of doing it well can be high relative to the value of the carbon involved.",
                "Practitioners who met in the Climate-Soil Community of Practice in April 2021 summed up the state of the art bluntly: methods that are transparent, accurate, consistent and comparable for quantifying SOC stock changes remain a challenge. This primer explains the main building blocks of an MRV system, the choices a project team has to make, and where to look for more detailed guidance. It is written for project developers, extension staff and policy officers who are new to the subject rather than for soil scientists.",
            ],
        },
        {
            "heading": "The six stages of the FAO GSOC MRV protocol",
            "paragraphs": [
                "The most widely cited public reference is the protocol for measurement, monitoring, reporting and verification of soil organic carbon in agricultural landscapes published in 2020 by the Global Soil Partnership of FAO. It grew out of the Global Symposium on Soil Organic Carbon held in 2017 (GSOC17) and is voluntary: it offers a common structure rather than a legally binding standard. It organises the work into six stages.",
                "The first stage checks applicability conditions, in other words whether the land, the practices and the context fit the protocol at all. The second defines boundaries, both geographical (which fields, farms or landscape units are included) and methodological (which carbon pools and greenhouse gases are counted). The third describes the baseline and intervention scenarios: what would have happened to the soil without the project, and what management will change. The fourth is a preliminary assessment of SOC and greenhouse-gas emissions, which gives a first estimate of expected gains and risks. The fifth stage is monitoring, the repeated measurement or modelling of carbon stocks over time. The sixth covers reporting and verification, where results are documented and checked by an independent party.",
                "Reading the protocol with a project in mind, it helps to note that most of the effort and most of the money go into stages four and five. Stages one to three are mostly desk work, but mistakes made there, for example a poorly chosen baseline, cannot be repaired later by better laboratory analysis.",
            ],
        },
        {
            "heading": "Measuring, modelling, or both",
            "paragraphs": [
                "There are broadly three ways to estimate a change in soil carbon. Direct measurement means taking soil cores at the start and at later dates, analysing them for carbon concentration and bulk density, and computing stocks. Modelling means running a process model such as a soil carbon turnover model with inputs on climate, soil and management, and reading off the predicted change. Hybrid approaches combine the two, typically using measurements to calibrate or check a model that is then applied to many fields.",
                "Each approach has its defenders. Measurement is intuitive and hard to argue with, but it is expensive, and with realistic sampling densities it can take five to ten years before a change is statistically detectable. Models are cheap to run at scale and can be applied every year, yet their outputs are only as good as the parameters and the data used to test them, and they may miss local effects. A review led by Pete Smith and colleagues in Global Change Biology compared these routes and argued for a global framework that draws on repeat soil surveys, long-term experiments, space-for-time comparisons and models together. A later paper on a modular MRV framework across ecosystems (Batjes and co-authors, 2024) concluded that the monitoring component is the hardest part to unify.",
                "For most projects supported through the Hub the pragmatic answer is a tiered design: model-based estimates every year for reporting, anchored by a smaller network of measured benchmark sites re-sampled every five years or so. The benchmark sites keep the model honest, and the model spreads the information to fields that are never sampled.",
            ],
        },
        {
            "heading": "What a credible monitoring plan contains",
            "paragraphs": [
                "A monitoring plan should state the sampling depth (at least 0-30 cm, and deeper where practices such as agroforestry or deep-rooted grasses are expected to move carbon down the profile), the number and location of sampling points, the method for bulk density, the laboratory method for carbon, and the way stocks will be compared over time. It should also say how sampling points will be relocated at the next campaign, for instance with GPS coordinates and buried markers.",
                "The plan must address the problem of changing bulk density. When a practice loosens or compacts the soil, a fixed depth of 30 cm contains a different mass of soil at each date, which can create or hide apparent changes in carbon. Comparing stocks on an equivalent soil mass basis, rather than a fixed depth, avoids this trap and is increasingly expected by verifiers. The companion Hub document on sampling design explains the calculation step by step.",
                "Finally, the plan should identify uncertainty explicitly. A result reported as a gain of 0.3 tonnes of carbon per hectare per year, plus or minus 0.25, tells a very different story from one reported without error bars. Conservative crediting schemes deduct part of the uncertainty before issuing credits.",
            ],
        },
        {
            "heading": "Reporting and verification in practice",
            "paragraphs": [
                "Reporting translates monitoring results into the format required by whoever is listening: a national greenhouse-gas inventory, a results-based payment programme, a carbon registry or a company's supply-chain disclosure. Good reports state methods, data sources, assumptions, uncertainty and any deviations from the original plan. They also record which fields changed practice and which did not, since partial adoption is common and affects the totals.",
                "Verification is the independent check. In voluntary carbon markets it is carried out by accredited auditors who visit a sample of sites and review documents. Audits are a large share of the cost of small projects. In testimony to a Canadian parliamentary committee, Evan Fraser described audit-based soil carbon MRV as cumbersome and noted that it can cost more than the credits are worth; he pointed to remote sensing combined with in-field sensors as a possible way to cut costs.",
                "The Australian experience is sobering. The soil carbon method under Australia's Emissions Reduction Fund requires a 25-year permanence period, and by 2022 only a single soil carbon project had been issued Australian Carbon Credit Units, partly because small changes in stocks are difficult to measure with confidence. Project developers elsewhere can learn from this that the rules of the game, and not only the biology, decide whether soil carbon projects are viable.",
            ],
        },
        {
            "heading": "An illustrative cost comparison",
            "paragraphs": [
                "To make the trade-offs concrete, consider an illustrative (invented) cooperative of 120 mixed farms covering 6,000 hectares that adopts cover crops and reduced tillage. A measurement-only design with 10 composite samples per 50-hectare stratum, analysed for carbon and bulk density at baseline and after five years, might cost on the order of 25 to 40 euros per hectare per campaign once labour, travel and laboratory fees are counted. If the practices add 0.3 tonnes of carbon per hectare per year, roughly 1.1 tonnes of CO2, five years of gains on one hectare represent about 5.5 tonnes of CO2. At a price of 30 euros per tonne the carbon value per hectare would just about cover two sampling campaigns, leaving little for the farmer.",
                "A tiered design that models every field but measures only 30 benchmark sites could cut direct MRV costs by more than half. The saving comes at the price of wider uncertainty on individual fields, which matters less if payments are made to the cooperative as a whole. These numbers are illustrative only, but they show why the choice of MRV design can decide whether a project is worth doing.",
            ],
        },
        {
            "heading": "Checklist for project teams",
            "paragraphs": [
                "Before committing to an MRV design, a project team should be able to answer the following questions. Which standard or protocol are we following, and does our land meet its applicability conditions? What is our baseline, and how will we defend it? Which depth, which sampling density and which stock calculation method will we use? Which model, if any, and how will it be calibrated and validated locally? Who pays for verification, and how often will it happen? How long must the carbon stay in the soil under the scheme we are joining, and what happens if it is lost?",
                "Teams that cannot answer these questions yet are welcome to use the Hub's project pages to find partners with experience, and to submit their idea for a Formative Assessment of Soil Projects by the Scientific and Technical Committee of the 4 per 1000 Initiative, which reviews projects free of charge against its reference criteria.",
            ],
        },
    ],
}

PDF_DOCUMENTS["sampling-design"] = {
    "title": "Designing soil sampling for carbon stock change: strata, depth and equivalent soil mass",
    "filename": "soil-sampling-design-equivalent-soil-mass.pdf",
    "author": EDITORIAL,
    "year": 2023,
    "sample": True,
    "sections": [
        {
            "heading": "Purpose of this guide",
            "paragraphs": [
                "Field sampling is where most soil carbon projects either earn or lose their credibility. A laboratory can analyse a sample with high precision, but if the sample does not represent the field, or if the next campaign samples a different soil, the numbers are meaningless. This guide walks through the design decisions that come before anyone picks up an auger: how to divide land into strata, how many cores to take, how deep to go, how to handle stones and bulk density, and how to compare stocks between dates using the equivalent soil mass method.",
                "It is written as a practical companion to the Hub's MRV primer and to the FAO Global Soil Partnership protocol for soil organic carbon MRV, whose fifth stage, monitoring, relies on the kind of sampling described here. The worked example in section six is invented for illustration.",
            ],
        },
        {
            "heading": "Stratification: grouping similar land",
            "paragraphs": [
                "Soil carbon is not distributed evenly. It follows texture, drainage, slope position, land-use history and management. Sampling efficiency improves dramatically if the project area is first divided into strata, units that are expected to be relatively homogeneous. Typical stratification variables are soil type or texture class from existing maps, topographic position (summit, slope, foot-slope, valley bottom), current land use and, where known, the date of conversion from forest or grassland.",
                "A useful rule is to keep the number of strata small enough that each one receives a meaningful number of samples, usually at least five composite samples per stratum. Too many strata spread the effort thinly; too few leave large within-stratum variance that masks change. Digital soil maps and satellite-derived indices of vegetation or bare-soil colour can help draw stratum boundaries where field maps are poor.",
            ],
        },
        {
            "heading": "How many samples, and where",
            "paragraphs": [
                "The number of samples needed depends on the expected change, the natural variability and the confidence required. A power analysis using a pilot data set is the honest way to decide. As a rough guide, detecting a change of 2 to 3 tonnes of carbon per hectare with reasonable confidence in a variable field often needs 15 to 30 sampling locations per stratum, each a composite of several cores. Detecting smaller changes requires disproportionately more effort, which is why designs aimed at annual detection are rarely affordable.",
                "Random or stratified random placement avoids conscious or unconscious bias towards easy or attractive spots. Many teams now use a grid with a random offset, or a spatially balanced design generated by software. Whatever the method, the coordinates must be recorded precisely, because re-sampling the same locations (paired sampling) greatly reduces the error in estimated change compared with independent random samples at each date.",
            ],
        },
        {
            "heading": "Depth, stones and bulk density",
            "paragraphs": [
                "The 4 per 1000 reasoning refers to the upper 30 to 40 cm of soil, and most protocols require at least 0-30 cm. Sampling in increments, for example 0-10, 10-20 and 20-30 cm, gives more information on where carbon accumulates. Practices that redistribute carbon rather than add it, such as a switch from ploughing to no-till, can increase carbon near the surface while decreasing it lower down; shallow sampling alone would then overstate gains. Where budgets allow, a subset of deeper cores to 60 or 100 cm is valuable, since more than half of global soil carbon lies below 20 cm.",
                "Stock calculation needs bulk density, the mass of dry fine soil per unit volume. It should be measured on the same occasion as carbon concentration, either with intact cores of known volume or with the excavation method in stony soils. The coarse fragment fraction (gravel and stones) must be subtracted, because it holds no organic carbon and otherwise inflates the stock.",
            ],
        },
        {
            "heading": "Fixed depth versus equivalent soil mass",
            "paragraphs": [
                "Many management changes alter bulk density. No-till often makes the surface layer denser in the first years; compost or manure can make it lighter; heavy machinery compacts it. If stocks are computed to a fixed depth, a denser soil packs more mineral mass, and therefore more carbon, into the same 30 cm even if nothing has changed in the soil's carbon content. The reverse happens when soil is loosened. Comparing fixed-depth stocks between dates or treatments can therefore produce apparent gains or losses that are artefacts.",
                "The equivalent soil mass (ESM) approach solves this by comparing the carbon contained in the same mass of soil at each date rather than the same depth. In practice, one chooses a reference mass, often the lowest cumulative soil mass observed to the target depth, and then interpolates the cumulative carbon to that mass for each sample, using the layer data. Simple spreadsheet tools and open-source scripts implement the calculation. Verifiers increasingly expect ESM or an equivalent correction, and projects that ignore it invite challenge.",
            ],
        },
        {
            "heading": "Worked example (illustrative)",
            "paragraphs": [
                "An invented maize farm in the Ghanaian transition zone records at baseline a bulk density of 1.30 g per cm3 and 1.2% carbon in the 0-30 cm layer, giving a fixed-depth stock of about 46.8 tonnes of carbon per hectare. After five years of residue retention and reduced tillage the surface layer is denser, 1.38 g per cm3, and the carbon concentration is 1.22%. The fixed-depth stock is now about 50.5 tonnes, an apparent gain of 3.7 tonnes.",
                "Recomputed on an equivalent soil mass of 3,900 tonnes per hectare (the baseline mass to 30 cm), the second campaign reaches that mass at about 28.3 cm, and the stock in that mass is about 47.6 tonnes. The real gain is therefore about 0.8 tonnes per hectare over five years, less than a quarter of the naive estimate. This is exactly the kind of difference that matters when credits are at stake.",
            ],
        },
        {
            "heading": "Timing and frequency of campaigns",
            "paragraphs": [
                "Carbon concentration and bulk density both change with season. Soil moisture affects coring, tillage loosens the surface for weeks, and fresh residues can be hard to separate from soil. The simplest defence is to sample at the same point in the cropping calendar at every campaign, for example after harvest and before any tillage or fertiliser application, and to note rainfall in the preceding weeks.",
                "How often to sample is a budget question as much as a scientific one. Because annual changes are usually smaller than sampling error, most projects re-sample every four to six years and rely on models or activity data in between. Long-running programmes benefit from keeping a few intensively monitored sentinel sites, sampled more often, which help to separate genuine trends from year-to-year noise and give early warning if a practice is not delivering as expected.",
                "Where several projects operate in the same region, it pays to harmonise calendars and methods so that data can be pooled. Shared regional baselines reduce the cost for each newcomer and make comparisons between practices far more convincing than isolated studies.",
            ],
        },
        {
            "heading": "Quality control and documentation",
            "paragraphs": [
                "Sampling teams should follow a written standard operating procedure, use the same equipment at every campaign where possible, and keep a field log with photographs. Samples should be air-dried promptly, sieved to 2 mm and archived; an archive lets later campaigns re-analyse baseline samples alongside new ones to remove laboratory drift. Laboratories should run certified reference soils and duplicates in every batch.",
                "All of this information, together with the raw data, belongs in the project's MRV file. The more transparent the file, the cheaper and faster verification will be, and the easier it becomes to pool data with other projects to improve regional models.",
            ],
        },
    ],
}

PDF_DOCUMENTS["remote-sensing-modelling"] = {
    "title": "Remote sensing, proximal sensors and models: can technology make soil carbon monitoring affordable?",
    "filename": "remote-sensing-and-models-for-soil-carbon.pdf",
    "author": EDITORIAL,
    "year": 2024,
    "sample": True,
    "sections": [
        {
            "heading": "The promise of cheaper monitoring",
            "paragraphs": [
                "Soil carbon projects are squeezed between two facts. The carbon gains per hectare are modest, and the cost of demonstrating them with conventional soil cores and laboratory analyses is high. Audit-based MRV has been described in parliamentary evidence in Canada as cumbersome and sometimes more expensive than the credits it supports, and the witness expressed hope that satellites combined with in-field sensors would bring costs down. This note looks at what remote and proximal sensing can and cannot do today, and at how process models fit into the picture.",
                "The short answer is that technology can reduce the number of physical samples needed and extend information across space and time, but it does not yet remove the need for ground truth. Systems that work well in practice combine several sources of evidence rather than relying on one.",
            ],
        },
        {
            "heading": "What satellites actually see",
            "paragraphs": [
                "Optical satellites such as the Sentinel-2 and Landsat missions observe the surface, not the soil profile. On bare soil, reflectance in visible and short-wave infrared bands correlates with organic matter in the top few millimetres, moisture, texture and iron oxides. Composite images built from many dates, keeping only pixels where the soil is bare and dry, can map topsoil carbon concentration with moderate accuracy at field scale in some landscapes. The method fails where soils are rarely bare, which is precisely the case on farms that adopt cover crops or permanent soil cover.",
                "More robustly, satellites document management. They can show whether a field carried a cover crop over winter, when it was tilled, whether residues were left on the surface, how long vegetation stayed green and how much biomass was produced. These activity data are exactly the inputs that process models need. Radar missions add information on surface roughness and moisture, and can see through clouds, which is useful in humid tropics where optical images are scarce.",
            ],
        },
        {
            "heading": "Proximal sensing in the field and the laboratory",
            "paragraphs": [
                "Proximal sensors work close to, or in contact with, the soil. Visible and near-infrared spectroscopy and mid-infrared spectroscopy can estimate carbon concentration from a spectrum in seconds, once a calibration library has been built from samples analysed by conventional combustion. Large regional and global spectral libraries now exist, and local calibration with a few dozen samples usually improves accuracy. Portable probes can take spectra down a borehole, producing a carbon profile without removing soil.",
                "Other tools measure apparent electrical conductivity or gamma radiation while being towed across a field, and their maps help define strata and place sampling points intelligently. None of these tools measures bulk density well, which remains a weak point because stocks depend on it. Some teams estimate bulk density from pedotransfer functions, but the resulting uncertainty must be carried through to the final estimate.",
            ],
        },
        {
            "heading": "Process models and their limits",
            "paragraphs": [
                "Soil carbon models represent organic matter as several pools that decompose at different rates, driven by temperature, moisture, clay content and inputs of residues, roots and manure. Given a management history and weather, they predict how stocks evolve. Widely used examples include RothC, Century and DayCent, and a new generation of models that distinguishes particulate organic matter from mineral-associated organic matter, a distinction highlighted in the 4 per 1000 soil carbon science webinar of September 2023 on whether there is a limit to sequestration.",
                "Models are attractive because they are cheap to run for thousands of fields and every year. Their weaknesses are equally clear. Default parameters may not suit tropical soils or unusual practices, input data on yields and residues are often uncertain, and models can be tuned to produce optimistic numbers. The review of MRV options led by Pete Smith recommends using repeat soil surveys, long-term experiments and paired space-for-time sites to test models, rather than trusting them blindly.",
            ],
        },
        {
            "heading": "Putting the pieces together",
            "paragraphs": [
                "A realistic modern design layers these tools. Satellite data verify that practices were adopted, field by field and season by season. A calibrated model converts management into expected carbon change. A modest network of measured sites, with spectroscopy reducing laboratory costs, checks the model and supplies local calibration. Statistical methods then combine model predictions and measurements, and propagate uncertainty to the reported total.",
                "For an illustrative (invented) programme covering 40,000 hectares of smallholder farms in Kenya, such a design might rely on about 200 benchmark sites sampled every five years, spectroscopy for most analyses, and satellite-based detection of tree cover and residue retention to attribute practice change. The cost per hectare would be a fraction of a fully measured design, at the price of larger uncertainty at the level of individual farms, which is acceptable if payments are aggregated at community level.",
            ],
        },
        {
            "heading": "Questions to ask technology providers",
            "paragraphs": [
                "Many companies now sell digital MRV services. Project teams should ask how the service was validated, in which soils and climates, and against which independent data. They should ask whether the estimated uncertainty is reported and how it is used in crediting, what happens to the farmer's data, and whether the method has been accepted by the standard or registry they intend to use.",
                "It also pays to ask what the service does when evidence is missing, for instance a cloudy season. Transparent providers publish their methods, share validation statistics and allow independent audits. Opaque black-box estimates may be cheap, but they may not survive scrutiny when a buyer or a regulator looks closely.",
            ],
        },
        {
            "heading": "Data governance and farmer trust",
            "paragraphs": [
                "Digital monitoring generates a great deal of information about individual farms: field boundaries, crop choices, yields inferred from imagery, dates of operations. Farmers are right to ask who owns these data, who can see them and whether they might be used against them, for instance by input suppliers, landlords or tax authorities. Programmes that ignore these questions tend to meet resistance, and several farmer organisations now publish model data-sharing agreements.",
                "Good practice is to obtain informed consent, to share only aggregated results beyond the project team, to give farmers access to their own data in a usable form, and to state clearly how long data will be kept. Open publication of anonymised calibration data, on the other hand, benefits everyone, because it allows independent researchers to test models and makes the next project cheaper. Balancing privacy with openness is part of designing a credible MRV system, not an afterthought.",
            ],
        },
        {
            "heading": "Uncertainty: the number that matters most",
            "paragraphs": [
                "Every estimate in a soil carbon programme carries uncertainty from several sources: sampling error, laboratory error, model structure, model parameters and input data. Digital methods change the balance between these sources but do not eliminate them. A satellite-driven model may have small sampling error because it covers every field, yet large structural error because it was calibrated elsewhere.",
                "Schemes deal with this in different ways. Some deduct a conservative share of the estimate in proportion to its uncertainty; others require a minimum confidence level before issuing any credits. Project teams should understand the rule that applies to them early on, because a method that produces a slightly lower central estimate with much narrower error bars may generate more credits, and more trust, than an optimistic but uncertain one.",
            ],
        },
        {
            "heading": "Outlook",
            "paragraphs": [
                "The field is moving quickly. Hyperspectral satellites, cheaper in-situ sensors and shared spectral libraries will continue to reduce costs, and open data initiatives make it easier to test models across regions. What will not change is the need for honest ground truth and for protocols, such as the FAO GSOC MRV protocol, that define what evidence is sufficient. The Hub will keep collecting case studies and tools on this topic; contributions from members are welcome through the resource submission pages.",
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Practices
# ---------------------------------------------------------------------------

PDF_DOCUMENTS["cover-crops"] = {
    "title": "Cover crops for soil carbon: benefits, pools and the dryland trade-off",
    "filename": "cover-crops-soil-carbon-dryland-tradeoffs.pdf",
    "author": EDITORIAL,
    "year": 2024,
    "sample": True,
    "sections": [
        {
            "heading": "What cover crops do",
            "paragraphs": [
                "Cover crops are plants grown between cash crops, or alongside them, mainly to protect and improve the soil rather than to be harvested. Cereals such as rye and oats, legumes such as vetch, clover and cowpea, and brassicas such as radish and mustard are common choices, often sown as mixtures. They keep living roots in the soil for more months of the year, shield the surface from rain and wind, take up nitrogen that would otherwise leach, and feed soil organisms with root exudates and residues.",
                "From a carbon point of view, cover crops add extra plant inputs to the soil in periods when the field would otherwise be bare. Part of this carbon is respired within months, but part is transformed by microbes into more stable forms associated with minerals. The question for farmers and policy makers is how much carbon is gained, how fast, and at what cost to the main crop.",
            ],
        },
        {
            "heading": "What syntheses of long-term trials show",
            "paragraphs": [
                "A synthesis that pooled twenty reviews of long-term experiments compared several carbon-building practices. It estimated that cover crops raised SOC stocks by roughly 0.33 tonnes of carbon per hectare per year on average, which placed them second only to manure (about 0.41 tonnes) and ahead of nitrogen fertilisation (about 0.23 tonnes) and residue retention (about 0.12 tonnes). Expressed as response ratios, cover crops and residues increased stocks by around 9 to 10 per cent compared with controls.",
                "Another meta-analysis, covering 71 studies and presented at the European Geosciences Union in 2024, looked at which fractions of soil carbon respond. Cover crops increased particulate organic carbon by about 23 per cent and microbial biomass carbon by about 20 per cent, while the mineral-associated fraction, slower to form but more persistent, rose by about 5 per cent. The pattern makes sense: fresh inputs appear first in the labile fractions, and only gradually contribute to the stable pool. It also suggests that early gains are partly reversible if cover cropping stops.",
            ],
        },
        {
            "heading": "The dryland trade-off and the 700 mm rule of thumb",
            "paragraphs": [
                "In humid regions water is rarely the limiting factor for a winter cover crop, but in drylands every millimetre counts. A global analysis of dryland studies found that, on average, cover crops reduced the yield of the following cash crop by about 7 per cent, soil water at cash-crop planting by about 18 per cent and soil mineral nitrogen by about 25 per cent. The authors identified an annual rainfall of about 700 mm as the approximate break-even point: above it, yield penalties tended to disappear; below it, they became more likely.",
                "This does not mean cover crops are unsuitable in semi-arid farming, but it does mean they need adapting. Options include shorter cover-crop windows terminated earlier to save water, drought-tolerant species, legumes that add nitrogen to offset the mineral nitrogen draw-down, and opportunistic sowing only in wetter years. In conservation agriculture systems of arid and semi-arid regions, cover crops have been associated with mean sequestration of around 0.27 tonnes of carbon per hectare per year in the top 30 cm, showing that gains are possible when the system is designed with water in mind.",
            ],
        },
        {
            "heading": "Choosing species and managing termination",
            "paragraphs": [
                "Species choice follows the farmer's main objective. Grasses and cereals produce abundant, slowly decomposing biomass and are good at scavenging nitrogen. Legumes fix nitrogen and can reduce fertiliser needs for the next crop, but their residues decompose faster. Brassicas with deep taproots can help break compacted layers. Mixtures hedge against failure and spread benefits.",
                "Termination is a critical management step. Rolling and crimping, grazing, mowing, frost-sensitive species and herbicides are all used, depending on the system and certification. Late termination maximises biomass and carbon inputs but can compete with the cash crop for water and delay planting; early termination is safer in dry springs. Livestock grazing of cover crops can turn an expense into fodder income, an option worth considering in mixed farming regions.",
            ],
        },
        {
            "heading": "Economics and adoption",
            "paragraphs": [
                "Seed, sowing and termination add costs, typically recovered over several years through reduced erosion, better infiltration, nitrogen savings and in some cases higher yields. In the first seasons, however, farmers can face extra work and risk. Workshops with farmers in France and Senegal identified lack of knowledge and training, additional workload, perceived risk, funding and social pressure as the main barriers to this kind of practice change, more than biophysical constraints.",
                "Public programmes can help by co-financing seed, supporting farmer-to-farmer demonstration plots and equipment sharing, and by paying for environmental outcomes. Private supply-chain programmes increasingly reward cover cropping through premiums or carbon payments, though the MRV issues discussed elsewhere in the Hub apply fully.",
            ],
        },
        {
            "heading": "An illustrative case: winter covers in a French cereal cooperative",
            "paragraphs": [
                "Consider an invented grain cooperative in the Occitanie region with 80 members. In the first year, ten volunteer farms sow oat-vetch mixtures after wheat on 15 per cent of their land, with seed co-financed by the cooperative. Members meet twice a season in the field to compare establishment and termination dates. By year four, 55 farms have cover crops on at least a third of their rotations, and the cooperative has negotiated a supply-chain premium with a food company for grain grown under a soil-health protocol.",
                "Benchmark sampling in such a scheme would not be expected to show significant stock changes before year five, but satellite imagery documents adoption, and a calibrated model projects gains of roughly 0.3 tonnes of carbon per hectare per year on fields under the practice. The example is hypothetical, but it mirrors the stepwise pathway many real programmes follow: start small, learn together, then scale with a market signal.",
            ],
        },
        {
            "heading": "Monitoring cover-crop programmes",
            "paragraphs": [
                "Cover crops lend themselves to remote monitoring of adoption: green cover in a season when the field would otherwise be bare is easy to detect from satellites, and the duration and vigour of that cover give a rough indication of biomass. Programmes can therefore verify practice change cheaply every year, while soil carbon itself is measured at a small number of benchmark sites every few years.",
                "Because the early gains sit largely in particulate organic matter, monitoring should also track continuity. A farm that stops cover cropping after a few years may lose much of what it gained. Contracts that reward cover crops should therefore consider multi-year commitments, and MRV reports should flag fields where the practice was interrupted. Measuring particulate and mineral-associated fractions separately at benchmark sites is a useful research add-on that shows whether carbon is moving into more stable forms.",
            ],
        },
        {
            "heading": "Key messages",
            "paragraphs": [
                "Cover crops are among the most effective and widely applicable carbon-building practices on arable land, with benefits for erosion control, nutrient retention and soil biology. Early gains are concentrated in labile fractions and must be maintained to persist. In drylands below roughly 700 mm of rainfall, yield and water trade-offs are real and designs must be adapted. Adoption depends at least as much on knowledge, risk sharing and economics as on agronomy.",
            ],
        },
    ],
}

PDF_DOCUMENTS["conservation-agriculture"] = {
    "title": "Conservation agriculture and reduced tillage: principles, evidence and pitfalls",
    "filename": "conservation-agriculture-principles-evidence.pdf",
    "author": EDITORIAL,
    "year": 2023,
    "sample": True,
    "sections": [
        {
            "heading": "Three principles working together",
            "paragraphs": [
                "Conservation agriculture is defined by three interlinked principles. The first is minimum mechanical soil disturbance: the soil is not ploughed, and seed is placed directly into untilled ground with a direct seeder or planter. The second is permanent organic soil cover, with at least 30 per cent of the surface covered by crop residues or living cover crops. The third is diversification, meaning rotations or associations of at least three different crops, including legumes where possible.",
                "The principles are meant to be applied together. No-till without cover leaves soils exposed and compacted; cover without diversification invites pests and diseases; diversification without reduced disturbance loses the structural benefits. Much of the disappointing evidence about no-till comes from situations where only the first principle was adopted.",
            ],
        },
        {
            "heading": "Reduced tillage is not the same as carbon sequestration",
            "paragraphs": [
                "For years, switching from ploughing to no-till was presented as a straightforward way to store carbon. More careful studies complicated the picture. When soils are sampled only in the top 10 or 20 cm, no-till fields often show more carbon than ploughed fields, but deeper sampling sometimes reveals less carbon lower down, because ploughing had mixed residues into the subsoil. Part of the apparent gain is therefore a redistribution rather than a net increase.",
                "Bulk density adds another complication: no-till surface layers are often denser, and fixed-depth stock comparisons exaggerate gains. The Hub's guide on sampling design explains the equivalent soil mass correction. None of this means reduced tillage is useless. It cuts fuel use and erosion, protects soil structure and biological activity, and in combination with cover and diversification it does raise carbon stocks in many settings. It simply means that tillage change alone should not be credited with large sequestration without good evidence.",
            ],
        },
        {
            "heading": "Evidence from arid and semi-arid regions",
            "paragraphs": [
                "Drylands are where conservation agriculture has often had the biggest effect on livelihoods, because keeping residues on the surface reduces evaporation and protects soils from wind and intense rain. A review of conservation agriculture in arid and semi-arid regions reported mean SOC sequestration in the top 30 cm of about 0.27 tonnes of carbon per hectare per year when cover crops were included, and about 0.24 tonnes when diverse rotations were used.",
                "These are meaningful numbers in soils that often hold little carbon to begin with. They also highlight the role of biomass: where yields and residues are very low, there is simply not enough plant material to build carbon, and competing uses of residues for livestock feed and fuel become decisive. In many African mixed farming systems, keeping 30 per cent cover is the hardest of the three principles to achieve.",
            ],
        },
        {
            "heading": "Yields, weeds and the transition period",
            "paragraphs": [
                "Farmers moving to conservation agriculture commonly report a transition period of a few seasons with more weeds, slower spring warming of covered soils and sometimes lower yields, particularly on poorly drained soils in cool climates. Yields tend to recover or improve as soil structure, biological activity and farmer skill build up, and in dry years the water-saving benefits often show clearly.",
                "Weed management without ploughing relies on competitive crops, cover crops, rotation and, in many systems, herbicides. Organic and low-input farmers face a real dilemma here and have developed shallow or strip tillage compromises. Access to suitable direct seeders is a practical barrier for smallholders; equipment-sharing schemes and hand or animal-drawn jab planters have helped in several African countries.",
            ],
        },
        {
            "heading": "Illustrative pathway: a smallholder programme in Zimbabwe",
            "paragraphs": [
                "As an invented illustration, imagine a district programme in Zimbabwe working with 2,000 smallholders on maize-based systems. Farmers start with planting basins or ripper tines instead of full ploughing, keep at least part of the maize stover on the field by agreement with livestock owners, and introduce cowpea or groundnut in rotation. Lead farmers host demonstration plots, and input packages are linked to participation in training.",
                "In such a programme the first measurable gains would be in soil moisture and yield stability in dry spells, rather than in carbon. Carbon monitoring would rely on a small number of paired plots measured every five years and on modelling for the wider area. The programme's biggest risk would be residue removal during the dry season, which community by-laws on free grazing can help to address.",
            ],
        },
        {
            "heading": "Policy and support measures",
            "paragraphs": [
                "Policies that favour conservation agriculture include support for machinery and contractor services, extension programmes that emphasise all three principles, research on locally adapted cover crops and rotations, and payment schemes that reward soil cover rather than only tillage change. Carbon-based incentives should be designed conservatively, for the reasons given above.",
                "Because conservation agriculture also improves resilience to drought and heat, it fits naturally in the adaptation sections of Nationally Determined Contributions. Countries that list it there can link their soil targets to agricultural investment plans, which is the purpose of the Initiative's B1 objective on investment plans.",
            ],
        },
        {
            "heading": "Measuring the carbon effect correctly",
            "paragraphs": [
                "Because conservation agriculture changes where carbon sits in the profile and how dense the soil is, monitoring designs need particular care. Sampling should reach at least 30 cm, preferably deeper on a subset of sites, and stocks should be compared on an equivalent soil mass basis. Paired comparisons with neighbouring conventionally managed fields on the same soil type are useful for a first assessment, but they are vulnerable to differences in history that have nothing to do with tillage; repeated sampling of the same points over time is stronger evidence.",
                "Activity data matter as much as soil data. A programme should record which fields were direct seeded, what share of the surface remained covered after planting, and which crops entered the rotation each year. Satellite imagery can estimate residue cover and detect tillage events on many fields at once, and simple farmer logbooks or mobile phone surveys can fill the gaps. Without this information, it is impossible to attribute observed changes to the practices rather than to weather or to unrelated changes in management.",
                "Finally, greenhouse-gas accounting should look beyond carbon. Reduced tillage lowers diesel use, but in some wet soils it may increase nitrous oxide emissions, and the introduction of legumes changes nitrogen balances. A complete assessment covers these fluxes as well, as foreseen in the preliminary assessment stage of the FAO GSOC MRV protocol.",
            ],
        },
        {
            "heading": "Summary",
            "paragraphs": [
                "Conservation agriculture is a system, not a single practice. Its carbon benefits are real when soil cover and diversification accompany reduced disturbance and when enough biomass is produced. Claims based only on shallow sampling under no-till should be treated with caution. The wider benefits for erosion control, water and resilience often justify adoption even where carbon gains are modest.",
            ],
        },
    ],
}

PDF_DOCUMENTS["agroforestry"] = {
    "title": "Trees on farms: agroforestry and soil organic carbon",
    "filename": "agroforestry-soil-organic-carbon.pdf",
    "author": EDITORIAL,
    "year": 2023,
    "sample": True,
    "sections": [
        {
            "heading": "Agroforestry in brief",
            "paragraphs": [
                "Agroforestry is the deliberate integration of trees and shrubs with crops or livestock on the same land. It takes many forms: alley cropping with rows of trees between strips of crops, windbreaks and shelterbelts, silvopasture where animals graze under trees, parkland systems with scattered trees such as shea or Faidherbia in West African fields, multistrata homegardens in humid Asia and Central America, and shaded coffee or cocoa. These systems have been part of farming for centuries, and in many places they are being rediscovered as a way to combine production, biodiversity and climate benefits.",
                "Trees add carbon to the landscape in two places: in their own biomass above and below ground, and in the soil, through leaf litter, dead roots and root exudates that reach deeper layers than annual crops. This document focuses on the soil part, which is the concern of the 4 per 1000 Initiative, while recognising that biomass carbon is often larger in the short term.",
            ],
        },
        {
            "heading": "How much soil carbon do trees add?",
            "paragraphs": [
                "Meta-analyses give a consistent direction but a wide range. One global synthesis of land-use change found that converting cropland to agroforestry raised SOC stocks by about 26 per cent in the top 15 cm, about 40 per cent in the top 30 cm and about 34 per cent to one metre. The same synthesis showed that converting forest to agroforestry reduced soil carbon, a reminder that agroforestry is a gain only when it replaces less carbon-rich uses, not when it replaces natural forest.",
                "A second meta-analysis, built on 427 paired observations across alley cropping, windbreaks, silvopasture and homegardens, estimated average stocks of about 126 tonnes of carbon per hectare to one metre under agroforestry, roughly 19 per cent more than comparable cropland or pasture. The differences were largest in deeper layers, which is consistent with the idea that tree roots move carbon below the plough layer where it is better protected from decomposition.",
            ],
        },
        {
            "heading": "Why results vary so much",
            "paragraphs": [
                "The range around these averages is large. Climate, soil texture, tree species, tree density, the age of the system and the management of crops between trees all matter. Young plantings may show little change in soil carbon for the first five to ten years, while mature parklands can hold much more carbon than surrounding fields. Systems where prunings and litter are returned to the soil accumulate more carbon than those where all biomass is harvested for fuel or fodder.",
                "Measurement design also drives variation. Soil carbon under the canopy is usually higher than in the open alley, so the location of samples relative to trees must be planned carefully, for instance along transects from trunk to mid-alley. Comparisons with neighbouring fields are only meaningful if both had the same history, which is often hard to establish in smallholder landscapes.",
            ],
        },
        {
            "heading": "Livelihood benefits and trade-offs",
            "paragraphs": [
                "For farmers, the carbon benefit is rarely the main reason to plant trees. Fruit, nuts, timber, fodder, fuelwood, shade for animals and protection against wind and erosion are more tangible. Nitrogen-fixing species such as Gliricidia, Calliandra or Faidherbia albida can raise crop yields and reduce fertiliser needs. Diversified income sources also spread risk in variable climates.",
                "There are trade-offs too. Trees compete with crops for light, water and nutrients, and may harbour birds or pests. They take years to produce income, which is a problem for farmers with short time horizons or insecure land tenure. Where land rights are uncertain, planting trees can even be contested. Projects that promote agroforestry therefore need to address tenure, access to quality seedlings and markets for tree products, not only agronomy.",
            ],
        },
        {
            "heading": "Illustrative case: cocoa agroforestry in Côte d'Ivoire",
            "paragraphs": [
                "Imagine, as an invented example, a programme supporting 1,500 cocoa farmers in south-western Côte d'Ivoire who have been growing full-sun cocoa on degraded land. The programme distributes shade and fruit trees, trains farmers in pruning and litter management, and links them with a buyer who pays a premium for deforestation-free, shade-grown cocoa. A target density of 25 to 40 shade trees per hectare is agreed with farmers, combining native timber species with avocado and citrus.",
                "The soil carbon benefit of such a programme would appear slowly. In the first five years, the carbon story would be dominated by tree biomass, while soil samples taken along transects at baseline and in year five would at best show small gains near trees. Over twenty years, by analogy with the meta-analyses above, stocks in the top 30 cm might rise by a quarter or more relative to full-sun cocoa. The programme would need to guard against a perverse incentive to clear forest to establish new agroforestry plots, which would produce a net loss.",
            ],
        },
        {
            "heading": "MRV for agroforestry",
            "paragraphs": [
                "Monitoring agroforestry carbon combines tree inventories, allometric equations for biomass, and soil sampling designed around tree positions. Remote sensing, including very high-resolution imagery and lidar where affordable, can map tree cover and crown size, which helps extrapolate from inventory plots. For soil carbon, sampling should extend below 30 cm on a subset of sites because a substantial share of the gain may be deeper.",
                "The Land Degradation Surveillance Framework developed by World Agroforestry (ICRAF) offers a tested approach to landscape-level soil health monitoring, combining stratified random sampling, spectroscopy and indicators of erosion and vegetation cover. It was presented to the Climate-Soil Community of Practice in its April 2021 workshop on monitoring the climate benefits of sustainable land management.",
            ],
        },
        {
            "heading": "Policy pointers",
            "paragraphs": [
                "Agroforestry sits awkwardly between agricultural and forestry policy. Farmers may lose agricultural subsidies for land with trees, or face forestry regulations when they want to harvest timber they planted. Clarifying tree tenure and harvesting rights, integrating agroforestry in agricultural support schemes, and counting trees on farms in national inventories and NDCs are among the most useful measures governments can take.",
                "Several countries now mention agroforestry explicitly in their NDCs, and development finance for agroforestry is growing. The Hub's project pages list agroforestry initiatives seeking partners and funding, many of which address objective A2 on project development and B1 on investment plans.",
            ],
        },
    ],
}

PDF_DOCUMENTS["biochar"] = {
    "title": "Biochar and soil carbon: what the field evidence says",
    "filename": "biochar-field-evidence-review.pdf",
    "author": EDITORIAL,
    "year": 2024,
    "sample": True,
    "sections": [
        {
            "heading": "What biochar is, and why it is different",
            "paragraphs": [
                "Biochar is the solid, carbon-rich product obtained when biomass such as crop residues, wood chips, nut shells or manure is heated with little or no oxygen, a process called pyrolysis. Unlike fresh organic matter, which microbes decompose within months or years, much of the carbon in biochar is in condensed aromatic structures that persist in soil for centuries. Adding biochar to soil therefore transfers carbon from a fast cycle to a slow one.",
                "This makes biochar different from most practices discussed in the Hub. Cover crops, manure or agroforestry increase soil carbon by changing the balance between inputs and decomposition, and the gains depend on continued management. Biochar carbon is added directly and is largely stable on its own. The climate benefit depends mainly on how the feedstock is sourced, how pyrolysis is carried out and what else is done with the energy released.",
            ],
        },
        {
            "heading": "Findings of a global meta-analysis",
            "paragraphs": [
                "A global meta-analysis that drew together 64 studies and 736 treatment comparisons examined how biochar application affects soil organic carbon in field and laboratory settings. In field trials lasting between one and ten years, with application rates from 1 to 100 tonnes per hectare, biochar increased SOC stocks by an average of about 13 tonnes per hectare, or about 29 per cent relative to controls.",
                "The effect was larger when biochar was applied together with organic fertilisers, when it was made from plant material rather than manure or sludge, and in medium- to fine-textured soils. A share of the measured increase is simply the biochar carbon itself, but several studies also suggest that biochar can protect native organic matter and stimulate root growth, so that additional carbon accumulates over time. In some soils, however, biochar can initially speed up the decomposition of existing organic matter, an effect known as positive priming, which usually fades after a few years.",
            ],
        },
        {
            "heading": "Agronomic effects",
            "paragraphs": [
                "Biochar's effects on yields range from strongly positive to slightly negative. The largest benefits appear on acidic, weathered tropical soils, where biochar raises pH, improves nutrient retention and increases water-holding capacity in sandy textures. On fertile temperate soils, yield effects are often small. Because biochar itself contains few available nutrients, it is most effective when blended or co-composted with manure, compost or mineral fertilisers, a practice sometimes called charged or enriched biochar.",
                "Application rates in trials are often far higher than farmers can afford. Programmes for smallholders therefore usually focus on low rates placed in planting holes or furrows, on using local residues that would otherwise be burned, and on simple kilns that cut smoke emissions. The Terra Preta soils of the Amazon, enriched with charcoal by pre-Columbian communities, are often cited as inspiration, although they formed over long periods with many other inputs.",
            ],
        },
        {
            "heading": "Feedstocks, production and emissions",
            "paragraphs": [
                "The net climate benefit of biochar depends on the whole chain. Feedstocks should be genuine residues or wastes; growing dedicated crops on land that could produce food or store carbon otherwise undermines the logic. Pyrolysis should capture or burn the gases released, since uncontrolled smouldering releases methane and black carbon. Efficient units recover heat for drying crops or heating buildings, which improves the balance further.",
                "Quality standards, such as those developed by the European Biochar Certificate and the International Biochar Initiative, define limits for contaminants like heavy metals and polycyclic aromatic hydrocarbons and require documentation of feedstocks and production conditions. Any biochar programme seeking carbon finance will need to meet such standards.",
            ],
        },
        {
            "heading": "Illustrative case: rice-husk biochar in Viet Nam",
            "paragraphs": [
                "In an invented example, a farmers' cooperative in the Mekong Delta of Viet Nam operates two small continuous pyrolysis units fed with rice husks from local mills, which would otherwise be dumped or burned in the open. The units produce about 400 tonnes of biochar a year. The cooperative blends it with pig manure compost and sells it to vegetable growers on acidic alluvial soils at low rates of 2 to 5 tonnes per hectare.",
                "Such an enterprise would measure its carbon benefit mainly from production records (mass of biochar, carbon content, and a stability factor from standard tables) rather than from soil sampling, which is one of biochar's practical advantages for MRV. Soil sampling at a few demonstration plots would still be useful to confirm effects on native organic matter, pH and yields, and to reassure buyers about quality.",
            ],
        },
        {
            "heading": "MRV considerations",
            "paragraphs": [
                "Biochar carbon removals are usually quantified by multiplying the mass of biochar applied by its organic carbon content and by a permanence factor that estimates the share remaining after 100 years, derived from the ratio of hydrogen to organic carbon. This approach avoids the high variance of soil sampling and is one reason biochar has gained ground in carbon removal markets.",
                "Verification then focuses on traceability: where the feedstock came from, how the pyrolysis unit performed, where the biochar went and whether it was actually applied to soil or another durable use. Laboratory analyses of each batch are needed. Double counting must be avoided when the same field also earns credits for other soil practices.",
            ],
        },
        {
            "heading": "Open questions",
            "paragraphs": [
                "Important research questions remain. How do biochar effects evolve over decades in different soils? How large is the interaction with native soil carbon in the long run? What are the best ways to combine biochar with compost and manure for smallholders? How can small, clean pyrolysis units be made affordable and maintained locally? The Climate-Soil Community of Practice planned a session in 2023 on financing agroforestry and biochar, showing growing interest among development practitioners.",
                "For now, the evidence supports biochar as a useful tool where residues are available and soils are weathered or acidic, and as a robust carbon removal route when production is clean. It is not a universal solution and should not replace practices that keep soils covered and living.",
            ],
        },
    ],
}

PDF_DOCUMENTS["grazing-management"] = {
    "title": "Grazing management and rangeland soil carbon: reading a contested evidence base",
    "filename": "grazing-management-soil-carbon-evidence.pdf",
    "author": EDITORIAL,
    "year": 2023,
    "sample": True,
    "sections": [
        {
            "heading": "Why grazing lands matter",
            "paragraphs": [
                "Grasslands, savannas and rangelands cover a large part of the world's ice-free land and hold a substantial share of its soil carbon, much of it below ground in dense root systems. Many of these lands are degraded by overgrazing, fire, drought or conversion, and have lost carbon as a result. Restoring them could help both the climate and the millions of pastoralists and livestock keepers who depend on them.",
                "At the same time, grazing is one of the most contested topics in soil carbon debates. Enthusiasts claim that planned grazing can rapidly rebuild soils and offset the emissions of livestock; sceptics point to weak evidence and warn that claims of carbon-neutral beef may delay emission cuts. This document sets out what is reasonably well established and where uncertainty remains.",
            ],
        },
        {
            "heading": "What the evidence supports",
            "paragraphs": [
                "Reviews of grazing management broadly agree that proper grazing tends to improve soil function compared with heavy continuous grazing. In this context proper grazing means either moderate continuous stocking, or rotational or deferred systems with low to moderate stocking rates. Benefits reported include better water infiltration, more ground cover, greater carbon sequestration and more efficient use of nitrogen.",
                "The mechanism is plausible: when plants are given time to recover after grazing, they maintain leaf area and root systems, produce more biomass and protect the soil surface. Stocking rate, that is the number of animals relative to forage production, appears to be the dominant factor, with timing and duration of grazing as secondary levers.",
            ],
        },
        {
            "heading": "Where the evidence is weak",
            "paragraphs": [
                "Rotational grazing as such does not consistently outperform continuous grazing at the same stocking rate. A paired study in South Australia compared rotationally and continuously grazed properties and found no clear difference in soil carbon, with stocks averaging around 48 tonnes of carbon per hectare in the top 30 cm across sites. Other studies report gains, but many are short, unreplicated or compare farms that differ in more ways than grazing method.",
                "Measurement is particularly challenging in rangelands. Soils are often shallow, stony and highly variable; rainfall drives large year-to-year swings in productivity; and baselines are hard to define. Claims of very large sequestration rates, several tonnes of carbon per hectare per year, should be treated with great caution unless backed by repeated measurements on the same sites.",
            ],
        },
        {
            "heading": "Practice, science and policy in dialogue",
            "paragraphs": [
                "In December 2022 the 4 per 1000 Initiative and Soil4Climate held a joint webinar on regenerative grazing as a soil, climate and livelihood solution. It brought together three perspectives: the science of soil and climate, presented by David C. Johnson of New Mexico State University; the practice and livelihood dimension, presented by Precious Phiri of the IGugu Trust and Regeneration International, who works with pastoral communities in southern Africa; and policy, including the soil health pledge and NDCs, presented by Leigh Ann Winowiecki of World Agroforestry.",
                "The format captured an important point: grazing management is as much a social undertaking as a technical one. In communal rangelands, planned grazing requires agreements among herders on herd movements, resting areas and access to water. Where such institutions are strong, improved grazing can restore vegetation and soils; where they are weak, technical advice alone achieves little.",
            ],
        },
        {
            "heading": "Illustrative case: community grazing plans in southern Africa",
            "paragraphs": [
                "As an illustrative example, consider a group of villages in Zimbabwe's semi-arid south that agree on a community grazing plan. Herds are combined and moved according to a seasonal plan, with parts of the range rested for a full growing season each year. Animals are kraaled overnight on degraded cropland to concentrate dung and urine before planting. Local monitors record grass cover and bare ground at fixed photo points twice a year.",
                "In such a setting the first signs of success are usually vegetation cover and reduced erosion, followed by better livestock condition in the dry season. Soil carbon change would be slow and hard to measure against rainfall variability; a realistic MRV approach would combine fixed-point soil sampling every five years with remote sensing of vegetation cover and a conservative model. Any carbon payments would be best channelled to community institutions rather than individuals.",
            ],
        },
        {
            "heading": "Accounting for livestock emissions",
            "paragraphs": [
                "Even where grazing management increases soil carbon, livestock emit methane from enteric fermentation and nitrous oxide from dung and urine. A credible climate assessment must count these emissions as well as the soil sink. In many situations, improved grazing reduces emissions per unit of meat or milk because animals grow faster and herds are more productive, but total emissions can rise if herd size increases.",
                "Soil carbon gains also tend to slow as soils approach a new equilibrium, whereas methane emissions continue as long as the animals are there. Claims that grazing systems are carbon negative therefore need to state the time frame, the boundaries and the assumptions clearly.",
            ],
        },
        {
            "heading": "Recommendations",
            "paragraphs": [
                "For practitioners: match stocking rates to forage production, protect recovery periods, keep ground covered, and monitor simple indicators such as bare ground and plant composition. For researchers: invest in long-term, replicated trials with repeated soil sampling on the same points. For policy makers and funders: support the community institutions that make collective grazing plans work, and be cautious with carbon claims in rangelands until MRV methods are more robust.",
            ],
        },
    ],
}

PDF_DOCUMENTS["compost-manure"] = {
    "title": "Compost and manure: organic amendments as a soil carbon lever",
    "filename": "compost-manure-organic-amendments.pdf",
    "author": EDITORIAL,
    "year": 2022,
    "sample": True,
    "sections": [
        {
            "heading": "The strongest single lever, with a catch",
            "paragraphs": [
                "Among the practices compared in long-term experiments, applying manure produces the largest increases in soil organic carbon. A synthesis of twenty reviews of long-term trials estimated average stock gains of about 0.41 tonnes of carbon per hectare per year with manure, compared with about 0.33 for cover crops, 0.23 for nitrogen fertilisation and 0.12 for residue retention. In relative terms, manured soils held around 30 per cent more carbon than unmanured controls, against roughly 9 to 10 per cent for residues and cover crops and 6 per cent for mineral nitrogen.",
                "The catch is that manure and compost are usually moved from one place to another rather than created from nothing. If manure that used to be spread on one field is now spread on another, the carbon gain on the receiving field may be matched by a loss elsewhere. From the atmosphere's point of view, a genuine gain arises only when the organic material would otherwise have decomposed or been burned without reaching soil, or when more biomass is produced in the system as a whole.",
            ],
        },
        {
            "heading": "Typical application rates",
            "paragraphs": [
                "Application rates vary widely with the type of material and the cropping system. In mixed farms of Europe and North America, solid cattle manure is often applied at 20 to 40 tonnes of fresh material per hectare every one to three years; compost at 10 to 30 tonnes. In smallholder systems of sub-Saharan Africa, farmers frequently have only 1 to 5 tonnes per hectare available, concentrated on fields nearest the homestead, which over decades creates strong gradients of fertility and carbon between home fields and outfields.",
                "Rates should be set by nutrient needs, particularly nitrogen and phosphorus, rather than by carbon goals. Over-application leads to nitrate leaching, phosphorus accumulation and, in wet conditions, nitrous oxide emissions that can cancel part of the climate benefit. Regulations in many countries, including the European Nitrates Directive, cap manure nitrogen applications for this reason.",
            ],
        },
        {
            "heading": "Composting: quality and emissions",
            "paragraphs": [
                "Composting stabilises organic materials, kills pathogens and weed seeds, and reduces volume, making transport easier. Part of the carbon is lost as carbon dioxide during composting, but the remaining carbon is more stable in soil than that of fresh manure. Well-managed aerobic composting produces little methane; poorly aerated, wet heaps can emit significant amounts of methane and nitrous oxide.",
                "Municipal green-waste and food-waste composts offer a way to return organic matter from cities to farmland, closing nutrient loops. Quality control is essential: plastics, glass and contaminants must be kept out, and heavy metals monitored. Several European regions and cities now run quality labels that give farmers confidence in urban composts.",
            ],
        },
        {
            "heading": "Integrated soil fertility management",
            "paragraphs": [
                "In low-input farming systems, the combination of organic amendments with modest amounts of mineral fertiliser, improved varieties and good agronomy, often called integrated soil fertility management, usually outperforms either input alone. Mineral fertiliser raises yields and therefore residue and root inputs; manure and compost supply carbon, micronutrients and improve the efficiency of fertiliser use.",
                "For soil carbon, this combination matters because degraded soils with very low carbon levels respond poorly to mineral fertiliser alone. Restoring a minimum level of organic matter can be a precondition for fertiliser to pay off, which is a strong argument for development programmes to treat organic and mineral inputs as complements rather than competitors.",
            ],
        },
        {
            "heading": "Illustrative case: compost hubs in Benin",
            "paragraphs": [
                "As an invented illustration, picture a network of village compost hubs in northern Benin. Women's groups collect crop residues, market waste and livestock dung, compost them in covered pits and sell or share the product with members. Each hub produces about 60 tonnes of compost a year, enough to treat 20 to 30 hectares at rates of 2 to 3 tonnes per hectare, focusing on maize and soybean fields.",
                "A programme of this kind would report its outcomes at several levels: tonnes of material composted that would otherwise have been burned, area treated, yields on demonstration plots, and income for the groups. Soil carbon would be measured on paired plots with and without compost, sampled at baseline and after four years. Because the inputs come mainly from residues that were previously burned, most of the soil carbon gain would count as additional.",
            ],
        },
        {
            "heading": "Accounting issues",
            "paragraphs": [
                "MRV schemes handle organic amendments in different ways. Some credit the full soil carbon gain on the receiving field; others deduct the carbon that would have stayed on the source field, or credit only amendments from waste streams. Project developers should check the rules of their chosen standard early. They should also document where materials come from, in what quantities, with what carbon and nitrogen content, and record application dates and rates field by field.",
                "Emission accounting should include the composting process, transport, and nitrous oxide from application. Where compost replaces synthetic fertiliser, emission savings from fertiliser manufacture can be counted in some frameworks but not in others. Clarity about boundaries avoids disputes at verification.",
            ],
        },
        {
            "heading": "Key messages",
            "paragraphs": [
                "Organic amendments are the most reliable way to raise soil carbon on a given field and bring nutrient, structure and water benefits. Their net climate value depends on where the material comes from and what would have happened to it otherwise. Policies that help recycle urban and agro-industrial wastes to farmland, and that support composting in smallholder systems, offer real gains for soils and livelihoods.",
            ],
        },
    ],
}

PDF_DOCUMENTS["residues-rotations"] = {
    "title": "Crop residues and diversified rotations: the everyday practices of carbon farming",
    "filename": "crop-residues-and-rotations.pdf",
    "author": EDITORIAL,
    "year": 2023,
    "sample": True,
    "sections": [
        {
            "heading": "Ordinary practices, real effects",
            "paragraphs": [
                "Much attention goes to novel practices such as biochar or digital monitoring, but some of the most widely applicable ways to maintain and build soil carbon are simple: leaving crop residues in the field instead of burning or removing them, and growing a more diverse sequence of crops. These practices cost little in cash, fit most farming systems and form the backbone of conservation agriculture and integrated soil fertility management.",
                "This document reviews the evidence on residue retention and crop rotation, their interactions with other uses of biomass, and practical ways to make them work for farmers.",
            ],
        },
        {
            "heading": "Residue retention: modest but steady",
            "paragraphs": [
                "Crop residues such as straw, stover and stalks are the main carbon input to arable soils after roots. In the synthesis of long-term experiments mentioned throughout the Hub, residue retention increased SOC stocks by about 0.12 tonnes of carbon per hectare per year on average, with a response ratio of roughly 9 to 10 per cent. This is less than manure or cover crops, but residue retention is available on almost every farm and costs little beyond the forgone alternative use.",
                "Burning residues destroys this carbon, emits particulates and greenhouse gases, and harms air quality, as seen in the annual smog episodes linked to rice-straw burning in north-western India. Alternatives include incorporating residues, leaving them as surface mulch, using happy-seeder type machines that sow wheat directly through rice straw, or baling and collecting residues for composting or biochar and returning the product to the field.",
            ],
        },
        {
            "heading": "Competing uses of residues",
            "paragraphs": [
                "In many smallholder systems residues are not waste. They feed livestock in the dry season, serve as fuel and building material, and are sometimes sold. Asking farmers to leave all residues on the field can reduce milk production or increase fuel costs, so the trade-off must be managed rather than ignored. A common compromise is to retain part of the residues, for instance the lower stalks, and to compensate with fodder banks, improved pastures or efficient stoves.",
                "Community rules also matter. Where free grazing after harvest is the norm, any residue left on a field is eaten by whichever herd passes. Agreements between farmers and herders, or the fencing of plots, may be needed before residue retention is realistic.",
            ],
        },
        {
            "heading": "Diversified rotations and legumes",
            "paragraphs": [
                "Growing a wider range of crops in sequence increases the diversity of root systems and residues, breaks pest and disease cycles, and often raises total biomass production. Rotations with perennial forages, such as alfalfa or grass-clover leys, have particularly strong effects on soil carbon because perennial roots grow continuously and deeply. Legumes add nitrogen, which in turn supports higher biomass in the following crops.",
                "In arid and semi-arid conservation agriculture systems, diverse rotations have been associated with mean sequestration of about 0.24 tonnes of carbon per hectare per year in the top 30 cm. In wetter temperate systems, re-introducing temporary grassland into long-term arable rotations is one of the most effective ways to rebuild depleted soils, although it depends on having a market or use for the forage, typically livestock.",
            ],
        },
        {
            "heading": "Illustrative case: rotation redesign in Argentina's Pampas",
            "paragraphs": [
                "As an invented example, a group of farms in the Argentine Pampas that have relied for two decades on continuous soybean under no-till decide to diversify. They introduce wheat and maize into the rotation, add a winter cover crop before soybean, and on one field in five re-establish a three-year grass-legume pasture grazed by beef cattle. The change increases annual biomass inputs substantially, because soybean leaves little residue compared with maize.",
                "The group would track soil carbon on fixed sampling points in each field type every four years, using equivalent soil mass calculations. It would also monitor yields, weed pressure and herbicide use, since a more diverse rotation typically reduces herbicide-resistant weed problems common in soybean monocultures. Carbon gains in such a shift could plausibly be several times higher than from residue retention alone.",
            ],
        },
        {
            "heading": "Supporting farmers",
            "paragraphs": [
                "Rotation choices are driven by markets. Farmers grow what they can sell, so diversification depends on functioning markets for the additional crops, storage and processing capacity, and sometimes on contracts with buyers. Public policy can help through crop insurance that covers minor crops, research on varieties for under-used crops, and procurement programmes, for example for pulses in school meals.",
                "For residue retention, bans on burning work best when combined with support for alternatives such as machinery subsidies and collection services. Awareness campaigns that show the value of residues for soil and yields help shift social norms among farmers who see a clean, burnt field as a sign of good husbandry.",
            ],
        },
    ],
}

PDF_DOCUMENTS["peatlands"] = {
    "title": "Peatlands and organic soils: protecting the largest soil carbon stores",
    "filename": "peatlands-organic-soils-protection.pdf",
    "author": EDITORIAL,
    "year": 2024,
    "sample": True,
    "sections": [
        {
            "heading": "A small area with an outsized carbon role",
            "paragraphs": [
                "Peatlands are wetlands where waterlogging has slowed decomposition for thousands of years, allowing plant remains to accumulate as peat. They cover only a few per cent of the world's land surface yet hold a disproportionately large share of soil carbon, often several hundred to several thousand tonnes of carbon per hectare, far more than mineral soils. They occur from the boreal zone to the tropics, with major tropical peatlands in Indonesia, the Congo Basin and the Peruvian Amazon.",
                "Because the 4 per 1000 target concerns increases in soil carbon, peatlands might seem peripheral. In fact, protecting them is arguably the most important soil carbon action of all: drained peatlands lose carbon continuously, at rates that can exceed the gains achievable on many hectares of mineral cropland.",
            ],
        },
        {
            "heading": "Drainage turns sinks into sources",
            "paragraphs": [
                "When peatlands are drained for agriculture, forestry or peat extraction, oxygen enters the peat and microbes decompose it rapidly. The result is a steady release of carbon dioxide, subsidence of the land surface, and vulnerability to fire. Drained tropical peatlands converted to oil palm or pulpwood plantations can emit tens of tonnes of CO2 per hectare per year, and peat fires during dry years release enormous quantities of carbon and cause regional haze crises.",
                "In Europe, centuries of drainage for grassland and cropland mean that organic soils account for a large share of agricultural emissions in countries such as Germany, the Netherlands and Ireland, despite their limited area. The Thünen Institute in Germany has documented these emissions in detail for national reporting.",
            ],
        },
        {
            "heading": "Protection, rewetting and paludiculture",
            "paragraphs": [
                "The first priority is to protect intact peatlands from drainage and conversion. The second is to rewet drained peatlands by blocking ditches and raising water tables, which stops most of the carbon loss and can restore peat formation over time. Rewetting may cause a short-term increase in methane emissions, but the reduction in carbon dioxide usually outweighs it within years to decades.",
                "Where land must remain productive, paludiculture, the cultivation of wetland plants on rewetted peat, offers an alternative. Crops such as reed, cattail, sphagnum moss and, in the tropics, sago palm or jelutong can provide income while keeping the peat wet. Markets for these products are still small, and farmers need support to make the transition.",
            ],
        },
        {
            "heading": "Peatlands in NDCs",
            "paragraphs": [
                "The Initiative's A1 objective page records that in 2019, 28 of 196 Nationally Determined Contributions specified targets, policies or measures for soil organic carbon, peatlands or wetlands. An older breakdown of the same baseline counted 13 NDCs linking SOC to agricultural mitigation or adaptation, 20 referring to peatlands or wetlands and 3 mentioning soil carbon without targets. Peatlands were thus already the most frequently cited soil topic.",
                "Countries with large peat areas have the most to gain from explicit peatland targets, both in emissions avoided and in co-benefits for water regulation, biodiversity and fire prevention. Including rewetting targets in NDCs and linking them to investment plans is a concrete way to implement objectives A1 and B1.",
            ],
        },
        {
            "heading": "Illustrative case: village peat restoration in Indonesia",
            "paragraphs": [
                "In an invented example, five villages on the edge of a peat dome in Central Kalimantan, Indonesia, agree with the district government to block 40 kilometres of abandoned drainage canals, establish community fire brigades and replant native swamp forest species on burnt areas. Farmers shift from dry-land crops on drained peat to paludiculture with jelutong and sago, and to fish ponds in canal sections.",
                "Monitoring in such a programme would rely mainly on groundwater level loggers, since water table depth is a good proxy for carbon loss on peat, combined with fire hotspot data from satellites and subsidence poles. Soil sampling would be limited to peat depth surveys. Payments for avoided emissions would need to address land tenure and benefit sharing carefully.",
            ],
        },
        {
            "heading": "Key messages",
            "paragraphs": [
                "Protecting and rewetting peatlands avoids very large emissions per hectare and should be a priority wherever organic soils are drained. MRV relies more on water levels and land-use data than on soil sampling. Paludiculture and fair benefit sharing are key to making rewetting acceptable to the people who live on and from peatlands.",
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Policy
# ---------------------------------------------------------------------------

PDF_DOCUMENTS["ndc-guide"] = {
    "title": "Putting soils into Nationally Determined Contributions: a practical guide",
    "filename": "soils-in-ndcs-practical-guide.pdf",
    "author": EDITORIAL,
    "year": 2024,
    "sample": True,
    "sections": [
        {
            "heading": "Why NDCs matter for soils",
            "paragraphs": [
                "Nationally Determined Contributions (NDCs) are the climate plans that each Party to the Paris Agreement submits and updates every five years. They signal national priorities to ministries, donors and investors, and increasingly shape where climate finance goes. A soil measure that appears in an NDC is more likely to receive budget, to be monitored and to be linked to agricultural policy than one that appears only in a research report.",
                "The first objective of the 4 per 1000 Initiative's strategic plan, A1, is precisely about this. It aims for soil health and soil organic carbon to become vital components of NDCs, with all UNFCCC Parties including them in their NDCs and in national agriculture, forestry and land-use plans and programmes.",
            ],
        },
        {
            "heading": "Where we start from",
            "paragraphs": [
                "The baseline recorded on the A1 objective page is modest. In 2019, 28 of 196 NDCs contained targets, policies or measures relating to soil organic carbon, peatlands or wetlands. An earlier version of the same page broke the figure down differently: 13 NDCs linked soil carbon to agricultural mitigation or adaptation, 20 referred to peatlands or wetlands, and 3 mentioned soil carbon without setting targets. The two versions overlap and should not be added together; they illustrate how difficult it is to count soil content in documents written in very different styles.",
                "The targets on the same page are ambitious. By 2030, all member and partner countries of the Initiative should include quantitative targets for soil health and soil carbon in their NDCs and related documents, and refer to them in national land-use plans. By 2050, all UNFCCC Parties should do so. Meeting these targets will require technical support, political will and data.",
            ],
        },
        {
            "heading": "Options for soil content in an NDC",
            "paragraphs": [
                "Soil content can enter an NDC in several ways, from least to most demanding. A qualitative mention of sustainable soil management in the adaptation section is easy but carries little weight. A list of policies and measures, such as promoting conservation agriculture, agroforestry or peatland rewetting, gives more direction. An activity target, for example hectares under a given practice by 2030, is measurable without soil sampling. A quantitative mitigation target expressed in tonnes of CO2 removed or emissions avoided from soils requires a monitoring system and inventory methods capable of tracking it.",
                "Many countries will reasonably start with activity targets and build towards carbon targets as their inventories improve. What matters is that the targets are specific, linked to budgets and programmes, and reported on.",
            ],
        },
        {
            "heading": "Linking to the greenhouse-gas inventory",
            "paragraphs": [
                "To count soil carbon towards a mitigation target, a country must report it in its national greenhouse-gas inventory under the land sector. Many developing countries use default Tier 1 methods from the IPCC guidelines, which apply standard stock change factors to areas of land under different management. These methods can capture large shifts, such as conversion of cropland to grassland, but not subtle practice changes. Moving to Tier 2, with country-specific factors, or Tier 3, with models and measurement networks, allows practices such as cover crops or residue retention to be recognised.",
                "Investments in national soil monitoring networks and soil information systems, often supported by the FAO Global Soil Partnership, are therefore a precondition for ambitious soil targets. They also serve agriculture and land-degradation reporting, so the costs are shared.",
            ],
        },
        {
            "heading": "A step-by-step process",
            "paragraphs": [
                "A practical process for a ministry or national task team might run as follows. First, take stock of existing soil data, policies and programmes, including agricultural extension, land restoration and peatland projects. Second, identify priority practices and landscapes with stakeholders, especially farmer organisations. Third, estimate mitigation and adaptation potential using available data and models, being honest about uncertainty. Fourth, draft activity and, where possible, carbon targets, with responsible institutions and budgets. Fifth, link the targets to the investment plans and agricultural policies that will finance them, the subject of objective B1. Sixth, set up reporting through the inventory and the enhanced transparency framework.",
                "Throughout, coordination between ministries of environment and agriculture is critical. In many countries the NDC is drafted by the environment ministry while the levers for soil management sit in agriculture; joint working groups help bridge the gap.",
            ],
        },
        {
            "heading": "Illustrative example: an activity target in Senegal",
            "paragraphs": [
                "As an invented illustration, imagine that Senegal's agriculture ministry, working with farmer federations and research institutes, proposes an NDC measure to bring 300,000 hectares of groundnut and millet land under integrated soil fertility management and farmer-managed natural regeneration of trees by 2030. The measure is framed primarily as adaptation but includes an indicative mitigation estimate based on Tier 1 factors, with a commitment to develop Tier 2 factors from a national network of 200 benchmark sites.",
                "Such a target would be measurable through agricultural statistics and satellite monitoring of tree cover, would connect to existing extension programmes, and could be costed in the national agricultural investment plan. The example is hypothetical but shows how a country can make soils visible in its NDC without waiting for a perfect carbon monitoring system.",
            ],
        },
        {
            "heading": "Support available",
            "paragraphs": [
                "Countries preparing NDC updates can draw on the technical support of FAO, bilateral agencies such as GIZ, research institutions such as CIRAD, IRD and INRAE, and the network of the 4 per 1000 Initiative. The Hub collects examples of NDC soil measures, inventory methods and national soil information systems, and the Task Force for objective A1 brings together practitioners who have worked on these questions.",
            ],
        },
    ],
}

PDF_DOCUMENTS["investment-plans"] = {
    "title": "From pledges to budgets: investment plans for soil health and soil carbon",
    "filename": "investment-plans-soil-health-b1.pdf",
    "author": EDITORIAL,
    "year": 2023,
    "sample": True,
    "sections": [
        {
            "heading": "The problem in one sentence",
            "paragraphs": [
                "The problem statement of objective B1 of the 4 per 1000 strategic plan is blunt: despite their pledges, governments do too little, too slowly, to give land users incentives to improve soil health and soil organic carbon. Existing incentives and regulations do not reward sustainable or agroecological land use. The first cause listed is that the external costs and benefits of farming are not reflected in the prices of agricultural and food products, a point the page supports with the work of De Schutter and Vanloqueren published in 2011.",
                "Put simply, a farmer who builds soil carbon, reduces erosion and protects water quality generally receives no more for the crop than one who depletes the soil. Until that changes, through public spending, regulation, markets or all three, adoption of soil-friendly practices will remain slower than the climate and food security challenges require.",
            ],
        },
        {
            "heading": "What objective B1 aims for",
            "paragraphs": [
                "Objective B1 is to encourage the development and implementation of investment plans that reflect the targets set in NDCs. National and supranational strategies, including incentive and regulatory mechanisms, and responsible investment plans for soil health derived from NDC targets are to be developed and carried out.",
                "The baseline for 2020 is simply an inventory of existing strategies and investment plans. By 2030, all member and partner countries should include soil health and soil carbon as quantitative targets in their investment plans and related documents, and reference them in national agriculture, forestry and land-use plans. By 2050, all UNFCCC Parties should do the same. B1 is thus the budgetary counterpart of A1: A1 puts soils into climate plans, B1 makes sure money follows.",
            ],
        },
        {
            "heading": "What an investment plan for soils looks like",
            "paragraphs": [
                "An investment plan translates targets into programmes with costs, timelines, responsible institutions and financing sources. For soils, typical components include extension and training for farmers and advisors; support for equipment, seed and inputs needed for practice change; payments for ecosystem services or results-based payments; land tenure security measures; research and soil monitoring networks; and the enabling environment, such as credit lines and insurance products adapted to practice change.",
                "Many countries already have national agricultural investment plans, for example under the Comprehensive Africa Agriculture Development Programme in Africa, and climate-related plans for adaptation. Rather than creating separate soil plans, it is usually more effective to integrate soil targets into these existing instruments and to tag relevant budget lines so that spending on soils can be tracked.",
            ],
        },
        {
            "heading": "Reforming existing incentives",
            "paragraphs": [
                "Public support to agriculture is large: governments spend hundreds of billions of dollars each year on subsidies and price support. Some of these incentives encourage practices that degrade soils, such as subsidies for inputs without conditions, or support tied to specific crops regardless of how they are grown. Repurposing a share of this support towards soil health outcomes can achieve more than new, small, stand-alone programmes.",
                "Examples include making direct payments conditional on minimum soil cover or crop rotation, as in parts of the European Union's Common Agricultural Policy; eco-schemes that pay for cover crops or agroforestry; input subsidy programmes that include organic amendments or legume seed; and public procurement rules that favour produce grown with soil-friendly practices, one of the example commitments that the Initiative suggests for states.",
            ],
        },
        {
            "heading": "Illustrative case: a provincial soil investment window in Morocco",
            "paragraphs": [
                "As an invented example, a Moroccan region working with the AAA Initiative (Adaptation of African Agriculture) designs a five-year soil investment window within its agricultural development plan. The window co-finances direct seeders for farmer cooperatives, subsidises legume seed for rotations with wheat and barley, and funds a network of demonstration farms. Payments are conditional on maintaining residue cover, verified by satellite imagery and spot checks.",
                "The window is costed at a modest share of existing agricultural support, repurposed rather than new, and is linked explicitly to the country's NDC measures on conservation agriculture. A results framework tracks hectares under practice, yields and, at benchmark sites, soil carbon. The example is hypothetical but follows the logic of objective B1.",
            ],
        },
        {
            "heading": "Role of the Initiative and its partners",
            "paragraphs": [
                "The Initiative cannot write investment plans for countries, but its network can help. Task Forces can map existing plans and identify gaps, share model clauses and examples, and develop project ideas that fit national priorities and can be presented to funders. The Formative Assessment of Soil Projects by the Scientific and Technical Committee offers projects a review against the Initiative's reference criteria and, when positive, a letter of support and visibility as an investment opportunity.",
                "Resource mobilisation remains a constraint for the Initiative itself: its 2020 budget was 961 thousand euros, of which only 450 thousand were actually available, and no baseline had been established for investment in on-the-ground soil health projects. Establishing such a baseline is itself a useful first step for B1.",
            ],
        },
    ],
}

PDF_DOCUMENTS["awareness-c1"] = {
    "title": "Raising awareness of the soil-climate-food link: lessons for communicators",
    "filename": "awareness-soil-climate-food-c1.pdf",
    "author": EDITORIAL,
    "year": 2022,
    "sample": True,
    "sections": [
        {
            "heading": "An invisible resource",
            "paragraphs": [
                "Soils are literally underfoot and out of sight. Most people rarely think about them except when they see erosion after a storm or dust storms in a drought. The problem statement of objective C1 of the 4 per 1000 strategic plan notes that decision makers and the general public are not fully aware of how soil, climate and food security depend on each other, nor of the Initiative's role; it adds that soils are a significant source of greenhouse gases, a fact that is not widely recognised either.",
                "Objective C1, Advocacy and Awareness, aims to change this. Its target for 2030 is information and education material, such as press kits, in the five official UN languages on the Initiative's website and platform, and at least ten awareness events a year for decision makers and the public. By 2050 the aim is at least fifty events a year reaching policy makers, the public, schools, farmers, land planners and other influencers. The 2020 baseline consisted of occasional public events, a strong social media presence and a simple press kit.",
            ],
        },
        {
            "heading": "Know your audience",
            "paragraphs": [
                "Effective communication starts with the audience. Policy makers want to know what a measure costs, what it delivers and how it fits existing commitments. Farmers want practical, locally tested information from people they trust, often other farmers. Journalists need stories with people, places and clear numbers. School pupils respond to hands-on experiences such as soil pits, earthworm counts or simple infiltration tests.",
                "The same message can be framed in different ways. For a finance ministry, soil health may be about reducing the cost of droughts and food imports; for an environment ministry, about NDC targets; for a city audience, about where food comes from and the value of compost from household waste.",
            ],
        },
        {
            "heading": "Getting the numbers right",
            "paragraphs": [
                "Communicators are tempted by striking numbers, and soil carbon offers many. Soils hold two to three times as much carbon as the atmosphere; the 4 per 1000 figure suggests that a small annual increase in soil carbon could match the yearly rise in atmospheric CO2. Such statements are useful to draw attention, but they must be framed carefully. Scientists have criticised the 0.4 per cent figure when it was presented as a realistic prediction rather than as an aspirational benchmark.",
                "A good rule is to pair each big number with its limits. Soils can make a significant contribution to climate mitigation, and technically feasible sequestration has been estimated at roughly 0.8 to 1.5 billion tonnes of carbon a year, but this does not replace emission reductions in energy and industry. Credibility is a communicator's most valuable asset, and overselling soils risks a backlash.",
            ],
        },
        {
            "heading": "Formats that work",
            "paragraphs": [
                "Field days and farmer-to-farmer visits remain the most powerful tool for practice change. Short videos showing a rainfall simulator on bare and covered soil, or a spade test on two neighbouring fields, travel widely on social media. Testimonials from farmers, featured in the Initiative's Testimonials and success stories section, make abstract benefits concrete. Infographics and one-page policy briefs help decision makers.",
                "Events linked to the annual UN climate conference, such as the Initiative's yearly Day and Forum of Partners, offer visibility with high-level audiences. World Soil Day on 5 December and national soil weeks provide regular hooks for media work. Multilingual material is essential for an international network and is explicitly part of the C1 target.",
            ],
        },
        {
            "heading": "Illustrative campaign: soil stories in schools",
            "paragraphs": [
                "As an invented example, a partnership between a regional education authority in Spain, a farmers' union and a university runs a school programme called, for the purpose of this illustration, Soil Stories. Each participating class adopts a plot on a nearby farm, visits it three times a year, measures infiltration and counts earthworms, and interviews the farmer about her practices. Pupils produce short videos and posters that are shown at a regional soil festival.",
                "Evaluation of such a programme would look at changes in pupils' knowledge and attitudes, media coverage, and participation of farmers. It would be a small contribution to C1 targets, but repeated across regions it could help build a generation for whom soil health is a familiar idea.",
            ],
        },
        {
            "heading": "Measuring awareness",
            "paragraphs": [
                "Counting events and social media reach is easy; measuring whether awareness actually changed is harder. Short surveys before and after campaigns, media content analysis, and tracking of mentions of soils in policy documents and NDCs give a more meaningful picture. Partners are invited to share their evaluations through the Hub so that others can learn which approaches work.",
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# Finance
# ---------------------------------------------------------------------------

PDF_DOCUMENTS["carbon-markets"] = {
    "title": "Soil carbon in carbon markets: credits, permanence and integrity",
    "filename": "soil-carbon-markets-permanence-integrity.pdf",
    "author": EDITORIAL,
    "year": 2024,
    "sample": True,
    "sections": [
        {
            "heading": "How soil carbon credits work",
            "paragraphs": [
                "A soil carbon credit represents one tonne of CO2 equivalent removed from the atmosphere and stored in soil, or an emission avoided, as a result of a change in land management, quantified under a recognised methodology and verified by an independent body. Credits are issued by a registry, either in a voluntary market, where companies buy them to meet their own climate pledges, or in a compliance scheme, where governments set the rules, as in Australia's Emissions Reduction Fund.",
                "Objective A5 of the 4 per 1000 strategic plan, Carbon markets, aims to improve the transparency, accessibility and configuration of carbon market mechanisms. In October 2020 the Climate-Soil Community of Practice devoted an event to the voluntary carbon market and soil carbon projects for offsetting, reflecting strong interest among practitioners as well as persistent doubts.",
            ],
        },
        {
            "heading": "The integrity tests",
            "paragraphs": [
                "Any carbon credit must pass several tests. Additionality asks whether the practice change would have happened anyway without carbon finance. Quantification asks whether the carbon gain is measured or estimated accurately and conservatively. Leakage asks whether the project simply displaces emissions elsewhere, for example by moving manure from one field to another or pushing production onto new land. Permanence asks whether the carbon will stay stored, and what happens if it is lost. Double counting asks whether the same tonne is claimed by more than one party, for instance by a company and by the host country's NDC.",
                "Soil carbon is particularly challenging on quantification and permanence. Stocks change slowly and vary greatly across fields, and gains can be reversed by a return to ploughing or by drought. These weaknesses are manageable, but they require careful methodology and honest communication.",
            ],
        },
        {
            "heading": "Permanence and the Australian experience",
            "paragraphs": [
                "Schemes deal with permanence in different ways: by requiring landholders to maintain stocks for a set period, by holding a share of credits in a buffer pool to cover losses, or by issuing temporary credits that expire. Australia's soil carbon method under the Emissions Reduction Fund requires a 25-year permanence period, a serious commitment for a farming family that cannot foresee future markets, succession or climate.",
                "The Australian scheme has been a valuable test case. By 2022, only a single soil carbon project had been issued Australian Carbon Credit Units, even though many had registered. Part of the reason was technical: the small changes in stocks that practices generate are hard to detect with the required confidence. Other reasons include costs, long commitment periods and uncertainty about prices. The lesson for designers elsewhere is that rules meant to guarantee integrity can, if set without regard to practical realities, prevent projects from happening at all.",
            ],
        },
        {
            "heading": "The cost of MRV and verification",
            "paragraphs": [
                "For many smallholder and even commercial projects, the cost of MRV and audits is the biggest barrier. Evidence to the Canadian House of Commons agriculture committee described audit-based MRV for soil carbon as cumbersome and sometimes more expensive than the credits are worth, and pointed to remote sensing with in-field sensors as a possible way forward. Aggregating many farms into one project, using model-based quantification with measured benchmarks, and sharing regional baselines all help.",
                "Even then, margins are thin. When carbon prices are low, the share of credit revenue reaching farmers after developer fees, verification and buffer deductions may be small. Farmers should be offered clear contracts that state who owns the credits, what obligations they accept, for how long, and what happens if they sell the land or stop the practice.",
            ],
        },
        {
            "heading": "Insetting, claims and alternatives to offsetting",
            "paragraphs": [
                "A growing share of soil carbon finance comes not from offsets sold on open markets but from companies investing in their own supply chains, a practice called insetting. A food company may pay farmers who supply it for adopting regenerative practices and count the resulting removals in its own scope 3 inventory. This aligns incentives but raises similar questions of quantification and permanence, and new accounting guidance is emerging to govern such claims.",
                "Some observers argue that soil carbon should be financed through contribution claims, in which companies support projects without claiming to offset their own emissions, or through results-based public payments, rather than through offsets. Such approaches avoid the risk that uncertain soil removals are used to justify continued fossil emissions, while still channelling money to farmers.",
            ],
        },
        {
            "heading": "Illustrative case: a cooperative carbon programme in Canada",
            "paragraphs": [
                "In an invented example, a Saskatchewan grain cooperative aggregates 150 farms into a single soil carbon project under a voluntary standard. Practices include reduced tillage, cover crops where moisture allows and diversified rotations with pulses. Quantification combines a calibrated model with 120 benchmark sites re-sampled every five years. Twenty per cent of credits go to a buffer pool. Farmers sign ten-year contracts with a clause allowing exit with repayment of credits earned.",
                "Regeneration Canada, which partnered with the Initiative on its first North America regional meeting in 2020, is the kind of organisation that could help such a cooperative with farmer training and communication. The case is fictitious, but it illustrates the main design choices and trade-offs that any real programme must settle.",
            ],
        },
        {
            "heading": "Guidance for project developers",
            "paragraphs": [
                "Be conservative in estimates and transparent about uncertainty. Choose a methodology that fits the practices and the data you can realistically collect. Involve farmers in contract design and make sure they understand the obligations. Consider whether an offset, an inset or a results-based payment is the most appropriate channel. And think about the host country's NDC: corresponding adjustments and national reporting rules increasingly affect what can be claimed by whom.",
            ],
        },
    ],
}

PDF_DOCUMENTS["blended-finance"] = {
    "title": "Results-based payments and blended finance for soil health",
    "filename": "results-based-payments-blended-finance.pdf",
    "author": EDITORIAL,
    "year": 2023,
    "sample": True,
    "sections": [
        {
            "heading": "Beyond carbon credits",
            "paragraphs": [
                "Carbon markets get most of the attention, but they are only one way to pay for soil health, and not always the most suitable. Soil-friendly practices deliver a bundle of benefits, including yields and resilience for farmers, cleaner water and reduced flood risk for downstream users, biodiversity and carbon storage. Finance can be designed to reward this bundle, to share risk during the transition, and to crowd in private investment with public money.",
                "This document introduces two families of instruments: results-based payments, which pay for measured outcomes or verified practices, and blended finance, which combines public or philanthropic funds with commercial capital to make investments viable.",
            ],
        },
        {
            "heading": "Results-based payments",
            "paragraphs": [
                "In a results-based payment scheme, a payer, often a government, a development agency or a water utility, pays land users when an agreed result is achieved. The result may be an outcome, such as a measured increase in soil carbon or a reduction in sediment load, or a practice, such as hectares under cover crops verified by satellite. Practice-based payments are simpler and cheaper to verify; outcome-based payments give farmers more freedom in how they reach results but expose them to weather risk and measurement noise.",
                "Hybrid designs are common: a fixed payment per hectare for verified practices, plus a bonus tied to outcome indicators measured at landscape level. Paying groups or communities rather than individuals can reduce transaction costs and encourage collective action, for example in grazing management or watershed restoration.",
            ],
        },
        {
            "heading": "Blended finance structures",
            "paragraphs": [
                "Transition to soil-friendly practices often requires upfront investment, in equipment, trees, fencing or water infrastructure, with returns that come years later. Commercial lenders see such investments as risky, especially for smallholders without collateral. Blended finance uses concessional capital to change the risk-return profile: first-loss tranches absorb initial losses, guarantees cover part of loan defaults, technical assistance facilities pay for training and project preparation, and interest subsidies lower the cost of credit.",
                "Typical structures include agricultural loan funds where a development bank takes a junior position, input-credit schemes linked to offtake contracts with buyers, and outcome funds where public donors pay for verified results that private investors have pre-financed. Each needs a pipeline of well-prepared projects, which is where project development support, objective A2 in the 4 per 1000 strategy, becomes critical.",
            ],
        },
        {
            "heading": "Illustrative case: an agroforestry loan fund in Kenya",
            "paragraphs": [
                "As an invented example, imagine a 12 million US dollar agroforestry and soil health fund for smallholder dairy and coffee farmers in Kenya's central highlands. A development agency provides a 3 million dollar first-loss tranche and a technical assistance grant; impact investors provide senior debt; a local microfinance institution lends to farmer groups for fodder trees, water tanks and biogas units. A dairy processor signs offtake agreements and deducts repayments from milk payments.",
                "A results-based component, funded by a climate donor, pays farmer groups a bonus for each hectare where tree cover and soil cover targets are verified, with soil carbon measured at benchmark sites to calibrate estimates. The fund's design addresses the main barriers reported by farmers elsewhere: funding, risk and lack of knowledge. The example is fictional but draws on common elements of real funds.",
            ],
        },
        {
            "heading": "Risks and safeguards",
            "paragraphs": [
                "Financial instruments can harm the people they are meant to help if poorly designed. Over-indebtedness, elite capture of benefits, land grabs driven by carbon or tree-planting finance, and exclusion of women and tenants are documented risks. Safeguards should cover free, prior and informed consent, grievance mechanisms, fair benefit sharing and protection of land tenure rights, which are among the safeguard criteria used in the Formative Assessment of Soil Projects.",
                "Transparency about fees and the distribution of revenue between investors, intermediaries and farmers is another important safeguard, and one that farmer organisations increasingly demand.",
            ],
        },
        {
            "heading": "What governments can do",
            "paragraphs": [
                "Governments can create the conditions for finance to flow: clear land tenure, functioning extension services, agricultural insurance, and public results-based payment programmes that give investors predictable revenue. By linking such programmes to NDC targets and agricultural investment plans, they implement objectives A1 and B1 together and signal to the private sector that soil health is a long-term policy priority.",
            ],
        },
    ],
}

PDF_DOCUMENTS["fasp-guide"] = {
    "title": "Preparing for the Formative Assessment of Soil Projects (FASP): a guide for applicants",
    "filename": "fasp-formative-assessment-applicant-guide.pdf",
    "author": EDITORIAL,
    "year": 2024,
    "sample": True,
    "sections": [
        {
            "heading": "What the FASP is",
            "paragraphs": [
                "The Formative Assessment of Soil Projects, known as FASP, is a free service offered by the Scientific and Technical Committee (STC) of the 4 per 1000 Initiative together with its Executive Secretariat. Project holders submit a description of their project in response to a call, and the STC assesses it against the Initiative's reference criteria and indicators. The assessment is formative: its aim is to help projects improve, not only to grade them.",
                "The STC was set up at the first meeting of the Consortium of Members during COP22 in Marrakech in 2016, with the proposal of reference criteria for project assessment as its main mandate. The FASP is the practical outcome of that mandate. Calls are held regularly; the sixth call closed on 31 July 2024.",
            ],
        },
        {
            "heading": "What applicants receive",
            "paragraphs": [
                "Every project that is assessed receives an evaluation report with recommendations. Projects that are assessed positively are published as investment opportunities on the Initiative's website and electronic platform, promoted at events including the annual 4 per 1000 Day, and receive advice on funding and collaboration as well as a letter of support from the Initiative.",
                "For project holders, especially smaller organisations, this offers several benefits: an expert review of their design, a signal of quality to funders, and visibility in an international network of more than six hundred members and partners. For the Initiative, the FASP builds a pipeline of well-designed projects that contribute to objective A2 on project development, whose 2030 target foresees at least thirty projects a year supported through calls and scientific and technical advice.",
            ],
        },
        {
            "heading": "The thirteen reference criteria",
            "paragraphs": [
                "The assessment uses thirteen reference criteria, linked to the Sustainable Development Goals with a particular emphasis on SDG 2 (zero hunger), SDG 13 (climate action) and SDG 15 (life on land). The criteria are applied in steps. The first step checks safeguards: respect for human rights, respect for land tenure rights, and contribution to poverty alleviation. A project that fails these safeguards cannot be assessed positively, whatever its technical merits.",
                "The second step covers direct criteria, beginning with soil conservation and improvement and land restoration, and the increase or maintenance of soil organic carbon stocks. Further criteria deal with other dimensions of the project; applicants should consult the current call documents for the complete list and the indicators used, since this guide does not reproduce them and the wording may change between calls.",
            ],
        },
        {
            "heading": "Preparing a strong application",
            "paragraphs": [
                "Applicants who have been through the process, and the Hub's editorial team, suggest a few practical points. Describe the context clearly: location, soils, climate, farming systems, the people involved and their land rights. Explain which practices the project promotes and why they suit the context, citing evidence where possible. Be explicit about safeguards, including how communities were consulted, how women and young people participate, and how benefits are shared.",
                "For soil carbon, state the baseline, the expected change and how it will be monitored, even if the monitoring is simple. A credible plan based on benchmark sites and activity data is better than an ambitious plan that cannot be financed. Address risks, including drought, price changes and the possibility that farmers abandon practices, and explain how the project responds. Finally, show how the project fits national policies and NDCs, which makes it more attractive to public funders.",
            ],
        },
        {
            "heading": "Common weaknesses seen in project ideas",
            "paragraphs": [
                "In the Hub team's experience reviewing draft proposals from members (an informal observation, not an STC statement), common weaknesses include vague descriptions of the target group, carbon estimates copied from global averages without adjustment to local conditions, no plan for what happens after funding ends, and no discussion of trade-offs such as competing uses of crop residues or water use by cover crops in dry areas.",
                "Another frequent gap is the absence of a theory of change linking activities to outcomes for soil, livelihoods and climate. A simple diagram or table showing how training leads to adoption, adoption to soil improvement, and soil improvement to yields, incomes and carbon storage helps reviewers understand the logic.",
            ],
        },
        {
            "heading": "Illustrative timeline for an applicant",
            "paragraphs": [
                "A typical path for an invented applicant, say a farmer organisation in Burkina Faso promoting zaï pits and compost, might look like this. In the first month, the team reads the call and criteria and drafts a project description with its partners. In the second month, it consults communities and local authorities on safeguards and land tenure and refines the monitoring plan. It then submits before the deadline. Some months later it receives the STC's report, revises the project according to the recommendations, and, if assessed positively, uses the letter of support and the listing as an investment opportunity to approach funders identified through the Hub.",
            ],
        },
    ],
}

# ---------------------------------------------------------------------------
# The Initiative, adoption and implementation
# ---------------------------------------------------------------------------

PDF_DOCUMENTS["rationale-4p1000"] = {
    "title": "Why 4 per 1000? The reasoning behind the number and its critics",
    "filename": "why-4-per-1000-rationale-and-critique.pdf",
    "author": EDITORIAL,
    "year": 2022,
    "sample": True,
    "sections": [
        {
            "heading": "A name that is also an argument",
            "paragraphs": [
                "The international 4 per 1000 Initiative, Soils for Food Security and Climate, was launched on 1 December 2015 at the COP21 climate conference in Paris as part of the Lima-Paris Action Plan. France and about thirty other countries joined research bodies and NGOs to back it. Unusually, its name is itself a piece of arithmetic: it refers to an annual growth rate of 0.4 per cent, or four per thousand, in the amount of carbon stored in the world's soils.",
                "The idea is simple. An annual increase of 0.4 per cent in soil carbon stocks in the top 30 to 40 cm of soil would store roughly as much carbon as is added to the atmosphere each year by human activities, the net increase after natural sinks. It is a thought experiment that connects two very different quantities, the vast stock of carbon in soils and the annual flow of CO2 into the air, to show that small relative changes in soils matter.",
            ],
        },
        {
            "heading": "The numbers behind the idea",
            "paragraphs": [
                "Soils are the largest terrestrial store of organic carbon. Estimates vary with depth and method, but commonly cited figures are around 1,500 to 2,500 billion tonnes of carbon in soils to one or two metres, and almost 3,000 billion tonnes in some global totals, compared with about 800 billion tonnes in the atmosphere. Soils therefore hold two to three times as much carbon as the air. More than half of soil carbon lies below 20 cm.",
                "The 4 per mille calculation applies to global stocks in the top 0.3 to 0.4 m of non-permafrost soils. Over 2009 to 2018 the net global increase of carbon in the atmosphere was about 4.9 billion tonnes a year. Estimates of technically feasible soil carbon sequestration lie around 0.8 to 1.5 billion tonnes of carbon a year, which is substantial but well short of the full 4 per mille. Human land use has already released large amounts: one estimate puts the loss from the top two metres since the beginning of agriculture at about 133 billion tonnes of carbon, or around 8 per cent of global soil carbon.",
            ],
        },
        {
            "heading": "The critics",
            "paragraphs": [
                "The figure attracted criticism from the start. Some scientists argued that a 0.4 per cent annual increase everywhere is unrealistic: many soils cannot gain carbon at that rate, gains slow as soils approach a new equilibrium, nitrogen and phosphorus needed to build organic matter are limited, and sequestration is reversible. Estimates that the ambition could offset 20 to 35 per cent of global greenhouse-gas emissions, published by Minasny and colleagues in 2017, were described by others as overly optimistic.",
                "Others worried that soil carbon might be used as an excuse to delay emission reductions, or that carbon markets might dominate the agenda at the expense of food security and farmers' interests. At the launch, commentators such as the Institute for Agriculture and Trade Policy noted that financing and governance, including the role of farmers and civil society, were left open.",
            ],
        },
        {
            "heading": "An aspirational target, not a prediction",
            "paragraphs": [
                "Leading scientists associated with the Initiative, including Cornelia Rumpel, who chaired its Scientific and Technical Committee, have responded that the number was always meant as an aspirational target and a way to draw attention to soils, not as a precise forecast. Much of the criticism, they argue, came from reading it literally. They also stress that the Initiative's rationale goes well beyond climate mitigation: increasing soil organic matter improves fertility, water retention and resilience, and so contributes to food security and adaptation even where carbon gains are small.",
                "This framing is reflected in the Initiative's vision for 2050, worldwide healthy and carbon-rich soils to combat climate change and end hunger, and in its three ambitions of accelerating mitigation, intensifying adaptation of agriculture and improving food security.",
            ],
        },
        {
            "heading": "What the debate means for practice",
            "paragraphs": [
                "For project developers and policy makers, the debate has practical lessons. Soil carbon estimates should be local, conservative and transparent. Soil health and food security benefits deserve equal attention to carbon. Soil carbon action should complement, not replace, emission reductions in other sectors. And protecting existing stocks, particularly in peatlands, grasslands and forests, matters as much as building new ones.",
                "The Hub's documents on MRV, carbon markets and individual practices put these lessons into practice. They present published figures with their ranges and caveats, and label invented examples clearly as illustrations.",
            ],
        },
    ],
}

PDF_DOCUMENTS["adoption-barriers"] = {
    "title": "Why farmers do or do not adopt soil carbon practices: lessons from France and Senegal",
    "filename": "farmer-adoption-barriers-france-senegal.pdf",
    "author": EDITORIAL,
    "year": 2023,
    "sample": True,
    "sections": [
        {
            "heading": "Technology is not the bottleneck",
            "paragraphs": [
                "Agronomists know a great deal about practices that build soil carbon. Yet adoption remains far below what the evidence would justify. A study published in Frontiers in Sustainable Food Systems in 2020 by Demenois and colleagues asked why, through participatory workshops with farmers and other stakeholders in two very different settings: France and Senegal. Its central finding was that the main barriers to 4 per 1000 practices were social and economic rather than biophysical.",
                "The barriers identified included a lack of knowledge and training, harder fieldwork and heavier workloads, perceived risk, a lack of funding, and social pressure from neighbours and communities. Biophysical constraints, such as low rainfall or poor soils, also apply, but they were not the factors participants emphasised most.",
            ],
        },
        {
            "heading": "Knowledge and training",
            "paragraphs": [
                "Farmers cannot adopt what they do not know, and many practices require new skills: choosing and terminating cover crops, managing weeds without ploughing, pruning trees in agroforestry, making good compost. Extension systems in many countries have been weakened by budget cuts and often focus on yield rather than soil health. Advisors themselves may lack training in conservation practices.",
                "The most effective learning happens among peers. Farmer field schools, demonstration farms, exchange visits and farmer networks allow people to see practices working in conditions like their own and to discuss problems frankly. Digital tools, such as video and messaging groups, can extend these networks at low cost.",
            ],
        },
        {
            "heading": "Workload and risk",
            "paragraphs": [
                "Many soil practices add work, at least at first. Composting, hand-digging planting pits, spreading mulch or managing trees are labour-intensive, and the extra labour often falls on women. In mechanised systems, new equipment and operations compete with other tasks at busy times of year. Practices that save labour in the long run may still be rejected if the transition is too demanding.",
                "Risk is equally important. Changing practice means giving up something known for something uncertain, and the first years may bring lower yields or new problems. Farmers with little savings, insecure land tenure or heavy debts cannot afford to experiment. Insurance, transition payments and the chance to try practices on a small part of the farm first reduce this risk.",
            ],
        },
        {
            "heading": "Money and social pressure",
            "paragraphs": [
                "Lack of funding appears in almost every study of adoption. Seed for cover crops, direct seeders, fencing, tree seedlings and transport of manure all cost money, while benefits accrue over years. Without credit or subsidies, many farmers cannot make the investment. Carbon payments could help in principle, but, as discussed elsewhere in the Hub, they are often small and arrive late.",
                "Social pressure can be a barrier or a driver. In some communities, a field with residues left on the surface looks untidy and its owner is judged a poor farmer; in others, a neighbour's success with a new practice convinces the whole village. Collective rules on grazing, burning and residue use can make or break individual efforts. Understanding these norms, and working with respected local leaders, is essential.",
            ],
        },
        {
            "heading": "Illustrative contrast: two invented farms",
            "paragraphs": [
                "Consider two invented farms to make these findings concrete. In the first, a 150-hectare cereal farm in south-western France, the farmer is interested in cover crops but worries about the cost of seed, the extra passes with the tractor in autumn and the risk of slugs in a wet spring. She joins a local farmer group, tries covers on one field, and adopts them more widely after three years once she has a seed drill adapted to direct seeding through residues.",
                "In the second, a four-hectare millet and groundnut farm in Senegal's groundnut basin, the farmer knows about manure and compost but has few animals, and crop residues are eaten by village herds in the dry season. Hand-dug pits require labour at a time when his family migrates for work. A community agreement to protect residues, a donkey cart shared by the farmers' group and a small compost subsidy change the equation. Both stories are illustrations, not reports of real farms.",
            ],
        },
        {
            "heading": "Implications for projects and policies",
            "paragraphs": [
                "Projects that promote soil carbon practices should start by understanding farmers' constraints, not by prescribing a practice. They should budget for training and peer learning, share transition risks, address labour and gender dimensions, and work with community institutions. Policies should support extension systems, secure land tenure, provide access to credit and insurance, and reward environmental outcomes. The Hub invites partners to share experiences of overcoming barriers through its resources and project pages.",
            ],
        },
    ],
}

PDF_DOCUMENTS["soil-health-indicators"] = {
    "title": "Soil health indicators for projects: a practical minimum set",
    "filename": "soil-health-indicators-minimum-set.pdf",
    "author": EDITORIAL,
    "year": 2024,
    "sample": True,
    "sections": [
        {
            "heading": "Soil health and soil carbon",
            "paragraphs": [
                "Soil health describes the capacity of a soil to function as a living system that sustains plants, animals and people, regulates water and nutrients and resists degradation. Soil organic carbon is at the heart of it, because organic matter supports structure, water holding, nutrient supply and biological activity. But soil health is broader than carbon, and projects that report only carbon miss many of the benefits farmers notice first.",
                "The 4 per 1000 strategy places soil health at the centre of its actions and treats soil health and soil organic carbon together in its objectives. This guide proposes a minimum set of indicators that projects can monitor at modest cost, grouped into physical, chemical and biological properties, plus visual and farmer-based assessments.",
            ],
        },
        {
            "heading": "Physical indicators",
            "paragraphs": [
                "Aggregate stability measures how well soil crumbs resist breaking down when wetted. It responds quickly to changes in organic matter and management and is strongly linked to erosion and crusting. Simple slaking tests, where dry aggregates are placed in water and observed, can be done in the field with almost no equipment.",
                "Infiltration rate, measured with a single ring and a known volume of water, shows how readily rain enters the soil rather than running off. Bulk density indicates compaction and is needed anyway to calculate carbon stocks. Depth to a restrictive layer and visual assessment of structure in a spade test complete the physical picture.",
            ],
        },
        {
            "heading": "Chemical indicators",
            "paragraphs": [
                "Soil organic carbon concentration and stock are the core chemical indicators, measured by dry combustion or estimated by spectroscopy calibrated against combustion. Active carbon, measured by permanganate oxidation, responds faster than total carbon and gives early warning of change. pH, available phosphorus and potassium, and cation exchange capacity describe fertility and help interpret yields.",
                "On saline or sodic soils, electrical conductivity and exchangeable sodium are important. Where pollution is a concern, such as near mines or with urban composts, heavy metals should be monitored. FAO estimates that about a third of land is moderately to highly degraded through erosion, salinisation, compaction, acidification or pollution, so the relevant chemical indicators vary by region.",
            ],
        },
        {
            "heading": "Biological indicators",
            "paragraphs": [
                "Soil respiration, measured as the burst of CO2 after rewetting a dry sample, is a simple and informative indicator of microbial activity. Microbial biomass carbon, which cover crops raised by about a fifth on average in one meta-analysis of 71 studies, is more demanding to measure but closely linked to nutrient cycling. Earthworm counts in a spade-sized block of soil are easy, engaging for farmers and students, and responsive to tillage and organic inputs.",
                "Newer molecular methods, such as DNA sequencing of soil communities, are increasingly affordable but remain difficult to interpret for management purposes. Projects should use them only where there is clear research value.",
            ],
        },
        {
            "heading": "Farmer-based and visual assessments",
            "paragraphs": [
                "Farmers have their own indicators: the colour and smell of soil, how easily it is worked, how long crops stay green in a dry spell, the presence of certain weeds. Participatory soil health assessment combines these with simple tests, building shared understanding and farmer ownership of monitoring. Visual soil assessment scorecards provide a structured way to record observations.",
                "Such assessments are not substitutes for laboratory data when carbon credits are at stake, but they are invaluable for learning, for adapting practices and for communicating results. They also help maintain farmer engagement between the infrequent formal sampling campaigns.",
            ],
        },
        {
            "heading": "A minimum monitoring set",
            "paragraphs": [
                "For a typical project, the Hub suggests the following minimum: soil organic carbon and bulk density to 30 cm at benchmark sites every four to six years; active carbon, pH and available phosphorus at the same sites; aggregate stability and infiltration at baseline and every two to three years; earthworm counts annually at demonstration plots; and a participatory assessment with farmers each season. Yields and practice adoption should be recorded every season.",
                "This set balances cost and information. Projects with research partners can add microbial biomass, carbon fractions or deeper sampling. Whatever the set, consistency of methods over time matters more than sophistication.",
            ],
        },
    ],
}

PDF_DOCUMENTS["task-force-guide"] = {
    "title": "Working in a 4 per 1000 Task Force: an implementation guide",
    "filename": "task-force-implementation-guide.pdf",
    "author": EDITORIAL,
    "year": 2024,
    "sample": True,
    "sections": [
        {
            "heading": "Why Task Forces exist",
            "paragraphs": [
                "The strategic plan of the 4 per 1000 Initiative, adopted in June 2020, sets out six goals and twenty-four strategic objectives, coded A1 to F3, each with targets for 2030 and 2050. To turn this plan into action, the Initiative planned one Task Force per objective. Task Forces bring together experts and practitioners from member and partner organisations, and from outside the network, to work on a specific objective.",
                "Their main purpose is to build a catalogue of coordinated actions and projects that are attractive investment opportunities, and to present them to public and private decision makers and funders. Task Forces are also a place to meet and exchange, and a consultative body that can advise third parties on request.",
            ],
        },
        {
            "heading": "How the strategy was co-written",
            "paragraphs": [
                "Task Force work builds on a global consultation held in 2020 and 2021 using the Delphi method, in which 126 experts took part. For each objective, they defined the problem, its consequences and causes, and then agreed on activities, obstacles and critical success factors. The result was the implementation strategy document that Task Forces now use as their starting point.",
                "The initial tasks of each Task Force are to map ongoing actions and projects related to its objective, to write an implementation strategy to reach the 2030 and 2050 targets, and to outline action and project plans. In the current phase, Task Forces set priorities and form partnerships and alliances to develop project ideas that are presented to donors; depending on their feedback, full proposals are then written following investor guidelines.",
            ],
        },
        {
            "heading": "Roles",
            "paragraphs": [
                "There are three roles. A Task Force Leader coordinates the group, answers a follow-up call explaining why he or she is qualified to lead, and takes part in Task Force Leader meetings that define and improve the modalities of the Strategy Implementation Cycle and report progress. A Regional Representative brings the perspective of a world region. Both of these roles are reserved for people from organisations that are members or partners of the Initiative.",
                "Anyone may join as a Team Member, and non-members are explicitly welcome in this role. A Task Force Facilitator guides new members after they register. Joining offers a wider professional network, learning, visibility for one's contribution, work in an international team and use of the electronic platform to develop actions and projects in a decentralised way.",
            ],
        },
        {
            "heading": "How to join",
            "paragraphs": [
                "Joining takes three steps. First, study the list of objectives and choose those on which you want to develop projects. Second, log in to the platform to see and fill in the Task Force joining forms; staff of member organisations without a login request one from the Executive Secretariat, while others can obtain one by registering for the Climate-Soil Community of Practice. Third, click the button to join the chosen Task Force under the relevant goal, complete the registration form, choose your role and submit.",
                "On the Soil Knowledge Hub, each objective has a single page that shows the objective text, its targets where known, the Task Force roster and related projects and resources, which is intended to make this path easier to follow than on the older wiki spaces.",
            ],
        },
        {
            "heading": "The Strategy Implementation Cycle",
            "paragraphs": [
                "Task Forces work within the Strategy Implementation Cycle, or SIC, previously known under other names such as the Project Initiation Process. The SIC helps partners plan and raise funds for projects that serve the strategy, gives an overview of ongoing activities and gaps, helps funders and governments coordinate their investments, and shows progress in carrying out the strategy. Task Force Leaders and Regional Representatives drive it, developing project ideas, forming project teams, forging alliances, easing access to funding and monitoring progress, with support from the Executive Secretariat.",
                "The first stage of an earlier version of the cycle was to consolidate the Task Forces, building the Initiative's capacity by managing project inception and monitoring in a decentralised way; the second began with stocktaking. The names of the later stages are not documented in the sources available to the Hub team, so this guide does not describe them.",
            ],
        },
        {
            "heading": "Practical tips for Task Force Leaders",
            "paragraphs": [
                "The following suggestions come from the Hub editorial team rather than from official Initiative guidance. Keep meetings short and regular, and rotate time slots so that members in different time zones can attend. Record decisions and actions on the objective's page rather than in e-mail threads. Start with a small number of concrete project ideas rather than a long list. Use the Formative Assessment of Soil Projects to test ideas early. And invite funders to see draft project ideas before they are finalised, since early feedback saves effort.",
                "A member blog predicted in 2018 that the collaborative platform would start slowly because members were far apart and had different cultures and ways of discussing, and it stressed the value of a moderator used to remote discussion. That advice still applies: an active facilitator is often the difference between a Task Force that produces projects and one that exists only on paper.",
            ],
        },
    ],
}
