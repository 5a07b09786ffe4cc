"""Sample members' spaces, loaded by `load_demo_content` (through the "load_demo_content" hook): one space for
the Community of Practice (under the home page) and one for every task force, each with two posts (one pinned)
and their replies, a meeting and a document in the space's private collection, all marked sample data.

The texts are data (data/spaces.json): templates filled in with each space's task force and its topic. The
authors are sample accounts (`sample-member-1` ...) with no usable password, in the groups of the spaces they
write in. Posts and replies are written by the members' own services (community/spaces.py), as on the site.

Idempotent as the rest of the demo: spaces and meetings are upserted by slug (published again only when a value
differs), a post is found by its slug and, once made, left alone with its replies (what members and leaders do
with it is theirs), and a document is stored again only when its PDF's bytes differ.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cms.demo.blocks import paragraphs_html
from cms.models import SpaceMeetingPage, SpacePage, SpacePostPage

from ..spaces import add_reply, moderate, publish_post

DATA_FILE = Path(__file__).resolve().parent / "data" / "spaces.json"
REQUIRED = (
    "sample_members",
    "time_zones",
    "space",
    "community_of_practice",
    "posts",
    "meeting",
    "document",
    "topics",
)


class SpaceDataError(ValueError):
    pass


def read_data(path: Path = DATA_FILE) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise SpaceDataError(f"{path.name}: missing {', '.join(missing)}")
    return data


@dataclass
class SpacePlan:
    """One space to load: where, its template values and its two sample authors (the first leads it)."""

    parent: object
    slug: str
    values: dict[str, str]
    time_zone: str
    authors: list


def _fill(template, values: dict[str, str]):
    if isinstance(template, str):
        return template.format(**values)
    if isinstance(template, list):
        return [_fill(item, values) for item in template]
    if isinstance(template, dict):
        return {key: _fill(item, values) for key, item in template.items()}
    return template


def sample_members(loader, specs: list[dict]) -> list:
    users = get_user_model().objects
    members = []
    for spec in specs:
        user = users.filter(username=spec["username"]).first()
        if user is None:
            user = users.create_user(
                username=spec["username"], first_name=spec["first_name"], last_name=spec["last_name"]
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
            loader.report.note("sample member account", created=True, changed=True)
        members.append(user)
    return members


def plans(loader, data: dict, members: list) -> list[SpacePlan]:
    """The Community of Practice's space first, then the task forces' in the strategy's order."""
    cop, space = data["community_of_practice"], data["space"]
    names = {"code": cop["code"], "label": cop["label"], "task_force": cop["task_force"]}
    entries = [(loader.pages["home"], cop["slug"], cop["title"], "CoP", names)]
    for code, objective in loader.objectives.items():
        task_force = loader.pages.get(f"task_force:{code}")
        if task_force is not None:
            names = {"code": code, "label": objective.short_label, "task_force": task_force.title}
            entries.append((task_force, space["slug"], space["title"], code[0], names))
    result = []
    for number, (parent, slug, title, zone, names) in enumerate(entries):
        if names["code"] not in data["topics"]:
            raise SpaceDataError(f"{DATA_FILE.name}: no topic for {names['code']}")
        values = {**names, **data["topics"][names["code"]]}
        values["space"] = title.format(**values)
        values["slug"] = slugify(values["space"])
        authors = [members[number % len(members)], members[(number + 1) % len(members)]]
        result.append(SpacePlan(parent, slug, values, data["time_zones"][zone], authors))
    return result


def load_sample_spaces(loader) -> None:
    data = read_data()
    members = sample_members(loader, data["sample_members"])
    for plan in plans(loader, data, members):
        space = loader.upsert_page(
            plan.parent,
            SpacePage,
            plan.slug,
            {
                "title": plan.values["space"],
                "intro": paragraphs_html(_fill(data["space"]["intro"], plan.values)),
            },
            m2m={"leaders": plan.authors[:1]},
        )
        for author in plan.authors:
            author.groups.add(space.group)  # written only when missing
        load_posts(loader, space, data["posts"], plan)
        load_meeting(loader, space, data["meeting"], plan)
        load_document(loader, space, data["document"], plan)


def load_posts(loader, space: SpacePage, posts: list[dict], plan: SpacePlan) -> None:
    leader, other = plan.authors
    for number, spec in enumerate(posts):
        post = _fill(spec, plan.values)
        if SpacePostPage.objects.child_of(space).filter(slug=slugify(post["title"])[:70]).exists():
            continue
        author = leader if number % 2 == 0 else other
        page = publish_post(space=space, author=author, title=post["title"], text=post["text"])
        if post["pinned"]:
            moderate(post=page, user=leader, action="pin")
        for text in post["replies"]:
            add_reply(post=page, author=other if author is leader else leader, text=text)
            loader.report.note("sample reply", created=True, changed=True)
        loader.report.note("sample post", created=True, changed=True)


def load_meeting(loader, space: SpacePage, spec: dict, plan: SpacePlan) -> None:
    meeting = _fill(spec, plan.values)
    loader.upsert_page(
        space,
        SpaceMeetingPage,
        meeting["slug"],
        {
            "title": meeting["title"],
            "date": loader.first_loaded + dt.timedelta(days=meeting["starts_in_days"]),
            "start_time": dt.time.fromisoformat(meeting["start_time"]),
            "timezone": plan.time_zone,
            "duration_minutes": meeting["duration_minutes"],
            "online_url": meeting["online_url"],
            "agenda": paragraphs_html(meeting["agenda"]),
            "notes": paragraphs_html(meeting["notes"]),
        },
    )


def load_document(loader, space: SpacePage, spec: dict, plan: SpacePlan) -> None:
    document = _fill(spec, plan.values)
    collection = Collection.objects.get(pk=space.collection_id)
    loader.upsert_document(get_document_model(), collection, {**document, "sample": True})
