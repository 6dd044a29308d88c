"""Stage 4: explain a walk — justification and its renderings."""
