"""Demo strategy data for Soil Knowledge Hub: the 4 per 1000 strategic plan,
its 6 goals, 24 objectives and 24 Task Forces.

This module is DEMO DATA (plain Python literals, no Django imports).
Texts are paraphrased in our own words from the Initiative's public
strategic plan and website.

What is real and what is sample:
* STRATEGY: vision, mission and intro are based on the facts (vision and
  mission are close paraphrases of the published wording).
* GOALS: all six goal names come from the brief; only Goal A's heading and
  description were seen in the sources. Goals B-F have neutral descriptions
  written for the demo and carry sample=True.
* OBJECTIVES: only A1-A6, B1 and C1 have known titles (targets are known for
  A1, A2, B1 and C1). B2 is known only to start with "Facilitate ...". All
  other objectives are ILLUSTRATIVE PLACEHOLDERS: "placeholder": True, title
  starting with "[Placeholder] ", and texts saying so. They must never be
  presented as the real strategy. F1 carries the real "Resource
  Mobilization" objective, whose code is NOT confirmed by the sources.
* TASK_FORCES: purpose and how-to-join steps are paraphrased from the facts,
  but every roster is invented (rosters are unknown), so all carry
  sample=True. Rosters only use fictional people, so that no real person is
  shown in a role they do not hold.
"""

NOT_PUBLISHED = "Not yet published in the sources we hold."

_SRC_GOALS_A = "https://wiki.afris.org/pages/diffpages.action?originalId=145231493&pageId=145231494"
_SRC_SDG = "https://sdgs.un.org/zh/node/33789"
_SRC_FACILITIES = "https://wiki.afris.org/display/4STRAT/Facilities+and+related+Objectives"

STRATEGY = {
    "title": "Strategic plan 2030-2050",
    "vision_2050": (
        "Healthy, carbon-rich soils everywhere in the world, helping to fight climate change and to end hunger."
    ),
    "mission_2030": (
        "To offer a supportive framework and an action plan for conceptualizing, implementing, promoting and "
        "following up action on soil health and soil organic carbon, by improving collaboration among "
        "stakeholders of agriculture, forestry and other land use (AFOLU), in line with the UN Sustainable "
        "Development Goals."
    ),
    "intro": [
        (
            "The 4 per 1000 Initiative adopted its strategic plan in June 2020, setting targets for 2030 and for "
            "2050. The plan pursues three ambitions - faster climate change mitigation, stronger adaptation of "
            "agriculture to a changing climate, and better food security - and rests on guiding principles that "
            "put soil health at the centre, treat farmers and foresters as the managers of their own systems, "
            "and follow a territorial approach that respects land rights."
        ),
        (
            "The plan is organized into six goals, from inception and conceptualization through implementation, "
            "promotion, collaboration and follow-up to crosscutting actions, which break down into 24 strategic "
            "objectives coded A1 to F3. Each objective is served by its own Task Force. Objectives are delivered "
            "through two kinds of facility: Core Facilities, led by the Executive Secretariat with governmental "
            "and international partners to strengthen the legal and financial basis for change, and Global "
            "Facilities, facilitated by the Secretariat but led by alliances of partners, members and friends of "
            "the Initiative."
        ),
        (
            "To turn the plan into projects, the Initiative uses a Strategy Implementation Cycle. It helps "
            "partners plan and raise money for activities that serve the strategy, gives funders and governments "
            "an overview of ongoing work and gaps, and shows progress over time. Task Force leaders and regional "
            "representatives drive the cycle - shaping project ideas, building teams and alliances, easing access "
            "to finance and tracking results - with support from the Secretariat. The first stage is to "
            "consolidate the Task Forces so that project inception and monitoring can be managed in a "
            "decentralized way; the later stages were not available in the sources we hold."
        ),
    ],
    "sample": False,
}


GOALS = [
    {
        "code": "A",
        "name": "Inception and conceptualization",
        "description": (
            "Help shape the policies, instruments and mechanisms that give stakeholders the capacity to put the "
            "Initiative into practice, from soil carbon in national climate plans to project support, "
            "experience sharing, regional dialogue, carbon markets and a shared conceptual framework."
        ),
        "sample": False,
    },
    {
        "code": "B",
        "name": "Implementation",
        "description": (
            "Demo summary (not from the sources): turning commitments into action on the ground, starting with "
            "investment plans that reflect the soil targets of national climate contributions."
        ),
        "sample": True,
    },
    {
        "code": "C",
        "name": "Promotion",
        "description": (
            "Demo summary (not from the sources): making decision-makers and the public aware of how soils, "
            "climate and food security are linked, and of the Initiative's role in that agenda."
        ),
        "sample": True,
    },
    {
        "code": "D",
        "name": "Collaboration",
        "description": (
            "Demo summary (not from the sources): strengthening cooperation among members, partners, regions and "
            "other coalitions working on soil health. The objectives under this goal are not in the sources we "
            "hold."
        ),
        "sample": True,
    },
    {
        "code": "E",
        "name": "Follow-up",
        "description": (
            "Demo summary (not from the sources): tracking progress towards the 2030 and 2050 targets and learning "
            "from results. The objectives under this goal are not in the sources we hold."
        ),
        "sample": True,
    },
    {
        "code": "F",
        "name": "Crosscutting actions",
        "description": (
            "Demo summary (not from the sources): actions that support every other goal, such as resources, "
            "governance and the Initiative's own capacity. The goal has three objectives, F1 to F3, whose titles "
            "are not in the sources we hold."
        ),
        "sample": True,
    },
]


