"""Schema of the guide texts of the values questionnaire (valeurs professionnelles)."""

from questionnaires.records import Meaning, Record, Text, Version


class ValeursTexts(Record):
    """Plain-French texts that explain a work-values profile and the choice of the top five."""

    version: Version
    results_intro: Text
    profile_explanation: Text  # how to read scores centred on the person's own mean
    small_differences: Text  # differences under half a point mean little
    flat_protocol: Meaning  # « tout est important »: answers too alike to tell values apart
    incomplete: Meaning  # the questionnaire is not finished: no profile yet
    top_instructions: Text  # choosing and ordering the five values that matter most
    top_use: Text  # what the five values are for
