"""The content model, by domain: what page types share (`base`), the front page and text pages (`home`), the
strategy with its goals, objectives and task forces (`strategy`), projects, webinars and events, resources, the
partner directory, the members' spaces, the snippets (organizations, people, regions, practices) and the draft reference index."""

from .directory import PartnerDirectoryPage
from .events import EventIndexPage, EventPage, WebinarIndexPage, WebinarPage
from .home import HomePage, StandardPage
from .projects import ProjectDocument, ProjectIndexPage, ProjectPage
from .references import DraftReference
from .resources import ResourceDocument, ResourceIndexPage, ResourcePage
from .snippets import Organization, Person, Region, SoilPractice
from .spaces import SpaceMeetingPage, SpacePage, SpacePostPage, SpaceReply
from .strategy import GoalPage, ObjectivePage, StrategyPage, TaskForceMember, TaskForcePage

__all__ = [
    "DraftReference",
    "EventIndexPage",
    "EventPage",
    "GoalPage",
    "HomePage",
    "ObjectivePage",
    "Organization",
    "PartnerDirectoryPage",
    "Person",
    "ProjectDocument",
    "ProjectIndexPage",
    "ProjectPage",
    "Region",
    "ResourceDocument",
    "ResourceIndexPage",
    "ResourcePage",
    "SoilPractice",
    "SpaceMeetingPage",
    "SpacePage",
    "SpacePostPage",
    "SpaceReply",
    "StandardPage",
    "StrategyPage",
    "TaskForceMember",
    "TaskForcePage",
    "WebinarIndexPage",
    "WebinarPage",
]