_PH = "Illustrative placeholder: "

OBJECTIVES = [
    # ------------------------------------------------------------------
    # Goal A - real objectives
    # ------------------------------------------------------------------
    {
        "code": "A1",
        "goal": "A",
        "label": "NDCs",
        "title": (
            "Ensure Soil Health (SH) and Soil Organic Carbon (SOC) are vital components of Nationally Determined "
            "Contributions (NDCs)"
        ),
        "description": (
            "Every party to the UN climate convention includes soil health and soil organic carbon in its NDC and "
            "in its national plans and programmes for agriculture, forestry and land use."
        ),
        "problem_statement": NOT_PUBLISHED,
        "baseline_2020": (
            "In 2019, 28 of the 196 NDCs set targets, policies or measures on soil organic carbon, peatlands or "
            "wetlands. An earlier version of the page splits this differently: 13 NDCs tied soil carbon to "
            "agricultural mitigation or adaptation, 20 mentioned peatlands or wetlands, and 3 named soil carbon "
            "without a target."
        ),
        "target_2030": (
            "Every member and partner country of the Initiative sets quantitative soil health and soil carbon "
            "targets in its NDC and related documents, and refers to them in its national agriculture, forestry "
            "and land-use plans."
        ),
        "target_2050": "All parties to the UN climate convention have done the same.",
        "facility": "CF",
        "placeholder": False,
        "sample": False,
        "sources": [
            "https://wiki.afris.org/pages/viewpage.action?pageId=98463279",
            "https://wiki.afris.org/pages/diffpagesbyversion.action?originalVersion=4&pageId=98462573&revisedVersion=86",
            _SRC_GOALS_A,
        ],
    },
    {
        "code": "A2",
        "goal": "A",
        "label": "Project Development",
        "title": (
            "Support the development and implementation of numerous innovative projects on Soil Health (SH) and "
            "Soil Organic Carbon (SOC)"
        ),
        "description": (
            "Innovative field projects on soil health and soil carbon that match the 4 per 1000 vision and the "
            "Scientific and Technical Committee's criteria and indicators for formative project assessment are "
            "encouraged, made easier and financed."
        ),
        "problem_statement": NOT_PUBLISHED,
        "baseline_2020": (
            "A call for projects had been launched, and between five and ten high-quality projects were judged "
            "consistent with the vision and the Committee's criteria."
        ),
        "target_2030": (
            "International funding mechanisms for soil health and carbon sequestration projects, including small "
            "and local ones, are in place and share a harmonized system for developing, monitoring and evaluating "
            "projects. At least 30 projects a year receive support through the 4 per 1000 call and its scientific "
            "and technical advice."
        ),
        "target_2050": (
            "Every partner country and organization is able to carry out aligned projects on the ground, backed "
            "by the mechanisms established by 2030."
        ),
        "facility": "GF",
        "placeholder": False,
        "sample": False,
        "sources": [
            "https://wiki.afris.org/pages/viewpage.action?pageId=98463281",
            _SRC_GOALS_A,
        ],
    },
    {
        "code": "A3",
        "goal": "A",
        "label": "Share Experiences",
        "title": "Facilitate an active multi-stakeholder exchange on innovations and success stories",
        "description": (
            "Useful ideas, innovations and success stories coming from 4 per 1000 stakeholders, whether they "
            "emerge from the field or from policy and research, are gathered, shared across the world, debated "
            "and taken into account."
        ),
        "problem_statement": NOT_PUBLISHED,
        "baseline_2020": NOT_PUBLISHED,
        "target_2030": NOT_PUBLISHED,
        "target_2050": NOT_PUBLISHED,
        "facility": "CF",
        "placeholder": False,
        "sample": False,
        "sources": [_SRC_GOALS_A],
    },
    {
        "code": "A4",
        "goal": "A",
        "label": "Stakeholder Interaction",
        "title": (
            "Facilitate a regional stakeholder exchange to initiate evidence-based transformative programs for "
            "on-the-ground action"
        ),
        "description": (
            "Stakeholders in each region come together to design evidence-based programmes for action on the "
            "ground, with particular attention to dialogue between policymakers and scientists. (The rest of the "
            "published description was cut off in our source.)"
        ),
        "problem_statement": NOT_PUBLISHED,
        "baseline_2020": NOT_PUBLISHED,
        "target_2030": NOT_PUBLISHED,
        "target_2050": NOT_PUBLISHED,
        "facility": "CF",
        "placeholder": False,
        "sample": False,
        "sources": [_SRC_GOALS_A],
    },
    {
        "code": "A5",
        "goal": "A",
        "label": "Carbon markets",
        "title": "Improve the transparency, accessibility, and configuration of carbon market mechanisms",
        "description": NOT_PUBLISHED,
        "problem_statement": NOT_PUBLISHED,
        "baseline_2020": NOT_PUBLISHED,
        "target_2030": NOT_PUBLISHED,
        "target_2050": NOT_PUBLISHED,
        "facility": "GF",
        "placeholder": False,
        "sample": False,
        "sources": [_SRC_GOALS_A],
    },
    {
        "code": "A6",
        "goal": "A",
        "label": "Conceptual Framework",
        "title": (
            "Develop a conceptual framework illustrating the interrelations between the driving factors of Soil "
            "Health (SH), Soil Organic Carbon (SOC), and carbon balance in Agriculture, Forestry, and Other Land "
            "Use (AFOLU) systems"
        ),
        "description": (
            "Not yet published in the sources we hold. The Facilities page lists this objective under the Core "
            "Facility CF3, Advocacy & Awareness."
        ),
        "problem_statement": NOT_PUBLISHED,
        "baseline_2020": NOT_PUBLISHED,
        "target_2030": NOT_PUBLISHED,
        "target_2050": NOT_PUBLISHED,
        "facility": "CF",
        "placeholder": False,
        "sample": False,
        "sources": [_SRC_GOALS_A, _SRC_FACILITIES],
    },
    # ------------------------------------------------------------------
    # Goal B
    # ------------------------------------------------------------------
    {
        "code": "B1",
        "goal": "B",
        "label": "Investment Plans",
        "title": (
            "Encourage the development and implementation of investment plans reflecting the targets set out in "
            "the NDCs"
        ),
        "description": (
            "Strategies at national and supranational level - incentive schemes and regulation among them - and "
            "responsible investment plans for soil health derived from NDC targets are drawn up and put into "
            "effect."
        ),
        "problem_statement": (
            "Despite their pledges, governments act too little and too slowly to give land users reasons to "
            "improve soil health and soil carbon. Today's incentives and rules do not reward people who manage "
            "land sustainably or agroecologically. The first cause identified is that food prices leave out "
            "environmental and social externalities (the page cites De Schutter and Vanloqueren, 2011)."
        ),
        "baseline_2020": "An inventory of existing strategies and investment plans.",
        "target_2030": (
            "Every member and partner country sets quantitative soil health and soil carbon targets in its "
            "investment plans and related documents and refers to them in its national agriculture, forestry and "
            "land-use plans."
        ),
        "target_2050": "All country parties to the UN climate convention have done the same.",
        "facility": "",
        "placeholder": False,
        "sample": False,
        "sources": ["https://wiki.afris.org/pages/viewpage.action?pageId=145231222", _SRC_SDG],
    },
    {
        "code": "B2",
        "goal": "B",
        "label": "Access to Finance",
        "title": "[Placeholder] Facilitate access to finance and technical support for soil health projects",
        "description": (
            "Illustrative placeholder. Our source only shows that the real title of B2 begins with the word "
            "'Facilitate'; the rest of the title, the label and the description were cut off. This demo text "
            "imagines an objective about easing access to finance and technical support, and must not be read as "
            "the Initiative's wording."
        ),
        "problem_statement": _PH + "no problem statement for B2 was available in our sources.",
        "baseline_2020": _PH + "no 2020 baseline for B2 was available in our sources.",
        "target_2030": _PH + "no 2030 target for B2 was available in our sources.",
        "target_2050": _PH + "no 2050 target for B2 was available in our sources.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [_SRC_SDG],
    },
    {
        "code": "B3",
        "goal": "B",
        "label": "Extension and Training",
        "title": "[Placeholder] Strengthen advisory services and farmer training on soil health practices",
        "description": (
            "Illustrative placeholder: the real B3 objective is not in our sources. This demo entry stands in for "
            "an objective on extension services and peer learning, since lack of knowledge and training is one of "
            "the barriers to adoption reported by farmers in France and Senegal."
        ),
        "problem_statement": _PH
        + "written for the demo; farmers often lack trusted advice on changing practices.",
        "baseline_2020": _PH + "no baseline is known for this demo objective.",
        "target_2030": _PH + "no real target exists for this demo objective.",
        "target_2050": _PH + "no real target exists for this demo objective.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [],
    },
    {
        "code": "B4",
        "goal": "B",
        "label": "Land Tenure",
        "title": "[Placeholder] Secure land rights that allow long-term investment in soils",
        "description": (
            "Illustrative placeholder: the real B4 objective is not in our sources. The demo entry draws on the "
            "Initiative's guiding principle of a territorial approach that respects land rights, and on the "
            "example commitment of states to apply the Voluntary Guidelines on tenure."
        ),
        "problem_statement": _PH
        + "written for the demo; insecure tenure discourages investment that pays back slowly.",
        "baseline_2020": _PH + "no baseline is known for this demo objective.",
        "target_2030": _PH + "no real target exists for this demo objective.",
        "target_2050": _PH + "no real target exists for this demo objective.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [],
    },
    {
        "code": "B5",
        "goal": "B",
        "label": "Value Chains",
        "title": "[Placeholder] Reward soil-friendly production through value chains and public procurement",
        "description": (
            "Illustrative placeholder: the real B5 objective is not in our sources. This demo entry imagines work "
            "with buyers, processors and public canteens, echoing the example state commitment to procurement "
            "that favours sustainable soil management."
        ),
        "problem_statement": _PH
        + "written for the demo; markets rarely pay for the soil benefits of good practice.",
        "baseline_2020": _PH + "no baseline is known for this demo objective.",
        "target_2030": _PH + "no real target exists for this demo objective.",
        "target_2050": _PH + "no real target exists for this demo objective.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [],
    },
    # ------------------------------------------------------------------
    # Goal C
    # ------------------------------------------------------------------
    {
        "code": "C1",
        "goal": "C",
        "label": "Advocacy & Awareness",
        "title": (
            "Increase the awareness of all stakeholders regarding the decisive role of Soil Health (SH) in "
            "tackling climate change and improving food security"
        ),
        "description": (
            "Decision-makers and the wider public understand how soils, climate and food security depend on one "
            "another, and recognise the Initiative as a force for change."
        ),
        "problem_statement": (
            "Neither decision-makers nor the public fully grasp the link between soil, food and climate, or the "
            "part the Initiative plays. Soils can be a significant source of greenhouse gases, yet this is not "
            "widely known."
        ),
        "baseline_2020": (
            "Only occasional public events addressed the role of soils for the climate and for food; the Initiative "
            "had a strong presence on social media and a basic press kit."
        ),
        "target_2030": (
            "Information and education material, such as press kits, is available in the five UN languages on "
            "the 4 per 1000 electronic platform and website, and at least ten awareness events a year reach "
            "decision-makers and the public."
        ),
        "target_2050": (
            "At least fifty awareness events a year reach policymakers, the public, schools, farmers, land "
            "planners and other influencers."
        ),
        "facility": "CF",
        "placeholder": False,
        "sample": False,
        "sources": ["https://wiki.afris.org/pages/viewpage.action?pageId=145231226", _SRC_FACILITIES],
    },
    {
        "code": "C2",
        "goal": "C",
        "label": "Education",
        "title": "[Placeholder] Bring soil health into school and university curricula",
        "description": (
            "Illustrative placeholder: the real C2 objective is not in our sources. The demo entry imagines an "
            "objective on formal education so that future farmers, agronomists and planners learn about soil "
            "carbon early."
        ),
        "problem_statement": _PH + "written for the demo; soils get little room in most curricula.",
        "baseline_2020": _PH + "no baseline is known for this demo objective.",
        "target_2030": _PH + "no real target exists for this demo objective.",
        "target_2050": _PH + "no real target exists for this demo objective.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [],
    },
    {
        "code": "C3",
        "goal": "C",
        "label": "Knowledge Products",
        "title": "[Placeholder] Publish accessible knowledge products on soil carbon practices",
        "description": (
            "Illustrative placeholder: the real C3 objective is not in our sources. The demo entry stands for "
            "guides, notes and success stories in several languages, similar to the resource sections of the "
            "public website."
        ),
        "problem_statement": _PH
        + "written for the demo; research findings rarely reach practitioners in usable form.",
        "baseline_2020": _PH + "no baseline is known for this demo objective.",
        "target_2030": _PH + "no real target exists for this demo objective.",
        "target_2050": _PH + "no real target exists for this demo objective.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [],
    },
    {
        "code": "C4",
        "goal": "C",
        "label": "Media and Outreach",
        "title": "[Placeholder] Reach policymakers and the public through media and outreach campaigns",
        "description": (
            "Illustrative placeholder. Our sources confirm that an objective C4 exists and is listed under the "
            "Core Facility CF3, Advocacy & Awareness, but its label and title were cut off. The label and title "
            "used here are invented for the demo."
        ),
        "problem_statement": _PH + "no problem statement for C4 was available in our sources.",
        "baseline_2020": _PH + "no 2020 baseline for C4 was available in our sources.",
        "target_2030": _PH + "no 2030 target for C4 was available in our sources.",
        "target_2050": _PH + "no 2050 target for C4 was available in our sources.",
        "facility": "CF",
        "placeholder": True,
        "sample": True,
        "sources": [_SRC_FACILITIES],
    },
    # ------------------------------------------------------------------
    # Goal D - all placeholders
    # ------------------------------------------------------------------
    {
        "code": "D1",
        "goal": "D",
        "label": "Regional Networks",
        "title": "[Placeholder] Build regional networks of members and partners",
        "description": (
            "Illustrative placeholder: no Goal D objective appears in our sources. The demo entry imagines "
            "regional hubs, in the spirit of the regional meetings held in Africa, North America and Latin "
            "America, that connect members working in similar conditions."
        ),
        "problem_statement": _PH
        + "written for the demo; members are spread out and rarely meet in their own region.",
        "baseline_2020": _PH + "no baseline is known for this demo objective.",
        "target_2030": _PH + "no real target exists for this demo objective.",
        "target_2050": _PH + "no real target exists for this demo objective.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [],
    },
    {
        "code": "D2",
        "goal": "D",
        "label": "Alliances",
        "title": "[Placeholder] Form alliances that lead Global Facilities",
        "description": (
            "Illustrative placeholder: no Goal D objective appears in our sources. The demo entry refers to the "
            "idea, found in the facts, that Global Facilities are led by alliances of partners, members and friends "
            "of the Initiative."
        ),
        "problem_statement": _PH + "written for the demo; no alliance mechanism is described in our sources.",
        "baseline_2020": _PH + "no baseline is known for this demo objective.",
        "target_2030": _PH + "no real target exists for this demo objective.",
        "target_2050": _PH + "no real target exists for this demo objective.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [],
    },
    {
        "code": "D3",
        "goal": "D",
        "label": "Coalitions",
        "title": "[Placeholder] Coordinate with other international soil and food coalitions",
        "description": (
            "Illustrative placeholder: no Goal D objective appears in our sources. The demo entry imagines "
            "coordination with bodies the Initiative already partners with, such as the FAO Global Soil "
            "Partnership and the food systems coalitions on soil health and agroecology."
        ),
        "problem_statement": _PH + "written for the demo; overlapping initiatives risk duplicating effort.",
        "baseline_2020": _PH + "no baseline is known for this demo objective.",
        "target_2030": _PH + "no real target exists for this demo objective.",
        "target_2050": _PH + "no real target exists for this demo objective.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [],
    },
    # ------------------------------------------------------------------
    # Goal E - all placeholders
    # ------------------------------------------------------------------
    {
        "code": "E1",
        "goal": "E",
        "label": "MRV",
        "title": "[Placeholder] Promote robust and affordable measurement, reporting and verification of soil carbon",
        "description": (
            "Illustrative placeholder: no Goal E objective appears in our sources. The demo entry reflects a "
            "well-documented challenge: measuring soil carbon change transparently, accurately and comparably "
            "remains hard, and audit-based verification can cost more than the credits it supports."
        ),
        "problem_statement": _PH
        + "written for the demo; MRV costs and uncertainty hold back projects and policies.",
        "baseline_2020": _PH + "no baseline is known for this demo objective.",
        "target_2030": _PH + "no real target exists for this demo objective.",
        "target_2050": _PH + "no real target exists for this demo objective.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [],
    },
    {
        "code": "E2",
        "goal": "E",
        "label": "Indicators",
        "title": "[Placeholder] Track progress with shared indicators of soil health",
        "description": (
            "Illustrative placeholder: no Goal E objective appears in our sources. The demo entry builds on the "
            "Scientific and Technical Committee's work on indicators and reference criteria for assessing "
            "projects."
        ),
        "problem_statement": _PH
        + "written for the demo; progress is hard to compare without common indicators.",
        "baseline_2020": _PH + "no baseline is known for this demo objective.",
        "target_2030": _PH + "no real target exists for this demo objective.",
        "target_2050": _PH + "no real target exists for this demo objective.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [],
    },
    {
        "code": "E3",
        "goal": "E",
        "label": "Research Priorities",
        "title": "[Placeholder] Identify and update research priorities on soil carbon",
        "description": (
            "Illustrative placeholder: no Goal E objective appears in our sources. The demo entry imagines a "
            "regular review of knowledge gaps, such as saturation limits, permanence and trade-offs with yields "
            "and water in drylands."
        ),
        "problem_statement": _PH + "written for the demo; key scientific questions remain open.",
        "baseline_2020": _PH + "no baseline is known for this demo objective.",
        "target_2030": _PH + "no real target exists for this demo objective.",
        "target_2050": _PH + "no real target exists for this demo objective.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [],
    },
    # ------------------------------------------------------------------
    # Goal F - placeholders (F1 carries the real Resource Mobilization
    # targets, but its code is not confirmed)
    # ------------------------------------------------------------------
    {
        "code": "F1",
        "goal": "F",
        "label": "Resource Mobilization",
        "title": "[Placeholder] Mobilize the resources needed to implement the strategy",
        "description": (
            "The Initiative has gathered enough resources to carry out its strategy, including the running of the "
            "Executive Secretariat. Note: a real objective labelled 'Resource Mobilization' (a Core Facility "
            "objective) exists with the targets shown here, but its code is not confirmed by our sources; placing "
            "it in slot F1 and the wording of the title are demo choices."
        ),
        "problem_statement": NOT_PUBLISHED,
        "baseline_2020": (
            "The 2020 annual budget was 961,000 EUR, of which 721,000 EUR was core budget, but only 450,000 EUR was "
            "actually available. No baseline had been set for investment in field projects on soil health."
        ),
        "target_2030": "Each year, partners mobilize 10% more resources in support of the 4 per 1000 vision.",
        "target_2050": "Investment is twice the 2030 level.",
        "facility": "CF",
        "placeholder": True,
        "sample": True,
        "sources": ["https://wiki.afris.org/pages/viewpage.action?pageId=98463324"],
    },
    {
        "code": "F2",
        "goal": "F",
        "label": "Governance",
        "title": "[Placeholder] Strengthen the governance and administration of the Initiative",
        "description": (
            "Illustrative placeholder: F2 is known to exist but its title is not in our sources. The demo entry "
            "echoes the Core Facility CF2, Governance & Administration, which is named in the facts without its "
            "objectives."
        ),
        "problem_statement": _PH + "no problem statement for F2 was available in our sources.",
        "baseline_2020": _PH + "no 2020 baseline for F2 was available in our sources.",
        "target_2030": _PH + "no 2030 target for F2 was available in our sources.",
        "target_2050": _PH + "no 2050 target for F2 was available in our sources.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [_SRC_SDG],
    },
    {
        "code": "F3",
        "goal": "F",
        "label": "Digital Platform",
        "title": "[Placeholder] Run a collaborative digital platform for members and partners",
        "description": (
            "Illustrative placeholder: F3 is known to exist but its title is not in our sources. The demo entry "
            "imagines an objective on the collaborative platform, which the Initiative has run since 2018 to host "
            "working groups, Task Forces and strategic exchanges."
        ),
        "problem_statement": _PH + "no problem statement for F3 was available in our sources.",
        "baseline_2020": _PH + "no 2020 baseline for F3 was available in our sources.",
        "target_2030": _PH + "no 2030 target for F3 was available in our sources.",
        "target_2050": _PH + "no 2050 target for F3 was available in our sources.",
        "facility": "",
        "placeholder": True,
        "sample": True,
        "sources": [_SRC_SDG],
    },
]


