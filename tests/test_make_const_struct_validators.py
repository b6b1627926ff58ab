"""make-const with a bound a validator of the package proves on a field of a local struct value
(gorewrite/conditions.py `parameter`, session 54): after `if err := cfg.validate(); err != nil { return }` with a
value receiver, `checkName(cfg)`, `checkKey(cfg.Name)`, `if !cfg.short() { … }` or `mustName(cfg)`, len(cfg.Name)
(and an int field, cfg.Count) is what the callee's guards leave where it returns nil (true, or at all). The
parameter is a copy of the argument made at the call, so its field is the caller's until the caller writes cfg
(make-const-census/config's `Hello`, `Seeds`, `Assign`, `Failover`, `TopicPath`, which took the speculative
budget). Each must-decline keeps the naive `[20]int64` as a mutant, run beside the original: it panics where the
original does not.
"""

from __future__ import annotations

import pytest
from conftest import at_most_speculative, exact_array, naive_mutants, naive_panics, proposals_by_case
from test_make_const_bounds import array, probe, sums

from gorewrite.rules import RULES

RULE = RULES["make-const"]
CONFIG = """
type Config struct {
	Name  string
	Alias string
	Count int
}

// validate refuses a name or a count above maxItems.
func (c Config) validate() error {
	if len(c.Name) > maxItems {
		return errors.New("name too long")
	}
	if c.Count < 0 || c.Count > maxItems {
		return fmt.Errorf("count %d", c.Count)
	}
	return nil
}

func (c Config) short() bool { return len(c.Name) <= maxItems }

func (c Config) few() bool { return c.Count >= 0 && c.Count <= maxItems }

func checkName(c Config) error {
	if len(c.Name) > maxItems {
		return errors.New("name too long")
	}
	return nil
}

func checkKey(s string) error {
	if len(s) > maxItems {
		return fmt.Errorf("key %q too long", s)
	}
	return nil
}

func mustName(c Config) {
	if len(c.Name) > maxItems {
		panic("name too long")
	}
}

// checkEither checks d's name only.
func checkEither(c, d Config) error {
	if len(d.Name) > maxItems {
		return errors.New("name too long")
	}
	return nil
}

// clip shortens its own copy, then checks the copy.
func clip(c Config) error {
	if len(c.Name) > maxItems {
		c.Name = c.Name[:maxItems]
	}
	if len(c.Name) > maxItems {
		return errors.New("name too long")
	}
	return nil
}

// trimmed shortens its own copy through a pointer method, then checks the copy.
func (c Config) trimmed() error {
	c.trim()
	if len(c.Name) > maxItems {
		return errors.New("name too long")
	}
	return nil
}

func (c *Config) trim() {
	if len(c.Name) > maxItems {
		c.Name = c.Name[:maxItems]
	}
}

// Inner checks its own name; Outer's Name is another field, which Inner's method never sees.
type Inner struct{ Name string }

func (i Inner) validate() error {
	if len(i.Name) > maxItems {
		return errors.New("name too long")
	}
	return nil
}

type Outer struct {
	Inner
	Name string
}

// fill checks the name, then lets an alias replace it.
func (c *Config) fill() error {
	if len(c.Name) > maxItems {
		return errors.New("name too long")
	}
	if c.Alias != "" {
		c.Name = c.Alias
	}
	return nil
}
"""
PARAMS = "xs []int64, cfg Config"


def case(name: str, guard: str, size: str = "len(cfg.Name)", params: str = PARAMS) -> str:
    """Sum of a make([]int64, size) after `guard`, in a package declaring Config and its checks."""
    source = sums(name, size, guard, params)
    imports = 'import (\n\t"crypto/sha256"\n\t"errors"\n\t"fmt"\n\t"strings"\n)\n'
    source = source.replace('import "crypto/sha256"\n', imports)
    return source + CONFIG + "\nvar _ = strings.Repeat\n"


def guard(test: str) -> str:
    return f"\tif {test} {{\n\t\treturn -1\n\t}}"


