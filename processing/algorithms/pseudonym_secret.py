"""The pseudonymisation secret of Find people at risk and Housing benefit overlay: never typed into a
dialog, never in the Processing history, the dialog log, the processing record or any output.

Where it comes from, first found first:
1. SECRET_AUTHCFG: an authentication configuration of QGIS's authentication database, where the secret is
   stored encrypted under the user's master password. Store it as a *Basic* configuration: the secret in
   its Password field (the user name is not used). A configuration whose config map has a `secret` entry
   is read too.
2. A `SECRET` value in the parameters of a script written before the authentication database was used. It
   is no longer a parameter: no dialog, batch table or model shows it, and QGIS's processing log (written
   from the declared parameters, asPythonCommand) never holds it.
3. The COMMUNITY_RISK_SECRET environment variable: for qgis_process, which prints the parameters it is
   given (so a secret on its command line would be echoed and kept in the shell history).
"""
import os

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsProcessingParameterAuthConfig

from ...plugin.translation import tr, translatable
from .base import fail

SECRET_ENVIRONMENT = "COMMUNITY_RISK_SECRET"
SECRET_AUTHCFG = "SECRET_AUTHCFG"
SECRET = "SECRET"
SECRET_HELP = translatable(
    "- Secret: choose an authentication configuration that holds the secret for the pseudonymised household keys "
    "(Settings > Options > Authentication: add a Basic configuration with the secret as its Password; the user "
    "name is not used). QGIS keeps it encrypted under your master password. The secret must have at least 16 "
    "characters that are not spaces, and not one character repeated; the same secret gives the same keys next time. It is never written "
    "anywhere: not in the Processing history, the log, the processing record or any output. With qgis_process, "
    "give it in the COMMUNITY_RISK_SECRET environment variable instead (headless runs unlock the "
    "authentication database with QGIS_AUTH_PASSWORD_FILE).\n")

# The clerical review table both linkage algorithms write (processing/analysis/linkage.py clerical_review).
REVIEW_HELP = translatable(
    "one row per pair of records the linkage was unsure of, for an officer to decide.\n"
    "  · Order: the pairs in doubt first, then the pairs whose rows name two homes (kept apart, only to confirm); alike "
    "pairs together so a page clears at once, and the pairs of the same two households one after another, so two "
    "households are decided once.\n"
    "  · Columns, left to right: the dataset and row of each record (row 1 is the first row under the header, which a "
    "spreadsheet numbers 2); in referral mode both addresses as written, side by side, each with its postcode as "
    "written, and their UPRNs; household_l and household_r (each record's household key in the output) and linked (1 "
    "where the tool made them one household), so a decision the officer does not share points at the output rows to "
    "correct; the reason; decision, empty, for the officer's (same home or different homes, read back by Clerical "
    "decisions on the next run); for postcode, house number or name, flat and street the comparison level in words "
    "and its weight (a street many rows name weighs less); held_back_by (the comparison that weighed most against a "
    "match, empty when none did); match probability and weight; pattern_pairs (how many pairs share this pattern); in "
    "referral mode both addresses as standardised; check_l and check_r, a keyed code of what each row says, so the "
    "next run knows the row is unchanged (leave them as written).\n"
    "  · Reasons: scored below the threshold; the rows name two homes, and what tells them apart; a row matches "
    "another home as well; both leave the flat out at a house of flats; neither says which flat; its household names "
    "another home.\n"
    "  · A person named inside an address is left out ('[name left out]'). Where one export is given twice under two "
    "file names, each pair is shown once and the log says which file repeats which. In QGIS the fields are labelled "
    "in words.\n")


SECRET_PARAMETER_HELP = translatable(
    "The authentication configuration that holds the secret for the household keys (Settings > Options > "
    "Authentication: a Basic configuration, the secret as its Password). Leave it at No Authentication only when the "
    "COMMUNITY_RISK_SECRET environment variable holds the secret: one of the two is needed.")


def add_secret_parameter(algorithm):
    parameter = QgsProcessingParameterAuthConfig(SECRET_AUTHCFG, tr("Secret"), optional=True)
    parameter.setHelp(tr(SECRET_PARAMETER_HELP))
    algorithm.addParameter(parameter)


def secret_of(run):
    """(secret, where it came from in words for the processing record); the secret checked for length."""
    from ..analysis.people_at_risk import check_secret

    authcfg = run.string(SECRET_AUTHCFG).strip()
    if authcfg:
        secret, source = secret_from_auth_database(authcfg), "QGIS authentication database ({})".format(authcfg)
    elif run.parameters.get(SECRET):
        secret, source = str(run.parameters[SECRET]), "SECRET value given by a script"
    else:
        secret, source = os.environ.get(SECRET_ENVIRONMENT, ""), "{} environment variable".format(SECRET_ENVIRONMENT)
    if not secret:
        fail(tr("No pseudonymisation secret: choose the authentication configuration that holds it, or set the {} "
                "environment variable.").format(SECRET_ENVIRONMENT))
    check_secret(secret)
    return secret, source


def secret_from_auth_database(authcfg):
    manager = QgsApplication.authManager()
    if manager.isDisabled():
        fail(tr("QGIS's authentication database is not available ({}); set the {} environment variable instead.")
             .format(manager.disabledMessage(), SECRET_ENVIRONMENT))
    if authcfg not in manager.configIds():
        fail(tr("The authentication configuration '{}' is not in this QGIS profile's authentication database.")
             .format(authcfg))
    config = QgsAuthMethodConfig()
    loaded = manager.loadAuthenticationConfig(authcfg, config, True)
    if isinstance(loaded, tuple):
        loaded, config = loaded
    if not loaded:
        fail(tr("The authentication configuration '{}' could not be unlocked: enter the master password when QGIS "
                "asks for it.").format(authcfg))
    secret = config.config("password") or config.config("secret")
    if not secret:
        fail(tr("The authentication configuration '{}' ({}) holds no secret: put the secret in its Password field.")
             .format(authcfg, config.name()))
    return secret