# How to join a Task Force: three steps paraphrased from the facts, in three
# slightly different wordings.
_JOIN_1 = (
    "1. Read the list of strategic objectives and choose the ones on which you would like to develop projects. "
    "2. Log in (icon at the top right) to open the Task Force joining forms; staff of member organizations who "
    "have no account ask the Secretariat for one, and everyone else can get a login by registering for the "
    "Climate-Soil Community of Practice. "
    "3. Under the goal, click 'Join Task Force', complete the registration form, pick a role - leader, regional "
    "representative or team member - and submit."
)
_JOIN_2 = (
    "Step one: look through the 24 objectives and note those that match your projects. Step two: sign in to "
    "reach the joining forms - member organizations request accounts from the Executive Secretariat, while "
    "non-members obtain one by joining the Community of Practice. Step three: press the 'Join Task Force' "
    "button for this objective, fill in the form, choose whether you want to lead, represent a region or "
    "contribute as a team member, and send it."
)
_JOIN_3 = (
    "Start by reviewing the objectives and selecting the ones you want to work on. Then log in to the platform: "
    "if your organization is a member, the Secretariat will create an account for you; if not, registering "
    "with the Community of Practice gives you access. Finally, use the 'Join Task Force' button, fill in the "
    "registration form, state your preferred role and submit it. Leading or representing a region is reserved "
    "for staff of member or partner organizations; anyone is welcome as a team member."
)

