"""Readable labels for fields, so reports name a factor as its source did ('Index of Multiple Deprivation
(IMD) Rank (where 1 is most deprived)') rather than by a shortened field name.

QGIS keeps a field's readable name as its alias, and a layer's default style (the .qml beside its file,
which every Community Risk output has) stores the aliases. Processing opens inputs without their default
style, so the aliases are read from the .qml here."""
import os
import xml.etree.ElementTree as ET


def qml_aliases(layer_path):
    """{field: alias} from the .qml beside a layer file ({} when there is none or it has no aliases)."""
    if not layer_path:
        return {}
    qml = os.path.splitext(layer_path)[0] + ".qml"
    if not os.path.isfile(qml):
        return {}
    try:
        root = ET.parse(qml).getroot()
    except (ET.ParseError, OSError):
        return {}
    return {alias.get("field"): alias.get("name") for alias in root.iter("alias")
            if alias.get("field") and (alias.get("name") or "").strip()}
