from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JourneysConfig(AppConfig):
    name = "groundswell.journeys"
    label = "journeys"
    verbose_name = _("Journeys")

    def ready(self):
        from groundswell.core.criteria import set_default_vocabulary

        from . import handlers  # noqa: F401 - connects the people signals
        from .criteria import VOCABULARY

        set_default_vocabulary(VOCABULARY)
