"""huibao: numeric facts from Chinese village and township work reports."""

__version__ = "0.1.45"
