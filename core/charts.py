"""Small server-side SVG charts: people would rather look at tasks by status and year, or visits
by day, than read the numbers. Each chart carries a title for screen readers; the page shows the
figures as text too."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

PRIMARY = "#0b4f8a"
MAX_LABELS = 12


def _n(number):
    """Coordinates as plain text: format_html escapes its arguments into strings first."""
    return f"{number:.1f}"


def horizontal_bars(rows, *, title, colours=None, width=380, bar_height=22, gap=8, label_width=190):
    """rows: [(key, label, value)]; bars are coloured by key (`colours`, e.g. by status) and
    labelled in text."""
    colours = colours or {}
    peak = max((value for _, _, value in rows), default=0) or 1
    height = len(rows) * (bar_height + gap) + gap
    bar_space = width - label_width - 40
    bars = []
    for index, (key, label, value) in enumerate(rows):
        y = gap + index * (bar_height + gap)
        length = bar_space * value / peak
        baseline = _n(y + bar_height * 0.7)
        bars.append(
            (
                baseline,
                label,
                label_width,
                _n(y),
                _n(max(length, 2)),
                bar_height,
                colours.get(key, PRIMARY),
                _n(label_width + length + 6),
                baseline,
                value,
            )
        )
    body = format_html_join(
        "",
        '<text x="0" y="{}" font-size="15">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}"/>'
        '<text x="{}" y="{}" font-size="15" font-weight="600">{}</text>',
        bars,
    )
    return _svg(width, height, title, body)


def columns(rows, *, title, width=360, height=180):
    """rows: [(label, value)] as columns, e.g. tasks started per year or visits per day. The
    columns narrow to fit many rows; labels are thinned so that they do not overlap."""
    if not rows:
        return ""
    peak = max(value for _, value in rows) or 1
    margin = 20 if len(rows) > MAX_LABELS else 0  # room for the first and last labels
    slot = (width - 2 * margin) / len(rows)
    bar_width = min(slot * 0.6, 48)
    plot_height = height - 40
    # About 12 labelled columns fit; past that, every n-th carries its label and figure.
    label_every = -(-len(rows) // MAX_LABELS)
    bars = []
    for index, (label, value) in enumerate(rows):
        shown_value, shown_label = ("", "") if index % label_every else (value, label)
        bar_height = plot_height * value / peak
        x = margin + index * slot + (slot - bar_width) / 2
        y = 18 + plot_height - bar_height
        centre = _n(x + bar_width / 2)
        bars.append(
            (
                _n(x),
                _n(y),
                _n(bar_width),
                _n(bar_height),
                centre,
                _n(y - 4),
                shown_value,
                centre,
                height - 4,
                shown_label,
            )
        )
    body = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="#0b4f8a"/>'
        '<text x="{}" y="{}" font-size="14" text-anchor="middle">{}</text>'
        '<text x="{}" y="{}" font-size="14" text-anchor="middle">{}</text>',
        bars,
    )
    return _svg(width, height, title, body)


def _svg(width, height, title, body):
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" width="{}" height="{}" role="img" '
        'aria-label="{}" xmlns="http://www.w3.org/2000/svg" '
        'font-family="inherit" fill="#1a1a1a"><title>{}</title>{}</svg>',
        width,
        height,
        width,
        height,
        title,
        title,
        mark_safe(body),  # noqa: S308 (escaped above)
    )
