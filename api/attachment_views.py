"""Photos and voice notes in conversations through the API: multipart uploads through
messaging's own services and checks (re-encoding, sizes, rate limits, blocks), as the
conversation page sends them; and their files, opened by the conversation's people
only, as the page serves them."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from core import photos
from core.private_files import serve_private
from messaging import selectors, services, voice
from messaging.errors import MessagingError
from messaging.models import Message
from messaging.views import positive_int, seat_or_404

from . import message_serializers
from .base import ApiView
from .message_views import messaging_refusal
from .problems import Conflict

# Room in a multipart upload for the form's other fields and its boundaries.
UPLOAD_FORM_SLACK_BYTES = 64 * 1024


class AttachmentUpload(ApiView):
    """Sends a photo or a voice note in one of her conversations (multipart), through
    messaging's own service and checks, as the conversation page does."""

    serializer_class = message_serializers.MessageSerializer
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser]
    upload_serializer = None
    file_field = ""

    def send(self, seat, data):
        raise NotImplementedError

    def post(self, request, pk):
        seat = seat_or_404(request.user, pk)
        wanted = self.upload_serializer(data=request.data)
        wanted.is_valid(raise_exception=True)
        try:
            message = self.send(seat, wanted.validated_data)
        except MessagingError as error:
            raise messaging_refusal(error, field=self.file_field) from error
        shown = selectors.messages_newest_first(seat.conversation_id).get(pk=message.pk)
        context = {**self.get_serializer_context(), "marks": selectors.marks_of_others(seat)}
        data = message_serializers.MessageSerializer(shown, context=context).data
        return Response(data, status=status.HTTP_201_CREATED)


class PhotoUpload(AttachmentUpload):
    """Sends a photo, with an optional caption, in one of her conversations: checked
    and re-encoded to WebP as on the conversation page; the original is not kept."""

    upload_serializer = message_serializers.PhotoMessageSerializer
    file_field = "photo"
    max_body_bytes = photos.MAX_UPLOAD_BYTES + UPLOAD_FORM_SLACK_BYTES

    def send(self, seat, data):
        return services.send_photo(
            user=self.request.user,
            conversation=seat.conversation,
            upload=data["photo"],
            text=data["text"],
            client_key=data.get("client_key", ""),
        )

    @extend_schema(
        request={"multipart/form-data": message_serializers.PhotoMessageSerializer},
        responses={201: message_serializers.MessageSerializer},
    )
    def post(self, request, pk):
        return super().post(request, pk)


class VoiceUpload(AttachmentUpload):
    """Sends a voice note in one of her conversations: an audio file of 2 minutes and
    5 MB at most, checked as on the conversation page and transcoded to Opus after
    sending (`voice_state` says when it is ready)."""

    upload_serializer = message_serializers.VoiceMessageSerializer
    file_field = "voice"
    max_body_bytes = voice.MAX_VOICE_BYTES + UPLOAD_FORM_SLACK_BYTES

    def send(self, seat, data):
        return services.send_voice(
            user=self.request.user,
            conversation=seat.conversation,
            upload=data["voice"],
            client_key=data.get("client_key", ""),
        )

    @extend_schema(
        request={"multipart/form-data": message_serializers.VoiceMessageSerializer},
        responses={201: message_serializers.MessageSerializer},
    )
    def post(self, request, pk):
        return super().post(request, pk)


class MessageAttachment(ApiView):
    """The photo (WebP) or voice note (Opus in Ogg) of a message, for the people in
    its conversation (and a moderator, once it is reported), as the page serves it:
    byte ranges, kept a day by the phone. A voice note still being transcoded answers
    409, with when to try again."""

    permission_classes = [IsAuthenticated]

    def perform_content_negotiation(self, request, force=False):
        # The file is the answer whatever the app accepts; refusals are problem JSON.
        renderer = self.renderer_classes[0]()
        return renderer, renderer.media_type

    @extend_schema(
        responses={
            (200, "image/webp"): OpenApiTypes.BINARY,
            (200, voice.OUTPUT_CONTENT_TYPE): OpenApiTypes.BINARY,
        }
    )
    def get(self, request, pk):
        message = Message.objects.filter(pk=positive_int(pk) or 0).exclude(attachment="").first()
        if message is None or not selectors.may_open_attachment(request.user, message):
            raise Http404
        notice = selectors.voice_not_ready(message)
        if notice:
            raise Conflict(notice)
        return serve_private(
            request, message.attachment, content_type=selectors.attachment_content_type(message)
        )
