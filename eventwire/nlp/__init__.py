"""The one spaCy parse every extractor shares."""

from eventwire.nlp.parse import MODEL_NAME, load_nlp, parse

__all__ = ["MODEL_NAME", "load_nlp", "parse"]
