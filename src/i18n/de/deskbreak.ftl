# deskbreaks Meldungen auf Deutsch: eine Übersetzung von src/i18n/en/deskbreak.ftl.
# Eine Meldung, die hier fehlt, erscheint auf Englisch.
#
# Begriffe: Pause (break), Übung (exercise), Schultern, Erinnerung (reminder),
# Anleitung (guide), Aufschieben/„später“ (snooze), Überspringen (skip), Erledigt
# (done), Wiederholung (rep), Satz (set). Anrede: „Sie“. Dauer: „45 Min.“, „1 Std.
# 30 Min.“, Uhrzeit im 24-Stunden-Format („14:05“).

## Dauer und Uhrzeit

duration-seconds = { $seconds } s
duration-minutes = { $minutes } Min.
duration-hours = { $hours } Std.
duration-hours-minutes = { $hours } Std. { $minutes } Min.
time-of-day = { $hour }:{ $minute }

## Die Erinnerung an die Pause

reminder-summary = { $exercise } · { $dose }
reminder-sitting = Seit { $duration } im Sitzen
reminder-asked = Sie haben um diese Pause gebeten
reminder-needs = benötigt { $things }
need-wall = eine Wand
need-doorway = einen Türrahmen
list-and = { $first } und { $second }
reminder-snoozes-used-up = kein Aufschieben mehr möglich
reminder-answer-in-terminal = Im Terminal antworten: deskbreak done, snooze, skip oder guide
reminder-answer-in-terminal-no-snooze = Im Terminal antworten: deskbreak done, skip oder guide

reminder-button-start-guide = Anleitung starten
reminder-button-done = Erledigt
reminder-button-snooze = { $duration } später
reminder-button-skip = Überspringen

## Dosis einer Übung

dose-reps =
    { $reps ->
        [one] { $reps } Wiederholung
       *[other] { $reps } Wiederholungen
    }
dose-hold = { $seconds } s halten
dose-reps-hold =
    { $reps ->
        [one] { $reps } Wiederholung, { $seconds } s halten
       *[other] { $reps } Wiederholungen, je { $seconds } s halten
    }
dose-once = einmal
dose-sets =
    { $sets ->
        [one] { $sets } Satz: { $dose }
       *[other] { $sets } Sätze à { $dose }
    }
dose-each-side = { $dose }, je Seite
dose-short-reps-hold = { $reps } × { $seconds } s halten
dose-short-sets = { $sets } × { $dose }
dose-short-each-side = { $dose } je Seite

## Die angeleitete Pause

guide-summary = { $exercise } · { $step }
guide-countdown = { $seconds } s
guide-get-ready = Bereit machen … { $countdown }
guide-hold = { $step }: halten … { $countdown }
guide-relax = Lockern … { $countdown }
guide-rest = Ausruhen … { $countdown }
guide-switch-sides = Seite wechseln … { $countdown }
guide-button-stop = Beenden
guide-done-summary = { $exercise } · geschafft
guide-done-body = Gut gemacht: { $duration } Bewegung. Die Pause ist eingetragen.

guide-step-get-ready = Bereit machen
guide-step-relax = Lockern
guide-step-rest = Ausruhen
guide-step-switch-sides = Seite wechseln
guide-step-rep = Wdh. { $rep } von { $reps }
guide-step-hold = Halten
guide-step-move = Bewegen
guide-step-first-side = { $step }, erste Seite
guide-step-other-side = { $step }, andere Seite
guide-step-set = { $step }, Satz { $set } von { $sets }

## Fehler in der Konfiguration (Schlüssel und Werte wie in der Datei)

config-language-expected = erwartet wird einer der Werte { $choices }
config-language-unknown = unbekannte Sprache { $value }: erwartet wird einer der Werte { $choices }
