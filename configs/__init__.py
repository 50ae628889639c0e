"""Data only: gazetteers and patterns, installed as ``pipeline.configs``."""
