"""Outputs: representations of published pages for machines and other sites, built from the content model and
served beside the pages. Feeds (RSS and Atom), calendar files (.ics), the sitemap and robots.txt, the head metadata
(canonical URL, OpenGraph, JSON-LD), citations (BibTeX, RIS, CSL-JSON) and listing exports (CSV, JSON). Each reads
visible pages only (cms/visibility.py)."""
