"""Reusable records that pages point at: places, soil practices, organizations and people."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from ..identity import PUBLISHER
from ..locales import TRANSLATED_LANGUAGES, active_language


class LocalizedText(models.Model):
    """Text fields with a translation per language in `<field>_<code>` columns, blank = use the default's."""

    class Meta:
        abstract = True

    def localized(self, field: str, language: str | None = None) -> str:
        language = language or active_language()
        if language in TRANSLATED_LANGUAGES:
            translated = getattr(self, f"{field}_{language}", "")
            if translated:
                return translated
        return getattr(self, field)

    @property
    def display_name(self) -> str:
        """The name in the visitor's language (the English one where no translation was entered)."""
        return self.localized("name")


def translation_panel(*fields: str) -> MultiFieldPanel:
    """The admin panel with each field's translations, e.g. name_fr and name_es."""
    return MultiFieldPanel(
        [FieldPanel(f"{field}_{code}") for field in fields for code in TRANSLATED_LANGUAGES],
        heading=_("Translations"),
        help_text=_("Shown to visitors browsing in that language; leave blank to show the English text."),
    )


class Region(index.Indexed, LocalizedText):
    """A world region or a country. Countries belong to a region, so filtering by region finds its countries
    (cms/filters.py: region_q, region_index_values)."""

    class Kind(models.TextChoices):
        REGION = "region", _("World region")
        COUNTRY = "country", _("Country")

    name = models.CharField(max_length=120, unique=True)
    name_fr = models.CharField("name in French", max_length=120, blank=True)
    name_es = models.CharField("name in Spanish", max_length=120, blank=True)
    slug = models.SlugField(max_length=120, unique=True, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.COUNTRY)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="countries",
        limit_choices_to={"kind": "region"},
        help_text="For a country: the world region it belongs to.",
    )
    iso_code = models.CharField(
        "ISO code", max_length=2, blank=True, help_text="ISO 3166-1 alpha-2 code of a country, e.g. FR."
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("iso_code")]),
        FieldPanel("parent"),
        FieldPanel("slug"),
        translation_panel("name"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("name_fr"),
        index.SearchField("name_es"),
        index.FilterField("kind"),
    ]
    api_fields = [
        APIField("name"),
        APIField("name_fr"),
        APIField("name_es"),
        APIField("slug"),
        APIField("kind"),
        APIField("iso_code"),
        APIField("parent"),
    ]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = "country or region"
        verbose_name_plural = "countries and regions"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.kind == self.Kind.REGION and self.parent_id:
            raise ValidationError({"parent": "A world region has no parent region."})
        if self.kind == self.Kind.REGION and self.iso_code:
            raise ValidationError({"iso_code": "Only countries have an ISO code."})
        if self.iso_code and not (len(self.iso_code) == 2 and self.iso_code.isalpha()):
            raise ValidationError({"iso_code": "Use the two-letter ISO 3166-1 code, e.g. FR."})
        self.iso_code = self.iso_code.upper()


