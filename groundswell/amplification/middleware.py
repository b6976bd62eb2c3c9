"""Count share-link clicks wherever they land: any successful GET carrying ?r=<code>&c=<channel>."""

from .services import record_share_click


class ShareClickMiddleware:
    """A page may set `request.share_campaign` (a Campaign) to count its clicks for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        code, channel = request.GET.get("r"), request.GET.get("c")
        if request.method == "GET" and code and channel and response.status_code == 200:
            record_share_click(
                code=code,
                channel=channel,
                path=request.path,
                campaign=getattr(request, "share_campaign", None),
            )
        return response
