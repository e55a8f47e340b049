from django.urls import path

from home.views import record_reading

urlpatterns = [
    path("thong-ke/ghi/", record_reading, name="record_reading"),
]
