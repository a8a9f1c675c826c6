"""eventwire: news articles to political event data, with evidence on every field."""

from eventwire.model import DocResult, Document, Event

__version__ = "0.1.0"

__all__ = ["DocResult", "Document", "Event", "Pipeline", "__version__"]


def __getattr__(name: str):
    # Pipeline pulls in spaCy; import it only when asked for.
    if name == "Pipeline":
        from eventwire.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)
