"""Writes a professional makes from the front end: the profile, services, answers."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Locale

from core.page_invalidation import content_changed
from core.page_locales import canonical

from .errors import DirectoryError
from .models import ProfessionalIndexPage, ProfessionalPage, Review
from .selectors import english_version, professional_of
from .services import refresh_rating


@transaction.atomic
def create_profile(*, user, title, bio_fr, bio_en="", photo=None, **fields):
    """A draft page in French (+ an English draft when a bio is given), sent to moderation.

    Nothing is public until a moderator approves it in the Wagtail workflow. `photo` is
    a core.photos.ConvertedPhoto (checked and re-encoded by the form)."""
    if professional_of(user) is not None:
        raise DirectoryError(_("You already have a professional profile."))
    default = Locale.get_default()
    index = ProfessionalIndexPage.objects.filter(locale=default).first()
    if index is None:
        raise DirectoryError(_("The directory is not open yet."))
    specialities = fields.pop("specialities", [])
    languages = fields.pop("languages", [])
    page = ProfessionalPage(title=title, bio=bio_fr, user=user, owner=user, live=False, **fields)
    if photo is not None:
        page.photo = _store_photo(photo, title=title, user=user)
    try:
        index.add_child(instance=page)  # Page.save() runs full_clean()
    except ValidationError as error:
        raise DirectoryError(" ".join(error.messages)) from error
    page.specialities.set(specialities)
    page.languages.set(languages)
    page.save_revision(user=user)
    if bio_en:
        _draft_translation(page, bio=bio_en, user=user)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return page


def _store_photo(converted, *, title, user):
    return get_image_model().objects.create(title=title, file=converted.file, uploaded_by_user=user)


@transaction.atomic
def edit_profile(*, user, bio_fr, bio_en="", photo=None, languages=(), **fields):
    """New revisions of the person's profile, in each language, sent to the moderators.

    The public page keeps its approved text until a moderator approves the French
    revision; approving it publishes the English one with it (see
    publish_draft_translations). `fields`: neighbourhood, travel, phone, WhatsApp."""
    page = professional_of(user)
    if page is None:
        raise DirectoryError(_("You have no professional profile yet."))
    # Two edits sent at once: one after the other, each on the latest revision.
    page = ProfessionalPage.objects.select_for_update().get(pk=page.pk)
    draft = page.get_latest_revision_as_object()
    if photo is not None:
        fields["photo"] = _store_photo(photo, title=draft.title, user=user)
    _save_details(draft, user=user, bio=bio_fr, languages=languages, fields=fields)
    english = english_version(page)
    if english is not None:
        english = english.get_latest_revision_as_object()
        _save_details(english, user=user, bio=bio_en, languages=languages, fields=fields)
    elif bio_en:
        translation = _draft_translation(page, bio=bio_en, user=user)
        if translation is not None:
            _save_details(translation, user=user, bio=bio_en, languages=languages, fields=fields)
    _submit_for_moderation(page, user=user)
    return page


def _save_details(version, *, user, bio, languages, fields):
    version.bio = bio
    for name, value in fields.items():
        setattr(version, name, value)
    version.languages.set(languages)
    try:
        version.save_revision(user=user)  # runs full_clean()
    except ValidationError as error:
        raise DirectoryError(" ".join(error.messages)) from error


def _submit_for_moderation(page, *, user):
    """Start the page's workflow, or restart it after a moderator asked for changes.
    A workflow already in progress approves the latest revision: nothing to do."""
    state = page.current_workflow_state
    if state is None:
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
    elif state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user=user)


def _draft_translation(page, *, bio, user):
    english = Locale.objects.filter(language_code="en").first()
    if english is None or page.get_parent().get_translation_or_none(english) is None:
        return None
    translation = page.copy_for_translation(english)
    translation.bio = bio
    translation.save()
    translation.save_revision(user=user)
    return translation


def publish_draft_translations(page):
    """Approving a profile (new or changed) also approves its English text, written by
    the professional in the same form: a never-published English draft, or the English
    revision the professional saved last."""
    page = canonical(page)
    never_published = Q(live=False, first_published_at__isnull=True)
    changed_by_owner = Q(has_unpublished_changes=True, latest_revision__user_id=page.user_id)
    drafts = (
        ProfessionalPage.objects.filter(translation_key=page.translation_key)
        .filter(never_published | changed_by_owner)
        .exclude(pk=page.pk)
    )
    for draft in drafts:
        revision = draft.latest_revision or draft.save_revision()
        revision.publish()


@transaction.atomic
def save_service(*, professional, user, form):
    """Create or change a service from a ServiceForm already validated by the view."""
    page = canonical(professional)
    if page.user_id != user.pk:
        raise DirectoryError(_("This is not your profile."))
    service = form.save(commit=False)
    service.professional = page
    service.full_clean()
    service.save()
    return service


@transaction.atomic
def respond_to_review(*, review, user, text):
    """The professional answers a review once; the answer cannot be changed afterwards."""
    review = Review.objects.select_for_update().select_related("professional").get(pk=review.pk)
    if review.professional.user_id != user.pk:
        raise DirectoryError(_("Only the professional who was reviewed may answer."))
    if review.responded_at is not None:
        raise DirectoryError(_("You have already answered this review."))
    review.response = text
    review.responded_at = timezone.now()
    review.full_clean()
    review.save(update_fields=["response", "responded_at"])
    content_changed(review.professional)
    return review


@transaction.atomic
def set_review_hidden(*, review, hidden):
    """A moderator hides (or shows again) a review; the rating follows."""
    Review.objects.filter(pk=review.pk).update(is_hidden=hidden)
    refresh_rating(professional=review.professional)
