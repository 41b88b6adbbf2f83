"""Claiming admin rights with the one-time code from ``knotenpunkt init``."""

MESSAGES = {
    "claim.done": {
        "de": "✅ Sie sind jetzt Admin von {network}. {help} zeigt Ihnen auch die Befehle des "
        "Netzwerk-Teams; mit {broadcast} schreiben Sie allen Mitgliedern.",
        "de_du": "✅ Du bist jetzt Admin von {network}. {help} zeigt dir auch die Befehle des "
        "Netzwerk-Teams; mit {broadcast} schreibst du allen Mitgliedern.",
        "en": "✅ You are now an admin of {network}. {help} also lists the network team's "
        "commands; {broadcast} writes to all members.",
    },
    "claim.done_register": {
        "de": "✅ Sie sind jetzt Admin von {network}. Melden Sie sich jetzt noch als Mitglied "
        "an; danach zeigt {help} auch die Befehle des Netzwerk-Teams.",
        "de_du": "✅ Du bist jetzt Admin von {network}. Melde dich jetzt noch als Mitglied an; "
        "danach zeigt {help} auch die Befehle des Netzwerk-Teams.",
        "en": "✅ You are now an admin of {network}. Now sign up as a member; then {help} also "
        "lists the network team's commands.",
    },
    "claim.already": {
        "de": "Sie sind schon Admin von {network}; der Code ist damit verbraucht.",
        "de_du": "Du bist schon Admin von {network}; der Code ist damit verbraucht.",
        "en": "You are an admin of {network} already; the code is used up now.",
    },
    "claim.invalid": {
        "de": "Dieser Admin-Code gilt nicht: Er ist schon verwendet, abgelaufen oder falsch "
        "abgeschrieben. Einen neuen erzeugt, wer den Server betreibt, mit "
        "„knotenpunkt admin claim-code“.",
        "en": "This admin code is not valid: it was used already, has expired or was copied "
        "wrongly. Whoever runs the server makes a new one with “knotenpunkt admin claim-code”.",
    },
}
