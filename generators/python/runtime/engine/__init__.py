"""Engine-era names kept for compatibility; this client talks to the database directly."""
from . import errors as errors

__all__ = ('errors',)
