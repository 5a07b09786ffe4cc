from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("join/", views.join_initiative, name="join"),
    path("join/received/", views.join_received, name="join_received"),
    path("projects/submit/", views.submit_project_idea, name="submit_project_idea"),
    path("projects/submit/received/", views.project_idea_received, name="project_idea_received"),
    path("spaces/<int:space_id>/post/", views.space_post, name="space_post"),
    path("spaces/posts/<int:post_id>/edit/", views.space_post_edit, name="space_post_edit"),
    path("spaces/posts/<int:post_id>/reply/", views.space_reply, name="space_reply"),
    path("spaces/posts/<int:post_id>/moderate/", views.space_moderate, name="space_moderate"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", views.LogoutView.as_view(), name="logout"),
]
