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

# Dates (in `stats` and its weekly summary). $day is the day of the month (a number),
# $month and $weekday the names below, $year four digits.
date-day-month = { $day } { $month }
date-weekday-day-month = { $weekday } { $day } { $month }
date-weekday-day-month-year = { $weekday } { $day } { $month } { $year }
date-weekday = { $day ->
    [mon] Monday
    [tue] Tuesday
    [wed] Wednesday
    [thu] Thursday
    [fri] Friday
    [sat] Saturday
   *[sun] Sunday
}
date-weekday-short = { $day ->
    [mon] Mon
    [tue] Tue
    [wed] Wed
    [thu] Thu
    [fri] Fri
    [sat] Sat
   *[sun] Sun
}
date-month-short = { $month ->
    [jan] Jan
    [feb] Feb
    [mar] Mar
    [apr] Apr
    [may] May
    [jun] Jun
    [jul] Jul
    [aug] Aug
    [sep] Sep
    [oct] Oct
    [nov] Nov
   *[dec] Dec
}
# The same in at most three letters, over the columns of the heatmap.
date-month-column = { $month ->
    [jan] Jan
    [feb] Feb
    [mar] Mar
    [apr] Apr
    [may] May
    [jun] Jun
    [jul] Jul
    [aug] Aug
    [sep] Sep
    [oct] Oct
    [nov] Nov
   *[dec] Dec
}
# A day and a time of day, for when off hours end ([schedule]): $weekday is
# date-weekday-short, $date is date-day-month, $time is time-of-day. "Mon 09:00",
# "24 Dec 09:00".
date-weekday-time = { $weekday } { $time }
date-day-month-time = { $date } { $time }

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
# With no desktop to show it on, the reminder goes to the terminal (stderr) under this
# heading; $summary is reminder-summary.
reminder-terminal-summary = Time for a break: { $summary }

# Buttons.
reminder-button-start-guide = Start guide
reminder-button-done = Done
reminder-button-snooze = Snooze { $duration }
reminder-button-skip = Skip

# Once, after a long pause.
reminder-still-paused = deskbreak is still paused
reminder-still-paused-body = Break reminders have been paused for { $duration }. Run `deskbreak resume` to turn them back on.

## Doses (src/exercises.rs): how much of an exercise to do, in full ("2 sets of 8 reps,
## hold 5 s, each side", in listings) and short ("2 × 8 × hold 5 s each side", in a
## reminder without a hand-written dose). $reps and $sets are 2 or more, $seconds 1 or
## more; $dose is the text of one of the messages above it.

dose-reps = { $reps } reps
dose-hold = hold { $seconds } s
dose-reps-hold = { $reps } reps, hold { $seconds } s
dose-once = once
dose-sets = { $sets } sets of { $dose }
dose-each-side = { $dose }, each side
dose-short-reps-hold = { $reps } × hold { $seconds } s
dose-short-sets = { $sets } × { $dose }
dose-short-each-side = { $dose } each side

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
guide-step-hold = Position
guide-step-move = Move
guide-step-first-side = { $step }, first side
guide-step-other-side = { $step }, other side
guide-step-set = { $step }, set { $set } of { $sets }

## Config errors (src/config/). Key names and values stay as they are in the file.

# ui.language; $choices is "auto", "en", "de", … as the file writes them.
config-language-expected = expected one of { $choices }
config-language-unknown = unknown language { $value }: expected one of { $choices }
# What a value must be. Each follows "file:line:column: key: ". $value is the value as
# the file writes it (quoted if a string).
-duration-hint = a duration such as "45m", "1h 30m" or "20s"
config-duration-expected = expected { -duration-hint } (a quoted string)
# $error is the duration parser's own words.
config-duration-invalid = invalid duration { $value } ({ $error }): expected { -duration-hint }
config-duration-too-long = { $value } is longer than 24h: expected { -duration-hint }
config-duration-zero-or-second = must be "0s" (never) or at least 1s: expected { -duration-hint }
config-duration-at-least-second = must be at least 1s: expected { -duration-hint }
config-micro-length-range = must be from 1s to 5m: expected { -duration-hint }
config-max-snoozes-expected = expected a whole number from 0 to 20
config-max-snoozes-out-of-range = { $value } is out of range: expected a whole number from 0 to 20
config-goal-expected = expected a whole number of percent from 1 to 100, e.g. 80
config-goal-out-of-range = { $value } is out of range: expected a whole number of percent from 1 to 100, e.g. 80
config-flag-expected = expected true or false
config-positions-expected = expected a list of "seated" and/or "standing"
config-position-unknown = unknown position { $value }: expected a list of "seated" and/or "standing"
config-positions-empty = must not be empty: expected a list of "seated" and/or "standing"
config-exclude-expected = expected a list of exercise ids (see `deskbreak exercises`)
# $choices: "auto", "wayland", … as the file writes them.
config-backend-expected = expected one of { $choices }
config-backend-unknown = unknown backend { $value }: expected one of { $choices }
config-tray-expected = expected "auto" (whenever the desktop has a tray) or "off"
config-tray-unknown = unknown value { $value }: expected "auto" (whenever the desktop has a tray) or "off"

