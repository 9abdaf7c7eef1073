"""Page and snippet models of the course catalogue, re-exported for Django."""

from .catalogue import (
    CertificateDesign,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    Level,
    VideoLanguage,
)
from .curricula import CurriculumIndexPage, CurriculumPage
from .documents import GuideDocument
from .images import AcademyImage, AcademyRendition
from .instructors import InstructorIndexPage, InstructorPage, PortfolioPage
from .snippets import CourseCategory
from .video import LessonVideo

__all__ = [
    "AcademyImage",
    "AcademyRendition",
    "CertificateDesign",
    "CourseCategory",
    "CourseIndexPage",
    "CoursePage",
    "CurriculumIndexPage",
    "CurriculumPage",
    "GuideDocument",
    "InstructorIndexPage",
    "InstructorPage",
    "LessonPage",
    "LessonVideo",
    "Level",
    "PortfolioPage",
    "VideoLanguage",
]
