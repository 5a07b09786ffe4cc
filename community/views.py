"""The public side: join the Initiative, join a task force, submit a project idea, partners' sign-in; members
writing in their spaces (posts, replies, and the leaders' moderation), proposing a resource and announcing an
event.

Views are thin: rate limit, form, service, redirect. Forms with a PDF are csrf_exempt outside and
csrf_protect inside, so the size limit is installed before anything reads the body (Django's documented
pattern for upload handlers); every POST is still CSRF-checked.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from cms.models import (
    EventIndexPage,
    ProjectIndexPage,
    ResourceIndexPage,
    SpacePage,
    SpacePostPage,
    SpaceReply,
)
from cms.space_access import space_roles

from . import notifications, selectors, services, spaces
from .access import SUBMIT_PROJECT_IDEA_PERMISSION, may_contribute
from .forms import (
    EventAnnouncementForm,
    MembershipApplicationForm,
    ProjectIdeaForm,
    ResourceProposalForm,
    SpacePostEditForm,
    SpacePostForm,
    SpaceReplyForm,
    TaskForceApplicationForm,
    add_service_errors,
)
from .ratelimit import seconds_to_wait, too_many_response
from .uploads import install_size_limit


def _render(request, template: str, context: dict, form=None) -> TemplateResponse:
    """A bound form that did not validate answers 400 (spam and rule failures alike), so scripts notice."""
    status = 400 if form is not None and form.is_bound else 200
    return TemplateResponse(request, template, {**context, "form": form}, status=status)


# --- Join the Initiative ----------------------------------------------------------------------------------------


@csrf_exempt
@never_cache
def join_initiative(request):
    if request.method == "POST":
        if wait := seconds_to_wait(request, "join"):
            return too_many_response(request, wait)
        install_size_limit(request, limit=settings.COMMUNITY_UPLOAD_MAX_BYTES)
    return _join_initiative(request)


@csrf_protect
def _join_initiative(request):
    context = {"task_forces": selectors.live_task_forces().specific()}
    if request.method != "POST":
        return _render(request, "community/join.html", context, MembershipApplicationForm())
    form = MembershipApplicationForm(request.POST, request.FILES, oversized=request.oversized_uploads)
    if form.is_valid():
        services.submit_membership_application(**form.data_for_service(), language=get_language())
        return redirect("community:join_received")
    return _render(request, "community/join.html", context, form)


def join_received(request):
    return TemplateResponse(request, "community/join_received.html", {})


# --- Join a task force (the task force page's join/ route) ------------------------------------------------------


@never_cache
def task_force_join(request, task_force, step: str | None = None):
    template = "community/task_force_join.html"
    context = {"page": task_force, "received": step == "received"}
    if step == "received" or request.method != "POST":
        form = None if step else TaskForceApplicationForm(task_force=task_force)
        return TemplateResponse(request, template, {**context, "form": form})
    if wait := seconds_to_wait(request, "task-force"):
        return too_many_response(request, wait)
    form = TaskForceApplicationForm(request.POST, task_force=task_force)
    if form.is_valid():
        try:
            services.submit_task_force_application(
                task_force=task_force, **form.data_for_service(), language=get_language()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(task_force.url + task_force.reverse_subpage("join", kwargs={"step": "received"}))
    return _render(request, template, context, form)


# --- Submit a project idea --------------------------------------------------------------------------------------


@csrf_exempt
@never_cache
def submit_project_idea(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm(SUBMIT_PROJECT_IDEA_PERMISSION):
        return TemplateResponse(request, "community/project_idea_forbidden.html", {}, status=403)
    if request.method == "POST":
        if wait := seconds_to_wait(request, "project-idea"):
            return too_many_response(request, wait)
        install_size_limit(request, limit=settings.COMMUNITY_UPLOAD_MAX_BYTES)
    return _submit_project_idea(request)


@csrf_protect
def _submit_project_idea(request):
    index = ProjectIndexPage.objects.live().first()
    if index is None:
        raise Http404("There is no project catalogue to submit to.")
    template = "community/project_idea.html"
    if request.method != "POST":
        initial = {"contact_name": request.user.get_full_name(), "contact_email": request.user.email}
        return _render(request, template, {"index": index}, ProjectIdeaForm(initial=initial))
    form = ProjectIdeaForm(request.POST, request.FILES, oversized=request.oversized_uploads)
    if form.is_valid():
        data = form.data_for_service()
        services.submit_project_idea(
            user=request.user,
            index=index,
            concept_note=data.pop("concept_note"),
            **data,
            language=get_language(),
        )
        return redirect("community:project_idea_received")
    return _render(request, template, {"index": index}, form)


def project_idea_received(request):
    return TemplateResponse(request, "community/project_idea_received.html", {})


# --- Members' contributions: propose a resource, announce an event ---------------------------------------------


def _contribution_refusal(request):
    """None when the visitor may contribute; else the sign-in redirect or the 403 page."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not may_contribute(request.user):
        return TemplateResponse(request, "community/contribution_forbidden.html", {}, status=403)
    return None


