"""Actor resolution: who acts and who is acted upon, as country + sector + knowledge-base id.

See docs/actors.md for the output contract, the knowledge files and how to extend them.
"""

from eventwire.extract.actors.resolver import ActorResolver

__all__ = ["ActorResolver"]
