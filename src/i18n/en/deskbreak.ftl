# deskbreak's messages in English: the source every translation follows.
#
# One message per sentence a person reads. Ids are grouped by where the text appears
# (reminder-, guide-, cli-, status-, stats-, doctor-, config-, tray-, micro-, hours-,
# wait-). Variables ({ $minutes }) are filled in by deskbreak; a translation keeps
# every variable of a message and adds none. Plurals are Fluent selectors:
#   { $count ->
#       [one] one break
#      *[other] { $count } breaks
#   }
# "Translating deskbreak" in the README says how to add a language and check it.

## Durations and times (src/human.rs). Numbers are whole; a duration under a minute
## is in seconds, anything longer in hours and minutes, rounded down.

duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min
# A time of day: $hour is 00 to 23, $minute 00 to 59 (both two digits).
time-of-day = { $hour }:{ $minute }

## The break reminder (src/effects/reminder.rs). Its summary is the exercise's name and
## dose; its body the move, the safety cue and one line of context, joined by " · ".

reminder-summary = { $exercise } · { $dose }
reminder-sitting = Sitting { $duration }
reminder-asked = You asked for this break
# What the exercise needs besides the chair; $things is need-wall, need-doorway or
# both joined with list-and.
reminder-needs = needs { $things }
need-wall = a wall
need-doorway = a doorway
list-and = { $first } and { $second }
reminder-snoozes-used-up = snoozes used up
# The one line said instead of buttons, where the server shows none.
reminder-answer-in-terminal = Answer in a terminal: deskbreak done, snooze, skip or guide
reminder-answer-in-terminal-no-snooze = Answer in a terminal: deskbreak done, skip or guide

# Buttons.
reminder-button-start-guide = Start guide
reminder-button-done = Done
reminder-button-snooze = Snooze { $duration }
reminder-button-skip = Skip

## The guided break (src/effects/reminder.rs, src/engine/guide.rs): the step in the
## summary's place, with its countdown.

guide-summary = { $exercise } · { $step }
guide-countdown = { $seconds } s
guide-get-ready = Get ready… { $countdown }
guide-hold = { $step }: hold… { $countdown }
guide-relax = Relax… { $countdown }
guide-rest = Rest… { $countdown }
guide-switch-sides = Switch sides… { $countdown }
guide-button-stop = Stop
guide-done-summary = { $exercise } · done
guide-done-body = Well done: { $duration } of moving. Break recorded.

# Step names ("Rep 3 of 10"), also shown in the terminal guide.
guide-step-get-ready = Get ready
guide-step-relax = Relax
guide-step-rest = Rest
guide-step-switch-sides = Switch sides
guide-step-rep = Rep { $rep } of { $reps }
guide-step-hold = Hold
guide-step-move = Move
guide-step-first-side = { $step }, first side
guide-step-other-side = { $step }, other side
guide-step-set = { $step }, set { $set } of { $sets }

## Config errors (src/config/). Key names and values stay as they are in the file.

# ui.language; $choices is "auto", "en", "de", … as the file writes them.
config-language-expected = expected one of { $choices }
config-language-unknown = unknown language { $value }: expected one of { $choices }

## Micro-breaks (src/effects/reminder.rs): one line each, no buttons, on screen for
## `micro.length`. Desk-friendly only.

micro-cue-chin-tuck = Micro-break: sit tall, gently draw your chin straight back, hold 5 s, relax
micro-cue-shoulder-squeeze = Micro-break: squeeze your shoulder blades together, hold 5 s, let go
micro-cue-look-far = Micro-break: look at something 6 m away for 20 seconds
