"""The dashboard's pages: one per group and one for all areas, each readable in a minute and printable on A4,
and an index. Offline HTML with the charts inline as SVG drawn here (no script, no font or file from elsewhere);
every chart is also returned on its own, to be written as an .svg file."""
from dataclasses import dataclass, field
from html import escape

import numpy as np

from .charts import CHAR_WIDTH, FONT
from .dashboard import ABOVE, BELOW, SIGNAL_LEVEL, WARNING_LEVEL, targets_for, weighted_mean
from .messages import translatable

RED, BLUE, GREY, DARK = "#c0392b", "#2166ac", "#b8bec6", "#173a57"
MAX_TABLE = 15  # signal areas listed on a page; the layer has them all
MAX_TRENDS = 8
MAX_LABELS = 15
HIGH_NEIGHBOURS = 1.25  # similar areas whose median rate is this many times the average "run high too"

STYLE = """
@page{size:A4 portrait;margin:10mm}
*{box-sizing:border-box}
body{font-family:'Segoe UI',Helvetica,Arial,sans-serif;max-width:190mm;margin:12px auto;color:#222;line-height:1.35;
font-size:13px}
h1{color:#173a57;font-size:22px;margin:0 0 2px} h2{color:#2b5f8a;font-size:15px;border-bottom:1px solid #ccd;
margin:14px 0 6px;padding-bottom:2px;break-after:avoid}
.sub{color:#555;margin:0 0 8px}
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:6px;margin:8px 0}
.tile{border:1px solid #ccd;border-top:4px solid #2b5f8a;padding:5px 8px;background:#f7f9fb}
.tile .value{font-size:22px;font-weight:bold;color:#173a57} .tile .label{font-size:11px;color:#555}
.tile .words{font-size:11px} .tile.alert{border-top-color:#c0392b} .tile.alert .value{color:#c0392b}
.tile.good{border-top-color:#2166ac}
.act{background:#fdf0ee;border-left:5px solid #c0392b;padding:6px 10px;margin:8px 0}
.act.calm{background:#eef6ee;border-left-color:#1a9641}
.act p{margin:3px 0}
table{border-collapse:collapse;width:100%;margin:4px 0} td,th{border:1px solid #ccd;padding:2px 5px;text-align:right;
vertical-align:top} th{background:#eef2f6;font-weight:600} td.text,th.text{text-align:left}
td.num{white-space:nowrap}
.above{color:#c0392b;font-weight:bold} .below{color:#2166ac;font-weight:bold}
.small{color:#666;font-size:11px} .note{background:#fff8e1;border-left:4px solid #f2a900;padding:3px 8px;margin:3px 0}
section{break-inside:avoid}
svg{display:block;max-width:100%;height:auto}
.multiples{display:flex;flex-wrap:wrap;gap:4px}
a{color:#2b5f8a}
@media print{body{margin:0;max-width:none;font-size:11px}.noprint{display:none}
.tile .value{font-size:18px}h1{font-size:18px}}
"""


@dataclass
class Page:
    stem: str  # file name without extension
    html: str
    charts: dict = field(default_factory=dict)  # chart name -> SVG text


def svg_file(svg):
    """An inline chart as a standalone .svg file."""
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"


def nice_ticks(low, high, count=5):
    """Round tick values covering [low, high]."""
    span = high - low
    if not np.isfinite(span) or span <= 0:
        return [low]
    raw = span / count
    power = 10 ** np.floor(np.log10(raw))
    step = min((m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw), default=10 * power)
    first = np.ceil(low / step) * step
    return [round(v, 10) for v in np.arange(first, high + step * 1e-9, step)]


def number(value, digits=1):
    if value is None or not np.isfinite(value):
        return "\u2013"
    if abs(value) >= 1000:
        return "{:,.0f}".format(value)
    return "{:.{}f}".format(value, digits)


def fits(text, width):
    """The text cut (with an ellipsis) to what `width` pixels hold at 12 px."""
    text = str(text)
    most = max(int(width / CHAR_WIDTH), 2)
    return text if len(text) <= most else text[:most - 1] + "\u2026"


# --- funnel ------------------------------------------------------------------------------------------

