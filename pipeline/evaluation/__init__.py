"""Scoring extracted mentions against gold annotations."""

from .gold import GoldDocument, GoldFormatError, GoldSpan, read_gold
from .scoring import Counts, Evaluation, Prediction, evaluate, predictions_from_rows

__all__ = ["Counts", "Evaluation", "GoldDocument", "GoldFormatError", "GoldSpan", "Prediction", "evaluate",
           "predictions_from_rows", "read_gold"]
