# The package under capi/python is imported from the source tree; ctest sets
# RAPPORT_LIBRARY to the built librapport_c.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "capi", "python"))
