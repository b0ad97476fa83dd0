"""The blank end-of-programme questionnaire, in the programme's language (Markdown or HTML)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from mentorat_cli.core.model import Programme
from mentorat_cli.core.safetext import markdown_value
from mentorat_cli.io import storage
from mentorat_cli.load.resources import data_dir

WORDS: dict[str, dict[str, Any]] = {
    "fr": {
        "title": {"mentee": "Questionnaire de fin de mentorat — mentoré", "mentor": "Questionnaire de fin de mentorat — mentor"},
        "intro": "Ce questionnaire nous aide à améliorer le programme. Vos réponses sont regroupées avec celles des autres "
        "participants : aucun résultat portant sur moins de {k} personnes n'est publié, et votre commentaire "
        "n'est cité que si vous l'acceptez, toujours sans votre nom.",
        "who": "Votre adresse e-mail (celle utilisée pour le programme)",
        "q-satisfaction": "Dans l'ensemble, êtes-vous satisfait(e) de votre expérience de mentorat ?",
        "scale": ["Très satisfait(e)", "Plutôt satisfait(e)", "Plutôt pas satisfait(e)", "Pas satisfait(e)"],
        "q-objectives": {
            "mentee": "Pour chacun des thèmes sur lesquels vous vous étiez fixé un objectif, l'avez-vous atteint ?",
            "mentor": "Pour chacun des thèmes travaillés avec votre mentoré, l'objectif vous semble-t-il atteint ?",
        },
        "reached": ["Oui", "En partie", "Non"],
        "theme": "Thème",
        "q-recommend": "Recommanderiez-vous ce programme à une personne de votre entourage ?",
        "q-continue": "Souhaitez-vous poursuivre la relation au-delà du programme ?",
        "yes-no": ["Oui", "Non"],
        "q-comment": "Souhaitez-vous ajouter un commentaire ?",
        "q-consent": "Acceptez-vous que ce commentaire soit cité, sans votre nom, dans le bilan du programme ?",
        "thanks": "Merci pour le temps consacré au programme et à ce questionnaire.",
    },
    "en": {
        "title": {"mentee": "End-of-programme questionnaire — mentee", "mentor": "End-of-programme questionnaire — mentor"},
        "intro": "This questionnaire helps us improve the programme. Your answers are pooled with everyone else's: no "
        "result about fewer than {k} people is published, and your comment is quoted only if you agree, "
        "never with your name.",
        "who": "Your e-mail address (the one used for the programme)",
        "q-satisfaction": "Overall, how satisfied are you with your mentoring experience?",
        "scale": ["Very satisfied", "Rather satisfied", "Rather not satisfied", "Not satisfied"],
        "q-objectives": {
            "mentee": "For each theme you set yourself an objective on, did you reach it?",
            "mentor": "For each theme you worked on with your mentee, was the objective reached?",
        },
        "reached": ["Yes", "Partly", "No"],
        "theme": "Theme",
        "q-recommend": "Would you recommend this programme to someone you know?",
        "q-continue": "Would you like to keep in touch beyond the programme?",
        "yes-no": ["Yes", "No"],
        "q-comment": "Would you like to add a comment?",
        "q-consent": "Do you agree that this comment may be quoted, without your name, in the programme's report?",
        "thanks": "Thank you for the time you gave to the programme and to this questionnaire.",
    },
}


def questionnaire(config: dict[str, Any], role: str, fmt: str) -> str:
    """The questionnaire for mentees or mentors, listing the programme's themes."""
    lang = config.get("language", "fr")
    words = WORDS.get(lang, WORDS["fr"])
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates") / "report")),
        undefined=jinja2.StrictUndefined,
        autoescape=fmt == "html",
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=None if fmt == "html" else markdown_value,
    )
    return env.get_template(f"survey.{fmt}.j2").render(
        w=words,
        role=role,
        lang=lang,
        name=config.get("name", ""),
        organiser=config.get("organiser", ""),
        intro=words["intro"].format(k=config["privacy"]["min_group_size"]),
        themes=[t["label"] for t in config["themes"]],
    )


def write(programme: Programme, role: str, fmt: str, output: Path | None, force: bool) -> str:
    """Write the blank questionnaire (default out/survey-<role>.<format>, under the output policy); the path as shown."""
    target = storage.output_file(programme.root, output, f"out/survey-{role}.{fmt}")
    storage.write_outputs({target: questionnaire(programme.config, role, fmt)}, force)
    return target.shown
