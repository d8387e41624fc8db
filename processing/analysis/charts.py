"""Small self-contained SVG charts for the HTML reports (no plotting library needed, crisp at any zoom)."""
from html import escape

import numpy as np

FONT = 'font-family="Segoe UI, Helvetica, Arial, sans-serif" font-size="12"'


def bar_chart(labels, values, title, colours=None, width=640, value_format="{:.0f}", errors=None,
              zero_line=0.0):
    """Horizontal bars, one per label; errors: optional (low, high) pairs drawn as whiskers."""
    values = np.asarray(values, dtype=float)
    n = len(values)
    row, left, right, top = 26, 230, 70, 30
    height = top + row * n + 20
    low = min(0.0, zero_line, *(values.tolist() + ([e[0] for e in errors] if errors else [])))
    high = max(0.0, zero_line, *(values.tolist() + ([e[1] for e in errors] if errors else [])))
    span = (high - low) or 1.0
    scale = (width - left - right) / span

    def x(value):
        return left + (value - low) * scale

    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" {}>'.format(width, height, FONT),
             '<title>{}</title>'.format(escape(title)),
             '<text x="4" y="18" font-weight="bold">{}</text>'.format(escape(title))]
    for i, (label, value) in enumerate(zip(labels, values)):
        y = top + i * row
        colour = colours[i] if colours else "#2b5f8a"
        x0, x1 = sorted((x(zero_line), x(value)))
        parts.append('<text x="{}" y="{}" text-anchor="end">{}</text>'.format(left - 6, y + 16, escape(str(label))))
        parts.append('<rect x="{:.1f}" y="{}" width="{:.1f}" height="18" fill="{}"/>'.format(x0, y + 3, max(x1 - x0, 1), colour))
        if errors:
            e0, e1 = x(errors[i][0]), x(errors[i][1])
            parts.append('<line x1="{:.1f}" x2="{:.1f}" y1="{}" y2="{}" stroke="#222"/>'.format(e0, e1, y + 12, y + 12))
        parts.append('<text x="{:.1f}" y="{}">{}</text>'.format(max(x1, x(value)) + 4, y + 16,
                                                               escape(value_format.format(value))))
    parts.append('<line x1="{0:.1f}" x2="{0:.1f}" y1="{1}" y2="{2}" stroke="#888"/>'.format(
        x(zero_line), top, top + row * n))
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


def line_chart(series, title, x_label, y_label, width=480, height=360):
    """series: list of (name, colour, x array in 0..1, y array in 0..1), e.g. capture curves."""
    margin = 50
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" {}>'.format(width, height, FONT),
             '<title>{}</title>'.format(escape(title)),
             '<text x="4" y="18" font-weight="bold">{}</text>'.format(escape(title)),
             '<rect x="{0}" y="{0}" width="{1}" height="{2}" fill="none" stroke="#888"/>'.format(
                 margin, width - 2 * margin, height - 2 * margin)]
    sx, sy = width - 2 * margin, height - 2 * margin
    for k, (name, colour, xs, ys) in enumerate(series):
        points = " ".join("{:.1f},{:.1f}".format(margin + x * sx, height - margin - y * sy) for x, y in zip(xs, ys))
        parts.append('<polyline points="{}" fill="none" stroke="{}" stroke-width="2"/>'.format(points, colour))
        parts.append('<text x="{}" y="{}" fill="{}">{}</text>'.format(margin + 8, margin + 16 + 16 * k, colour,
                                                                     escape(name)))
    parts.append('<text x="{}" y="{}" text-anchor="middle">{}</text>'.format(width / 2, height - 14, escape(x_label)))
    parts.append('<text x="14" y="{0}" text-anchor="middle" transform="rotate(-90 14 {0})">{1}</text>'.format(
        height / 2, escape(y_label)))
    parts.append("</svg>")
    return "".join(parts)

