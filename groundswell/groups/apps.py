from django.apps import AppConfig


class GroupsConfig(AppConfig):
    name = "groundswell.groups"
    label = "groups"
