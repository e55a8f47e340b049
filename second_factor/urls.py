"""The sign-in steps after the password. Outside Wagtail's admin URLs, which would ask a
not-yet-signed-in visitor to sign in first."""

from django.urls import path

from second_factor import views

urlpatterns = [
    path("ma/", views.CodeStepView.as_view(), name="second_factor_verify"),
    path("dang-ky/", views.EnrolView.as_view(), name="second_factor_enrol"),
]
