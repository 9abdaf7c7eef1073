"""Server-side SVG charts: horizontal bars and a line, a few hundred bytes each.

No chart library is sent to the phone. Each chart carries its title and a description
for screen readers; the page shows the same numbers in a table beside it. Numbers are
formatted by the caller's language (``number_format``)."""

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 320
BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 118
LINE_HEIGHT = 140
PADDING = 24


def _svg(title, description, height, body):
    return format_html(
        '<svg class="chart" role="img" viewBox="0 0 {w} {h}" width="100%" '
        'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg" '
        'font-family="system-ui,sans-serif" font-size="12">'
        "<title>{title}</title><desc>{desc}</desc>{body}</svg>",
        w=WIDTH,
        h=height,
        title=title,
        desc=description,
        body=body,
    )


def _short(label, length=18):
    label = str(label)
    return label if len(label) <= length else label[: length - 1] + "…"


def bars(*, title, description, rows):
    """``rows``: (label, value) pairs, drawn top to bottom, scaled to the largest."""
    rows = list(rows)
    top = max((value for _label, value in rows), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 44
    parts = []
    for index, (label, value) in enumerate(rows):
        y = index * (BAR_HEIGHT + GAP)
        width = round(room * value / top)
        parts.append(
            format_html(
                '<text x="0" y="{ty}" fill="currentColor">{label}</text>'
                '<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="3" fill="#b0306a"/>'
                '<text x="{vx}" y="{ty}" fill="currentColor">{value}</text>',
                ty=y + 15,
                label=_short(label),
                x=LABEL_WIDTH,
                y=y,
                w=max(width, 1),
                h=BAR_HEIGHT,
                vx=LABEL_WIDTH + width + 4,
                value=number_format(value, force_grouping=True),
            )
        )
    height = max(len(rows), 1) * (BAR_HEIGHT + GAP)
    return _svg(title, description, height, mark_safe("".join(parts)))  # noqa: S308 (built by format_html)


def line(*, title, description, labels, series):
    """``series``: (name, values) pairs over the same ``labels`` (days); up to two
    series, told apart by colour and dash (not colour alone)."""
    labels = list(labels)
    top = max((max(values, default=0) for _name, values in series), default=0) or 1
    count = max(len(labels) - 1, 1)
    plot_width = WIDTH - 2 * PADDING
    styles = (("#b0306a", ""), ("#2a6f97", "5 3"))
    paths, legend = [], []
    for index, (name, values) in enumerate(series):
        colour, dash = styles[index % len(styles)]
        points = " ".join(
            f"{PADDING + plot_width * i / count:.1f},"
            f"{PADDING + (LINE_HEIGHT - 2 * PADDING) * (1 - value / top):.1f}"
            for i, value in enumerate(values)
        )
        paths.append(
            format_html(
                '<polyline points="{p}" fill="none" stroke="{c}" stroke-width="2" '
                'stroke-dasharray="{d}"/>',
                p=points,
                c=colour,
                d=dash or "none",
            )
        )
        legend.append((colour, dash or "none", index * 150, name))
    axis = format_html(
        '<line x1="{x}" y1="{y}" x2="{x2}" y2="{y}" stroke="#999"/>'
        '<text x="0" y="{ty}" fill="currentColor">{top}</text>'
        '<text x="{x}" y="{ly}" fill="currentColor">{first}</text>'
        '<text x="{x2}" y="{ly}" text-anchor="end" fill="currentColor">{last}</text>',
        x=PADDING,
        x2=WIDTH - PADDING,
        y=LINE_HEIGHT - PADDING,
        ty=PADDING - 6,
        top=number_format(top, force_grouping=True),
        ly=LINE_HEIGHT - 8,
        first=labels[0] if labels else "",
        last=labels[-1] if labels else "",
    )
    keys = format_html_join(
        "",
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2" '
        'stroke-dasharray="{}"/><text x="{}" y="{}" fill="currentColor">{}</text>',
        (
            (
                x + PADDING,
                LINE_HEIGHT + 6,
                x + PADDING + 20,
                LINE_HEIGHT + 6,
                colour,
                dash,
                x + PADDING + 24,
                LINE_HEIGHT + 10,
                name,
            )
            for colour, dash, x, name in legend
        ),
    )
    body = mark_safe("".join(paths) + axis + keys)  # noqa: S308 (built by format_html)
    return _svg(title, description, LINE_HEIGHT + 18, body)
