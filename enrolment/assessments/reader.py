"""Read a course's final assessment block: the question bank and its rules."""

from dataclasses import dataclass

from ..lesson_blocks import question_from


@dataclass(frozen=True)
class Assessment:
    id: str
    instructions: str
    questions: dict  # question id -> lesson_blocks.Question, in the bank's order
    draw_size: int
    time_limit_minutes: int
    pass_mark: int
    practical_required: bool


def final_assessment(course):
    """The course's final assessment, or None when its certificate requires none."""
    for block in course.final_assessment:
        if block.block_type != "assessment":
            continue
        value = block.value
        questions = [question_from(question) for question in value["questions"]]
        return Assessment(
            id=block.id,
            instructions=value["instructions"] or "",
            questions={question.id: question for question in questions},
            draw_size=min(value["draw_size"], len(questions)),
            time_limit_minutes=value["time_limit_minutes"],
            pass_mark=value["pass_mark"],
            practical_required=bool(value["practical_required"]),
        )
    return None
