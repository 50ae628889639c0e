"""technews: companies, chips, money and percentages from Japanese tech news.

Importing the package registers the spaCy factories (``technews_companies``,
``technews_chips``, ``technews_quantities``) so that ``nlp.add_pipe`` finds them.
"""

__version__ = "0.1.0"
