"""The analyst's web page and HTTP API (`eventwire serve`) and situation reports (`eventwire sitrep`)."""
