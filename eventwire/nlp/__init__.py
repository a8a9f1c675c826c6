"""The one spaCy parse every extractor shares."""

from eventwire.nlp.parse import MODEL_NAME, load_nlp, parse, text_of

__all__ = ["MODEL_NAME", "load_nlp", "parse", "text_of"]
