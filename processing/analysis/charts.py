"""Small self-contained SVG charts for the HTML reports (no plotting library needed, crisp at any zoom)."""
from html import escape

import numpy as np

FONT = 'font-family="Segoe UI, Helvetica, Arial, sans-serif" font-size="12"'


CHAR_WIDTH = 7.0  # px per character at 12 px, generous for Segoe UI / Helvetica / Arial
LINE_HEIGHT = 14
WRAP_AT = 40  # characters per line of a bar's label


def wrap_label(text, width=WRAP_AT):
    """A label over as many lines as it needs (never cut), broken after spaces or underscores so field names
    split between their words; a single word longer than a line is split where it must be."""
    import re

    pieces = [piece for piece in re.split(r"(?<=[ _])", str(text)) if piece]
    lines, line = [], ""
    for piece in pieces:
        while len(piece) > width:  # a word longer than a line
            if line:
                lines.append(line.rstrip())
                line = ""
            lines.append(piece[:width])
            piece = piece[width:]
        if line and len(line) + len(piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = ""
        line += piece
    if line or not lines:
        lines.append(line.rstrip())
    return lines


def bar_chart(labels, values, title, colours=None, width=640, value_format="{:.0f}", errors=None,
              zero_line=0.0):
    """Horizontal bars, one per label; errors: optional (low, high) pairs drawn as whiskers.

    Labels are wrapped, never clipped (the left margin grows with them); each value label sits beyond both
    its bar and its whisker, so the whisker never strikes through it."""
    values = np.asarray(values, dtype=float)
    n = len(values)
    wrapped = [wrap_label(label) for label in labels]
    left = 12 + CHAR_WIDTH * max([len(line) for lines in wrapped for line in lines] + [4])
    texts = [value_format.format(v) for v in values]
    pad = 8 + CHAR_WIDTH * max([len(text) for text in texts] + [1])  # room for a value label on either side
    width = max(width, int(left + 2 * pad + 160))
    ends = [(min(v, e[0]), max(v, e[1])) if errors else (v, v) for v, e in zip(values, errors or [None] * n)]
    low = min([0.0, zero_line] + [e[0] for e in ends])
    high = max([0.0, zero_line] + [e[1] for e in ends])
    span = (high - low) or 1.0
    plot_left = left + (pad if low < zero_line else 0)
    scale = (width - pad - plot_left) / span

    def x(value):
        return plot_left + (value - low) * scale

    rows = [max(26, 8 + LINE_HEIGHT * len(lines)) for lines in wrapped]
    top = 30
    height = top + sum(rows) + 20
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" {}>'.format(
        int(width), height, FONT), '<title>{}</title>'.format(escape(title)),
        '<text x="4" y="18" font-weight="bold">{}</text>'.format(escape(title))]
    y = top
    for i, (lines, value, text) in enumerate(zip(wrapped, values, texts)):
        middle = y + rows[i] / 2
        colour = colours[i] if colours else "#2b5f8a"
        x0, x1 = sorted((x(zero_line), x(value)))
        first = middle + 4 - LINE_HEIGHT * (len(lines) - 1) / 2
        parts.append('<text x="{}" y="{:.1f}" text-anchor="end">{}</text>'.format(left - 6, first, "".join(
            '<tspan x="{}" dy="{}">{}</tspan>'.format(left - 6, 0 if k == 0 else LINE_HEIGHT, escape(line))
            for k, line in enumerate(lines))))
        parts.append('<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="18" fill="{}" stroke="#888" '
                     'stroke-width="0.5"/>'.format(x0, middle - 9, max(x1 - x0, 1), colour))
        if errors:
            e0, e1 = x(errors[i][0]), x(errors[i][1])
            parts.append('<line x1="{0:.1f}" x2="{1:.1f}" y1="{2:.1f}" y2="{2:.1f}" stroke="#222"/>'.format(e0, e1, middle))
        low_end, high_end = x(ends[i][0]), x(ends[i][1])
        if value < zero_line:
            parts.append('<text x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>'.format(
                min(low_end, x0) - 4, middle + 4, escape(text)))
        else:
            parts.append('<text x="{:.1f}" y="{:.1f}">{}</text>'.format(max(high_end, x1) + 4, middle + 4,
                                                                       escape(text)))
        y += rows[i]
    parts.append('<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2}" stroke="#888"/>'.format(
        x(zero_line), top, top + sum(rows)))
    parts.append("</svg>")
    return "".join(parts)