config-days-expected = expected a list of day names from "mon" to "sun", e.g. ["mon", "tue"]
config-day-unknown = unknown day { $value }: expected a list of day names from "mon" to "sun", e.g. ["mon", "tue"]
config-days-empty = must not be empty: expected a list of day names from "mon" to "sun", e.g. ["mon", "tue"]
config-hours-expected = expected a range such as "09:00-17:30" or a list such as ["08:30-12:00", "13:00-18:00"]
config-hours-empty = must not be empty: expected a range such as "09:00-17:30" or a list such as ["08:30-12:00", "13:00-18:00"]
# A range in schedule.hours that is not one; $value as the file writes it.
config-range-not-a-range = { $value } is not a range: expected a range of 24-hour times such as "09:00-17:30"
config-range-invalid = { $value } is not a valid range: expected a range of 24-hour times such as "09:00-17:30"
config-range-empty = { $value } is an empty range: expected a range of 24-hour times such as "09:00-17:30"
# What serde and the TOML parser refuse. $key is the key as the file writes it, $choices
# the keys its table has, joined with ", ".
config-key-unknown = unknown key: expected one of { $choices }
config-key-unknown-none = unknown key: this table has no keys
config-table-expected = expected a table (a [section] header and its keys)
# $error is the TOML parser's own words (English).
config-toml-syntax = not valid TOML: { $error }
# $error: why the system could not read it ("permission denied", "a folder, not a file").
config-unreadable = cannot read the file: { $error }
config-not-utf8 = the file is not valid UTF-8 text; save it as UTF-8
config-exercise-unknown = unknown exercise id { $value }: expected a list of exercise ids (see `deskbreak exercises`)
config-no-exercise-left = positions and exclude leave no exercise to suggest: allow another position or exclude fewer exercises
# Why there is no config file to read.
config-missing = no config file
config-missing-symlink = a symlink to { $target }, which does not exist

# The bubble the daemon shows when the file it re-reads is broken; $error names the
# file, line, key and what is expected.
config-error-summary = deskbreak: config error
config-error-body =
    { $error }

    The running config is kept until this is fixed.
config-exercises-kept = { $error }; the last good set of your exercises is kept
config-cannot-read-file = { $path }: cannot read the file ({ $error })
config-cannot-read = cannot read the file ({ $error })
config-file-empty = the file is empty

## Files deskbreak reads and keeps (src/store/): what is wrong with one. Paths stay as
## they are; $error is the system's own words ("Permission denied (os error 13)").

# What is at a path where a regular file belongs, with its article.
store-kind-folder = a folder
store-kind-fifo = a FIFO (named pipe)
store-kind-char-device = a character device
store-kind-block-device = a block device
store-kind-socket = a socket
store-kind-symlink = a symlink
store-kind-other = something other than a file
# $kind is one of the store-kind-… words above.
store-not-regular = it is { $kind }, not a regular file (deskbreak reads only a regular file or a symlink to one)
# $size is a whole number of MiB or KiB.
store-too-large-mib = the file is larger than { $size } MiB; deskbreak does not read it
store-too-large-kib = the file is larger than { $size } KiB; deskbreak does not read it
# The state folder's lock (one daemon per user): $holder is one of store-holder-… below,
# $dir the state folder.
store-lock-held = another deskbreak is already running ({ $holder }) and owns { $dir }; this one changes nothing and exits (talk to the running one with `deskbreak status`, or stop it first, e.g. `systemctl --user stop deskbreak`)
store-lock-is = it is { $kind }
store-lock-not-a-file = { $path }: { $reason }; remove it so that deskbreak can lock its state folder
store-lock-unavailable = cannot lock the state folder: { $error }
store-holder-pid = pid { $pid }
store-holder-pid-host = pid { $pid } on host { $host }
store-holder-host = on host { $host }
store-holder-unknown = pid unknown

## Replies to the CLI's commands (src/control.rs): worded by the CLI in its language
## from what the daemon answers, and by the daemon for other D-Bus callers.

# $done is one of the replies below; $duration is rounded up to the minute.
cli-reply-next-break = { $done } Next break in { $duration }.
cli-reply-done = Break done.
cli-reply-snoozed = Snoozed.
cli-reply-skipped = Break skipped.
cli-reply-resumed = Resumed.
cli-reply-break-now = Break prompt shown.
cli-reply-paused-for = Paused for { $duration }.
cli-reply-paused = Paused until `deskbreak resume`.
cli-reply-paused-until = Paused until { $time }.
cli-reply-reloaded = Config reloaded from { $path }.
cli-reply-guide-stopped = Guide stopped; the break is still due.

# $error is the config error (file:line:column: key: what is wrong).
cli-refused-config = { $error }; the running config is kept
cli-refused-no-break = No break is waiting for an answer.
cli-refused-no-break-snoozed = No break is waiting for an answer (the break is snoozed).
cli-refused-no-break-next = No break is waiting for an answer; the next one is in { $duration }.
cli-refused-snooze-limit =
    { $count ->
        [0] Snoozing is turned off (breaks.max_snoozes = 0); take the break or skip it.
        [one] Already snoozed once (breaks.max_snoozes); take the break or skip it.
       *[other] Already snoozed { $count } times in a row (breaks.max_snoozes); take the break or skip it.
    }
cli-refused-paused = Reminders are paused; `deskbreak resume` first.
cli-refused-not-paused = Reminders are not paused.
cli-refused-guiding = A guided break is running; it records itself when it ends.
cli-refused-not-guiding = No guided break is running.

## The CLI's errors when it cannot reach the daemon (src/control.rs).

cli-error-not-running = deskbreak is not running (nothing owns { $name } on the session bus); start it with `deskbreak run`
cli-error-no-bus = cannot reach the session bus: { $error }; is this a desktop session?
cli-error-no-answer = no answer within { $seconds } s from deskbreak or the session bus; the daemon may be stuck (`systemctl --user restart deskbreak`)
cli-error-bus = the session bus connection failed ({ $error })
cli-error-garbled = cannot read the daemon's status: { $error }
cli-error-unknown-phase = unknown phase { $phase }
cli-error-unknown-backend = unknown idle backend { $backend }
# The session bus itself (src/bus.rs); $error is the bus library's own words.
bus-error-unreachable = no session bus ({ $error })
bus-error-no-answer = the session bus did not answer within { $seconds } s (its socket accepts connections but nothing replies)
# No home folder to find the files in (src/paths.rs).
cli-error-no-home = cannot find a home directory (set HOME or XDG_CONFIG_HOME and XDG_STATE_HOME)

## The command line's own messages (src/main.rs).

