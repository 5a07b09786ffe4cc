"""The public side: join the Initiative, join a task force, submit a project idea, partners' sign-in.

Views are thin: rate limit, form, service, redirect. Forms with a PDF are csrf_exempt outside and
csrf_protect inside, so the size limit is installed before anything reads the body (Django's documented
pattern for upload handlers); every POST is still CSRF-checked.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from cms.models import ProjectIndexPage

from . import selectors, services
from .access import SUBMIT_PROJECT_IDEA_PERMISSION
from .forms import (
    MembershipApplicationForm,
    ProjectIdeaForm,
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


# --- Partners' sign-in ------------------------------------------------------------------------------------------


class LoginView(auth_views.LoginView):
    """The site's own sign-in for partner accounts and for pages and documents restricted to signed-in users
    (staff sign in to the admin at /admin/login/). Failed attempts are limited with every other password form's
    (community/signin_limit.py, config.middleware.SignInRateLimitMiddleware)."""

    template_name = "community/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    next_page = "/"
