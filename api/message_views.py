"""Conversations and messages through the API: list, read, write, start, report; with
messaging's selectors and services, as the messaging pages do (the same limits,
content checks, blocks and sanctions; real-time delivery after the commit). A
conversation or message the person is not in is not found.

Photos and voice notes: attachment_views.py."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, status
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from messaging import selectors, services
from messaging.errors import InvalidMessage, MessagingError, NotAllowed, TooFast
from messaging.models import Message
from messaging.views import positive_int, seat_or_404

from . import message_serializers
from .base import ApiView
from .problems import Conflict


def messaging_refusal(error, *, field="text"):
    """A messaging service's refusal, with its own translated message."""
    if isinstance(error, TooFast):
        return exceptions.Throttled(detail=error.message)
    if isinstance(error, NotAllowed):
        return exceptions.PermissionDenied(error.message)
    if isinstance(error, InvalidMessage):
        return exceptions.ValidationError({field: [error.message]})
    return Conflict(error.message)


class NewestFirst(CursorPagination):
    """Messages by id, newest first: a cursor that new messages do not shift."""

    ordering = "-pk"
    page_size = selectors.PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = 50


class MyConversations(ApiView, generics.ListAPIView):
    """The signed-in person's conversations, latest message first, each with its
    unread count. Reading the list marks their messages delivered, as the page does.
    POST writes a first message to someone (or in the conversation already started
    with her about the same thing)."""

    serializer_class = message_serializers.ConversationSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return selectors.conversation_rows(self.request.user)

    def list(self, request, *args, **kwargs):
        services.mark_all_delivered(user=request.user)
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=message_serializers.NewConversationSerializer,
        responses={201: message_serializers.ConversationSerializer},
    )
    def post(self, request):
        wanted = message_serializers.NewConversationSerializer(data=request.data)
        wanted.is_valid(raise_exception=True)
        data = wanted.validated_data
        try:
            message = services.start_with_text(
                user=request.user,
                other=selectors.person_to_write(data["to"]),
                context_kind=data["about"]["kind"],
                context_id=data["about"]["id"],
                text=data["text"],
                client_key=data.get("client_key", ""),
            )
        except MessagingError as error:
            raise messaging_refusal(error) from error
        seat = seat_or_404(request.user, message.conversation_id)
        return Response(self.get_serializer(seat).data, status=status.HTTP_201_CREATED)


class MyConversation(ApiView):
    """One of the person's conversations: who is in it, what it is about, her unread
    count, and whether she may write in it (blocked either way)."""

    serializer_class = message_serializers.ConversationDetailSerializer
    permission_classes = [IsAuthenticated]

    def get(self, request, pk):
        return Response(self.get_serializer(seat_or_404(request.user, pk)).data)


class BlockChange(ApiView):
    """Blocks (or unblocks) the other person of a two-person conversation, with
    messaging's own rule: a block stops writing both ways, in every conversation. A
    group conversation has nobody to block: not found."""

    serializer_class = message_serializers.ConversationDetailSerializer
    permission_classes = [IsAuthenticated]
    change = None  # services.block or services.unblock

    @extend_schema(request=None)
    def post(self, request, pk):
        seat = seat_or_404(request.user, pk)
        other = selectors.the_other(seat)
        if other is None:
            raise Http404
        message_serializers.NoBodySerializer(data=request.data).is_valid(raise_exception=True)
        try:
            type(self).change(user=request.user, other=other)
        except MessagingError as error:
            raise messaging_refusal(error) from error
        return Response(self.get_serializer(seat).data)


class ConversationBlock(BlockChange):
    change = services.block


class ConversationUnblock(BlockChange):
    change = services.unblock


class ConversationMessages(ApiView, generics.ListAPIView):
    """One conversation's messages, newest first. POST sends a text message."""

    serializer_class = message_serializers.MessageSerializer
    permission_classes = [IsAuthenticated]
    pagination_class = NewestFirst
    queryset = Message.objects.none()

    def seat(self):
        if not hasattr(self, "_seat"):
            self._seat = seat_or_404(self.request.user, self.kwargs["pk"])
        return self._seat

    def get_queryset(self):
        return selectors.messages_newest_first(self.seat().conversation_id)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.request is not None and self.request.user.is_authenticated:
            context["marks"] = selectors.marks_of_others(self.seat())
        return context

    @extend_schema(
        request=message_serializers.TextMessageSerializer,
        responses={201: message_serializers.MessageSerializer},
    )
    def post(self, request, pk):
        seat = self.seat()
        wanted = message_serializers.TextMessageSerializer(data=request.data)
        wanted.is_valid(raise_exception=True)
        try:
            message = services.send_text(
                user=request.user,
                conversation=seat.conversation,
                text=wanted.validated_data["text"],
                client_key=wanted.validated_data.get("client_key", ""),
            )
        except MessagingError as error:
            raise messaging_refusal(error) from error
        shown = selectors.messages_newest_first(seat.conversation_id).get(pk=message.pk)
        return Response(self.get_serializer(shown).data, status=status.HTTP_201_CREATED)


class ConversationRead(ApiView):
    """The person has read the conversation up to a message (its newest by default):
    the others' ticks turn to read, her unread total goes down."""

    serializer_class = message_serializers.ReadStateSerializer
    permission_classes = [IsAuthenticated]

    @extend_schema(request=message_serializers.ReadSerializer)
    def post(self, request, pk):
        seat = seat_or_404(request.user, pk)
        wanted = message_serializers.ReadSerializer(data=request.data)
        wanted.is_valid(raise_exception=True)
        read = services.mark_read(
            user=request.user,
            conversation=seat.conversation,
            up_to=wanted.validated_data.get("up_to"),
        )
        unread = selectors.unread_total(request.user)
        return Response(self.get_serializer({"read": read, "unread": unread}).data)


class MessageReport(ApiView):
    """Reports someone else's message to the moderators, once."""

    serializer_class = message_serializers.ReportSerializer
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=message_serializers.ReportInSerializer,
        responses={201: message_serializers.ReportSerializer},
    )
    def post(self, request, pk):
        message = Message.objects.filter(pk=positive_int(pk) or 0).first()
        if message is None or not selectors.is_participant(
            request.user.pk, message.conversation_id
        ):
            raise Http404
        wanted = message_serializers.ReportInSerializer(data=request.data)
        wanted.is_valid(raise_exception=True)
        try:
            report = services.report(
                user=request.user, message=message, reason=wanted.validated_data["reason"]
            )
        except MessagingError as error:
            raise messaging_refusal(error, field="reason") from error
        return Response(self.get_serializer(report).data, status=status.HTTP_201_CREATED)
