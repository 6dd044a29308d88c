"""Stage 3: the model covenant — fill, assemble and render clauses."""
