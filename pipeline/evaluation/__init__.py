"""Scoring extracted mentions against gold annotations."""