TASK_FORCES = [
    {
        "objective": "A1",
        "title": "Task Force A1: NDCs",
        "purpose": (
            "Maps how countries already address soil health and soil carbon in their NDCs, national inventories "
            "and land-use plans, and where the gaps are. Drafts an implementation strategy for bringing "
            "quantitative soil targets into every member country's NDC by 2030 and outlines concrete support "
            "actions, such as peer exchange between negotiators and technical help for target setting."
        ),
        "how_to_join": _JOIN_1,
        "members": [
            {"person": "Rudo Chikwanha", "role": "leader"},
            {"person": "Amel Trabelsi", "role": "regional_representative"},
            {"person": "Alejandro Ruiz", "role": "regional_representative"},
            {"person": "Priya Raghavan", "role": "team_member"},
            {"person": "Giulia Ferraro", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "A2",
        "title": "Task Force A2: Project Development",
        "purpose": (
            "Builds a catalogue of field projects on soil health and soil carbon that can be presented to public "
            "and private funders as investment opportunities. Starts by mapping ongoing projects, then drafts a "
            "strategy for reaching at least 30 supported projects a year, drawing on the formative assessment "
            "offered by the Scientific and Technical Committee."
        ),
        "how_to_join": _JOIN_2,
        "members": [
            {"person": "Yao N'Guessan", "role": "leader"},
            {"person": "Daniela Solano", "role": "regional_representative"},
            {"person": "Siti Rahmawati", "role": "regional_representative"},
            {"person": "Issouf Sawadogo", "role": "team_member"},
            {"person": "Ana Paula Rezende", "role": "team_member"},
            {"person": "Kofi Boateng", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "A3",
        "title": "Task Force A3: Share Experiences",
        "purpose": (
            "Collects innovations and success stories from farmers, researchers and policymakers and looks for "
            "ways to share them widely. Its first deliverables are an inventory of existing case-study collections "
            "and a plan for regular exchanges in several languages."
        ),
        "how_to_join": _JOIN_3,
        "members": [
            {"person": "Mariama Diatta", "role": "leader"},
            {"person": "Élodie Marchand", "role": "regional_representative"},
            {"person": "Marie-Ève Tremblay", "role": "regional_representative"},
            {"person": "Nguyen Thi Lan", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "A4",
        "title": "Task Force A4: Stakeholder Interaction",
        "purpose": (
            "Organizes regional dialogue between scientists, policymakers and practitioners so that programmes for "
            "action on the ground rest on evidence. Maps existing regional platforms and outlines a sequence of "
            "regional workshops linked to the Initiative's regional meetings."
        ),
        "how_to_join": _JOIN_1,
        "members": [
            {"person": "Wanjiru Kamau", "role": "leader"},
            {"person": "Youssef El Amrani", "role": "regional_representative"},
            {"person": "Rosa Quispe", "role": "regional_representative"},
            {"person": "Dawit Alemu", "role": "team_member"},
            {"person": "Li Wenjing", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "A5",
        "title": "Task Force A5: Carbon markets",
        "purpose": (
            "Reviews how voluntary and compliance carbon markets treat soil carbon and where they fall short on "
            "transparency and access for smallholders. Drafts proposals on fair benefit sharing, permanence and "
            "affordable verification, and lists pilot projects that could test them."
        ),
        "how_to_join": _JOIN_2,
        "members": [
            {"person": "Sanne de Vries", "role": "leader"},
            {"person": "Rachel Lindqvist", "role": "regional_representative"},
            {"person": "Fatou Bamba", "role": "regional_representative"},
            {"person": "Julien Roussel", "role": "team_member"},
            {"person": "Aroha Te Rangi", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "A6",
        "title": "Task Force A6: Conceptual Framework",
        "purpose": (
            "Works on a shared framework that shows how the drivers of soil health, soil organic carbon and the "
            "carbon balance of farming, forestry and other land uses interact. Gathers existing frameworks and "
            "outlines how the result can support advocacy and awareness work."
        ),
        "how_to_join": _JOIN_3,
        "members": [
            {"person": "Matthias Brenner", "role": "leader"},
            {"person": "Zhao Hao", "role": "regional_representative"},
            {"person": "Salma Benjelloun", "role": "team_member"},
            {"person": "Otieno Odhiambo", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "B1",
        "title": "Task Force B1: Investment Plans",
        "purpose": (
            "Takes stock of national and regional strategies and investment plans and checks whether they reflect "
            "NDC soil targets. Drafts an implementation strategy that addresses weak incentives for sustainable "
            "land users, and outlines project plans for incentive schemes that countries could adopt."
        ),
        "how_to_join": _JOIN_1,
        "members": [
            {"person": "Adjoua Kouassi", "role": "leader"},
            {"person": "Martín Echeverría", "role": "regional_representative"},
            {"person": "Nour El-Din Hassan", "role": "regional_representative"},
            {"person": "Katrin Vogel", "role": "team_member"},
            {"person": "Rodrigue Hounkpatin", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "B2",
        "title": "Task Force B2: Access to Finance",
        "purpose": (
            "Demo Task Force for a placeholder objective whose real wording is unknown. In this demo it maps "
            "finance and technical support available to soil projects and outlines a help desk for project "
            "holders; this is illustrative only."
        ),
        "how_to_join": _JOIN_2,
        "members": [
            {"person": "Fatou Bamba", "role": "leader"},
            {"person": "Daniela Solano", "role": "regional_representative"},
            {"person": "Akosua Mensah", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "B3",
        "title": "Task Force B3: Extension and Training",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it surveys advisory services and farmer "
            "field schools and proposes training modules on soil carbon practices; none of this reflects a real "
            "Task Force."
        ),
        "how_to_join": _JOIN_3,
        "members": [
            {"person": "Tendai Moyo", "role": "leader"},
            {"person": "Lucía Serrano", "role": "regional_representative"},
            {"person": "Tran Van Minh", "role": "team_member"},
            {"person": "Liam Gauthier", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "B4",
        "title": "Task Force B4: Land Tenure",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it gathers cases where secure tenure enabled "
            "long-term soil investment and outlines policy briefs; it is illustrative only."
        ),
        "how_to_join": _JOIN_1,
        "members": [
            {"person": "Guadalupe Tzec", "role": "leader"},
            {"person": "Félicité Agossou", "role": "team_member"},
            {"person": "Bagus Pratama", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "B5",
        "title": "Task Force B5: Value Chains",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it explores premiums, labels and public "
            "procurement rules that reward soil-friendly production; it is illustrative only."
        ),
        "how_to_join": _JOIN_2,
        "members": [
            {"person": "Camilo Restrepo", "role": "leader"},
            {"person": "Giulia Ferraro", "role": "regional_representative"},
            {"person": "Akosua Mensah", "role": "team_member"},
            {"person": "Javier Ortega", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "C1",
        "title": "Task Force C1: Advocacy & Awareness",
        "purpose": (
            "Raises awareness among decision-makers and the public of the links between soil, climate and food "
            "security. Maps existing campaigns and materials, plans material in the five UN languages and outlines "
            "a calendar of at least ten awareness events a year, in line with the 2030 target."
        ),
        "how_to_join": _JOIN_3,
        "members": [
            {"person": "Marie-Ève Tremblay", "role": "leader"},
            {"person": "Mariama Diatta", "role": "regional_representative"},
            {"person": "Haruka Tanabe", "role": "regional_representative"},
            {"person": "Mona Farouk", "role": "team_member"},
            {"person": "Marcus Bell", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "C2",
        "title": "Task Force C2: Education",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it collects teaching material on soils and "
            "proposes modules for schools and agricultural colleges; it is illustrative only."
        ),
        "how_to_join": _JOIN_1,
        "members": [
            {"person": "Mona Farouk", "role": "leader"},
            {"person": "Rosa Quispe", "role": "regional_representative"},
            {"person": "Dawit Alemu", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "C3",
        "title": "Task Force C3: Knowledge Products",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it plans practice guides and short notes "
            "that translate research into advice; it is illustrative only."
        ),
        "how_to_join": _JOIN_2,
        "members": [
            {"person": "Otieno Odhiambo", "role": "leader"},
            {"person": "Kenji Morimoto", "role": "regional_representative"},
            {"person": "Élodie Marchand", "role": "team_member"},
            {"person": "Federico Olivera", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "C4",
        "title": "Task Force C4: Media and Outreach",
        "purpose": (
            "Demo Task Force for a placeholder objective (C4 exists under Advocacy & Awareness, but its wording is "
            "unknown). In this demo it coordinates media work and outreach campaigns; it is illustrative only."
        ),
        "how_to_join": _JOIN_3,
        "members": [
            {"person": "Aroha Te Rangi", "role": "leader"},
            {"person": "Ousmane Sarr", "role": "team_member"},
            {"person": "Liam Gauthier", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "D1",
        "title": "Task Force D1: Regional Networks",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it maps members by region and proposes "
            "regional hubs that meet between Initiative Days; it is illustrative only."
        ),
        "how_to_join": _JOIN_1,
        "members": [
            {"person": "Thandeka Mokoena", "role": "leader"},
            {"person": "Rafael Lacerda", "role": "regional_representative"},
            {"person": "Arjun Deshpande", "role": "regional_representative"},
            {"person": "Tigist Bekele", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "D2",
        "title": "Task Force D2: Alliances",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it drafts rules for alliances of partners, "
            "members and friends that could lead Global Facilities; it is illustrative only."
        ),
        "how_to_join": _JOIN_2,
        "members": [
            {"person": "Nour El-Din Hassan", "role": "leader"},
            {"person": "Sanne de Vries", "role": "regional_representative"},
            {"person": "Pieter Joubert", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "D3",
        "title": "Task Force D3: Coalitions",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it lists international soil and food "
            "coalitions and proposes ways to avoid duplicated effort; it is illustrative only."
        ),
        "how_to_join": _JOIN_3,
        "members": [
            {"person": "Martín Echeverría", "role": "leader"},
            {"person": "Amel Trabelsi", "role": "regional_representative"},
            {"person": "Katrin Vogel", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "E1",
        "title": "Task Force E1: MRV",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it compares direct measurement, repeated "
            "soil surveys, models and remote sensing for monitoring soil carbon, and outlines low-cost MRV pilots; "
            "it is illustrative only."
        ),
        "how_to_join": _JOIN_1,
        "members": [
            {"person": "Rachel Lindqvist", "role": "leader"},
            {"person": "Wanjiru Kamau", "role": "regional_representative"},
            {"person": "Julien Roussel", "role": "team_member"},
            {"person": "Matthias Brenner", "role": "team_member"},
            {"person": "Zhao Hao", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "E2",
        "title": "Task Force E2: Indicators",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it proposes a short list of shared soil "
            "health indicators for tracking progress; it is illustrative only."
        ),
        "how_to_join": _JOIN_2,
        "members": [
            {"person": "Katrin Vogel", "role": "leader"},
            {"person": "Salma Benjelloun", "role": "regional_representative"},
            {"person": "Issouf Sawadogo", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "E3",
        "title": "Task Force E3: Research Priorities",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it surveys open research questions such as "
            "saturation, permanence and dryland trade-offs; it is illustrative only."
        ),
        "how_to_join": _JOIN_3,
        "members": [
            {"person": "Li Wenjing", "role": "leader"},
            {"person": "Youssef El Amrani", "role": "regional_representative"},
            {"person": "Kenji Morimoto", "role": "team_member"},
            {"person": "Thandeka Mokoena", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "F1",
        "title": "Task Force F1: Resource Mobilization",
        "purpose": (
            "Helps the Initiative and its partners raise the resources the strategy needs, starting from a 2020 "
            "situation in which only about half of the planned budget was available. Maps current funders, drafts "
            "a resource mobilization strategy aimed at 10% yearly growth and prepares a catalogue of investment "
            "opportunities for donors. (The objective's code is not confirmed; the roster is invented.)"
        ),
        "how_to_join": _JOIN_1,
        "members": [
            {"person": "Yao N'Guessan", "role": "leader"},
            {"person": "Daniela Solano", "role": "regional_representative"},
            {"person": "Sanne de Vries", "role": "team_member"},
            {"person": "Alejandro Ruiz", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "F2",
        "title": "Task Force F2: Governance",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it reviews how the Initiative's bodies work "
            "together and suggests improvements; it is illustrative only."
        ),
        "how_to_join": _JOIN_2,
        "members": [
            {"person": "Amel Trabelsi", "role": "leader"},
            {"person": "Rodrigue Hounkpatin", "role": "team_member"},
            {"person": "Marcus Bell", "role": "team_member"},
        ],
        "sample": True,
    },
    {
        "objective": "F3",
        "title": "Task Force F3: Digital Platform",
        "purpose": (
            "Demo Task Force for a placeholder objective. In this demo it gathers user feedback on the "
            "collaborative platform and plans better search and navigation; it is illustrative only."
        ),
        "how_to_join": _JOIN_3,
        "members": [
            {"person": "Otieno Odhiambo", "role": "leader"},
            {"person": "Priya Raghavan", "role": "regional_representative"},
            {"person": "Haruka Tanabe", "role": "team_member"},
        ],
        "sample": True,
    },
]
