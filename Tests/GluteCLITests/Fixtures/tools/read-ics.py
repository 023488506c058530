#!/usr/bin/env python3
"""Reads an iCalendar file with the independent `icalendar` package and prints a JSON summary
of its events, so the Swift tests can check GluteCoach's export against a real parser.
Usage: read-ics.py FILE"""
import json, sys
import icalendar

with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())
events = []
for ev in cal.walk("VEVENT"):
    start = ev.decoded("DTSTART")
    rrule = ev.get("RRULE")
    events.append({
        "uid": str(ev.get("UID")),
        "summary": str(ev.get("SUMMARY")),
        "start": start.isoformat(),
        "tzid": getattr(start.tzinfo, "key", None) or str(start.tzinfo),
        "utcoffset": start.utcoffset().total_seconds() if start.utcoffset() is not None else None,
        "duration_minutes": ev.decoded("DURATION").total_seconds() / 60,
        "byday": [str(d) for d in rrule.get("BYDAY", [])] if rrule else [],
        "freq": [str(f) for f in rrule.get("FREQ", [])] if rrule else [],
        "alarms": [str(a.get("TRIGGER").to_ical(), "ascii") if hasattr(a.get("TRIGGER"), "to_ical") else str(a.get("TRIGGER")) for a in ev.walk("VALARM")],
        "description": str(ev.get("DESCRIPTION", "")),
    })
zones = [str(z.get("TZID")) for z in cal.walk("VTIMEZONE")]
print(json.dumps({"events": events, "timezones": zones}))
