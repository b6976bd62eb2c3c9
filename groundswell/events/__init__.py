"""Events online and offline: hosting with approval, RSVPs with a waitlist, check-in,
reminders and follow-ups, iCalendar. Imports people, journeys, groups, campaigns and core."""
