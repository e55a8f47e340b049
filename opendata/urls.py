from django.urls import path

from opendata import views

urlpatterns = [
    path("", views.index, name="open_data"),
    path("tin-tuc/", views.news, name="opendata_news"),
    path("van-ban/", views.documents, name="opendata_documents"),
    path("thu-tuc/", views.procedures, name="opendata_procedures"),
]