def funnel_curves(dashboard):
    """(x from, x to, households grid, {level: (low, high) rates}): the all-areas limits every page draws,
    computed once per dashboard."""
    if "funnel" not in dashboard.cache:
        households = dashboard.table["households"][dashboard.table["expected"].notna()]
        x_high = float(max(households.max(), 1)) * 1.03
        # the axis starts at the round number below the smallest area, not at 0: no empty band on the left
        x_low = max([tick for tick in nice_ticks(0, x_high, 6) if tick <= households.min() * 0.95] or [0.0])
        grid = np.linspace(max(households.min() * 0.9, x_low, 1.0), x_high, 160)
        limits = {level: dashboard.funnel.limits(grid * dashboard.years, level)
                  for level in (WARNING_LEVEL, SIGNAL_LEVEL)}
        dashboard.cache["funnel"] = (x_low, x_high, grid, limits)
    return dashboard.cache["funnel"]


def funnel_svg(dashboard, rows, numbers_of, translate, width=700, height=400):
    """Rate against households for the areas in `rows`, over the all-areas limits; signals in colour, numbered as
    in the page's table (labels that would overlap another are left out: the table has them all)."""
    t = translate
    table = dashboard.table.iloc[rows]
    table = table[table["expected"].notna()]
    funnel = dashboard.funnel
    left, right, top, bottom = 58, 14, 30, 96
    plot_w, plot_h = width - left - right, height - top - bottom
    x_low, x_high, grid, limits = funnel_curves(dashboard)
    centre = 1e4 * funnel.rate
    rates = table["rate_10k"].to_numpy()
    reference_top = 1e4 * float(np.nanmax(limits[SIGNAL_LEVEL][1]))  # the upper limit at the smallest area
    y_high = max(np.nanmax(rates) if len(rates) else 0, reference_top, 2 * centre)
    y_high = min(y_high, max(3 * reference_top, 2 * centre))  # one extreme area must not flatten the funnel
    ticks_y = nice_ticks(0, y_high)
    y_high = max(y_high, ticks_y[-1])

    def px(value):
        return left + (value - x_low) / (x_high - x_low) * plot_w

    def py(value):
        return top + plot_h - min(value, y_high) / y_high * plot_h

    title = t(translatable("Funnel plot: {} per 10,000 households a year against households")).format(
        dashboard.title.lower())
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" role="img" {}>'.format(
        width, height, width, height, FONT), '<title>{}</title>'.format(escape(title)),
        '<rect width="100%" height="100%" fill="white"/>',
        '<text x="4" y="18" font-weight="bold">{}</text>'.format(escape(fits(title, width - 8)))]
    for value in ticks_y:
        parts.append('<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" stroke="#eee"/>'.format(
            left, left + plot_w, py(value), py(value)))
        parts.append('<text x="{}" y="{:.1f}" text-anchor="end">{}</text>'.format(left - 6, py(value) + 4,
                                                                                 escape(number(value, int(y_high <= 20)))))
    for value in nice_ticks(x_low, x_high, 6):
        parts.append('<text x="{:.1f}" y="{}" text-anchor="middle">{}</text>'.format(
            px(value), top + plot_h + 16, escape("{:,.0f}".format(value))))
    parts.append('<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#888"/>'.format(
        left, top, plot_w, plot_h))
    for level, dash in ((WARNING_LEVEL, "5 4"), (SIGNAL_LEVEL, "")):
        for curve in limits[level]:
            points = " ".join("{:.1f},{:.1f}".format(px(x), py(1e4 * y)) for x, y in zip(grid, curve) if np.isfinite(y))
            parts.append('<polyline points="{}" fill="none" stroke="#555" stroke-width="{}" {}/>'.format(
                points, 1.6 if level == SIGNAL_LEVEL else 1, 'stroke-dasharray="{}"'.format(dash) if dash else ""))
    parts.append('<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" stroke="{}" stroke-width="1.5"/>'.format(
        left, left + plot_w, py(centre), py(centre), DARK))
    signals, households, ids = (table[c].to_numpy() for c in ("signal", "households", "id"))
    order = np.argsort(table["signal"].map({ABOVE: 2, BELOW: 1}).fillna(0).to_numpy(), kind="stable")
    placed = []
    for k in order:  # noise first, signals drawn over it
        signal, rate = signals[k], rates[k]
        colour = RED if signal == ABOVE else BLUE if signal == BELOW else GREY
        x, y = px(households[k]), py(rate)
        radius = 4 if signal in (ABOVE, BELOW) else 2.5
        if rate > y_high:  # off the top: an upward triangle at the edge
            parts.append('<path d="M{0:.1f},{1:.1f} l4,7 h-8 z" fill="{2}"/>'.format(x, top + 1, colour))
        else:
            parts.append('<circle cx="{:.1f}" cy="{:.1f}" r="{}" fill="{}" fill-opacity="{}" stroke="{}" '
                         'stroke-width="0.5"/>'.format(x, y, radius, colour, 0.9 if radius == 4 else 0.6,
                                                      "#333" if radius == 4 else colour))
        label = numbers_of.get(ids[k])
        if label is not None and len(placed) < MAX_LABELS:
            y = max(y, top + 17)  # beside the triangle of an area off the top
            box = (x + 5, y - 16, x + 7 + CHAR_WIDTH * len(str(label)), y - 2)
            inside = box[2] < left + plot_w - 2 and box[1] >= top
            if inside and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                placed.append(box)
                parts.append('<text x="{:.1f}" y="{:.1f}" font-weight="bold" fill="{}">{}</text>'.format(
                    box[0], box[3] - 2, colour, label))
    parts.append('<text x="{:.1f}" y="{}" text-anchor="middle">{}</text>'.format(
        left + plot_w / 2, top + plot_h + 32, escape(t(translatable("Households")))))
    parts.append('<text x="12" y="{0:.1f}" text-anchor="middle" transform="rotate(-90 12 {0:.1f})">{1}</text>'.format(
        top + plot_h / 2, escape(t(translatable("per 10,000 households a year")))))
    legend = [(RED, t(translatable("above: more than chance"))), (BLUE, t(translatable("below"))),
              (GREY, t(translatable("within: noise"))), (DARK, t(translatable("{} average")).format(dashboard.all_name)),
              ("#555", t(translatable("99.8% and 95% (dashed) limits")))]
    x, y = left, height - 40
    for colour, text in legend:
        text = fits(text, 260)
        if x + 14 + CHAR_WIDTH * len(text) > width - 4:
            x, y = left, y + 18
        parts.append('<rect x="{:.1f}" y="{}" width="10" height="10" fill="{}"/>'.format(x, y - 9, colour))
        parts.append('<text x="{:.1f}" y="{}">{}</text>'.format(x + 14, y, escape(text)))
        x += 24 + CHAR_WIDTH * len(text)
    parts.append("</svg>")
    return "".join(parts)


