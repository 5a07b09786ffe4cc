"""Demo texts of the front page, the partner directory and the Community of Practice page.

This module is DEMO DATA (plain Python literals, no Django imports). The texts are written in our own words from
the Initiative's public sources (/work/shared/reference/4p1000_facts.yaml: its network of members and partners,
the task force roles, the Strategy Implementation Cycle and the Climate-Soil Community of Practice). Not sample
data, except where a text says so: the number of organizations shown next to the network is the live count of
the demo directory (60 organizations, 34 of them invented), not the Initiative's real figure (over 700).
"""

DIRECTORY_INTRO = [
    "Governments, research institutes, farmers' organizations, NGOs, companies, foundations and development banks "
    "that have joined the 4 per 1000 Initiative as members or partners. Filter them by kind, place or year of "
    "joining, or look one up by name.",
    "Demo directory: 26 real organizations (their membership and year of joining are sample data) and 34 invented "
    "ones.",
]

HOME_SECTIONS = {
    "network_heading": "A network of members and partners",
    "network_count_label": "partner organizations in this demo directory (sample data; the real network counts "
    "over 700)",
    "directory_link_text": "Browse the partner directory",
    "join_link_text": "Join the Initiative",
    "strategy_heading": "Where the Initiative is heading",
    "goals_heading": "Six strategic goals",
    "strategy_link_text": "Read the strategy and its 24 objectives",
    "task_forces_heading": "Task forces",
    "task_force_join_text": "Join a task force",
    "cycle_heading": "The Strategy Implementation Cycle",
    "cycle_intro": "How the task forces turn the strategy into projects that funders can see and back.",
    "calendar_heading": "Coming up",
    "next_webinar_heading": "Next webinar",
    "next_initiative_day_heading": "Next Initiative Day",
    "partner_events_heading": "Partner events",
    "partner_events_count": 3,
    "nothing_planned_text": "Nothing is announced yet: check the calendar again soon.",
    "community_heading": "Climate-Soil Community of Practice",
    "community_link_text": "Discover the Community of Practice",
    "resources_heading": "Latest resources",
    "resources_count": 4,
    "resources_link_text": "Browse the resource library",
}

HOME_TEXTS = {
    "network": [
        "Countries, regions and cities, research bodies, farmers, civil society, companies and funders meet here "
        "to share what works for soil carbon and to build projects together. Every member and partner has a "
        "profile with its projects, task force roles, resources and events.",
    ],
    "task_forces": [
        "Each of the 24 objectives has a task force. Anyone can join as a Team Member; staff of member and partner "
        "organizations can also lead a task force or represent their world region in it.",
    ],
    "community": [
        "Launched in 2020 by the Initiative with GIZ's soil protection sector project, the Climate-Soil Community "
        "of Practice brings together development professionals and practitioners working where climate and soil "
        "meet: peer learning, shared field experience and advocacy for soil carbon in national climate plans.",
    ],
}

# The cycle's stages are only partly known from the sources (the first is "Consolidate Task Forces"); the steps
# below describe what the cycle does, in the roles the sources give, not its official stage names.
CYCLE_STEPS = [
    {
        "title": "Consolidate the task forces",
        "text": "Leaders and regional representatives gather the people who will carry each objective forward.",
    },
    {
        "title": "Take stock",
        "text": "Each task force maps what already happens on its objective and where the gaps are.",
    },
    {
        "title": "Develop project ideas",
        "text": "Task forces turn the gaps into project ideas and form teams and alliances around them.",
    },
    {
        "title": "Find funding",
        "text": "Ideas reviewed by the task force and the Secretariat are shown to funders and governments.",
    },
    {
        "title": "Follow progress",
        "text": "Funded projects report back, so the Initiative can show how far the strategy has come.",
    },
]

COMMUNITY_PAGE = {
    "title": "Climate-Soil Community of Practice",
    "intro": "A community of professionals in development cooperation and practitioners working on the "
    "climate-soil nexus, launched in 2020 by the 4 per 1000 Initiative and GIZ.",
    "body": [
        (
            "What it is for",
            [
                "The Community of Practice raises awareness of how sustainable land management and practices that "
                "build soil organic carbon help both to mitigate climate change and to adapt to it.",
                "Members share projects that worked and the good practices that helped farmers adopt them, and "
                "argue for soil carbon in interventions and policy processes such as national climate plans "
                "(NDCs).",
            ],
        ),
        (
            "How it works",
            [
                "Workshops and panel discussions bring members together, for example on monitoring the climate "
                "benefits of sustainable land management (April 2021) or on soil carbon and food security in "
                "Sub-Saharan Africa (March 2022).",
                "A supporting partnership of organizations backs the community financially and organizationally; "
                "organizations that would like to contribute contact the Executive Secretariat.",
            ],
        ),
        (
            "Joining",
            [
                "Professionals register through the community's online form; membership also opens the "
                "Initiative's collaboration wiki.",
            ],
        ),
    ],
}
