"""Units of measurement: one registry, pint's, read once at import.

lexicon.MEASURES maps the spellings news uses ("km", "kilometres", "mph", "bhp") to a
short code; UNITS maps every code to what pint says about it: its canonical name
("kilometer", "mile_per_hour", "horsepower"), its dimension ("length", "length/time")
and the factor (and offset, for temperatures) to the dimension's SI base unit. pint is
called here only, at import (and once for each compound written with a slash, "g/km"),
never per figure: extract() looks codes up in a dict.

Money is not here (ISO 4217 codes, lexicon.py); counts carry their counted noun.
"""
import math

import pint

_UREG = pint.UnitRegistry()
# units news uses that pint does not define, in pint's own definition syntax
for _d in ("parts_per_billion = 1e-9 = ppb", "percentage_point = 1 = pp", "basis_point = 0.01 * percentage_point = bp",
           "megapixel = 1e6 = MP", "billion_cubic_meter = 1e9 * meter ** 3 = bcm",
           "newton_meter = newton * meter", "milliampere_hour = milliampere * hour = mAh",
           # an earthquake's magnitude: a scale of its own, compared only with another magnitude
           "magnitude = [magnitude]",
           # video and games: pint's "fps" is feet per second
           "frame_per_second = 1 / second"):
    _UREG.define(_d)

# code (lexicon.MEASURES values, grow.py percent units) -> a pint expression; a code pint
# reads as it is ("km", "mile", "hp") needs no entry
_PINT = {"nautical mile": "nautical_mile", "km2": "km ** 2", "m2": "m ** 2", "mile2": "mile ** 2",
         "m3": "m ** 3", "km3": "km ** 3", "ft3": "ft ** 3", "°C": "degC", "°F": "degF",
         "mph": "mile_per_hour", "km/h": "kilometer_per_hour", "tonne": "metric_ton",
         "µg": "microgram", "litre": "liter", "%": "percent", "KB": "kilobyte",
         "calorie": "kilocalorie", "barrel": "oil_barrel", "Mbps": "megabit / second",
         "Gbps": "gigabit / second", "kbps": "kilobit / second", "mpg": "mile / gallon",
         "psi": "pound_force_per_square_inch", "nanometre": "nanometer", "micrometre": "micrometer",
         "lb-ft": "foot_pound", "Nm": "newton_meter", "ft2": "ft ** 2", "m/s": "meter / second",
         "rpm": "revolutions_per_minute", "mAh": "milliampere_hour",
         "light year": "light_year", "PS": "metric_horsepower", "fps": "frame_per_second",
         "km/L": "kilometer / liter"}


class Unit:
    """What figures need from pint about one unit."""

    __slots__ = ("name", "dimension", "factor", "offset")

    def __init__(self, name, dimension, factor, offset):
        self.name, self.dimension, self.factor, self.offset = name, dimension, factor, offset

    def base(self, value):
        """value in this unit -> the SI base unit of its dimension (kelvin for temperatures)."""
        return value * self.factor + self.offset


# pint's dimensionality, written out, -> the name a reader knows
_NAMED = {"length/time": "speed", "length^2": "area", "length^3": "volume",
          "length^2*mass/time^3": "power", "length^2*mass/time^2": "energy",
          "mass/length/time^2": "pressure", "1/time": "frequency", "1/length^2": "fuel economy",
          "length^2*mass/current/time^3": "voltage", "current*time": "charge"}


def _dimension(dim, name):
    """pint's dimensionality as a plain name ("length", "speed", "power"). pint counts bits
    and angles as dimensionless: bytes and bits are "information" ("information/time" per
    second), degrees "angle", ppm and ppb "ratio", any other such unit is its own dimension;
    torque is "torque", not energy."""
    up = [k.strip("[]") + ("^%d" % v if v != 1 else "") for k, v in sorted(dim.items()) if v > 0]
    down = [k.strip("[]") + ("^%d" % -v if v != -1 else "") for k, v in sorted(dim.items()) if v < 0]
    if "bit" in name or "byte" in name:
        return "information" + ("/time" if down == ["time"] else "")
    if name in ("foot_pound", "newton_meter"):
        return "torque"       # an energy for pint; never to be paired with a battery's kWh
    if not up and not down:
        return {"degree": "angle", "ppm": "ratio", "parts_per_billion": "ratio"}.get(name, name)
    d = ("*".join(up) or "1") + ("/" + "/".join(down) if down else "")
    return _NAMED.get(d, d)


# logarithmic units: pint converts a decibel to a ratio (0 dB -> 1); a sound level is
# compared as it is written
_LOGARITHMIC = {"dB"}


def _unit(code):
    expr = _PINT.get(code, code)
    if code not in _PINT and "/" in code:
        # a compound written with a slash ("g/km", "kg/m2"): each side's own expression
        a, b = code.split("/", 1)
        expr = "(%s) / (%s)" % (_PINT.get(a, a), _PINT.get(b, b))
    q = _UREG.Quantity(1, expr) if "*" not in expr and "/" not in expr else _UREG.Quantity(1, _UREG.parse_units(expr))
    if code in _LOGARITHMIC:
        base0, base1 = 0.0, 1.0
    else:
        base0 = _UREG.Quantity(0, q.units).to_base_units().magnitude
        base1 = _UREG.Quantity(1, q.units).to_base_units().magnitude
    name = str(q.units).replace(" ** ", "^").replace(" / ", "_per_").replace(" * ", "_")
    return Unit(name, _dimension(q.dimensionality, name), base1 - base0, base0)


def build(codes):
    """{code: Unit} for every code (a code pint does not know raises: a lexicon typo)."""
    return {c: _unit(c) for c in codes}


def compound(units, code):
    """The Unit of "a/b" (two codes of lexicon.MEASURES), added to `units` the first time it
    is met: a compound is read once per process, not per figure. When pint cannot divide the
    two ("dB/km": a logarithmic unit) it is the first one's, so no text makes extract fail."""
    if code not in units:
        a, b = code.split("/", 1)
        try:
            if a in _LOGARITHMIC or b in _LOGARITHMIC:
                raise ValueError(code)
            units[code] = _unit(code)
        except (pint.errors.PintError, AttributeError, TypeError, ValueError):
            units[code] = units[a] if a in units else _unit(a)
    return units[code]


def significant(x, digits=2):
    """x rounded to `digits` significant digits (what figures of one dimension compare by)."""
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))
