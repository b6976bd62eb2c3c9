from django.conf import settings


def site(request):
    return {
        "ORGANISATION_NAME": settings.GROUNDSWELL["ORGANISATION_NAME"],
        "DEMO_MODE": settings.DEMO_MODE,
    }