# --- trends ------------------------------------------------------------------------------------------

def small_multiple_svg(name, years, values, top_value, colour, periods=None, width=168, height=78):
    """One small trend: yearly counts on a shared vertical scale, the first and last years and the last count."""
    last = number(values[-1], 0) if len(values) else ""
    left, right, top, bottom = 6, 10 + CHAR_WIDTH * len(last), 18, 16
    plot_w, plot_h = width - left - right, height - top - bottom
    n = len(years)

    def px(i):
        return left + (i / max(n - 1, 1)) * plot_w

    def py(value):
        return top + plot_h - (value / top_value if top_value else 0) * plot_h

    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" role="img" {}>'.format(
        width, height, width, height, FONT.replace('font-size="12"', 'font-size="11"')),
        '<title>{}</title>'.format(escape(str(name))), '<rect width="100%" height="100%" fill="white"/>',
        '<text x="2" y="12" font-weight="bold">{}</text>'.format(escape(fits(name, (width - 4) * 12 / 11)))]
    if periods and periods[0] and years:
        first = years.index(periods[0][0]) if periods[0][0] in years else None
        if first is not None:
            parts.append('<rect x="{:.1f}" y="{}" width="{:.1f}" height="{}" fill="#eef2f6"/>'.format(
                px(first) - 3, top, px(n - 1) - px(first) + 6, plot_h))
    parts.append('<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ccc"/>'.format(left, left + plot_w, top + plot_h,
                                                                                top + plot_h))
    points = " ".join("{:.1f},{:.1f}".format(px(i), py(v)) for i, v in enumerate(values))
    parts.append('<polyline points="{}" fill="none" stroke="{}" stroke-width="1.8"/>'.format(points, colour))
    if n:
        parts.append('<circle cx="{:.1f}" cy="{:.1f}" r="2.5" fill="{}"/>'.format(px(n - 1), py(values[-1]), colour))
        parts.append('<text x="{:.1f}" y="{:.1f}">{}</text>'.format(px(n - 1) + 4, py(values[-1]) + 4,
                                                                    escape(last)))
        parts.append('<text x="{}" y="{}">{}</text>'.format(left, height - 3, years[0]))
        if n > 1:
            parts.append('<text x="{:.1f}" y="{}" text-anchor="end">{}</text>'.format(px(n - 1) + 2, height - 3,
                                                                                   years[-1]))
    parts.append("</svg>")
    return "".join(parts)


