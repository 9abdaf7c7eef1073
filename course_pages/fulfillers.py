"""Selling courses through checkout: a paid order enrols; a full refund removes access.

Registered from CoursePagesConfig.ready(): the course side knows both its pages and
enrolment's services, while enrolment sits below the pages and checkout knows no item."""

from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from checkout.errors import NotForSale
from checkout.purchasables import Fulfiller, Offer, register
from core.ids import parse_id
from core.page_locales import canonical, localize_pages
from course_pages.models import CoursePage
from enrolment import prerequisites, selectors, services
from enrolment.errors import MissingPrerequisites
from enrolment.models import Enrolment


class CourseFulfiller(Fulfiller):
    item_type = "course"
    payee_percent = 70

    def _course(self, item_id):
        course_id = parse_id(item_id)
        course = (
            CoursePage.objects.live().filter(pk=course_id).select_related("instructor").first()
            if course_id is not None
            else None
        )
        if course is None:
            raise NotForSale(_("This course is not available."))
        return canonical(course)

    def offer(self, *, item_id, user):
        course = self._course(item_id)
        if course.is_free:
            raise NotForSale(_("This course is free: enrol from the course page."))
        owned = selectors.enrolment_for(user=user, course=course)
        if owned is not None and owned.source != Enrolment.Source.SUBSCRIPTION:
            raise NotForSale(_("You are already enrolled in this course."))
        if owned is None:
            # Refused here, before any order exists: a paid order must be able to enrol.
            try:
                prerequisites.check_prerequisites(user=user, course=course)
            except MissingPrerequisites as error:
                raise NotForSale(error.message) from error
        return Offer(
            description=course.localized.title,
            price_xaf=course.price_xaf,
            payee=course.instructor.user,
            payee_percent=self.payee_percent,
        )

    def is_available(self, *, order):
        return CoursePage.objects.live().filter(pk=order.item_id).exists()

    def on_paid(self, *, order):
        course = CoursePage.objects.get(pk=order.item_id)
        services.enrol(user=order.user, course=course, source=Enrolment.Source.PURCHASE)

    def on_refunded(self, *, order, amount_xaf):
        if order.refunded_xaf >= order.amount_xaf:
            services.revoke(user=order.user, course=CoursePage.objects.get(pk=order.item_id))

    def refund_consequence(self, *, order, amount_xaf):
        if order.refunded_xaf + amount_xaf >= order.amount_xaf:
            return _("The student loses access to the course and its certificate.")
        return _("A partial refund: the student keeps access to the course.")

    def titles(self, *, orders):
        """The course title in the active language (orders point at the French page)."""
        ids = {order.pk: parse_id(order.item_id) for order in orders}
        courses = list(Page.objects.filter(pk__in=set(ids.values()) - {None}))
        localized = dict(
            zip(
                [course.pk for course in courses],
                localize_pages(courses, Locale.get_active()),
                strict=True,
            )
        )
        return {
            order.pk: localized[ids[order.pk]].title
            if ids[order.pk] in localized
            else order.description
            for order in orders
        }

    def success_url(self, *, order):
        course = CoursePage.objects.get(pk=order.item_id)
        localized = course.localized
        lessons = localized.specific.lessons
        return lessons[0].url if lessons else localized.url


def register_course_fulfiller():
    """Called from CoursePagesConfig.ready(): checkout learns how to sell a course."""
    register(CourseFulfiller)
