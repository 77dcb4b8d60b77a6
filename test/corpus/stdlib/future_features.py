# The __future__ module: every feature with its releases and compiler flag.
from __future__ import generator_stop, division, print_function
import __future__
for name in __future__.all_feature_names:
    feat = getattr(__future__, name)
    print(name, feat, feat.getOptionalRelease(), feat.getMandatoryRelease(), hex(feat.compiler_flag))
print(__future__.__all__[:3], type(__future__.annotations).__name__)
print(generator_stop.mandatory, division.optional)
