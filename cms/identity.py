"""The site's identity, written once: its name and its publisher, the Initiative.

Plain constants rather than a Wagtail site setting: editors have no reason to rename the site or the Initiative,
and what shows these names needs them without a database or a request: the settings (WAGTAIL_SITE_NAME, the
default sender of emails, the API's title), the error pages, calendars, feeds, citations and the head's JSON-LD.
Sentences that name the Initiative in prose are translated (its name too: "Initiative 4 pour 1000") and stay in
the templates and the .po files.
"""

SITE_NAME = "Soil Knowledge Hub"
PUBLISHER = "4 per 1000 Initiative"
PUBLISHER_SHORT_NAME = "4p1000"
PUBLISHER_URL = "https://4p1000.org/"
