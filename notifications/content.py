"""What a caller hands to notify(): the texts it already writes, in the person's
language (notify() builds them inside translation.override)."""

from dataclasses import dataclass, field, replace

# How much of the text the centre and a push show when the caller gives no summary.
SUMMARY_CHARS = 300


@dataclass(frozen=True)
class Message:
    """``subject`` is the e-mail subject and the title in the centre and on the push.
    ``sms`` empty: this event has no SMS. ``url``: where the centre and the push open
    (a path on the site). ``attachments``: (filename, text, mimetype) for the e-mail.
    ``sms_to``: a number other than the person's own (a professional's business line)."""

    subject: str
    text: str
    html: str = ""
    sms: str = ""
    summary: str = ""
    url: str = ""
    attachments: tuple = field(default_factory=tuple)
    sms_to: str = ""

    def rendered(self):
        """Every text evaluated now (lazy strings follow the active language)."""
        return replace(
            self,
            subject=str(self.subject),
            text=str(self.text),
            html=str(self.html),
            sms=str(self.sms),
            summary=str(self.summary) or summarise(str(self.text)),
            url=str(self.url),
            sms_to=str(self.sms_to or ""),
            attachments=tuple(
                (str(name), content, mimetype) for name, content, mimetype in self.attachments
            ),
        )


def summarise(text):
    """The e-mail's first paragraph after its greeting ("Hello Awa,"), cut to
    SUMMARY_CHARS: what the centre's list and a push have room for."""
    paragraphs = [part.strip() for part in text.strip().split("\n\n") if part.strip()]
    if len(paragraphs) > 1 and paragraphs[0].endswith(",") and "\n" not in paragraphs[0]:
        paragraphs = paragraphs[1:]
    summary = paragraphs[0] if paragraphs else ""
    if len(summary) > SUMMARY_CHARS:
        summary = summary[: SUMMARY_CHARS - 1].rstrip() + "…"
    return summary
