from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "groundswell.messaging"
    label = "messaging"
