"""The partner directory page, organization slugs (filled for existing rows, then unique), their last change,
and the organizations credited with a resource."""

import cms.models.pages
import cms.preview
import django.db.models.deletion
import modelcluster.fields
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
import django.utils.timezone
from django.db import migrations, models
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    """A unique slug for every existing organization, from its name ("-2", "-3" on a clash)."""
    Organization = apps.get_model("cms", "Organization")
    taken = set()
    for organization in Organization.objects.order_by("pk"):
        base = (slugify(organization.name) or "organization")[:80].strip("-")
        slug, n = base, 2
        while slug in taken:
            suffix = f"-{n}"
            slug, n = f"{base[: 80 - len(suffix)]}{suffix}", n + 1
        taken.add(slug)
        organization.slug = slug
        organization.save(update_fields=["slug"])


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0002_draftreference'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='PartnerDirectoryPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', wagtail.fields.RichTextField(blank=True)),
            ],
            options={
                'verbose_name': 'partner directory',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, cms.preview.HeadlessPreviewIfConfiguredMixin, cms.models.pages.KnowledgeMixin, 'wagtailcore.page'),
        ),
        migrations.AddField(
            model_name='organization',
            name='slug',
            field=models.SlugField(blank=True, max_length=80, default="", db_index=False),
            preserve_default=False,
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='organization',
            name='slug',
            field=models.SlugField(blank=True, help_text="The end of its profile's address (/partners/<slug>/); made from the name when left empty.", max_length=80, unique=True),
        ),
        migrations.AddField(
            model_name='organization',
            name='updated_at',
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, help_text="Last change: the profile's lastmod in sitemaps."),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='resourcepage',
            name='organizations',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Organizations that wrote or published it: the resource is listed on their directory profiles.', related_name='resources', to='cms.organization'),
        ),
    ]
