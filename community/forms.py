"""The public forms: join the Initiative, join a task force, submit a project idea; the members' forms of a
space: a post (with an optional PDF) and a reply; and the members' contributions: a resource (with its PDF) and
a partner event.

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

from cms.constants import LANGUAGE_CHOICES
from cms.models import ObjectivePage, Organization, ResourcePage, TaskForceMember
from cms.models.events import TIMEZONE_CHOICES, check_timezone
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
            # Not `required` for Django (clean_pdf says whether it is missing or was too large to arrive), but
            # marked required for the person filling it in, like every other required field.
            field.shown_required = self.pdf_fields[name]
            if field.shown_required:
                field.widget.attrs["aria-required"] = "true"
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


# --- Members' contributions ---------------------------------------------------------------------------------------

CONTACT_HELP = _("For the Secretariat only; never shown on the page.")


class ResourceProposalForm(PublicForm):
    pdf_fields = {"document": True}

    title = forms.CharField(label=_("Title of the resource"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=1200,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What it is about and for whom (1200 characters). Shown in the resource library."),
    )
    kind = forms.ChoiceField(label=_("Type of resource"), choices=ResourcePage.Kind.choices)
    year = forms.IntegerField(label=_("Year of publication"), min_value=1900, max_value=2100)
    resource_language = forms.ChoiceField(label=_("Language of the resource"), choices=LANGUAGE_CHOICES)
    authors = forms.CharField(
        label=_("Authors"), max_length=500, required=False, help_text=_("Names separated by semicolons.")
    )
    publisher = forms.CharField(label=_("Publisher"), max_length=250, required=False)
    document = pdf_field(
        _("The resource (PDF)"),
        _("At most %(limit)s. The Secretariat reads it; once approved it is published with the resource."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=160)
    contact_email = forms.EmailField(label=_("Contact email"), help_text=CONTACT_HELP)

    def clean_document(self):
        return self.clean_pdf("document")


class EventAnnouncementForm(PublicForm):
    title = forms.CharField(label=_("Name of the event"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What, for whom, how to take part (600 characters). Shown in the event listing."),
    )
    start_date = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs={"type": "date"}))
    end_date = forms.DateField(
        label=_("Last day"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for a one-day event."),
    )
    start_time = forms.TimeField(
        label=_("Start time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("Local time, in the time zone below."),
    )
    timezone = forms.ChoiceField(label=_("Time zone"), choices=TIMEZONE_CHOICES, initial="UTC")
    location = forms.CharField(
        label=_("Place"), max_length=250, required=False, help_text=_("Venue and city; empty if online only.")
    )
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("Registration or streaming link, if people can take part online."),
    )
    organizer = forms.ModelChoiceField(
        label=_("Organizer"),
        queryset=selectors.directory_organizations(),
        required=False,
        empty_label=_("The organizer is not listed"),
    )
    organizer_name = forms.CharField(
        label=_("If it is not listed: the organizer's name"), max_length=200, required=False
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=160)
    contact_email = forms.EmailField(label=_("Contact email"), help_text=CONTACT_HELP)

    def clean(self):
        cleaned = super().clean()
        try:
            check_timezone(cleaned.get("timezone", ""))
        except ValidationError as error:
            add_service_errors(self, error)
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The event ends before it starts."))
        if not cleaned.get("location") and not cleaned.get("online_url") and "online_url" not in self.errors:
            self.add_error("location", _("Give a place, or an online link."))
        if not cleaned.get("organizer") and not cleaned.get("organizer_name"):
            self.add_error("organizer_name", _("Choose the organizer from the list, or type its name."))
        return cleaned

    def data_for_service(self) -> dict:
        data = super().data_for_service()
        data["time_zone"] = data.pop("timezone")
        return data