def _live_index(model):
    """The listing in the visitor's language, else the default language's."""
    listings = model.objects.live()
    index = (
        listings.filter(locale=Locale.get_active()).first()
        or listings.filter(locale=Locale.get_default()).first()
    )
    if index is None:
        raise Http404("There is no listing to contribute to.")
    return index


def _contact(request) -> dict:
    return {"contact_name": request.user.get_full_name(), "contact_email": request.user.email}


@csrf_exempt
@never_cache
def propose_resource(request):
    if refused := _contribution_refusal(request):
        return refused
    if request.method == "POST":
        if wait := seconds_to_wait(request, "resource"):
            return too_many_response(request, wait)
        install_size_limit(request, limit=settings.COMMUNITY_UPLOAD_MAX_BYTES)
    return _propose_resource(request)


@csrf_protect
def _propose_resource(request):
    index = _live_index(ResourceIndexPage)
    template, context = "community/propose_resource.html", {"index": index}
    if request.method != "POST":
        return _render(request, template, context, ResourceProposalForm(initial=_contact(request)))
    form = ResourceProposalForm(request.POST, request.FILES, oversized=request.oversized_uploads)
    if form.is_valid():
        data = form.data_for_service()
        services.propose_resource(
            user=request.user, index=index, pdf=data.pop("document"), **data, language=get_language()
        )
        return redirect("community:resource_proposed")
    return _render(request, template, context, form)


@never_cache
def announce_event(request):
    if refused := _contribution_refusal(request):
        return refused
    index = _live_index(EventIndexPage)
    template, context = "community/announce_event.html", {"index": index}
    if request.method != "POST":
        return _render(request, template, context, EventAnnouncementForm(initial=_contact(request)))
    if wait := seconds_to_wait(request, "event"):
        return too_many_response(request, wait)
    form = EventAnnouncementForm(request.POST)
    if form.is_valid():
        services.announce_event(
            user=request.user, index=index, **form.data_for_service(), language=get_language()
        )
        return redirect("community:event_announced")
    return _render(request, template, context, form)


def contribution_received(request, kind: str):
    return TemplateResponse(request, "community/contribution_received.html", {"kind": kind})


# --- Members' spaces -------------------------------------------------------------------------------------------
# Reading a space is Wagtail's page view restriction (cms/space_access.py); writing is checked here, server-side:
# anonymous visitors are sent to sign in, signed-in people outside the space's group get 403.

SPACE_RATE = "COMMUNITY_SPACE_POST_RATE"


