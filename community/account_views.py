"""Members' own pages: choosing a password from the approval email's link, the account page, the download of
what the hub holds about them, and deleting the account.

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
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import personal_data, selectors
from .access import may_contribute

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
    }
    return TemplateResponse(request, "community/account.html", context)


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
