"""Members' own pages: choosing a password from the approval email's link, the account page (with their saved
searches), how they hear of replies and of their spaces, the download of what the hub holds about them, and
deleting the account.

The set-password page is Django's PasswordResetConfirmView: it keeps the token in the session and redirects to
an address without it at once, so the token never reaches another site in a Referer; a link already used or
expired shows a page saying so. The deletion form takes the account's password, so its POSTs count on the
sign-in limit like the sign-in form's (community/signin_limit.py).
"""

from __future__ import annotations

import json

from django import forms
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from search.service import SearchError

from . import notifications, personal_data, saved_searches, selectors
from .access import may_contribute
from .models import NotificationPreferences, SavedSearch

EXPORT_FILENAME = "soil-knowledge-hub-my-data.json"


class SetPasswordView(auth_views.PasswordResetConfirmView):
    template_name = "community/set_password.html"
    success_url = reverse_lazy("community:set_password_done")


class SetPasswordDoneView(auth_views.PasswordResetCompleteView):
    template_name = "community/set_password_done.html"


@never_cache
@login_required
def account(request):
    user = request.user
    context = {
        "spaces": selectors.member_spaces(user),
        "may_contribute": may_contribute(user),
        "task_force_applications": personal_data.task_force_applications(user),
        "membership_applications": personal_data.membership_applications(user),
        "saved_searches": SavedSearch.objects.filter(user=user),
        "preferences": notifications.preferences_of(user),
    }
    return TemplateResponse(request, "community/account.html", context)


# --- Notifications and saved searches -----------------------------------------------------------------------


class NotificationPreferencesForm(forms.ModelForm):
    class Meta:
        model = NotificationPreferences
        fields = ["replies", "space_activity", "share_email_with_members"]
        widgets = {"replies": forms.RadioSelect, "space_activity": forms.RadioSelect}


@never_cache
@login_required
def notification_preferences(request):
    template = "community/notifications.html"
    current = notifications.preferences_of(request.user)
    if request.method != "POST":
        return TemplateResponse(request, template, {"form": NotificationPreferencesForm(instance=current)})
    form = NotificationPreferencesForm(request.POST, instance=current)
    if not form.is_valid():
        return TemplateResponse(request, template, {"form": form}, status=400)
    notifications.save_preferences(user=request.user, **form.cleaned_data)
    return redirect("community:account")


@require_POST
@login_required
def save_search(request):
    """The search page's "Save this search": its words and filters, searched in the page's language."""
    try:
        saved_searches.save_search(
            user=request.user,
            name=request.POST.get("name", ""),
            params=request.POST,
            locale=translation.get_language(),
        )
    except SearchError as error:
        return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")
    return redirect(f"{reverse('community:account')}#saved-searches")


SAVED_SEARCH_ACTIONS = ("rename", "new_feed_address", "delete")


@require_POST
@login_required
def change_saved_search(request, saved_id: int):
    """Rename, give a new feed address (the old one stops working) or delete one of the member's searches."""
    saved = SavedSearch.objects.filter(pk=saved_id, user=request.user).first()
    if saved is None:
        raise Http404("No such saved search.")
    action = request.POST.get("action", "")
    if action == "rename":
        saved_searches.rename(saved=saved, name=request.POST.get("name", ""))
    elif action == "new_feed_address":
        saved_searches.new_feed_address(saved=saved)
    elif action == "delete":
        saved_searches.delete(saved=saved)
    else:
        return HttpResponseBadRequest("Unknown action.", content_type="text/plain; charset=utf-8")
    return redirect(f"{reverse('community:account')}#saved-searches")


@never_cache
@login_required
def export_my_data(request):
    data = personal_data.export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{EXPORT_FILENAME}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password


@sensitive_post_parameters("password")
@never_cache
@login_required
def delete_account(request):
    template = "community/delete_account.html"
    if request.user.is_superuser:
        return TemplateResponse(request, template, {"refused": True}, status=403)
    if request.method != "POST":
        return TemplateResponse(request, template, {"form": DeleteAccountForm(user=request.user)})
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        return TemplateResponse(request, template, {"form": form}, status=400)
    personal_data.delete_account(user=request.user)
    logout(request)
    return redirect("community:account_deleted")


def account_deleted(request):
    return TemplateResponse(request, "community/account_deleted.html", {})
