"""plraster: PostGIS raster WKB, its SQL functions and out-db COG reading, in Python."""
import os
import sys

__version__ = "0.1.0"

# numpy computes sin, cos, tan, arctan, arctan2, exp, log and power with its own AVX-512
# kernels (SVML) where the CPU has AVX-512: they differ from glibc's libm in the last bit
# for about a third of all inputs, and PostGIS computes slope, aspect, hillshade and
# resampling kernels with libm. Without AVX-512 dispatch, numpy calls libm, so answers are
# PostGIS's to the bit on every CPU (AVX2 and the rest stay on). numpy reads this when it is
# first imported in the process: plraster is imported before it in a backend, unless other
# PL/Python code of the session imported numpy first.
NUMPY_LIBM_MATH = "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL"
if ("numpy" not in sys.modules and "NPY_DISABLE_CPU_FEATURES" not in os.environ
        and os.uname().machine == "x86_64"):
    os.environ["NPY_DISABLE_CPU_FEATURES"] = NUMPY_LIBM_MATH