cli-damaged-lines = { $count ->
    [one] skipped one damaged line in { $path }
   *[other] skipped { $count } damaged lines in { $path }
}
cli-config-exists = { $path } already exists; not overwriting it (remove it first to start over)
cli-config-written = wrote the default config to { $path }
cli-check-own-exercises = { $path }: ok ({ $count } of your own)
# $why says why there is no file (usually "no such file").
cli-check-missing = { $path }: { $why }; the built-in defaults apply
cli-check-empty = { $path }: ok (empty: the built-in defaults apply at start-up; a running daemon keeps its last good config)
cli-check-ok = { $path }: ok
cli-exclusions-not-shown = { $error } (exclusions not shown)
cli-no-such-exercise = no exercise { $id }; `deskbreak exercises` lists them
# A write or a start-up step failed; the system's reason follows after ": ".
cli-cannot-write-stdout = cannot write to standard output
cli-cannot-write-completions = cannot write the completion script
cli-cannot-write-man-pages = cannot write the man pages into { $path }
cli-cannot-create = cannot create { $path }
cli-cannot-write = cannot write { $path }
cli-cannot-start-runtime = cannot start the async runtime
# $signal is SIGTERM, SIGINT, …
cli-cannot-handle-signal = cannot handle { $signal }
# $error is the system's reason.
cli-cannot-create-folder = cannot create the folder { $path }: { $error }
# An error and what caused it (the system's words, usually).
cli-error-cause = { $error }: { $cause }

## `deskbreak exercises` and `deskbreak exercises show ID`.

exercises-mark-yours = yours
exercises-mark-excluded = excluded
exercises-mark-yours-excluded = yours, excluded
# "seated, neck, 10 reps, hold 5 s, about 2 min"
exercises-details = { $position }, { $area }, { $dose }, about { $duration }
exercises-details-full = { $position }, { $area }, about { $duration }
exercises-details-needs = { $details }, needs { $things }
exercises-show-yours = Yours, from { $path }
exercises-show-excluded = Not suggested: excluded by exercises.positions or exercises.exclude
exercises-show-dose = Dose: { $dose }.
exercises-show-safety = Safety: { $safety }
exercises-show-source = Source: { $source }
position-seated = seated
position-standing = standing
area-neck = neck
area-shoulders = shoulders
area-upper-back = upper back
area-chest = chest
need-chair = a chair

## The guide in the terminal (`deskbreak guide`).

guide-cli-no-break = { $why } `deskbreak guide ID` practices any exercise without recording it.
guide-cli-unknown-exercise = the daemon guides { $id }, which this terminal does not know
guide-cli-start-recorded = { $exercise } · { $dose } (about { $duration }). Recorded when it ends; Ctrl-C stops.
guide-cli-start-practice = { $exercise } · { $dose } (about { $duration }). Practice: nothing is recorded; Ctrl-C stops.
guide-cli-stopped-elsewhere = The guide was stopped; nothing more is recorded here.
# $stopped is cli-reply-guide-stopped.
guide-cli-stopped-answer = { $stopped } Answer with deskbreak done, snooze or skip.
guide-cli-stopped = Stopped.
guide-cli-done-practice = Done. Practice: nothing recorded.
guide-cli-done-recorded = Done. The break is recorded.
guide-cli-done-unconfirmed = Done here; the daemon has not confirmed it yet (`deskbreak status`).

## `deskbreak service install` and `uninstall` (src/service.rs): one line per thing
## done, then the errors. Paths, unit names, commands and what systemctl says stay as
## they are.

service-removed-hiding = removed { $path }: it would hide the installed unit { $unit }
service-using-installed = using the installed unit { $unit }
service-up-to-date = { $path } is up to date
service-wrote-unit = wrote { $path } (ExecStart={ $binary } run)
service-removed-autostart-replaced = removed the autostart entry { $path }: the service replaces it
service-reloaded = reloaded the systemd user manager
service-enabled = enabled and started { $unit }: it starts with your graphical session from now on (`systemctl --user status deskbreak` shows what it is doing)
service-no-graphical-session = note: graphical-session.target is not active, so your desktop does not tell systemd when it starts and deskbreak will not start by itself at the next login; `deskbreak service install --autostart` starts it from the desktop instead
service-wrote-autostart = wrote { $path }: deskbreak starts when you log in to your desktop
service-disabled-replaced = stopped and disabled { $unit }: the autostart entry replaces it
service-removed = removed { $path }
service-not-started-now = it is not started now: log out and back in, or run `deskbreak run &`
service-disabled = stopped and disabled { $unit }
# $reason is one of service-manager-… or what systemctl said.
service-no-manager-nothing-stopped = the systemd user manager cannot be reached ({ $reason }); nothing was stopped
service-removed-autostart = removed the autostart entry { $path } (a deskbreak it started keeps running until you log out)
service-nothing-to-remove = nothing to remove: there is no { $unit } and no { $autostart }
service-system-unit-stays = { $path } stays: it was installed system-wide (by a package or the administrator)
service-error-no-home = cannot find a home directory (set HOME or XDG_CONFIG_HOME)
service-error-binary = cannot tell where this deskbreak binary is: { $error }
# $why is one of service-path-….
service-error-unusable-path = the path { $path } cannot be used in a unit file: { $why }; move deskbreak elsewhere
service-path-not-utf8 = it is not UTF-8
service-path-control = it contains a control character
service-path-relative = it is not absolute
service-error-write = cannot write { $path }: { $error }
service-error-remove = cannot remove { $path }: { $error }
service-error-create-folder = cannot create the folder { $path }: { $error }
service-error-no-user-manager =
    the systemd user manager cannot be reached ({ $reason }), so deskbreak cannot run as a user service here; nothing was changed.
    To start deskbreak when you log in to your desktop without systemd, write an XDG autostart entry instead:
        deskbreak service install --autostart
    or start `deskbreak run` from your window manager's startup file.
# $command: the arguments after --user; $message: the first line systemctl printed.
service-error-systemctl =
    `systemctl --user { $command }` failed: { $message }
    `deskbreak doctor` and `journalctl --user -u deskbreak` tell more
service-manager-not-installed = { $program } is not installed
service-manager-cannot-run = cannot run { $program }: { $reason }
service-no-output = no output
# The autostart entry's Comment (a desktop's list of startup programs shows it).
service-autostart-comment = Desk-break reminder

