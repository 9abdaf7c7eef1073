"""Demo analytics: 90 days of generated events for every demo course, from the rates in
demo/content/analytics.yaml (fixed seed), rolled up day by day like the beat task does."""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Locale

from analytics import rollups
from analytics.models import Event
from course_pages.models import CoursePage
from demo.content import read
from enrolment.lesson_blocks import quizzes

K = Event.Kind


class _Generator:
    def __init__(self, plan, today):
        self.plan = plan
        self.today = today
        self.random = random.Random(plan["seed"])
        self.next_learner = plan["first_learner_id"]
        self.events = []

    def at(self, day, minutes=0):
        start = timezone.make_aware(datetime.combine(day, time(7)), timezone.get_default_timezone())
        return start + timedelta(minutes=self.random.randint(0, 14 * 60) + minutes)

    def searches(self):
        """Directory searches, more of them as the period goes on."""
        plan, rnd = self.plan, self.random
        low, high = plan["searches_per_day"]
        towns, services = plan["search_towns"], plan["search_services"]
        for back in range(plan["days"] - 1, -1, -1):
            growth = 1 + (plan["search_growth"] - 1) * (plan["days"] - back) / plan["days"]
            day = self.today - timedelta(days=back)
            for _ in range(round(rnd.randint(low, high) * growth)):
                town = rnd.choices(list(towns), weights=list(towns.values()))[0]
                service = rnd.choices(list(services), weights=list(services.values()))[0]
                self.events.append(
                    Event(
                        kind=K.DIRECTORY_SEARCH,
                        props={"town": town, "service": service},
                        occurred_at=self.at(day),
                    )
                )

    def add(self, kind, when, course, **fields):
        if when.date() <= self.today:
            self.events.append(Event(kind=kind, course_id=course.pk, occurred_at=when, **fields))

    def course(self, course, lessons, popularity):
        plan, rnd = self.plan, self.random
        low, high = plan["views_per_day"]
        for back in range(plan["days"] - 1, -1, -1):
            day = self.today - timedelta(days=back)
            for _ in range(round(rnd.randint(low, high) * popularity)):
                self.add(K.COURSE_VIEW, self.at(day), course)
                if rnd.random() < plan["enrol_rate"]:
                    self.learner(course, lessons, day)

    def learner(self, course, lessons, day):
        plan, rnd = self.plan, self.random
        learner = self.next_learner
        self.next_learner += 1
        when = self.at(day)
        self.add(K.ENROLLED, when, course, user_id=learner)
        if rnd.random() >= plan["start_rate"]:
            return
        for index, (lesson, lesson_quizzes) in enumerate(lessons):
            if index and rnd.random() >= plan["next_lesson_rate"]:
                return
            when += timedelta(days=rnd.randint(0, 3), minutes=rnd.randint(5, 120))
            ids = {"user_id": learner, "lesson_id": lesson.pk}
            self.add(K.LESSON_OPENED, when, course, **ids)
            for share, quartile in zip(plan["video_reach"], (25, 50, 75, 100), strict=True):
                if rnd.random() < share:
                    self.add(
                        K.VIDEO_PROGRESS,
                        when,
                        course,
                        props={"quartile": quartile, "video": 1},
                        **ids,
                    )
            for quiz in lesson_quizzes:
                for question in quiz.questions:
                    wrong = sorted(set(question.choices) - set(question.correct))
                    if wrong and rnd.random() < plan["quiz_miss_rate"]:
                        props = {
                            "quiz": quiz.id,
                            "question": question.id,
                            "chosen": [rnd.choice(wrong)],
                        }
                        self.add(K.QUIZ_MISS, when, course, props=props, **ids)
            low, high = plan["lesson_minutes"]
            when += timedelta(minutes=rnd.randint(low, high))
            self.add(K.LESSON_DONE, when, course, **ids)
        if rnd.random() < plan["complete_rate"]:
            self.add(K.COURSE_COMPLETED, when, course, user_id=learner)
            if rnd.random() < plan["certificate_rate"]:
                self.add(K.CERTIFICATE_ISSUED, when + timedelta(minutes=1), course, user_id=learner)


def load():
    plan = read("analytics")
    today = timezone.localdate()
    generator = _Generator(plan, today)
    courses = CoursePage.objects.live().filter(locale=Locale.get_default()).order_by("path")
    popularity = plan["popularity"]
    for index, course in enumerate(courses):
        lessons = [(lesson, quizzes(lesson)) for lesson in course.get_children().live().specific()]
        generator.course(course, lessons, popularity[index] if index < len(popularity) else 1.0)
    generator.searches()
    Event.objects.bulk_create(generator.events, batch_size=2000)
    for back in range(plan["days"] + 7, -1, -1):
        rollups.roll_up(today - timedelta(days=back))