def scatter_chart(x_values, y_values, title, x_label, y_label, width=420, height=360, diagonal=True):
    x_values = np.asarray(x_values, dtype=float)
    y_values = np.asarray(y_values, dtype=float)
    margin = 50
    top_value = float(max(np.nanmax(x_values), np.nanmax(y_values), 1e-9)) * 1.05
    sx = (width - 2 * margin) / top_value
    sy = (height - 2 * margin) / top_value
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" {}>'.format(width, height, FONT),
             '<title>{}</title>'.format(escape(title)),
             '<text x="4" y="18" font-weight="bold">{}</text>'.format(escape(title)),
             '<rect x="{0}" y="{0}" width="{1}" height="{2}" fill="none" stroke="#888"/>'.format(
                 margin, width - 2 * margin, height - 2 * margin)]
    if diagonal:
        parts.append('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#c0392b" stroke-dasharray="4 3"/>'.format(
            margin, height - margin, width - margin, margin))
    for xv, yv in zip(x_values, y_values):
        if np.isfinite(xv) and np.isfinite(yv):
            parts.append('<circle cx="{:.1f}" cy="{:.1f}" r="2" fill="#2b5f8a" fill-opacity="0.45"/>'.format(
                margin + xv * sx, height - margin - yv * sy))
    parts.append('<text x="{}" y="{}" text-anchor="middle">{}</text>'.format(width / 2, height - 14, escape(x_label)))
    parts.append('<text x="14" y="{0}" text-anchor="middle" transform="rotate(-90 14 {0})">{1}</text>'.format(
        height / 2, escape(y_label)))
    parts.append('<text x="{}" y="{}" text-anchor="end">{:.3g}</text>'.format(width - margin, height - margin + 14, top_value))
    parts.append('<text x="{}" y="{}" text-anchor="end">{:.3g}</text>'.format(margin - 4, margin + 4, top_value))
    parts.append("</svg>")
    return "".join(parts)


def line_chart(series, title, x_label, y_label, width=480, height=360, ticks=(0, 0.2, 0.4, 0.6, 0.8, 1.0),
               tick_format="{:.0%}"):
    """series: list of (name, colour, x array in 0..1, y array in 0..1), e.g. capture curves; both axes
    ticked and gridded at `ticks`."""
    margin, bottom = 56, 56
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" {}>'.format(width, height, FONT),
             '<title>{}</title>'.format(escape(title)),
             '<text x="4" y="18" font-weight="bold">{}</text>'.format(escape(title)),
             '<rect x="{0}" y="{1}" width="{2}" height="{3}" fill="none" stroke="#888"/>'.format(
                 margin, 30, width - margin - 16, height - bottom - 30)]
    sx, sy = width - margin - 16, height - bottom - 30

    def px(value):
        return margin + value * sx

    def py(value):
        return height - bottom - value * sy

    for tick in ticks:
        label = escape(tick_format.format(tick))
        parts.append('<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2:.1f}" stroke="#ddd"/>'.format(
            px(tick), 30, py(0) + 5))
        parts.append('<line x1="{0}" x2="{1:.1f}" y1="{2:.1f}" y2="{2:.1f}" stroke="#ddd"/>'.format(
            margin - 5, px(1), py(tick)))
        parts.append('<text x="{:.1f}" y="{:.1f}" text-anchor="middle">{}</text>'.format(px(tick), py(0) + 18, label))
        parts.append('<text x="{}" y="{:.1f}" text-anchor="end">{}</text>'.format(margin - 8, py(tick) + 4, label))
    for k, (name, colour, xs, ys) in enumerate(series):
        points = " ".join("{:.1f},{:.1f}".format(px(x), py(y)) for x, y in zip(xs, ys))
        parts.append('<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>'.format(points, colour))
        parts.append('<text x="{:.1f}" y="{:.1f}" fill="{}">{}</text>'.format(px(0.45), py(0.05) - 16 * (len(series) - 1 - k),
                                                                             colour, escape(name)))
    parts.append('<text x="{:.1f}" y="{}" text-anchor="middle">{}</text>'.format(px(0.5), height - 12, escape(x_label)))
    parts.append('<text x="14" y="{0:.1f}" text-anchor="middle" transform="rotate(-90 14 {0:.1f})">{1}</text>'.format(
        py(0.5), escape(y_label)))
    parts.append("</svg>")
    return "".join(parts)