## doctor (src/doctor.rs).

doctor-found-problem = found a problem; the fixes are above
# The first word of a line; padded to 8 characters.
doctor-level-ok = ok
doctor-level-warning = warning
doctor-level-problem = problem
doctor-fix = fix: { $fix }
doctor-all-good = All good: breaks should come.
doctor-warnings = { $warnings ->
    [one] 1 warning; breaks should still come.
   *[other] { $warnings } warnings; breaks should still come.
}
doctor-problems = { $problems ->
    [one] 1 problem
   *[other] { $problems } problems
} and { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}: fix the problems first.
# The language check. $language is the language's own name ("Deutsch"), $code its
# code ("de"), $from one of the doctor-language-from-… texts.
doctor-language-complete = { $language } ({ $code }, { $from }): every message and exercise is translated
doctor-language-complete-builtin = { $language } ({ $code }, { $from }): every message and built-in exercise is translated
# $missing is doctor-language-lacks-messages, doctor-language-lacks-fields, or both
# joined by doctor-language-and.
doctor-language-lacks = { $language } ({ $code }, { $from }): not translated yet, so read in English: { $missing }
doctor-language-lacks-messages = { $count ->
    [one] 1 message
   *[other] { $count } messages
}
doctor-language-lacks-fields = { $count ->
    [one] 1 exercise text
   *[other] { $count } exercise texts
}
doctor-language-and = { $first } and { $second }
# The user's own exercises (exercises.json beside the config); $file is their
# translation into the language in use (exercises.LANG.ftl).
doctor-language-own-complete = { $total ->
    [one] your own exercise is translated too
   *[other] your { $total } own exercises are translated too
} ({ $file })
doctor-language-own-lacks = { $total ->
    [one] your own exercise is
   *[other] { $untranslated ->
        [one] 1 of your { $total } own exercises is
       *[other] { $untranslated } of your { $total } own exercises are
    }
} not fully translated into this language: what is missing reads in English
# When none is ($total is 2 or more).
doctor-language-own-none = none of your { $total } own exercises is fully translated into this language: what is missing reads in English
doctor-language-own-fix = { $file } beside your exercises.json translates your own exercises, as "Translating deskbreak" in the README shows
doctor-language-fix = a translation can be completed as "Translating deskbreak" in the README says
doctor-language-from-config = ui.language in the config
doctor-language-from-locale = from the locale { $locale }
doctor-language-untranslated = no translation for the locale { $locale }
doctor-language-no-locale = no locale set

## doctor: the checks (src/doctor.rs, src/doctor/words.rs). Program names, paths,
## environment variables, config keys, commands in `backticks` and unit names stay as
## they are. A cause the system gives ($error) is quoted in its own words.

