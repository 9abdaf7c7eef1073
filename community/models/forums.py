"""Forums: one per course (read by its students, its instructor and moderators) and a
few topic forums open to every member. A thread is a title and an opening post;
replies answer it and carry at most one level of comments.

State follows the content: a course forum points at the default-locale course page.
Authors are kept as null when an account is deleted ("deleted account"); a deleted
post keeps its row (a placeholder) so replies and comments keep their place."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.private_storage import private_storage

from .moderation import EditRevision, Moderated


class Forum(models.Model):
    class Kind(models.TextChoices):
        COURSE = "course", _("Course forum")
        TOPIC = "topic", _("Topic forum")

    kind = models.CharField(_("kind"), max_length=6, choices=Kind)
    course = models.OneToOneField(
        "course_pages.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="forum",
    )
    # Topic forums only: their address and their texts in both languages.
    slug = models.SlugField(_("slug"), max_length=40, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=120, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=120, blank=True)
    intro_fr = models.TextField(_("introduction (French)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    # Every thread in Q&A mode: a student answers before she sees the others' answers.
    qa_mode = models.BooleanField(_("questions and answers"), default=False)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["sort_order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="course", course__isnull=False, slug="")
                | Q(kind="topic", course__isnull=True) & ~Q(slug=""),
                name="forum_is_a_course_or_a_topic",
            ),
            models.UniqueConstraint(
                fields=["slug"], condition=~Q(slug=""), name="one_topic_forum_per_slug"
            ),
        ]

    def __str__(self):
        return self.title_fr or f"forum #{self.pk}"

    def text(self, field):
        """A topic forum's title or intro in the active language (French when missing)."""
        language = (get_language() or "fr")[:2]
        return getattr(self, f"{field}_{language}", "") or getattr(self, f"{field}_fr")


class Thread(models.Model):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="threads")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_threads",
    )
    title = models.CharField(_("title"), max_length=200)
    # Set by the instructor (or a moderator) for this thread alone.
    qa_mode = models.BooleanField(_("questions and answers"), default=False)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    # Kept with each reply so the forum's list is one query at any size.
    last_post_at = models.DateTimeField(_("last post"), db_index=True)
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    solved_at = models.DateTimeField(_("solved"), null=True, blank=True)
    solved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked solved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The reply that solved it: shown first.
    accepted_post = models.ForeignKey(
        "Post",
        verbose_name=_("accepted answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("forum thread")
        verbose_name_plural = _("forum threads")
        indexes = [models.Index(fields=["forum", "-last_post_at", "-id"])]

    def __str__(self):
        return self.title


class Post(Moderated):
    """The opening post of a thread, a reply to it, or a comment on a reply. People
    report it like any community object (community.reports): hidden while a moderator
    decides once enough people did."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("Question")
        REPLY = "reply", _("Reply")
        COMMENT = "comment", _("Comment")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    # The thread's forum, kept here so a search is one indexed query.
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=7, choices=Kind)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("comment on"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forum_posts",
    )
    body = models.TextField(_("text"))
    # Re-encoded WebP (core.photos), served only to the forum's readers.
    photo = models.FileField(
        _("photo"), upload_to="forums/%Y/%m/", storage=private_storage, blank=True
    )
    # A small copy shown in the thread, so a page of photos stays light on a phone.
    photo_small = models.FileField(
        _("small photo"), upload_to="forums/%Y/%m/", storage=private_storage, blank=True
    )
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    endorsed_at = models.DateTimeField(_("endorsed"), null=True, blank=True)
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("endorsed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # When mentions and subscribers were told (once, by a task after the commit).
    announced_at = models.DateTimeField(_("announced"), null=True, blank=True)
    # Title (for an opening post) and text folded (core.text.fold): what search reads.
    search_document = models.TextField(blank=True)
    # Filled from search_document on PostgreSQL only (GIN-indexed, see migrations).
    search_vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("forum post")
        verbose_name_plural = _("forum posts")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["thread", "kind", "created_at"]),
            models.Index(fields=["forum", "-created_at"]),
            models.Index(fields=["author", "created_at"]),
            # "Has she answered this thread?" (Q&A mode), one probe per thread.
            models.Index(
                fields=["thread", "author"],
                condition=Q(kind="reply"),
                name="forum_post_reply_author",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="comment", parent__isnull=False)
                | ~Q(kind="comment") & Q(parent__isnull=True),
                name="only_comments_have_a_parent",
            ),
            models.UniqueConstraint(
                fields=["thread"], condition=Q(kind="opening"), name="one_opening_post_per_thread"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}: {self.body[:40]}"

    @property
    def is_deleted(self):
        return self.deleted_at is not None


class PostRevision(EditRevision):
    """What a post said before one edit (the title too, for an opening post)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    title = models.CharField(_("title before the edit"), max_length=200, blank=True)
    body = models.TextField(_("text before the edit"))

    class Meta(EditRevision.Meta):
        verbose_name = _("forum post revision")
        verbose_name_plural = _("forum post revisions")

    def __str__(self):
        return f"{self.post_id} before {self.edited_at:%Y-%m-%d %H:%M}"


class Subscription(models.Model):
    """Whether a person hears of new posts in a thread. Made on for the thread's author
    and for whoever replies; a person who unsubscribed stays unsubscribed."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="subscriptions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions"
    )
    active = models.BooleanField(_("subscribed"), default=True)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("thread subscription")
        verbose_name_plural = _("thread subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="one_subscription_per_thread")
        ]

    def __str__(self):
        return f"{self.user} → {self.thread_id}"
