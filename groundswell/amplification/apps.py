from django.apps import AppConfig


class AmplificationConfig(AppConfig):
    name = "groundswell.amplification"
    label = "amplification"
