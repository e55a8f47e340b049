from django.urls import path

from search import views

urlpatterns = [
    path("", views.search, name="search"),
    path("goi-y/", views.suggest, name="search_suggest"),
]
