# Groups nested deeper than max_group_depth (10) are cut short.
eg = ValueError("leaf")
for i in range(12):
    eg = ExceptionGroup(f"level {i}", [eg])
raise eg
