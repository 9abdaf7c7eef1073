"""What the API shows and accepts about conversations and messages. Shapes only:
messaging's services check who may write, what a message holds and how fast."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from messaging import selectors
from messaging.models import Message
from messaging.safety import MAX_REASON_LENGTH
from messaging.sending import CLIENT_KEY, MAX_CAPTION_LENGTH, MAX_TEXT_LENGTH

from .serializers import AboutSerializer, StrictSerializer

TICK_STATES = ["sent", "delivered", "read"]


class PersonSerializer(serializers.Serializer):
    """Someone in a conversation, named as the messaging pages name her."""

    id = serializers.IntegerField()
    name = serializers.SerializerMethodField()

    def get_name(self, user) -> str:
        return selectors.display_name(user)


def shown_text(message):
    # A message a moderator hid shows nothing of itself, as on the conversation page.
    return "" if message.hidden_at else message.text


class LastMessageSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sender = serializers.IntegerField(source="sender_id")
    kind = serializers.ChoiceField(choices=Message.Kind.choices)
    text = serializers.SerializerMethodField()
    hidden = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()

    def get_text(self, message) -> str:
        return shown_text(message)

    def get_hidden(self, message) -> bool:
        return message.hidden_at is not None


class ConversationSerializer(serializers.Serializer):
    """One of the person's conversations (from her seat, read by conversation_rows)."""

    id = serializers.IntegerField(source="conversation_id")
    people = serializers.SerializerMethodField()
    about = serializers.SerializerMethodField()
    is_group = serializers.BooleanField(source="conversation.is_group")
    unread_count = serializers.IntegerField()
    last_message = LastMessageSerializer(source="conversation.last_message", allow_null=True)
    last_message_at = serializers.DateTimeField(
        source="conversation.last_message_at", allow_null=True
    )

    @extend_schema_field(PersonSerializer(many=True))
    def get_people(self, seat):
        """The other people in it."""
        return PersonSerializer(selectors.others_in(seat), many=True).data

    @extend_schema_field(AboutSerializer)
    def get_about(self, seat):
        conversation = seat.conversation
        return {"kind": conversation.context_kind, "id": conversation.context_id}


class ConversationDetailSerializer(ConversationSerializer):
    """One conversation with what its page says about it: what it is about, and
    whether she may write in it now (a block either way, or the context's rule)."""

    title = serializers.SerializerMethodField(
        help_text='What the conversation is about (a course\'s title…), or "".'
    )
    blocked_by_me = serializers.SerializerMethodField(
        help_text="She blocked the other person (she may unblock her)."
    )
    may_write = serializers.SerializerMethodField()
    refusal = serializers.SerializerMethodField(
        help_text='Why she can\'t write here now, in her language; "" when she can.'
    )

    def get_title(self, seat) -> str:
        return selectors.about(seat.conversation)[0]

    def get_blocked_by_me(self, seat) -> bool:
        other = selectors.the_other(seat)
        return other is not None and selectors.has_blocked(seat.user, other)

    def get_refusal(self, seat) -> str:
        if "refusal" not in self.context:
            self.context["refusal"] = selectors.refusal_to_write(seat, seat.user)
        return self.context["refusal"]

    def get_may_write(self, seat) -> bool:
        return not self.get_refusal(seat)


class MessageSerializer(serializers.Serializer):
    """A message as one person in the conversation sees it: hers carry their ticks
    (`state`), photos and voice notes their address (`attachment_url`, opened with
    the same session token by the people in the conversation only)."""

    id = serializers.IntegerField()
    conversation = serializers.IntegerField(source="conversation_id")
    sender = PersonSerializer()
    mine = serializers.SerializerMethodField()
    kind = serializers.ChoiceField(choices=Message.Kind.choices)
    text = serializers.SerializerMethodField()
    hidden = serializers.SerializerMethodField()
    attachment_url = serializers.SerializerMethodField()
    voice_state = serializers.ChoiceField(choices=Message.VoiceState.choices)
    voice_seconds = serializers.IntegerField(allow_null=True)
    created_at = serializers.DateTimeField()
    state = serializers.SerializerMethodField()

    def get_mine(self, message) -> bool:
        return message.sender_id == self.context["request"].user.pk

    def get_text(self, message) -> str:
        return shown_text(message)

    def get_hidden(self, message) -> bool:
        return message.hidden_at is not None

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_attachment_url(self, message):
        if not message.attachment or message.hidden_at:
            return None
        path = reverse("api:message_attachment", args=[message.pk])
        return self.context["request"].build_absolute_uri(path)

    @extend_schema_field(serializers.ChoiceField(choices=TICK_STATES, allow_null=True))
    def get_state(self, message):
        """Sent, delivered or read by everyone else: for one's own messages only."""
        if not self.get_mine(message):
            return None
        return selectors.tick_state(message.pk, self.context.get("marks", {}).values())


class TextMessageSerializer(StrictSerializer):
    """A text message. `client_key` (letters, digits, - and _, made by the app once per
    message) makes sending it twice store it once."""

    text = serializers.CharField(max_length=MAX_TEXT_LENGTH, trim_whitespace=True)
    client_key = serializers.RegexField(CLIENT_KEY, required=False)


class PhotoMessageSerializer(StrictSerializer):
    """A photo (multipart/form-data), checked and re-encoded to WebP as on the
    conversation page (JPEG, PNG, HEIC or WebP by its content, 10 MB and 64 megapixels
    at most); the original is not kept. An optional caption; `client_key` as for text."""

    photo = serializers.FileField(max_length=255, allow_empty_file=False)
    text = serializers.CharField(
        max_length=MAX_CAPTION_LENGTH, required=False, allow_blank=True, default=""
    )
    client_key = serializers.RegexField(CLIENT_KEY, required=False)


class VoiceMessageSerializer(StrictSerializer):
    """A voice note (multipart/form-data) of at most 2 minutes and 5 MB, an audio file
    by its content; it is transcoded to Opus after sending (`voice_state`), as from the
    conversation page. `client_key` as for text."""

    voice = serializers.FileField(max_length=255, allow_empty_file=False)
    client_key = serializers.RegexField(CLIENT_KEY, required=False)


class NewConversationSerializer(TextMessageSerializer):
    """The first message to someone, about something the pages let her write from: a
    professional's profile ({"kind": "enquiry", "id": <professional id>}), a course
    she learns or teaches ("course"), a booking ("booking"). The professional's
    `contact` says what to send."""

    to = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    about = AboutSerializer()


class NoBodySerializer(StrictSerializer):
    """Nothing to say: an empty body (or {}); anything else is refused, not ignored."""


class ReadSerializer(StrictSerializer):
    """Read up to this message id (the newest when left out)."""

    up_to = serializers.IntegerField(min_value=1, max_value=2**63 - 1, required=False)


class ReadStateSerializer(serializers.Serializer):
    read = serializers.IntegerField(help_text="The message id read up to.")
    unread = serializers.IntegerField(help_text="Unread messages over all conversations.")


class ReportInSerializer(StrictSerializer):
    reason = serializers.CharField(
        max_length=MAX_REASON_LENGTH, required=False, allow_blank=True, default=""
    )


class ReportSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    message = serializers.IntegerField(source="message_id")
    reason = serializers.CharField(allow_blank=True)
    created_at = serializers.DateTimeField()
