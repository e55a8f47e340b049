from django.apps import AppConfig


class SecondFactorConfig(AppConfig):
    name = "second_factor"
    verbose_name = "Xác thực hai lớp"
