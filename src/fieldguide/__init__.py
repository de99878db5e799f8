"""Field Guide: an offline desktop reader for plain-language health information."""

__version__ = "0.1.0"
