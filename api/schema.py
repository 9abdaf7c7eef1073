"""The OpenAPI schema: the public API only (not the admin's internal APIs), and the
problem document every operation may answer with."""

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

PREFIX = "/api/v1/"
PROBLEM_MEDIA_TYPE = "application/problem+json"
# What any operation may answer besides its success: bad input, no or a bad token,
# not allowed, unknown, in a state that refuses it, too big, not JSON, too many
# requests, our own failure, a payment provider not answering.
ERROR_STATUSES = (
    "400",
    "401",
    "403",
    "404",
    "405",
    "406",
    "409",
    "413",
    "415",
    "429",
    "500",
    "503",
)


def public_endpoints_only(endpoints):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PREFIX)]


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details (api/problems.py)."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField()
    code = serializers.CharField(required=False)
    errors = serializers.DictField(required=False)


class ProblemAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction=direction)
        if direction != "response":
            return responses
        for status in ERROR_STATUSES:
            responses.setdefault(
                status,
                self._get_response_for_code(
                    ProblemSerializer, status, media_types=[PROBLEM_MEDIA_TYPE]
                ),
            )
        return responses
