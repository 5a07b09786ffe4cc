from django.urls import path

from . import account_views, feeds, views

app_name = "community"

urlpatterns = [
    path("join/", views.join_initiative, name="join"),
    path("join/received/", views.join_received, name="join_received"),
    path("projects/submit/", views.submit_project_idea, name="submit_project_idea"),
    path("projects/submit/received/", views.project_idea_received, name="project_idea_received"),
    path("resources/propose/", views.propose_resource, name="propose_resource"),
    path(
        "resources/propose/received/",
        views.contribution_received,
        {"kind": "resource"},
        name="resource_proposed",
    ),
    path("events/announce/", views.announce_event, name="announce_event"),
    path("events/announce/received/", views.contribution_received, {"kind": "event"}, name="event_announced"),
    path("spaces/<int:space_id>/post/", views.space_post, name="space_post"),
    path("spaces/posts/<int:post_id>/edit/", views.space_post_edit, name="space_post_edit"),
    path("spaces/posts/<int:post_id>/reply/", views.space_reply, name="space_reply"),
    path("spaces/posts/<int:post_id>/moderate/", views.space_moderate, name="space_moderate"),
    path("spaces/posts/<int:post_id>/follow/", views.space_follow, name="space_follow"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", views.LogoutView.as_view(), name="logout"),
    path("accounts/", account_views.account, name="account"),
    path("accounts/my-data.json", account_views.export_my_data, name="export_my_data"),
    path("accounts/delete/", account_views.delete_account, name="delete_account"),
    path("accounts/notifications/", account_views.notification_preferences, name="notifications"),
    path("accounts/searches/save/", account_views.save_search, name="save_search"),
    path("accounts/searches/<int:saved_id>/", account_views.change_saved_search, name="change_saved_search"),
    # The token is secrets.token_urlsafe: letters, digits, "-" and "_" (a slug); anything else is not a feed.
    path("feeds/saved/<slug:token>/", feeds.saved_search_feed, name="saved_search_feed"),
    path("accounts/deleted/", account_views.account_deleted, name="account_deleted"),
    path(
        "accounts/set-password/<uidb64>/<token>/",
        account_views.SetPasswordView.as_view(),
        name="set_password",
    ),
    path(
        "accounts/set-password/done/", account_views.SetPasswordDoneView.as_view(), name="set_password_done"
    ),
]