def trends_html(dashboard, group, signal_rows, translate):
    """(html, charts): the group's yearly incidents and a small multiple per signal area (shared scale), or why
    there are none."""
    t = translate
    if dashboard.yearly is None or group.yearly is None or not len(group.yearly):
        return "<p class='small'>{}</p>".format(escape(t(translatable(
            "No dated incidents were given: give them (Incidents and their date field) to see yearly trends and the "
            "change on the previous period.")))), []
    years = [int(y) for y in group.yearly.index]
    charts = [small_multiple_svg(group_title(dashboard, group, t), years, group.yearly.to_numpy(float),
                                 float(group.yearly.max()) or 1.0, DARK, dashboard.periods, width=230)]
    shown = signal_rows[:MAX_TRENDS]
    if len(shown):
        counts = dashboard.yearly.iloc[shown]
        top_value = float(counts.to_numpy().max()) or 1.0
        for row in shown:
            area = dashboard.table.iloc[row]
            charts.append(small_multiple_svg(area["name"], years, counts.loc[row].to_numpy(float), top_value,
                                             RED if area["signal"] == ABOVE else BLUE, dashboard.periods))
    note = t(translatable("Incidents a year; the shaded years are the current period. The signal areas share one "
                          "scale."))
    if len(signal_rows) > MAX_TRENDS:
        note += " " + t(translatable("The first {} of {} signal areas are shown.")).format(MAX_TRENDS, len(signal_rows))
    return "<div class='multiples'>{}</div><p class='small'>{}</p>".format("".join(charts), escape(note)), charts


# --- bullet graphs -----------------------------------------------------------------------------------

def bullet_svg(title, rows, translate, width=700):
    """Stephen Few's bullet graphs, one per row: (label, detail, value, comparison, bands, bad_side) with bands
    (low, inner_low, inner_high, high) shaded behind the bar, the comparison as a tick; the bar is red where it
    is on the bad side of the comparison (+1: above is bad, -1: below is bad, 0: neither)."""
    t = translate
    label_w, value_w, row_h, top = 230, 150, 34, 28
    graph_left = label_w + 8
    graph_w = width - graph_left - value_w
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" role="img" {}>'.format(
        width, top + row_h * len(rows) + 6, width, top + row_h * len(rows) + 6, FONT),
        '<title>{}</title>'.format(escape(title)), '<rect width="100%" height="100%" fill="white"/>',
        '<text x="4" y="18" font-weight="bold">{}</text>'.format(escape(fits(title, width - 8)))]
    for k, (label, detail, value, comparison, bands, bad_side) in enumerate(rows):
        y = top + k * row_h
        finite = [v for v in (value, comparison, *bands) if v is not None and np.isfinite(v)]
        low = min(finite + [0.0]) if finite and min(finite) >= 0 else min(finite or [0.0])
        high = max(finite or [1.0])
        span = (high - low) or 1.0
        high += span * 0.04

        def px(v):
            return graph_left + (v - low) / (high - low) * graph_w

        parts.append('<text x="4" y="{}">{}</text>'.format(y + 12, escape(fits(label, label_w - 4))))
        parts.append('<text x="4" y="{}" fill="#666" font-size="10">{}</text>'.format(
            y + 25, escape(fits(detail, (label_w - 4) * 12 / 10))))
        outer_low, inner_low, inner_high, outer_high = bands
        if np.isfinite(outer_low) and np.isfinite(outer_high):
            parts.append('<rect x="{:.1f}" y="{}" width="{:.1f}" height="22" fill="#e4e8ed"/>'.format(
                px(outer_low), y + 4, max(px(outer_high) - px(outer_low), 1)))
        if np.isfinite(inner_low) and np.isfinite(inner_high):
            parts.append('<rect x="{:.1f}" y="{}" width="{:.1f}" height="22" fill="#c5ced8"/>'.format(
                px(inner_low), y + 4, max(px(inner_high) - px(inner_low), 1)))
        if value is not None and np.isfinite(value):
            bad = bad_side and comparison is not None and np.isfinite(comparison) and \
                (value - comparison) * bad_side > 0
            x0, x1 = sorted((px(max(low, 0) if low >= 0 else low), px(value)))
            parts.append('<rect x="{:.1f}" y="{}" width="{:.1f}" height="8" fill="{}"/>'.format(
                x0, y + 11, max(x1 - x0, 1.5), RED if bad else DARK))
        if comparison is not None and np.isfinite(comparison):
            parts.append('<rect x="{:.1f}" y="{}" width="3" height="18" fill="#000"/>'.format(px(comparison) - 1.5,
                                                                                             y + 6))
        text = "{}  ({} {})".format(number(value, 1 if abs(value or 0) < 100 else 0),
                                    t(translatable("vs")), number(comparison, 1 if abs(comparison or 0) < 100 else 0))
        parts.append('<text x="{}" y="{}">{}</text>'.format(width - value_w + 6, y + 17, escape(fits(text, value_w - 8))))
    parts.append("</svg>")
    return "".join(parts)