# The name of each check, first on its line.
doctor-check-config = config
doctor-check-language = language
doctor-check-session-bus = session bus
doctor-check-notifications = notifications
doctor-check-idle-backend = idle backend
doctor-check-logind = logind
doctor-check-holds = holds
doctor-check-service = service
doctor-check-daemon = daemon
# A check's line, after its level: "session bus: reachable".
doctor-check-line = { $name }: { $detail }
doctor-name-unowned = nothing owns { $name }
doctor-config-missing = no file at { $path }; the built-in defaults apply
doctor-config-empty = { $path } is empty; the built-in defaults apply
# $interval is a duration ("45 min").
doctor-config-valid = { $path } is valid (a break every { $interval } of sitting)
doctor-config-fix = correct the file (`deskbreak config check` checks it again); until then `deskbreak run` refuses to start and a running daemon keeps its last good config
doctor-config-own-broken = your own exercises are not used until this is fixed: { $error }
doctor-config-fix-own = correct your exercises file (`deskbreak config check` checks it again); until then reminders suggest the built-in exercises only
doctor-bus-reachable = reachable
doctor-bus-cannot-connect = cannot connect: { $error }
doctor-bus-no-answer = cannot connect: the session bus did not answer within { $duration } (its socket accepts connections but nothing replies)
doctor-bus-fix = run deskbreak inside your desktop session, where DBUS_SESSION_BUS_ADDRESS (or $XDG_RUNTIME_DIR/bus) leads to the session bus
doctor-fix-bus-first = fix the session bus first
doctor-notifications-no-bus = not checked: without a session bus reminders only go to stderr
doctor-notifications-none = no notification server ({ $why }); reminders only go to stderr
doctor-notifications-none-fix = install a notification daemon such as dunst or mako, or use a desktop that has one (GNOME, KDE Plasma, Xfce, …)
# The server as it names itself: "dunst 1.9.0 by dunstproject (specification 1.2)".
doctor-notifications-server = { $name } { $version } by { $vendor } (specification { $spec })
# The buttons' names as the reminder shows them.
doctor-notifications-buttons = { $server }, shows Done/Snooze/Skip buttons
# $place is doctor-notifications-dunst or doctor-notifications-mako.
doctor-notifications-buttons-where = { $server }, shows Done/Snooze/Skip buttons; { $place }
doctor-notifications-dunst = on dunst the buttons are in its context menu (`dunstctl context`, which needs dmenu or rofi; bind it to a key), a middle click starts the guide, and a left click closes the reminder, which counts like Snooze
doctor-notifications-mako = on mako the buttons are in `makoctl menu` (bind it to a key), and a click on the bubble starts the guide
doctor-notifications-no-buttons = { $server } does not show buttons on notifications
doctor-notifications-no-buttons-fix = answer a break from a terminal with `deskbreak done`, `deskbreak snooze` or `deskbreak skip` (the reminder says so), or use a notification server with actions, such as dunst, mako or your desktop's own
# $backend is a backend's name as the config writes it (wayland, gnome, x11, screensaver).
doctor-idle-not-used = { $backend } not used: { $reason }
doctor-idle-forced-none = none, as `activity.backend = "none"` in the config says: all waking time counts as sitting
doctor-idle-forced-none-fix = set `activity.backend = "auto"` so time away from the keyboard counts as a break
doctor-idle-none = none works here, so all waking time counts as sitting
doctor-idle-none-fix = run deskbreak inside your desktop session (it needs WAYLAND_DISPLAY or DISPLAY, or GNOME's idle monitor); if `activity.backend` forces a backend, try "auto"
doctor-idle-not-a-backend = not a backend
doctor-idle-timeout = did not answer within { $duration }
doctor-wayland-inherited-socket = cannot use the socket in WAYLAND_SOCKET: { $error }
doctor-wayland-no-display = WAYLAND_DISPLAY is not set (not a Wayland session)
doctor-wayland-no-runtime-dir = XDG_RUNTIME_DIR is not set to an absolute path, so WAYLAND_DISPLAY={ $display } cannot be located
doctor-wayland-connect = cannot connect to the Wayland compositor at { $path }: { $error }
doctor-wayland-socket = cannot use the Wayland socket at { $path }: { $error }
doctor-wayland-watch = cannot watch the Wayland socket: { $error }
doctor-wayland-timeout = the Wayland compositor did not answer within { $duration }
doctor-wayland-no-idle-notify = the compositor does not implement ext-idle-notify-v1 (no ext_idle_notifier_v1 global; GNOME does not implement it, the gnome backend covers GNOME)
doctor-wayland-no-seat = the compositor offers no wl_seat, so there is no input to watch
doctor-wayland-protocol = Wayland protocol error: { $error }
doctor-wayland-connection = Wayland connection error: { $error }
doctor-wayland-dispatch = Wayland dispatch error: { $error }
doctor-gnome-unavailable = org.gnome.Mutter.IdleMonitor is not available ({ $error }); not a GNOME session
doctor-screensaver-unavailable = org.freedesktop.ScreenSaver.GetSessionIdleTime is not available ({ $error })
doctor-x11-empty-display = DISPLAY is empty: no X11 session
doctor-x11-no-display = DISPLAY is not set: no X11 session
doctor-x11-display-not-utf8 = DISPLAY is not valid UTF-8
doctor-x11-thread = cannot start the X11 probe: { $error }
doctor-x11-probe-died = the X11 probe of display { $display } failed
doctor-x11-timeout = X display { $display } did not answer within { $duration } (is the X server stopped?)
doctor-x11-connect = cannot connect to X display { $display }: { $error }
doctor-x11-no-screen = X display { $display } has no screen { $screen }
doctor-x11-no-screensaver = X display { $display } lacks the { $extension } extension
doctor-x11-failed = X display { $display }: { $error }
# $session is logind's object path for the session.
doctor-logind-reachable = reachable, watching session { $session }: screen lock and suspend count as time away
doctor-logind-unreachable = not reachable ({ $reason }): screen lock is not tracked, and a suspend is noticed only by the clock
doctor-logind-fix = deskbreak needs systemd-logind (or elogind) on the system bus to see screen locks; without it, breaks still come
doctor-logind-no-bus = no system bus ({ $error })
doctor-logind-timeout = logind did not answer
doctor-logind-unknown-session = logind does not know session { $id } ({ $error })
doctor-logind-unavailable = logind is not available ({ $error })
doctor-logind-no-display = cannot read the user's display session ({ $error })
doctor-logind-no-graphical-session = the user has no graphical session
doctor-logind-closed = the system bus connection closed
# $unit is deskbreak.service; $entry the autostart entry's path.
doctor-service-unknown = cannot tell: { $error }
doctor-service-unknown-fix = start deskbreak with your desktop: `deskbreak service install`
doctor-service-no-home = cannot find a home directory (set HOME or XDG_CONFIG_HOME)
doctor-service-twice = { $unit } is enabled and the autostart entry { $entry } exists: two daemons race for the bus at every login
doctor-service-twice-fix = keep one: `deskbreak service install` (systemd) or `deskbreak service install --autostart` removes the other
doctor-service-autostart = starts at login from the autostart entry { $entry }
doctor-service-no-graphical-session = { $unit } is enabled and running, but graphical-session.target is not active, so it will not start by itself at the next login
doctor-service-no-graphical-session-fix = your desktop does not start graphical-session.target: use `deskbreak service install --autostart` instead
doctor-service-running = { $unit } is enabled and running
# $state is the word `systemctl --user is-active` prints.
doctor-service-enabled-not-running = { $unit } is enabled but { $state ->
    [failed] failed
    [activating] still starting
    [deactivating] stopping
    [inactive] not running
   *[other] not running ({ $state })
}
doctor-service-journal-fix = `journalctl --user -u deskbreak` says why; `systemctl --user restart deskbreak` starts it again
doctor-service-not-enabled = { $unit } is running but not enabled: it will not start at the next login
doctor-service-enable-fix = `deskbreak service install` enables it
# $state is the word `systemctl --user is-enabled` prints ("not-found": no such unit).
doctor-service-not-started = deskbreak does not start with your desktop ({ $unit } is { $state ->
    [disabled] disabled
    [masked] masked
    [not-found] not installed
   *[other] { $state }
})
doctor-service-install-fix = `deskbreak service install` installs, enables and starts the user service
doctor-service-no-manager = deskbreak does not start with your desktop: no systemd user manager ({ $reason }) and no autostart entry
doctor-service-no-manager-fix = `deskbreak service install --autostart` starts it when you log in; or start `deskbreak run` from your window manager's startup file
doctor-systemctl-not-installed = { $program } is not installed
doctor-systemctl-cannot-run = cannot run { $program }: { $error }
doctor-daemon-no-bus = not checked: a running daemon is found through the session bus
doctor-daemon-not-running = no deskbreak is running on this session bus ({ $why })
doctor-daemon-start-fix = start it: `deskbreak service install` (then it starts with your desktop), or `deskbreak run` in a terminal
# $status is the status line's summary ("working: sitting 12 min, next break in …").
doctor-daemon-running = running (pid { $pid }): { $status }; idle backend: { $backend }
doctor-daemon-silent = running (pid { $pid }), but it does not answer: { $error }
doctor-daemon-restart-fix = restart it: `systemctl --user restart deskbreak`, or stop and start `deskbreak run`
# The signals of the "holds" check (src/doctor/holds.rs): what is read. $server,
# $desktop and $display are names as the system gives them (dunst, GNOME, XWayland).
doctor-signal-dnd = do-not-disturb
doctor-signal-dnd-of = { $server } do-not-disturb
doctor-signal-inhibitors = idle inhibitors
doctor-signal-inhibitors-of = { $desktop } idle inhibitors
doctor-signal-fullscreen = fullscreen window
doctor-signal-fullscreen-on = { $display } fullscreen window
doctor-signal-camera = camera (/dev/video*)
doctor-signal-microphone-server = microphone (PulseAudio or PipeWire capture streams)
doctor-signal-microphone-alsa = microphone (ALSA capture substreams)
doctor-signal-meeting = camera and microphone
# Why the fullscreen signal cannot be read (src/sources/holds/fullscreen/).
doctor-fullscreen-no-display = neither WAYLAND_DISPLAY nor DISPLAY is set: no display to read
doctor-fullscreen-no-toplevels = the compositor offers no zwlr_foreign_toplevel_manager_v1, so its fullscreen windows cannot be seen (GNOME and KDE on Wayland expose no fullscreen state): idle inhibitors are the signal here
doctor-fullscreen-old-toplevels = the compositor's zwlr_foreign_toplevel_manager_v1 is version 1, which has no fullscreen state (version 2 added it): idle inhibitors are the signal here
doctor-fullscreen-toplevels-finished = the compositor stopped listing its windows (zwlr_foreign_toplevel_manager_v1 finished)
doctor-fullscreen-no-ewmh = the window manager of X display { $display } does not set _NET_ACTIVE_WINDOW (not an EWMH window manager), so the focused window is unknown
doctor-x11-bad-display = DISPLAY={ $display } is not a display name
doctor-fullscreen-thread-ended = the thread reading the display ended without an answer

## The daemon's answers to calls it cannot carry out (src/control.rs), in its language.

cli-error-shutting-down = deskbreak is shutting down
cli-error-busy = { $count } calls are already waiting for deskbreak; try again
cli-error-days = { $days } days: expected 1 to { $most }
cli-error-snooze-too-long = a snooze of { $seconds } s is longer than 24 h
cli-error-pause-too-long = a pause of { $seconds } s is longer than 24 h
# $value is a number of Unix seconds.
cli-error-not-a-time = { $value } is not a time
cli-error-in-the-past = { $time } is in the past
cli-error-pause-too-far = a pause until { $date } { $time } is more than 7 days ahead
cli-error-already-running = another deskbreak is already running on this session bus ({ $name } is taken)
cli-error-cannot-serve = cannot serve on the session bus: { $error }

## `deskbreak status` and the waybar module's tooltip (src/status_view.rs). The words
## only: the JSON keys, the phase names in --json and waybar's classes stay English.

status-not-running = deskbreak is not running
# $summary is one of the lines below; $backend the idle backend's config name.
status-line = { $summary }; idle backend: { $backend }
status-working = working: sitting { $sitting }, next break in { $duration } (at { $time })
status-due = break due: sitting { $sitting }
status-snoozed = snoozed: reminder again in { $duration } (at { $time }), sitting { $sitting }
status-away = away: on a break
status-guiding = guiding: a guided break is running
status-paused-until = paused until { $time } ({ $duration } left); sitting { $sitting }
status-paused = paused until `deskbreak resume`; sitting { $sitting }
# Outside working hours ([schedule]); $time is "09:00" (today), "Mon 09:00" (within a
# week) or "24 Dec 09:00".
status-off-hours-until = off hours until { $time }
status-off-hours = off hours
# The waybar module's text: minutes to the next break, or the phase in a word.
status-bar-minutes = { $minutes }m
status-bar-due = break
status-bar-away = away
status-bar-guiding = guide
status-bar-paused = paused
# A due break held back (see the README's "When deskbreak will not interrupt you").
# $holds lists what holds it, each worded by wait-hold below, joined by ", ".
status-waiting = waiting: { $holds }; sitting { $sitting }
# The same with `respect.max_delay` set: $time is when it is shown anyway.
status-waiting-at-most = waiting: { $holds }; break at { $time } at the latest, sitting { $sitting }
status-bar-waiting = wait

## What holds a due break back, in the status line: "meeting (camera in use by zoom)".
## $reason is one of wait-reason-… below, $detail one of the wait-… messages that follow
## (src/sources/holds/detail.rs words them from what the detector found, in the language
## of whoever reads the status). A fullscreen window's and an inhibitor's detail are
## shown alone ("waiting: mpv is fullscreen"): they name their reason already.

wait-hold = { $reason } ({ $detail })
wait-reason-do-not-disturb = do not disturb
wait-reason-fullscreen = fullscreen
wait-reason-inhibitor = inhibited
wait-reason-meeting = meeting
# In place of the list when every reason comes from a newer daemon this one cannot word.
wait-unknown = for a reason this version of deskbreak cannot name
status-bar-off-hours = off

## `deskbreak doctor`'s "holds" section (src/doctor/holds.rs): every signal that can hold a
## due break back, one line each. $name is one of the doctor-signal-… messages, $reason one
## of the doctor-… reasons a signal cannot be read.

doctor-holds-intro = what a due break waits for (read when a break falls due, never at rest):
doctor-holds-signal = { $name }: { $reading }
# $key is the setting, e.g. respect.meetings.
doctor-holds-signal-off = { $name }: { $reading } (not respected: { $key } = false)
doctor-holds-clear = readable, nothing holds a break now
doctor-holds-held = readable, holds a break now: { $hold }
doctor-holds-unreadable = not readable: { $reason }
doctor-holds-all-off = every respect.* setting is off: breaks never wait
# $keys lists settings, e.g. "respect.do_not_disturb, respect.meetings".
doctor-holds-blind-fix = nothing this desktop offers can be read for { $keys }: breaks come even then; the README's "When deskbreak will not interrupt you" lists what each desktop offers

## The tray icon's menu (src/effects/tray/). Its first row and tooltip are the status
## line above, capitalised.

tray-break-now = Take a break now
tray-show-break-again = Show the break again
tray-guide = Start guided break
tray-snooze = Snooze
tray-resume = Resume reminders
tray-pause-half-hour = Pause for 30 minutes
tray-pause-hour = Pause for 1 hour
tray-pause-tomorrow = Pause until tomorrow
tray-open-config = Open config file
tray-quit = Quit deskbreak
tray-today = { $count ->
    [0] Today: no breaks yet
    [one] Today: 1 break
   *[other] Today: { $count } breaks
}

## Your own exercises and their translations (src/exercises.rs,
## src/exercises/translation.rs): what is wrong in exercises.json or exercises.LANG.ftl
## beside the config. Field and key names (dose.reps, hold_secs, step-2, null) and the
## Fluent syntax shown stay as the file writes them.

# $exercise is the id, quoted.
exercises-error-exercise = exercise { $exercise }
exercises-error-position = #{ $number } in the list
exercises-error-too-large = larger than 1 MiB: expected a short list of exercises
# $found says what is there ("a folder"); $expected is exercises-expected-json or -ftl.
exercises-error-not-regular = { $found }, not a regular file: expected { $expected }
exercises-error-not-utf8 = not UTF-8 text: expected { $expected }
exercises-expected-json = a JSON file
exercises-expected-ftl = a Fluent file (.ftl)
exercises-error-version = { $version } is not supported: expected 1
exercises-error-id-twice-in-file = is used twice in this file: expected each id once
exercises-error-id-twice = is used twice
exercises-error-id = expected lowercase letters, digits and '-' (at most 64)
exercises-error-id-reserved = "own" is reserved: expected another id
exercises-error-name = expected a name of 1 to 40 characters
exercises-error-safety = must not be empty: say when to ease off or stop
exercises-error-steps = expected 2 to 5 non-empty steps
exercises-error-duration = expected a number of seconds from 10 to 600
exercises-error-sets = expected 1 to 5 sets
exercises-error-reps = expected 1 to 50 (a desk break), or null
exercises-error-hold = expected 1 to 120 seconds (a desk break), or null
exercises-error-dose = expected reps or hold_secs (or both)
exercises-error-too-long = expected at most { $most } characters
# $error is Fluent's own description of the syntax error (English).
exercises-ftl-syntax = { $error }: expected `id =` and then lines `    .field = text`
exercises-ftl-twice = is translated twice: expected each id once
exercises-ftl-value = has a text after `=`: expected the name as `.name = …` on the next line
exercises-ftl-empty = is empty: expected a text
exercises-ftl-field-twice = is given twice
# $fields lists the fields: name, step-N, safety, glance-dose, glance-how, glance-safety.
exercises-ftl-not-a-field = is not a field: expected one of { $fields }
exercises-ftl-placeable = has a {"{"} … {"}"} that is not a quoted text: expected plain text (write {"{"}"{"{"}"{"}"} for a brace)
exercises-ftl-no-such-step = the exercise has { $steps } steps: expected step-1 to step-{ $steps }
exercises-ftl-unknown-id = no exercise has this id: expected an id from your exercises.json or a built-in one (`deskbreak exercises` lists them)

## Meetings (src/sources/holds/meeting.rs): what holds a due break back, shown after
## "meeting" in the status ("waiting: meeting (camera in use by zoom)"). $apps is one to
## three program names as the system names them, joined with ", ".

wait-camera-in-use = camera in use by { $apps }
wait-microphone-in-use = microphone in use by { $apps }
# More than three programs: the first three, then how many more.
wait-apps-more = { $apps } and { $count } more
# A program the system gives no name.
wait-an-application = an application
# Programs that give no name.
wait-applications = { $count ->
    [one] one application
   *[other] { $count } applications
}

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
## Holds (src/sources/holds/): what a waiting break waits for, shown after its reason
## ("waiting: fullscreen (mpv is fullscreen)").

# $app is the application's own name for itself (its X11 WM_CLASS, its Wayland app id,
# or its window title), untranslated.
wait-fullscreen-app = { $app } is fullscreen
wait-fullscreen-window = a window is fullscreen

## Why a due break waits (src/sources/holds/dnd.rs, inhibit.rs): the words in brackets
## in "waiting: do not disturb (dunst is paused)". $server, $app and $reason are what the
## desktop's programs call themselves (as they are); $apps is a list joined with ", ".

# $server is the notification server as people know it: dunst, mako, swaync, Xfce,
# KDE Plasma, GNOME, or the name another server gives itself.
wait-dnd-paused = { $server } is paused
wait-dnd-mode = { $server } is in do-not-disturb mode
wait-dnd-on = { $server } do-not-disturb is on
wait-dnd-inhibited = { $server } notifications are inhibited
wait-dnd-holds-back = { $server } holds notifications back
wait-inhibitor-someone = an application inhibits idle
wait-inhibitor-count = { $count } applications inhibit idle
wait-inhibitor-app = { $app } inhibits idle
wait-inhibitor-app-reason = { $app } inhibits idle ({ $reason })
wait-inhibitor-apps = { $apps } inhibit idle
wait-inhibitor-apps-more = { $apps } and { $count } more inhibit idle

## Why doctor cannot read a do-not-disturb switch or the idle inhibitors
## (src/sources/holds/dnd.rs, inhibit.rs). $error is the bus's own words.

doctor-hold-no-bus = no session bus
doctor-dnd-no-server = no notification server is running
doctor-dnd-anonymous = the notification server does not say who it is ({ $error })
doctor-dnd-unknown-server = the notification server { $server } has no do-not-disturb setting deskbreak can read
doctor-dnd-dunst-silent = dunst does not say whether it is paused (dunst 1.6 or later does; { $error })
doctor-dnd-dunst-odd = dunst answered whether it is paused with something else than yes or no
doctor-dnd-mako-silent = mako does not list its modes (mako 1.7 or later does; { $error })
doctor-dnd-swaync-silent = swaync does not say whether do-not-disturb is on ({ $error })
doctor-dnd-xfconf-absent = xfconfd is not running, so xfce4-notifyd's do-not-disturb cannot be read
doctor-dnd-xfconf-silent = xfconf does not answer for xfce4-notifyd ({ $error })
doctor-dnd-xfconf-odd = xfconf holds something else than yes or no in xfce4-notifyd's /do-not-disturb
doctor-dnd-kde-silent = KDE Plasma's notification server does not say whether it is inhibited ({ $error })
doctor-dnd-no-home = no home folder, so the dconf database cannot be found
# $path is the dconf database file.
doctor-dnd-dconf-not-database = { $path } is not a dconf database
doctor-dnd-dconf-damaged = { $path } is damaged
doctor-dnd-dconf-failed = reading the dconf database failed
doctor-inhibit-none = no session manager that lists idle inhibitors (GNOME's or KDE's) is running
doctor-inhibit-gnome-silent = GNOME's session manager does not say whether idle is inhibited ({ $error })
doctor-inhibit-gnome-odd = GNOME's session manager answered which actions are inhibited with something else than a number
doctor-inhibit-kde-silent = KDE's power management does not say whether idle is inhibited ({ $error })
doctor-inhibit-kde-odd = KDE's power management answered its list of inhibitions in a form deskbreak does not know

## `deskbreak stats` (src/stats/chart.rs) and the weekly summary (src/stats/weekly.rs).
## $percent is a whole number; "%" follows it after a space.

stats-title-day = Last day · { $date }
stats-title-days = Last { $days } days · { $from } – { $to }
# `--since` out of range; $date as given (2026-11-30), $most the most days covered.
stats-error-future = { $date } is in the future; give a date up to today
stats-error-too-long = { $date } is { $days } days ago; stats cover at most { $most } days
stats-nothing-recorded =
    No breaks and no sitting time recorded in these days. The daemon (`deskbreak run`, or
    the service) records them as you work.
stats-damaged = { $count ->
    [one] (1 line in the history could not be read and is left out.)
   *[other] ({ $count } lines in the history could not be read and are left out.)
}
stats-today = Today
stats-yesterday = Yesterday
# A week's row: "23–29 Nov", or across months "30 Nov – 6 Dec".
stats-week-same-month = { $from }–{ $to }
stats-week = { $from } – { $to }
# The table's column headings, and what the bar says on a day without breaks.
stats-column-breaks = breaks
stats-column-taken = taken
stats-column-share = share
stats-column-sitting = sitting
stats-column-longest = longest
stats-no-breaks = no breaks
stats-taken-of = { $taken } of { $due }
stats-percent = { $percent } %
# Each of $done … $snoozed is the mark the bars use for it.
stats-legend = { $done } done  { $guided } guided  { $natural } natural  { $skipped } skipped  { $snoozed } snoozed
stats-legend-per-mark = (one mark per { $count })
# $share is stats-percent.
stats-share = { $share } ({ $taken } of { $due })
stats-share-none = — (no break due)
# The figures under the table: a label, then its line.
stats-label-taken = Breaks taken
stats-label-streak = Streak
stats-label-sitting = Sitting
stats-label-longest = Longest
stats-label-areas = Body areas
stats-label-most-done = Most done
stats-label-micro = Micro-breaks
# $today and $week are stats-share.
stats-adherence = today { $today } · last 7 days { $week }
stats-adherence-days = last { $days } days { $share }
stats-streak = { $days ->
    [one] 1 day in a row at { $goal } % or more (stats.goal)
   *[other] { $days } days in a row at { $goal } % or more (stats.goal)
}
stats-sitting = { $days ->
    [one] { $duration } in 1 day
   *[other] { $duration } in { $days } days
}
stats-sitting-average = { $duration } in { $days } days, { $average } a day on average
stats-longest = { $duration } without a break ({ $date })
# $area is area-neck, area-shoulders, …
stats-area-count = { $area } { $count }
stats-areas-none = no exercise done in the last 7 days
stats-areas-all = all four covered in the last 7 days
stats-areas-neglected = neglected in the last 7 days: { $areas }
stats-most-done-item = { $exercise } ({ $times }×)
stats-micro = { $count } (not counted in the share taken)
stats-heatmap-title = Share of breaks taken, by day
# The marks: $none nothing due, $low under half the goal ($half), $mid under the goal,
# $good at the goal or more, $all every break taken.
stats-heatmap-legend = { $none } nothing due  { $low } under { $half } %  { $mid } under { $goal } %  { $good } { $goal } % or more  { $all } all taken

# The weekly summary notification.
stats-weekly-title-same-month = Last week ({ $from }–{ $to })
stats-weekly-title = Last week ({ $from } – { $to })
stats-weekly-taken = You took { $percent } % of your breaks ({ $taken } of { $due }; your goal is { $goal } %).
stats-weekly-none-due = No break came due.
stats-weekly-streak = { $days ->
    [0] No streak of days at your goal right now.
    [one] Streak: 1 day at your goal.
   *[other] Streak: { $days } days in a row at your goal.
}
stats-weekly-longest = Longest stretch without a break: { $duration } ({ $weekday }).

## `deskbreak history` in words (src/stats/export.rs): one line per break, the outcome in
## a padded column. --csv and --json stay as the file has them, in any language.

history-outcome = { $outcome ->
    [done] done
    [snoozed] snoozed
    [skipped] skipped
    [dismissed] dismissed
    [natural] natural
   *[micro] micro
}
# $duration is how long the user had been sitting.
history-after = after { $duration }
history-error-write = cannot write the output

## Micro-breaks (src/effects/reminder.rs): one line each, no buttons, on screen for
## `micro.length`. Desk-friendly only.

micro-cue-chin-tuck = Micro-break: sit tall, gently draw your chin straight back, hold 5 s, relax
micro-cue-shoulder-squeeze = Micro-break: squeeze your shoulder blades together, hold 5 s, let go
micro-cue-look-far = Micro-break: look at something 6 m away for 20 seconds