def _refusal(request, space, *, moderate: bool = False):
    """None when the signed-in member may write (or moderate) in `space`, else the response to send. A space
    (or post) that does not exist gets the same refusal as one the person may not read, so that an outsider
    cannot tell which ids exist."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    may_post, may_moderate = space_roles(request.user, space) if space is not None else (False, False)
    if may_moderate or (may_post and not moderate):
        return None
    return TemplateResponse(request, "community/space_forbidden.html", {"space": space}, status=403)


def _live_space(space_id: int) -> SpacePage | None:
    return SpacePage.objects.live().filter(pk=space_id).first()


def _live_post(post_id: int) -> tuple[SpacePostPage | None, SpacePage | None]:
    post = SpacePostPage.objects.live().filter(pk=post_id).first()
    space = post.get_parent().specific if post is not None else None
    if space is None or not space.live:
        return None, None
    return post, space


@csrf_exempt
@never_cache
def space_post(request, space_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    space = _live_space(space_id)
    if refused := _refusal(request, space):
        return refused
    if request.method == "POST":
        if wait := seconds_to_wait(request, "space-post", rate_setting=SPACE_RATE):
            return too_many_response(request, wait)
        install_size_limit(request, limit=settings.COMMUNITY_UPLOAD_MAX_BYTES)
    return _space_post(request, space)


@csrf_protect
def _space_post(request, space):
    template, context = "community/space_post.html", {"space": space, "editing": False}
    if request.method != "POST":
        return _render(request, template, context, SpacePostForm())
    form = SpacePostForm(request.POST, request.FILES, oversized=request.oversized_uploads)
    if form.is_valid():
        data = form.data_for_service()
        post = spaces.publish_post(space=space, author=request.user, **data)
        return redirect(post.url)
    return _render(request, template, context, form)


@never_cache
def space_post_edit(request, post_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    post, space = _live_post(post_id)
    author = post is not None and post.author_id == request.user.pk
    if refused := _refusal(request, space, moderate=not author):
        return refused
    template, context = "community/space_post.html", {"space": space, "post": post, "editing": True}
    if request.method != "POST":
        form = SpacePostEditForm(initial={"title": post.title, "text": post.text})
        return _render(request, template, context, form)
    form = SpacePostEditForm(request.POST)
    if form.is_valid():
        spaces.edit_post(post=post, user=request.user, **form.data_for_service())
        return redirect(post.url)
    return _render(request, template, context, form)


@never_cache
def space_reply(request, post_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    post, space = _live_post(post_id)
    if refused := _refusal(request, space):
        return refused
    template, context = "community/space_reply.html", {"space": space, "post": post}
    if request.method != "POST":
        return _render(request, template, context, SpaceReplyForm())
    if wait := seconds_to_wait(request, "space-post", rate_setting=SPACE_RATE):
        return too_many_response(request, wait)
    form = SpaceReplyForm(request.POST)
    if form.is_valid():
        reply = spaces.add_reply(post=post, author=request.user, **form.data_for_service())
        return redirect(f"{post.url}#reply-{reply.pk}")
    return _render(request, template, context, form)


@require_POST
def space_moderate(request, post_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    post, space = _live_post(post_id)
    if refused := _refusal(request, space, moderate=True):
        return refused
    action = request.POST.get("action", "")
    reply_id = request.POST.get("reply", "")
    if action not in spaces.MODERATION_ACTIONS:
        return HttpResponseBadRequest("Unknown action.", content_type="text/plain; charset=utf-8")
    try:
        spaces.moderate(
            post=post,
            user=request.user,
            action=action,
            reply_id=int(reply_id) if reply_id.isdigit() else None,
        )
    except SpaceReply.DoesNotExist as error:
        raise Http404("No such reply.") from error
    return redirect(space.url if action == "hide" else post.url)


@require_POST
def space_follow(request, post_id: int):
    """Follow or unfollow a thread (its replies reach the followers, as each chose to hear of them)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    post, space = _live_post(post_id)
    if refused := _refusal(request, space):
        return refused
    action = request.POST.get("action", "")
    if action == "follow":
        notifications.follow(user=request.user, post=post)
    elif action == "unfollow":
        notifications.unfollow(user=request.user, post=post)
    else:
        return HttpResponseBadRequest("Unknown action.", content_type="text/plain; charset=utf-8")
    return redirect(post.url)


# --- Partners' sign-in ------------------------------------------------------------------------------------------


class LoginView(auth_views.LoginView):
    """The site's own sign-in for partner accounts and for pages and documents restricted to signed-in users
    (staff sign in to the admin at /admin/login/). Failed attempts are limited with every other password form's
    (community/signin_limit.py, config.middleware.SignInRateLimitMiddleware)."""

    template_name = "community/login.html"
    redirect_authenticated_user = True

    def dispatch(self, request, *args, **kwargs):
        # Wagtail sends a signed-in visitor here when a page is restricted to groups they are not in (a members'
        # space): redirecting them back would loop. Say who they are signed in as; the page is one link away.
        if request.user.is_authenticated and (target := self.get_redirect_url()):
            return TemplateResponse(request, "community/signed_in.html", {"next": target}, status=403)
        return super().dispatch(request, *args, **kwargs)


class LogoutView(auth_views.LogoutView):
    next_page = "/"