def lead_rows(dashboard, rows, translate):
    """One bullet row per lead indicator: the group's household-weighted mean against all areas'."""
    t = translate
    factors, households = dashboard.factors, dashboard.table["households"].to_numpy(float)
    out = []
    for lead in dashboard.leads:
        values = factors[lead.name].to_numpy(float)
        if ("lead", lead.name) not in dashboard.cache:
            finite = values[np.isfinite(values)]
            dashboard.cache[("lead", lead.name)] = (weighted_mean(values, households), tuple(
                np.quantile(finite, [0.1, 0.25, 0.75, 0.9])) if len(finite) else (np.nan,) * 4)
        everyone, bands = dashboard.cache[("lead", lead.name)]
        here = weighted_mean(values[rows], households[rows])
        others = len(lead.members) - 1
        detail = (t(translatable("stands for {} more; with rate {:+.2f}")).format(others, lead.rate_correlation)
                  if others else t(translatable("on its own; with rate {:+.2f}")).format(lead.rate_correlation))
        side = 1 if lead.rate_correlation > 0.1 else -1 if lead.rate_correlation < -0.1 else 0
        out.append((lead.name, detail, here, everyone, bands, side))
    return out


def target_rows(targets, translate):
    t = translate
    return [(measure, t(translatable("made {:,.0f} of {:,.0f} planned")).format(made, planned), made, planned,
             (0.0, 0.5 * planned, 0.9 * planned, planned), -1) for measure, planned, made in targets]


# --- the page ---------------------------------------------------------------------------------------

def group_title(dashboard, group, translate):
    return dashboard.all_name if group.name is None else translate(group.name) if group.name.startswith("(") \
        else group.name


def change_words(change, translate):
    """(headline value, words) of the change on the previous period."""
    t = translate
    if change is None:
        return "\u2013", t(translatable("no previous period in the incidents"))
    if not np.isfinite(change.ratio):
        return "\u2013", t(translatable("no incident in the previous period"))
    value = "{:+.0%}".format(change.ratio - 1)
    if change.significant:
        return value, t(translatable("more than chance (exact Poisson test, p {})")).format(p_text(change.p_value))
    return value, t(translatable("within chance (exact Poisson test, p = {:.2f})")).format(change.p_value)


def p_text(p):
    return "< 0.001" if p < 0.001 else "= {:.3f}".format(p)


def advice(area, dashboard, neighbours_median, translate):
    """What the page suggests doing about one signal area."""
    t = translate
    if area["signal"] == BELOW:
        return t(translatable("Fewer than expected: learn what works here."))
    if not neighbours_median or not np.isfinite(neighbours_median):
        return t(translatable("Review its incidents and target visits here first."))
    if neighbours_median > HIGH_NEIGHBOURS * 1e4 * dashboard.funnel.rate:
        return t(translatable("Its similar areas run high too: the kind of area explains part. Visit here first, then "
                              "in its similar areas."))
    return t(translatable("Its similar areas do not run high: look for a local cause (repeat addresses, a block, a "
                          "landlord) and visit here first."))


