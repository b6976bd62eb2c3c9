from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "groundswell.actions"
    label = "actions"

    def ready(self):
        from . import next_steps  # noqa: F401 - registers the open-actions suggestion provider
