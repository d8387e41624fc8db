"""Keep i18n/community_risk_<lang>.ts in step with the code.

Collects every string literal passed to tr() or translatable() in the plugin's Python files, adds the
new ones to each .ts file as unfinished, marks the ones no longer used as obsolete, and keeps every
translation already made. Translators then work in Qt Linguist; `make setup` compiles the .qm files.
"""
import ast
import glob
import os
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTEXT = "CommunityRisk"
SOURCE_DIRS = ("plugin", "processing")
MARKERS = {"tr", "translatable"}


def source_strings():
    """{text: first 'file:line'} for every literal given to tr()/translatable() in the plugin."""
    found = {}
    paths = [os.path.join(ROOT, "__init__.py")]
    for folder in SOURCE_DIRS:
        paths += glob.glob(os.path.join(ROOT, folder, "**", "*.py"), recursive=True)
    for path in sorted(paths):
        tree = ast.parse(open(path, encoding="utf-8").read(), path)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            if name in MARKERS and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.setdefault(node.args[0].value, "{}:{}".format(os.path.relpath(path, ROOT), node.lineno))
    return found


def update(ts_path, strings):
    tree = ET.parse(ts_path)
    context = tree.getroot().find("context")
    existing = {m.findtext("source"): m for m in context.findall("message")}
    for text, where in strings.items():
        if text in existing:
            message = existing[text]
            translation = message.find("translation")
            if translation.get("type") == "obsolete":
                translation.attrib.pop("type")
        else:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = text
            ET.SubElement(message, "translation", type="unfinished")
        location = message.find("location")
        if location is None:
            location = ET.Element("location")
            message.insert(0, location)
        filename, line = where.rsplit(":", 1)
        location.set("filename", "../" + filename)
        location.set("line", line)
    for text, message in existing.items():
        if text not in strings:
            message.find("translation").set("type", "obsolete")
    ET.indent(tree, space="    ")
    with open(ts_path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        handle.write(ET.tostring(tree.getroot(), encoding="unicode"))
        handle.write("\n")


def untranslated(ts_path):
    root = ET.parse(ts_path).getroot()
    return [m.findtext("source") for m in root.iter("message")
            if m.find("translation").get("type") == "unfinished"]


if __name__ == "__main__":
    strings = source_strings()
    for ts_path in sorted(glob.glob(os.path.join(ROOT, "i18n", "*.ts"))):
        update(ts_path, strings)
        missing = untranslated(ts_path)
        print("{}: {} strings, {} untranslated".format(os.path.basename(ts_path), len(strings), len(missing)))
    sys.exit(0)