def signal_table(dashboard, signal_rows, translate):
    t = translate
    table = dashboard.table
    rates = table["rate_10k"].to_numpy()
    head = [translatable("#"), translatable("Area"), translatable("Incidents (expected)"), translatable("Rate"),
            translatable("Among similar areas"), translatable("What to do")]
    rows = []
    for number_, row in enumerate(signal_rows[:MAX_TABLE], start=1):
        area = table.iloc[row]
        css = "above" if area["signal"] == ABOVE else "below"
        theirs = None
        if dashboard.k and np.isfinite(area["neighbour_rank"]):
            theirs = np.nanmedian(rates[dashboard.neighbour_index[row]])
            among = t(translatable("{:.0f} of {}; their median {}")).format(area["neighbour_rank"], dashboard.k + 1,
                                                                          number(theirs))
        else:
            among = "\u2013"
        rows.append("<tr><td class='{}'>{}</td><td class='text'>{}<br><span class='small'>{}</span></td>"
                    "<td class='num'>{:.0f} ({:.1f})</td><td class='num'>{}</td><td class='text'>{}</td>"
                    "<td class='text'>{}</td></tr>".format(
                        css, number_, escape(str(area["name"])), escape(str(area["id"])), area["count"],
                        area["expected"], number(area["rate_10k"]), escape(among),
                        escape(advice(area, dashboard, theirs, t))))
    html = "<table><tr>{}</tr>{}</table>".format("".join(
        "<th class='{}'>{}</th>".format("text" if k in (1, 4, 5) else "", escape(t(h))) for k, h in enumerate(head)),
        "".join(rows))
    if len(signal_rows) > MAX_TABLE:
        html += "<p class='small'>{}</p>".format(escape(t(translatable(
            "{} more signal areas are in the output layer (field signal).")).format(len(signal_rows) - MAX_TABLE)))
    return html


def tiles_html(dashboard, group, signal_counts, translate):
    t = translate
    overall = dashboard.overall
    rate, everyone = 1e4 * group.rate, 1e4 * overall.rate
    change_value, change_text = change_words(group.change, t) if dashboard.yearly is not None else \
        ("\u2013", t(translatable("give dated incidents to see it")))
    periods = dashboard.periods
    if periods and periods[1]:
        change_label = t(translatable("Change, {}\u2013{} on {}\u2013{}")).format(*periods[0], *periods[1])
    else:
        change_label = t(translatable("Change on the previous period"))
    above, below, areas = signal_counts
    tiles = [
        ("", "{:,.0f}".format(group.count), t(translatable("{} in {:g} year(s)")).format(dashboard.title, dashboard.years),
         t(translatable("{:,} areas")).format(areas)),
        ("alert" if rate > everyone * 1.1 else "good" if rate < everyone * 0.9 else "", number(rate),
         t(translatable("per 10,000 households a year")),
         t(translatable("{}: {}")).format(dashboard.all_name, number(everyone))),
        ("alert" if group.change is not None and group.change.significant and group.change.ratio > 1 else "",
         change_value, change_label, change_text),
        ("alert" if above else "", "{} / {}".format(above, below), t(translatable("areas above / below the limits")),
         t(translatable("the rest is noise: not ranked")))]
    return "<div class='tiles'>{}</div>".format("".join(
        "<div class='tile {}'><div class='value'>{}</div><div class='label'>{}</div><div class='words'>{}</div></div>"
        .format(css, escape(value), escape(label), escape(words)) for css, value, label, words in tiles))


def action_html(dashboard, group, signal_rows, translate):
    """The page's message in a sentence or three: where to act, and what is only noise."""
    t = translate
    table = dashboard.table
    above = [r for r in signal_rows if table.iloc[r]["signal"] == ABOVE]
    below = [r for r in signal_rows if table.iloc[r]["signal"] == BELOW]
    sentences = []
    if above:
        names = ", ".join("{} ({})".format(table.iloc[r]["name"], k) for k, r in enumerate(above[:5], start=1))
        more = t(translatable(" and {} more")).format(len(above) - 5) if len(above) > 5 else ""
        sentences.append(t(translatable("Act first in {} area(s) with more {} than their households explain, beyond "
                                        "chance: {}{}. See what to do for each below.")).format(
            len(above), dashboard.title.lower(), names, more))
    else:
        sentences.append(t(translatable("No area has more {} than chance explains: the differences between areas here "
                                        "are noise. Do not rank them; keep the plan.")).format(dashboard.title.lower()))
    if below:
        sentences.append(t(translatable("{} area(s) have fewer than expected: learn from them.")).format(len(below)))
    change = group.change
    if change is not None and change.significant and np.isfinite(change.ratio):
        sentences.append(t(translatable("The {} on the previous period is more than chance: find out what changed."))
                         .format(t(translatable("rise")) if change.ratio > 1 else t(translatable("fall"))))
    return "<div class='act{}'>{}</div>".format("" if above else " calm", "".join(
        "<p>{}</p>".format(escape(s)) for s in sentences))


