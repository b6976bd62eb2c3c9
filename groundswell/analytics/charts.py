"""Geometry for server-rendered SVG charts.

The SVG is drawn by a template with presentation attributes and CSS classes only (no style
attributes, no script), so it passes the strict Content-Security-Policy and needs no library.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    back: int  # a second, lighter bar behind this one (e.g. "ever reached"); 0 for none
    y: float
    width: float
    back_width: float
    text_y: float
    value_x: float


@dataclass(frozen=True)
class BarChart:
    bars: list
    width: int
    height: int
    label_width: int
    bar_height: int

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"


def bar_chart(items, *, width=640, label_width=180, bar_height=26, gap=10, value_room=56):
    """Horizontal bars for [(label, value, back)]; the longest bar fills the space available."""
    items = list(items)
    room = width - label_width - value_room
    top = max([max(value, back) for _label, value, back in items] or [0]) or 1
    bars = []
    for index, (label, value, back) in enumerate(items):
        y = gap + index * (bar_height + gap)
        bar_width = room * value / top
        bars.append(
            Bar(
                label=label,
                value=value,
                back=back,
                y=y,
                width=round(bar_width, 1),
                back_width=round(room * back / top, 1),
                text_y=round(y + bar_height * 0.7, 1),
                value_x=round(label_width + max(bar_width, room * back / top) + 6, 1),
            )
        )
    height = gap + len(items) * (bar_height + gap)
    return BarChart(
        bars=bars, width=width, height=height, label_width=label_width, bar_height=bar_height
    )
