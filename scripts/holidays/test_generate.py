#!/usr/bin/env python3
"""The bundled calendars against their source: for five countries (three with a subdivision),
every holiday of 2025 in assets/holidays/ must be the python `holidays` package's, name for
name, and the files must be exactly what generate.py writes. Run from the repository:

    python3 scripts/holidays/test_generate.py
"""

import datetime
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402

holidays = generate.load_holidays()
YEAR = 2025
CASES = [("ar", None), ("br", "SP"), ("es", "MD"), ("us", "CA"), ("de", "BY")]


def bundled(code, subdivision):
    """The holidays of YEAR as the bundled file gives them, read the way cronograma reads it."""
    days = {}
    section = None
    path = os.path.join(generate.OUT, f"{code}.txt")
    with open(path, encoding="utf-8") as text:
        for line in text.read().splitlines():
            if line.startswith("#") or line.startswith("country "):
                continue
            if line.startswith("subdivision "):
                section = line.split(" ")[1]
                continue
            if section is None:
                day, _, name = line.partition(" ")
                days[datetime.date.fromisoformat(day)] = name
            elif subdivision and section == subdivision.lower():
                sign, day, *name = line.split(" ", 2)
                day = datetime.date.fromisoformat(day)
                if sign == "+":
                    days[day] = name[0]
                else:
                    days.pop(day, None)
    return {day: name for day, name in days.items() if day.year == YEAR}


class BundledCalendars(unittest.TestCase):
    def test_five_countries_in_one_year_match_the_source(self):
        for code, subdivision in CASES:
            upper = code.upper()
            language = holidays.country_holidays(upper).default_language
            source = holidays.country_holidays(
                upper, subdiv=subdivision, years=YEAR, language=language
            )
            expected = {day: generate.clean(name) for day, name in source.items()}
            with self.subTest(country=code, subdivision=subdivision):
                self.assertEqual(bundled(code, subdivision), expected)
                self.assertGreater(len(expected), 5)

    def test_the_files_are_what_the_generator_writes(self):
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "generate.py")
        result = subprocess.run([sys.executable, script, "--check"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)


if __name__ == "__main__":
    unittest.main()
