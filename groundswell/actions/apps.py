from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "groundswell.actions"
    label = "actions"