def page_html(dashboard, group, translate=lambda text: text, generated="", links=None):
    """(html, {chart name: svg}) of one group's page; group is a dashboard.Group (name None: all areas)."""
    t = translate
    table = dashboard.table
    rows = group.rows
    signals = table.iloc[rows]
    signals = signals[signals["signal"].isin([ABOVE, BELOW])]
    signal_rows = sorted(signals.index, key=lambda r: (table.at[r, "signal"] != ABOVE,
                                                     -abs(table.at[r, "funnel_z"])))
    numbers_of = {table.at[r, "id"]: k for k, r in enumerate(signal_rows[:MAX_TABLE], start=1)}
    name = group_title(dashboard, group, t)
    heading = t(translatable("{}: {}")).format(dashboard.title, name)
    charts = {}
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{}</title><style>{}</style></head>"
             "<body>".format(escape(heading), STYLE), "<h1>{}</h1>".format(escape(heading))]
    parts.append("<p class='sub'>{}</p>".format(escape(t(translatable(
        "{:,} areas; the count covers {:g} year(s); compared with {} ({:,} areas). {}")).format(
        len(rows), dashboard.years, dashboard.all_name, len(table), generated))))
    if links:
        parts.append("<p class='noprint small'>{}</p>".format(links))
    parts.append(tiles_html(dashboard, group, (sum(table.at[r, "signal"] == ABOVE for r in signal_rows),
                                               sum(table.at[r, "signal"] == BELOW for r in signal_rows), len(rows)), t))
    parts.append(action_html(dashboard, group, signal_rows, t))

    charts["funnel"] = funnel_svg(dashboard, rows, numbers_of, t)
    parts.append("<section><h2>{}</h2>{}<p class='small'>{}</p></section>".format(
        escape(t(translatable("Signals and noise"))), charts["funnel"], escape(funnel_words(dashboard, t))))
    if signal_rows:
        parts.append("<section><h2>{}</h2>{}</section>".format(escape(t(translatable("Signal areas, and what to do"))),
                                                               signal_table(dashboard, signal_rows, t)))
    trends, multiples = trends_html(dashboard, group, signal_rows, t)
    charts.update(("trend_{}".format(k), svg) for k, svg in enumerate(multiples))
    parts.append("<section><h2>{}</h2>{}</section>".format(escape(t(translatable("Trends"))), trends))
    parts.append(lead_section(dashboard, rows, name, charts, t))
    targets = targets_for(dashboard.targets, group.name, dashboard.all_name)
    if targets:
        charts["targets"] = bullet_svg(t(translatable("Planned against made")), target_rows(targets, t), t)
        parts.append("<section><h2>{}</h2>{}<p class='small'>{}</p></section>".format(
            escape(t(translatable("Targets"))), charts["targets"], escape(t(translatable(
                "Bar: made; black tick: planned; shading: half and nine tenths of the plan.")))))
    parts.append(notes_html(dashboard, t))
    parts.append("</body></html>")
    return "\n".join(parts), charts


def lead_section(dashboard, rows, name, charts, translate):
    t = translate
    title = "<h2>{}</h2>".format(escape(t(translatable("Lead indicators"))))
    if not dashboard.leads:
        why = (translatable("No factor fields were given, so there are no statistical neighbours and no lead "
                            "indicators: give factors (e.g. the fire model's) to see them.")
               if dashboard.factors is None else translatable("No factor varies between the areas: no lead indicators."))
        return "<section>{}<p class='note'>{}</p></section>".format(title, escape(t(why)))
    charts["lead"] = bullet_svg(t(translatable("{} against {}: lead indicators")).format(name, dashboard.all_name),
                                lead_rows(dashboard, rows, t), t)
    return "<section>{}{}<p class='small'>{}</p></section>".format(title, charts["lead"], escape(t(translatable(
        "Each stands for a cluster of factors that move together (|Spearman rho| of 0.5 or more). Bar: this page's "
        "household-weighted average, red where it is on the side that goes with more incidents; black tick: {}; "
        "shading: the middle half and the middle 80% of all areas.")).format(dashboard.all_name)))


