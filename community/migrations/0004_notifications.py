"""Notification preferences, thread follows, saved searches and the weekly digest's queue. Threads written in
before follows existed are followed by their writers (post authors and repliers), as writing follows one now."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def follow_written_threads(apps, schema_editor):
    SpacePostPage = apps.get_model("cms", "SpacePostPage")
    SpaceReply = apps.get_model("cms", "SpaceReply")
    ThreadFollow = apps.get_model("community", "ThreadFollow")
    pairs = set(SpacePostPage.objects.exclude(author=None).values_list("author_id", "pk"))
    pairs |= set(SpaceReply.objects.exclude(author=None).values_list("author_id", "post_id"))
    ThreadFollow.objects.bulk_create(
        [ThreadFollow(user_id=user_id, post_id=post_id) for user_id, post_id in pairs], ignore_conflicts=True
    )


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0009_members_spaces'),
        ('community', '0003_contributions'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='NotificationPreferences',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('replies', models.CharField(choices=[('at_once', 'At once'), ('weekly', 'In a weekly digest'), ('never', 'Never')], default='at_once', max_length=10, verbose_name='Replies to threads I wrote in or follow')),
                ('space_activity', models.CharField(choices=[('at_once', 'At once'), ('weekly', 'In a weekly digest'), ('never', 'Never')], default='weekly', max_length=10, verbose_name='New posts, meetings and documents in my spaces')),
                ('share_email_with_members', models.BooleanField(default=False, help_text='The Secretariat always sees it; nobody else does unless you tick this.', verbose_name='Show my email address to the members of my spaces')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='notification_preferences', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'notification preferences',
                'verbose_name_plural': 'notification preferences',
            },
        ),
        migrations.CreateModel(
            name='PendingNotification',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('reply', 'New reply'), ('post', 'New post'), ('meeting', 'New meeting'), ('document', 'New document')], max_length=10)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('document', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtaildocs.document')),
                ('page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                ('space', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cms.spacepage')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='SavedSearch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, verbose_name='name')),
                ('query', models.CharField(max_length=500)),
                ('filters', models.JSONField(blank=True, default=dict, help_text='The search parameters besides q: {param: [values]}.')),
                ('locale', models.CharField(default='en', max_length=10)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('last_sent_at', models.DateTimeField(blank=True, null=True)),
                ('feed_token', models.CharField(editable=False, max_length=64, unique=True)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='saved_searches', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'saved search',
                'verbose_name_plural': 'saved searches',
                'ordering': ['name', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='ThreadFollow',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('post', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='cms.spacepostpage')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('user', 'post'), name='one_follow_per_user_and_post')],
            },
        ),
        migrations.RunPython(follow_written_threads, migrations.RunPython.noop),
    ]
