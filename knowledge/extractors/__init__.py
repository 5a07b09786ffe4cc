"""The format extractors behind knowledge.extraction.extract_document: shared parts (base), PDF, office formats."""
