"""Charts as server-side SVG: no JavaScript, no CDN, readable when printed. Every label is
escaped; the numbers come from the database, the words may come from scraped text."""

from __future__ import annotations

from markupsafe import Markup, escape

PALETTE = ["#1d4e89", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#2e4057",
           "#c06c84", "#6c8ead", "#a5be00", "#999999"]  # fmt: skip


# The plot area inside every chart.
HEIGHT, LEFT, BOTTOM, TOP = 260, 44, 28, 12
PLOT_H = HEIGHT - BOTTOM - TOP


def _plot_width(width: int) -> int:
    return width - LEFT - 10


def stacked_bars(
    years: list[int], series: list[tuple[str, dict[int, int]]], *, title: str, width: int = 760
) -> Markup:
    """Columns per year, stacked by series (label, {year: count}); a legend under it."""
    totals = {y: sum(s.get(y, 0) for _, s in series) for y in years}
    peak = _nice(max(totals.values(), default=0))
    step = _plot_width(width) / max(1, len(years))
    bar = max(2.0, step * 0.7)
    parts = _frame(title, width, len(series), peak)
    for i, year in enumerate(years):
        x = LEFT + i * step + (step - bar) / 2
        base = TOP + PLOT_H
        for n, (label, counts) in enumerate(series):
            value = counts.get(year, 0)
            if not value:
                continue
            h = value / peak * PLOT_H
            base -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}"'
                f' fill="{PALETTE[n % len(PALETTE)]}"><title>{escape(str(year))} · {escape(label)}:'
                f" {value}</title></rect>"
            )
        if len(years) <= 24 or i % 2 == 0:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{TOP + PLOT_H + 16}" text-anchor="middle">'
                f"{year}</text>"
            )
    parts.append(_legend([label for label, _ in series], HEIGHT + 6, width))
    parts.append("</svg>")
    return Markup("".join(parts))


def lines(
    years: list[int], series: list[tuple[str, dict[int, int]]], *, title: str, width: int = 760
) -> Markup:
    """One line per series over the years; a legend under it."""
    peak = _nice(max((v for _, s in series for v in s.values()), default=0))
    step = _plot_width(width) / max(1, len(years) - 1)
    parts = _frame(title, width, len(series), peak)
    for i, year in enumerate(years):
        if len(years) <= 24 or i % 2 == 0:
            parts.append(
                f'<text x="{LEFT + i * step:.1f}" y="{TOP + PLOT_H + 16}" text-anchor="middle">'
                f"{year}</text>"
            )
    for n, (label, counts) in enumerate(series):
        points = " ".join(
            f"{LEFT + i * step:.1f},{TOP + PLOT_H - counts.get(y, 0) / peak * PLOT_H:.1f}"
            for i, y in enumerate(years)
        )
        colour = PALETTE[n % len(PALETTE)]
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2">'
            f"<title>{escape(label)}</title></polyline>"
        )
    parts.append(_legend([label for label, _ in series], HEIGHT + 6, width))
    parts.append("</svg>")
    return Markup("".join(parts))


def _frame(title: str, width: int, series: int, peak: int) -> list[str]:
    """The opening of a chart: its box (with room for the legend), title and grid lines."""
    parts = [
        f'<svg class="scr-chart" role="img" viewBox="0 0 {width} {HEIGHT + 24 + 18 * ((series + 2) // 3)}"'
        f' xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for tick in _ticks(peak):
        y = TOP + PLOT_H - tick / peak * PLOT_H
        parts.append(
            f'<line x1="{LEFT}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>'
        )
    return parts


def _legend(labels: list[str], y: float, width: int) -> str:
    out, column = [], (width - 50) / 3
    for n, label in enumerate(labels):
        x = 44 + (n % 3) * column
        row = y + 18 * (n // 3)
        out.append(
            f'<rect x="{x:.1f}" y="{row:.1f}" width="11" height="11" fill="{PALETTE[n % len(PALETTE)]}"/>'
            f'<text x="{x + 16:.1f}" y="{row + 10:.1f}">{escape(label[:38])}</text>'
        )
    return "".join(out)


def _nice(value: int) -> int:
    """The top of the axis: the value rounded up to a tick."""
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if value / step <= 5:
            return -(-value // step) * step
    return value


def _ticks(peak: int) -> list[int]:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000):
        if peak / step <= 5:
            return list(range(0, peak + 1, step))
    return [0, peak]
