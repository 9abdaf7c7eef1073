"""A professional's dashboard: how her profile converts (per week), her deposits and
earnings, her clients, and price guidance. Each table once, as rows of plain values,
which the page draws (chart + table) and the CSV export writes as they are."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from booking import client_history
from checkout import reports
from directory.client_notes import notes_of
from directory.price_guidance import MIN_PROFESSIONALS, price_guidance

from . import charts
from . import professional_selectors as selectors
from .dashboard import Table, _percent
from .rollups import day_bounds
from .selectors import first_day

FUNNEL_LABELS = {
    "profile_views": gettext_lazy("Profile views"),
    # Short: the bar chart's labels are 18 characters at most on a phone.
    "contact_reveals": gettext_lazy("Number shown"),
    "enquiries": gettext_lazy("Enquiries"),
    "bookings": gettext_lazy("Bookings"),
    "completed": gettext_lazy("Completed"),
}


def _funnel_tables(professional_id, since, today):
    weeks = selectors.weekly(professional_id=professional_id, since=since, today=today)
    funnel = selectors.funnel(weeks)
    rows = [
        (FUNNEL_LABELS[step], funnel[step], _percent(funnel[step], funnel["profile_views"]))
        for step in selectors.FUNNEL
    ]
    title = _("From profile view to appointment")
    funnel_table = Table(
        "funnel",
        title,
        [_("Step"), _("People"), _("Share of views")],
        rows,
        charts.bars(
            title=title,
            description=_("How many people reached each step in the period."),
            rows=[(label, value) for label, value, _share in rows],
        ),
    )
    title = _("Week by week")
    weeks_table = Table(
        "weeks",
        title,
        [_("Week of"), *(FUNNEL_LABELS[step] for step in selectors.FUNNEL)],
        [
            (week.isoformat(), *(counts[step] for step in selectors.FUNNEL))
            for week, counts in weeks
        ],
        charts.line(
            title=title,
            description=_("Enquiries and bookings, week by week."),
            labels=[date_format(week, "d/m") for week, _counts in weeks],
            series=[
                (_("Enquiries"), [counts["enquiries"] for _week, counts in weeks]),
                (_("Bookings"), [counts["bookings"] for _week, counts in weeks]),
            ],
        ),
    )
    return funnel_table, weeks_table, funnel


def _money_tables(professional, since):
    visits = client_history.visits_by_month(professional.pk, since=day_bounds(since)[0])
    visits_table = Table(
        "earnings",
        _("Appointments and earnings by month (FCFA)"),
        [
            _("Month"),
            _("Visits"),
            _("Value of visits"),
            _("Paid as deposits"),
            _("Paid on the day"),
            _("No-shows"),
        ],
        [
            (
                date_format(row.month, "YEAR_MONTH_FORMAT"),
                row.visits,
                row.value_xaf,
                row.deposits_xaf,
                row.paid_on_the_day_xaf,
                row.no_shows,
            )
            for row in visits
        ],
    )
    deposits = reports.revenue_by_month_and_provider(
        payee=professional.user_id, item_type="booking", item_ids=None, since=day_bounds(since)[0]
    )
    deposits_table = Table(
        "deposits",
        _("Deposits by month and provider (FCFA)"),
        [_("Month"), _("Provider"), _("Bookings"), _("Paid"), _("Refunded"), _("Your share")],
        [
            (
                date_format(row.month, "YEAR_MONTH_FORMAT"),
                row.provider_label,
                row.orders,
                row.paid_xaf,
                row.refunded_xaf,
                row.payee_net_xaf,
            )
            for row in deposits
        ],
    )
    return visits_table, deposits_table


def _clients_table(professional, *, with_notes):
    clients = client_history.clients_of(professional.pk)
    notes = notes_of(professional, client_ids=[c.client_id for c in clients]) if with_notes else {}
    headers = [
        _("Client"),
        _("Visits"),
        _("Services"),
        _("Spent (FCFA)"),
        _("Last visit"),
        _("No-shows"),
        _("To come"),
    ]
    if with_notes:
        headers.append(_("Private note"))
    rows = []
    for client in clients:
        row = [
            client.name or _("Client %(id)s") % {"id": client.client_id},
            client.visits,
            ", ".join(client.services),
            client.spend_xaf,
            date_format(client.last_visit, "SHORT_DATE_FORMAT") if client.last_visit else "",
            client.no_shows,
            client.to_come,
        ]
        if with_notes:
            row.append(notes.get(client.client_id, ""))
        rows.append(tuple(row))
    table = Table("clients", _("Clients"), headers, rows)
    table.students = [c.client_id for c in clients] if with_notes else []
    visited = [c for c in clients if c.visits]
    kept = sum(c.visits for c in clients)
    missed = sum(c.no_shows for c in clients)
    summary = {
        "clients": len(visited),
        "returning": sum(1 for c in visited if c.visits >= 2),
        "returning_share": _percent(sum(1 for c in visited if c.visits >= 2), len(visited)),
        "no_shows": missed,
        "no_show_share": _percent(missed, kept + missed),
    }
    return table, summary


def _prices_table(professional):
    not_enough = _("Not enough data: fewer than %(count)s professionals offer it in your town.") % {
        "count": MIN_PROFESSIONALS
    }
    rows = []
    for guide in price_guidance(professional):
        if guide.enough_data:
            figures = (guide.low_quartile_xaf, guide.median_xaf, guide.high_quartile_xaf)
        else:
            figures = (not_enough, "", "")
        rows.append(
            (guide.service.name, guide.service.category.name, guide.service.price_xaf, *figures)
        )
    return Table(
        "prices",
        _("Your prices and your town"),
        [
            _("Service"),
            _("Category"),
            _("Your price (FCFA)"),
            _("Lower quarter"),
            _("Median"),
            _("Upper quarter"),
        ],
        rows,
    )


def build(*, professional, days, with_notes, today):
    """Every table of ``professional`` (her default-locale page) over the last ``days``
    days. Private notes only when she looks herself (``with_notes``)."""
    since = first_day(days)
    funnel_table, weeks_table, funnel = _funnel_tables(professional.pk, since, today)
    visits_table, deposits_table = _money_tables(professional, since)
    clients_table, clients = _clients_table(professional, with_notes=with_notes)
    tables = {
        table.slug: table
        for table in (
            funnel_table,
            weeks_table,
            visits_table,
            deposits_table,
            clients_table,
            _prices_table(professional),
        )
    }
    return {
        "tables": tables,
        "since": since,
        "funnel": funnel,
        "clients": clients,
        "payout_due": reports.payout_due(payee=professional.user_id),
    }
