from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="search"),
    path("suggest/", views.suggest, name="suggest"),
    path("answer/", views.answer_fragment, name="answer"),
    path("click/", views.result_click, name="click"),
]
