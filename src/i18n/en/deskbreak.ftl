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

## Meetings (src/sources/holds/meeting.rs): what holds a due break back, shown after
## "meeting" in the status ("waiting: meeting (camera in use by zoom)"). $apps is one to
## three program names as the system names them, joined with ", ".

wait-camera-in-use = camera in use by { $apps }
wait-microphone-in-use = microphone in use by { $apps }
# More than three programs: the first three, then how many more.
wait-apps-more = { $apps } and { $count } more
# A program the system gives no name.
wait-an-application = an application
wait-process = process { $pid }

## Why `doctor` cannot read a signal of what holds breaks back (src/sources/holds/).
## Paths, program names and environment variables stay as they are.

doctor-holds-no-answer = no answer within { $duration }
doctor-meeting-cannot-list = cannot list { $path }: { $error }
doctor-meeting-no-such-file = it does not exist
doctor-meeting-permission-denied = permission denied
doctor-meeting-scan-slow = reading the open files under { $path } took longer than { $duration }
doctor-meeting-scan-stopped = the scan of { $path } stopped
doctor-meeting-no-asound = no { $path } (no ALSA sound card)
doctor-meeting-pulse-remote = PULSE_SERVER names no local sound server (remote ones are not read)
doctor-meeting-no-runtime-dir = XDG_RUNTIME_DIR is not set: the sound server cannot be found
doctor-meeting-no-server = no sound server at { $path } (PulseAudio or pipewire-pulse)
doctor-meeting-pipewire-without-pulse = no sound server at { $path }: PipeWire runs without pipewire-pulse, whose streams deskbreak reads
doctor-meeting-server-refused = the sound server at { $path } refused deskbreak ({ $error })
doctor-meeting-server-silent = the sound server at { $path } did not answer within { $duration }
doctor-meeting-server-nonsense = the sound server at { $path } sent a message deskbreak cannot read ({ $error })
doctor-meeting-server-too-large = the sound server at { $path } sent a message of { $bytes } bytes, more than deskbreak reads
doctor-meeting-server-failed = the sound server at { $path }: { $error }