VALIDATED = guard("err := cfg.validate(); err != nil")
BOUNDED = {
    "value_receiver": case("value_receiver", VALIDATED),
    "int_field": case("int_field", VALIDATED, "cfg.Count"),
    "struct_argument": case("struct_argument", guard("err := checkName(cfg); err != nil")),
    "field_argument": case("field_argument", guard("err := checkKey(cfg.Name); err != nil")),
    "method_predicate": case("method_predicate", guard("!cfg.short()")),
    "int_predicate": case("int_predicate", guard("!cfg.few()"), "cfg.Count"),
    "assertion": case("assertion", "\tmustName(cfg)"),
    "copied_error": case("copied_error", "\terr := cfg.validate()\n" + guard("err != nil")),
}
LONG = '{pkg}.Config{Name: strings.Repeat("a", 25), Alias: strings.Repeat("b", 25)}'
NOT_BOUNDED = {
    # cfg's name grows after the check
    "written_between": (case("written_between", VALIDATED + "\n\tcfg.Name += cfg.Name"), "Config{Name: S15}"),
    # the check bounds Name, the make is of Alias
    "other_field": (case("other_field", VALIDATED, "len(cfg.Alias)"), "Config{Alias: S25}"),
    # another struct of the same type is checked
    "other_struct": (
        case("other_struct", guard("err := other.validate(); err != nil"), params="xs []int64, cfg, other Config"),
        "LONG, {pkg}.Config{}",
    ),
    # the callee checks another parameter's field of the same name
    "other_parameter": (case("other_parameter", guard("err := checkEither(cfg, Config{}); err != nil")), "LONG"),
    # the callee shortens its copy before checking it: the caller's name is as long as it was
    "callee_writes_copy": (case("callee_writes_copy", guard("err := clip(cfg); err != nil")), "LONG"),
    # the same through a pointer method on the copy (its address taken)
    "callee_trims_copy": (case("callee_trims_copy", guard("err := cfg.trimmed(); err != nil")), "LONG"),
    # a method promoted from an embedded struct checks the embedded struct's Name, not Outer's
    "promoted_method": (
        case("promoted_method", guard("err := o.validate(); err != nil"), "len(o.Name)", "xs []int64, o Outer"),
        "Outer{Name: S25}",
    ),
    # err holds the check of cfg as the call copied it; cfg's name grows before err is tested
    "grown_before_err": (
        case("grown_before_err", "\terr := cfg.validate()\n\tcfg.Name += cfg.Name\n" + guard("err != nil")),
        "Config{Name: S15}",
    ),
    # the same through a pointer method, which replaces the name with the alias
    "filled_before_err": (
        case("filled_before_err", "\terr := cfg.validate()\n\t_ = cfg.fill()\n" + guard("err != nil")),
        "Config{Alias: S25}",
    ),
    # a pointer receiver: the callee replaces the name after checking it
    "pointer_receiver": (case("pointer_receiver", guard("err := cfg.fill(); err != nil")), "Config{Alias: S25}"),
}


def call(arguments: str) -> str:
    arguments = arguments.replace("LONG", LONG)
    arguments = arguments.replace("S15", 'strings.Repeat("a", 15)').replace("S25", 'strings.Repeat("b", 25)')
    if arguments.startswith(("Config", "Outer")):
        arguments = "{pkg}." + arguments
    return probe("{pkg}.Sum([]int64{1}, " + arguments + ")")


SIZES = {"other_field": "len(cfg.Alias)", "promoted_method": "len(o.Name)"}
NAIVE = {
    name: (array("buf", SIZES.get(name, "len(cfg.Name)"), "int64", 20), call(arguments))
    for name, (_, arguments) in NOT_BOUNDED.items()
}


@pytest.fixture(scope="module")
def proposed(tmp_path_factory):
    cases = {**BOUNDED, **{n: c for n, (c, _) in NOT_BOUNDED.items()}}
    return proposals_by_case(tmp_path_factory.mktemp("make-const-struct-validators"), RULE, cases)


@pytest.fixture(scope="module")
def mutants(tmp_path_factory, toolchain):
    declines = {n: (c, None) for n, (c, _) in NOT_BOUNDED.items()}
    return naive_mutants(tmp_path_factory.mktemp("make-const-struct-validators-naive"), toolchain, declines, NAIVE)


@pytest.mark.parametrize("name", list(BOUNDED))
def test_a_check_of_a_struct_copy_bounds_the_callers_field(proposed, name):
    exact_array(proposed[name], BOUNDED[name], "[20]int64", scope="Sum")


@pytest.mark.parametrize("name", list(NOT_BOUNDED))
def test_a_check_that_leaves_the_callers_field_unbounded_bounds_nothing(proposed, name):
    at_most_speculative(proposed[name])


@pytest.mark.parametrize("name", list(NAIVE))
def test_the_naive_array_panics_where_the_original_does_not(mutants, name):
    naive_panics(mutants, name)
