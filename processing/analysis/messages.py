"""Messages from the analysis code, kept translatable without importing Qt.

The analysis code raises AnalysisError and records Note objects holding an English template and its
values; the Processing layer translates the template (the same Qt Linguist file holds it, because
scripts/update_translations.py collects every `translatable("...")` literal) and fills in the values.
"""


def translatable(text):
    """Mark a template for the translation file; returns it unchanged."""
    return text


class Note:
    def __init__(self, template, *values, warning=False):
        self.template = template
        self.values = values
        self.warning = warning

    def render(self, translate=lambda text: text):
        return translate(self.template).format(*self.values)

    def __str__(self):
        return self.render()

    def __repr__(self):
        return "Note({!r})".format(str(self))


class AnalysisError(ValueError):
    """Input the analysis cannot use; the message names the field or value at fault."""

    def __init__(self, template, *values):
        self.note = Note(template, *values)
        super().__init__(str(self.note))

    def render(self, translate=lambda text: text):
        return self.note.render(translate)


def listed(values, limit=5):
    """'a, b, c' or 'a, b, c, d, e … (12 in all)'."""
    values = [str(v) for v in values]
    text = ", ".join(values[:limit])
    return text + (" … ({} in all)".format(len(values)) if len(values) > limit else "")


class Cancelled(Exception):
    """The user cancelled: raised by readers and long analysis steps. Nothing is written, and earlier
    results stay as they were (the algorithm base discards the partial outputs)."""


def no_progress(fraction):
    """The progress callback of code run outside Processing: reports nothing, never cancels."""