def funnel_words(dashboard, translate):
    t = translate
    funnel = dashboard.funnel
    method = (t(translatable("Limits: exact negative binomial, because the areas differ more than chance (Spiegelhalter's "
                             "overdispersion test; dispersion {:.2f}).")).format(funnel.phi)
              if funnel.method == "overdispersed" else t(translatable("Limits: exact Poisson.")))
    return t(translatable("Each dot is an area. Dots between the solid lines (99.8%) are within what chance gives: "
                          "noise, not ranked. {} Expected = the {} rate x households x years.")).format(
        method, dashboard.all_name)


def notes_html(dashboard, translate):
    t = translate
    notes = "".join("<p class='{}'>{}</p>".format("note" if note.warning else "small", escape(note.render(t)))
                    for note in dashboard.notes)
    return "<section><h2>{}</h2>{}</section>".format(escape(t(translatable("Notes on the data and method"))), notes)


def index_html(dashboard, stems, translate=lambda text: text, generated=""):
    """The index: the all-areas page, then every group with its headline figures and signals, linked."""
    t = translate
    everyone = 1e4 * dashboard.overall.rate
    rows = []
    for group in [dashboard.overall] + dashboard.groups:
        signals = dashboard.table["signal"].iloc[group.rows]
        above, below = int((signals == ABOVE).sum()), int((signals == BELOW).sum())
        rate = 1e4 * group.rate
        change = change_words(group.change, t)[0] if group.change is not None else "\u2013"
        change += "*" if group.change is not None and group.change.significant else ""
        rows.append("<tr><td class='text'><a href='{}.html'>{}</a></td><td>{:,}</td><td>{:,.0f}</td><td>{}</td>"
                    "<td>{}</td><td class='{}'>{}</td><td class='{}'>{}</td></tr>".format(
                        escape(stems[group.name]), escape(group_title(dashboard, group, t)), len(group.rows),
                        group.count, number(rate), change, "above" if above else "", above, "below" if below else "",
                        below))
    head = "".join("<th class='{}'>{}</th>".format("text" if k == 0 else "", escape(t(h))) for k, h in enumerate((
        translatable("Page"), translatable("Areas"), translatable("Incidents"),
        translatable("Per 10,000 households a year"), translatable("Change on previous period"),
        translatable("Areas above"), translatable("Areas below"))))
    title = t(translatable("{}: performance on a page")).format(dashboard.title)
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{0}</title><style>{1}</style></head>"
            "<body><h1>{0}</h1><p class='sub'>{2}</p><table><tr>{3}</tr>{4}</table><p class='small'>{5}</p>"
            "</body></html>").format(
        escape(title), STYLE, escape(t(translatable("{} average: {} per 10,000 households a year. {}")).format(
            dashboard.all_name, number(everyone), generated)), head, "".join(rows),
        escape(t(translatable("Areas above or below are outside the 99.8% limits of the funnel plot. * a change "
                              "that is more than chance (exact Poisson test, p < 0.05). Every page prints on A4."))))


def pages(dashboard, translate=lambda text: text, generated="", progress=None):
    """Every page (all areas first, then the groups in name order) and the index, with file stems."""
    from .priority import file_stems

    names = [g.name for g in dashboard.groups]
    stems = {None: "all_areas"}
    stems.update(file_stems(names, reserved=("index", "all_areas", "charts")))
    out = []
    everything = [dashboard.overall] + dashboard.groups
    for k, group in enumerate(everything):
        links = "<a href='index.html'>{}</a>".format(escape(translate(translatable("All pages"))))
        html, charts = page_html(dashboard, group, translate, generated, links)
        out.append(Page(stems[group.name], html, charts))
        if progress is not None:
            progress((k + 1) / len(everything))
    out.append(Page("index", index_html(dashboard, stems, translate, generated)))
    return out