class SoilPractice(index.Indexed, LocalizedText):
    name = models.CharField(max_length=120, unique=True)
    name_fr = models.CharField("name in French", max_length=120, blank=True)
    name_es = models.CharField("name in Spanish", max_length=120, blank=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(
        blank=True, help_text="Two or three sentences: what it is and how it builds SOC."
    )
    description_fr = models.TextField("description in French", blank=True)
    description_es = models.TextField("description in Spanish", blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        translation_panel("name", "description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("name_fr"),
        index.SearchField("name_es"),
    ]
    api_fields = [
        APIField("name"),
        APIField("name_fr"),
        APIField("name_es"),
        APIField("slug"),
        APIField("description"),
        APIField("description_fr"),
        APIField("description_es"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "soil practice"

    def __str__(self) -> str:
        return self.name


def unique_slug(model, name: str, *, exclude_pk=None, max_length: int = 80) -> str:
    """A slug of `name` no other row of `model` has: "inrae", then "inrae-2", "inrae-3", ..."""
    base = (slugify(name) or "organization")[:max_length].strip("-")
    taken = set(
        model.objects.filter(slug__startswith=base).exclude(pk=exclude_pk).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        suffix = f"-{n}"
        slug, n = f"{base[: max_length - len(suffix)]}{suffix}", n + 1
    return slug


class Organization(index.Indexed, models.Model):
    """A member or partner organization of the Initiative, with its public profile at /partners/<slug>/ (served
    by the partner directory page, cms/models/directory.py) and its entry in the knowledge index."""

    # Its type in the knowledge index and search (cms/constants.py content_types()).
    content_type_label = "organization"
    content_type_name = _("Organization")
    # The partner directory's filters (cms/filters.py), declared as page types declare theirs.
    listing_filters = ("kind", "membership", "region", "year")
    region_field = "country"
    year_field = "year_joined"

    class Kind(models.TextChoices):
        NATIONAL_GOVERNMENT = "national_government", _("National government")
        LOCAL_GOVERNMENT = "local_government", _("Local or regional government")
        INTERNATIONAL_ORGANIZATION = "international_organization", _("International organization")
        RESEARCH = "research", _("Research and education")
        FARMERS_ORGANIZATION = "farmers_organization", _("Farmers' organization")
        NGO = "ngo", _("NGO or civil society")
        COMPANY = "company", _("Company")
        FOUNDATION = "foundation", _("Foundation")
        DEVELOPMENT_BANK = "development_bank", _("Development bank")

    class Membership(models.TextChoices):
        MEMBER = "member", _("Member")
        PARTNER = "partner", _("Partner")

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True, help_text="Acronym, e.g. INRAE.")
    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text="The end of its profile's address (/partners/<slug>/); made from the name when left empty.",
    )
    kind = models.CharField(max_length=40, choices=Kind.choices)
    country = models.ForeignKey(
        Region,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "country"},
    )
    membership = models.CharField(
        max_length=10,
        choices=Membership.choices,
        default=Membership.PARTNER,
        help_text="Membership requires a non-profit character; companies join as partners.",
    )
    year_joined = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(2015), MaxValueValidator(2100)]
    )
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(
        auto_now=True, help_text="Last change: the profile's lastmod in sitemaps."
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("kind")]),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("membership"), FieldPanel("year_joined")]),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("short_name", boost=3),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("membership"),
    ]
    api_fields = [
        APIField("name"),
        APIField("short_name"),
        APIField("slug"),
        APIField("kind"),
        APIField("membership"),
        APIField("year_joined"),
        APIField("country"),
        APIField("website"),
        APIField("description"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = unique_slug(Organization, self.name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def profile_facts(self) -> list[tuple[str, str]]:
        """The profile's text as (heading, text): what search finds an organization by (knowledge/sync.py)."""
        facts = [f"{self.get_kind_display()}."]
        if self.short_name:
            facts.insert(0, f"{self.name} ({self.short_name}).")
        if self.country_id:
            region = f", {self.country.parent.name}" if self.country.parent_id else ""
            facts.append(f"Country: {self.country.name}{region}.")
        since = f" since {self.year_joined}" if self.year_joined else ""
        facts.append(f"{self.get_membership_display()} of the {PUBLISHER}{since}.")
        sections = [("", self.description.strip())] if self.description.strip() else []
        return [*sections, ("Organization", " ".join(facts))]

    def clean(self) -> None:
        if self.kind == self.Kind.COMPANY and self.membership == self.Membership.MEMBER:
            raise ValidationError(
                {"membership": "Membership requires a non-profit character: a company can only be a partner."}
            )
        if self.year_joined and self.year_joined > timezone.now().year:
            raise ValidationError({"year_joined": "The year joined cannot be in the future."})


class Person(index.Indexed, models.Model):
    name = models.CharField(max_length=160)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    job_title = models.CharField(max_length=200, blank=True)
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("organization"),
        FieldPanel("job_title"),
        FieldPanel("bio"),
        MultiFieldPanel([FieldPanel("photo")], heading="Photo"),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("job_title"),
        index.SearchField("bio"),
    ]
    api_fields = [APIField("name"), APIField("organization"), APIField("job_title"), APIField("bio")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"
        constraints = [models.UniqueConstraint(fields=["name", "organization"], name="unique_person_per_org")]

    def __str__(self) -> str:
        return f"{self.name} ({self.organization})" if self.organization_id else self.name
