"""The one exception API code raises for a client's mistake: a 4xx with {"error": "…"}."""


class ApiError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status, self.message = status, str(message)
