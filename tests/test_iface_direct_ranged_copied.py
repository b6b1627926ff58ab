"""iface-direct on a range over plugins, one of them a value, checked for an optional interface whose result is
only a method call's receiver (`if i, ok := p.(Initializer); ok { i.Init(cfg) }` over `[]Plugin{lv, &tr, &au}`).
In the value's case of the type switch (ranged.py), `Initializer(p)` would box the switch's copy anew each time
the check runs (ranged_asserted.py declines that); `i := p` binds the copy itself, and `i.Init(cfg)` calls the
value method the dynamic call did, on the same value. The must-decline case assigns i another Initializer:
bound to the copy, i has the value's type, and the naive rewrite does not compile. AllocsPerRun under both releases.
"""

from __future__ import annotations

from conftest import case_suite, edited, only_fix
from test_iface_direct import RULE
from test_iface_direct_ranged_optional import package

LEVEL = """type levelPlugin struct{ level, most int }

func (l levelPlugin) ID() string { return "level" }

func (l levelPlugin) Init(map[string]string) error {
	if l.level > l.most {
		return initError("level: too high")
	}
	return nil
}
"""

INIT_FIRST = (
    LEVEL
    + """
// InitAll initialises each plugin that needs set-up, and says which failed first.
func InitAll(cfg map[string]string) string {
	lv := levelPlugin{level: 1, most: 9}
	var tr tracePlugin
	var au authPlugin
	for _, p := range []Plugin{lv, &tr, &au} {
		if i, ok := p.(Initializer); ok {
			if err := i.Init(cfg); err != nil {
				return p.ID() + ": " + err.Error()
			}
		}
	}
	return "ok"
}
"""
)

REPLACED = (
    LEVEL
    + """
type strict struct{}

func (strict) Init(map[string]string) error { return initError("strict") }

// InitAll initialises each plugin that needs set-up, the level plugin strictly when asked.
func InitAll(cfg map[string]string, hard bool) string {
	lv := levelPlugin{level: 1, most: 9}
	var tr tracePlugin
	for _, p := range []Plugin{lv, &tr} {
		if i, ok := p.(Initializer); ok {
			if hard {
				i = strict{}
			}
			if err := i.Init(cfg); err != nil {
				return err.Error()
			}
		}
	}
	return "ok"
}
"""
)

FIXES = {
    "init_first": (package("init_first", INIT_FIRST), "{pkg}.InitAll(nil)"),
}
DECLINES = {
    "replaced": (package("replaced", REPLACED), "lv is a value: its case would convert the copy the switch took"),
}
NAIVE = {
    # the copy bound as i: i is a levelPlugin, and `i = strict{}` does not compile
    "replaced": (
        lambda s: s.replace(
            "\t\tif i, ok := p.(Initializer); ok {\n\t\t\tif hard {\n\t\t\t\ti = strict{}\n\t\t\t}\n"
            "\t\t\tif err := i.Init(cfg); err != nil {\n\t\t\t\treturn err.Error()\n\t\t\t}\n\t\t}\n",
            "\t\tswitch p := p.(type) {\n\t\tcase levelPlugin:\n\t\t\ti := p\n\t\t\tif hard {\n\t\t\t\ti = strict{}\n"
            "\t\t\t}\n\t\t\tif err := i.Init(cfg); err != nil {\n\t\t\t\treturn err.Error()\n\t\t\t}\n"
            "\t\tcase *tracePlugin:\n\t\t}\n",
        ),
        "cannot use strict{}",
    ),
}

globals().update(case_suite("iface-ranged-copied", RULE, FIXES, DECLINES, NAIVE))


def test_the_values_case_binds_its_copy(proposed):
    after = edited(FIXES["init_first"][0], only_fix(proposed["init_first"]))
    assert "i := p\n" in after and "i := Initializer(p)" in after and ".(Initializer)" not in after, after
    assert after.count("i := Initializer(p)") == 1, after  # the *authPlugin's case: a pointer boxes as it is
