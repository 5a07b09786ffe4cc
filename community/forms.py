"""The public forms: join the Initiative, join a task force, submit a project idea; and the members' forms of a
space: a post (with an optional PDF) and a reply.

Each has a honeypot field (hidden from people, filled by many bots) and reports every rule next to the
field it concerns. PDF fields are checked by community/uploads.py; a file refused while it streamed in
(too large) is reported here by name.
"""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MinValueValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from cms.models import ObjectivePage, Organization, TaskForceMember
from cms.models.projects import CURRENCY_CHOICES

from . import selectors
from .services import task_force_application_errors
from .uploads import too_large_message, validate_pdf

HONEYPOT = "fax_number"
SPAM = "spam"


class PublicForm(forms.Form):
    """Honeypot and PDF handling shared by the public forms."""

    pdf_fields: dict[str, bool] = {}  # field name -> required

    def __init__(self, *args, oversized: set[str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.oversized = oversized or set()
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        limit = filesizeformat(settings.COMMUNITY_UPLOAD_MAX_BYTES)
        for name in self.pdf_fields:
            field = self.fields[name]
            field.widget.attrs.update({"accept": "application/pdf,.pdf"})
            field.help_text = field.help_text % {"limit": limit}

    @property
    def is_spam(self) -> bool:
        return self.has_error(NON_FIELD_ERRORS, code=SPAM)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise ValidationError(
                _(
                    "This form looks as if a program filled it in, so it was not sent. If you are a person, leave "
                    "the field labelled “Leave this field empty” blank and send it again."
                ),
                code=SPAM,
            )
        return cleaned

    def clean_pdf(self, name: str):
        limit = settings.COMMUNITY_UPLOAD_MAX_BYTES
        if name in self.oversized:
            raise ValidationError(too_large_message(limit), code="too_large")
        uploaded = self.cleaned_data.get(name)
        if not uploaded:
            if self.pdf_fields[name]:
                raise ValidationError(_("Please attach the PDF."), code="required")
            return None
        validate_pdf(uploaded, limit=limit)
        return uploaded

    def data_for_service(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != HONEYPOT}


class ObjectiveChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.code} {obj.title}"


def add_service_errors(form, error: ValidationError) -> None:
    """A service's ValidationError shown on the form: next to its field when the form has it, else on top."""
    for field, errors in error.update_error_dict({}).items():
        form.add_error(field if field in form.fields else None, errors)


def pdf_field(label, help_text) -> forms.FileField:
    # Required-ness is checked in clean_pdf, after the size check: a file dropped for its size must say so.
    return forms.FileField(label=label, help_text=help_text, required=False)


class MembershipApplicationForm(PublicForm):
    pdf_fields = {"declaration": True}

    organization_name = forms.CharField(label=_("Name of the organization"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind of organization"), choices=[("", _("Choose a kind")), *Organization.Kind.choices]
    )
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=selectors.countries(),
        empty_label=_("Choose a country"),
        help_text=_("Where the organization has its seat."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    contact_name = forms.CharField(label=_("Contact person"), max_length=160)
    contact_email = forms.EmailField(label=_("Contact email"))
    motivation = forms.CharField(
        label=_("Why does your organization want to join?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What you do for soils, food security and climate, and what you would bring (3000 characters)."
        ),
    )
    declaration = pdf_field(
        _("Signed declaration of intent (PDF)"),
        _("Dated and signed by an authorised representative; a PDF of at most %(limit)s."),
    )

    def clean_declaration(self):
        return self.clean_pdf("declaration")


class TaskForceApplicationForm(PublicForm):
    name = forms.CharField(label=_("Your name"), max_length=160)
    email = forms.EmailField(
        label=_("Your email"),
        help_text=_("The Secretariat writes to you here; it is never shown on the site."),
    )
    organization = forms.ModelChoiceField(
        label=_("Your organization"),
        queryset=selectors.directory_organizations(),
        required=False,
        empty_label=_("My organization is not listed"),
        help_text=_("The member and partner organizations of the Initiative."),
    )
    organization_name = forms.CharField(
        label=_("If it is not listed: your organization's name"), max_length=200, required=False
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=TaskForceMember.Role.choices,
        initial=TaskForceMember.Role.TEAM_MEMBER,
        widget=forms.RadioSelect,
        help_text=_(
            "Leaders and regional representatives are staff of member or partner organizations; anyone is welcome "
            "as a team member."
        ),
    )
    world_region = forms.ModelChoiceField(
        label=_("World region you would represent"),
        queryset=selectors.world_regions(),
        required=False,
        empty_label=_("Choose a region"),
        help_text=_("Only for regional representatives."),
    )
    motivation = forms.CharField(
        label=_("What would you bring to this task force?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, task_force, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.task_force = task_force

    def clean(self):
        cleaned = super().clean()
        if "role" not in cleaned:
            return cleaned
        errors = task_force_application_errors(
            task_force=self.task_force,
            email=cleaned.get("email", ""),
            organization=cleaned.get("organization"),
            role=cleaned["role"],
            world_region=cleaned.get("world_region"),
        )
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


class ProjectIdeaForm(PublicForm):
    pdf_fields = {"concept_note": False}

    title = forms.CharField(label=_("Title of the project idea"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Two or three sentences: what, where, with whom (600 characters). Shown in the catalogue."
        ),
    )
    objectives = ObjectiveChoiceField(
        label=_("Strategic objectives served"),
        queryset=ObjectivePage.objects.none(),  # live objectives, set per form: .public() queries at once
        widget=forms.CheckboxSelectMultiple,
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries or world regions"),
        queryset=selectors.countries_and_regions(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )
    practices = forms.ModelMultipleChoiceField(
        label=_("Soil practices"),
        queryset=selectors.soil_practices(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    funding_sought = forms.DecimalField(
        label=_("Funding sought"),
        required=False,
        max_digits=14,
        decimal_places=0,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("Whole amount, without separators."),
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=CURRENCY_CHOICES, initial="EUR")
    lead_organization = forms.ModelChoiceField(
        label=_("Lead organization"),
        queryset=selectors.directory_organizations(),
        empty_label=_("Choose the lead organization"),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=160)
    contact_email = forms.EmailField(
        label=_("Contact email"), help_text=_("For the reviewers only; never shown on the project page.")
    )
    concept_note = pdf_field(
        _("Concept note (PDF, optional)"),
        _(
            "At most %(limit)s. Reviewers read it; once the idea is approved it is published with the project."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objectives"].queryset = selectors.live_objectives()

    def clean_concept_note(self):
        return self.clean_pdf("concept_note")


# --- Members' spaces ------------------------------------------------------------------------------------------------

MARKDOWN_HELP = _("Markdown: **bold**, *italic*, [a link](https://...), lists. No images or HTML.")


class SpacePostEditForm(PublicForm):
    """A post's title and Markdown: what its author (or a leader) edits."""

    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Message"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=MARKDOWN_HELP,
    )


class SpacePostForm(SpacePostEditForm):
    """A new post: the same, with an optional PDF."""

    pdf_fields = {"attachment": False}

    attachment = pdf_field(
        _("Attachment (PDF, optional)"),
        _("At most %(limit)s. Only the members of this space can open it."),
    )

    def clean_attachment(self):
        return self.clean_pdf("attachment")


class SpaceReplyForm(PublicForm):
    text = forms.CharField(
        label=_("Your reply"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=MARKDOWN_HELP,
    )
