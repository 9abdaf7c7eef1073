"""Practice work's photos and prepared videos through the API, for a phone app with its
session token: opened by those enrolment's selectors let see them (the author, classmates
the peer-review rule lets review it, the course's instructor, moderators), as the pages
serve them (byte ranges, kept a day by the phone)."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import IsAuthenticated

from core.private_files import serve_private
from enrolment import selectors

from .base import ApiView


class WorkFile(ApiView):
    """A private file of practice work; refusals are problem JSON, not found for those
    who may not see it."""

    permission_classes = [IsAuthenticated]

    def perform_content_negotiation(self, request, force=False):
        # The file is the answer whatever the app accepts; refusals are problem JSON.
        renderer = self.renderer_classes[0]()
        return renderer, renderer.media_type


class WorkPhoto(WorkFile):
    """A practice work photo (WebP), as the work's pages show it."""

    @extend_schema(responses={(200, "image/webp"): OpenApiTypes.BINARY})
    def get(self, request, pk):
        photo = selectors.photo_she_may_see(request.user, pk)
        if photo is None:
            raise Http404
        return serve_private(request, photo.image, content_type="image/webp")


class WorkVideo(WorkFile):
    """A prepared practice video's small MP4 (`mp4`, byte ranges for seeking) or its
    poster (`poster`, WebP), as the work's pages play it. A video still being prepared,
    or hidden after reports (except to moderators), is not found."""

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "part",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                enum=sorted(selectors.VIDEO_PARTS),
            )
        ],
        responses={
            (200, "video/mp4"): OpenApiTypes.BINARY,
            (200, "image/webp"): OpenApiTypes.BINARY,
            # A part of the file, when the phone asks for a byte range to seek.
            (206, "video/mp4"): OpenApiTypes.BINARY,
        },
    )
    def get(self, request, pk, part):
        found = selectors.video_part_she_may_see(request.user, pk, part)
        if found is None:
            raise Http404
        file, content_type = found
        return serve_private(request, file, content_type=content_type)
