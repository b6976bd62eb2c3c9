from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "groundswell.journeys"
    label = "journeys"
