# deskbreaks Meldungen auf Deutsch: eine Übersetzung von src/i18n/en/deskbreak.ftl.
# Eine Meldung, die hier fehlt, erscheint auf Englisch.
#
# Begriffe: Pause (break), Übung (exercise), Schultern, Erinnerung (reminder),
# Anleitung/angeleitet (guide/guided), aufschieben (snooze, auch auf dem Knopf:
# „10 Min. aufschieben“), überspringen (skip), Erledigt (done), pausieren (pause
# reminders), Wiederholung (rep), Satz (set). Anrede: „Sie“. Dauer: „45 Min.“, „1 Std.
# 30 Min.“, Uhrzeit im 24-Stunden-Format („14:05“).
# Zwischen Zahl und Einheit steht ein geschütztes Leerzeichen (U+00A0), damit die
# Zeile dort nicht umbricht.

## Dauer und Uhrzeit

duration-seconds = { $seconds } s
duration-minutes = { $minutes } Min.
duration-hours = { $hours } Std.
duration-hours-minutes = { $hours } Std. { $minutes } Min.
time-of-day = { $hour }:{ $minute }

# Daten: $day ist der Tag des Monats (eine Zahl), $month und $weekday die Namen unten,
# $year vierstellig.
date-day-month = { $day }. { $month }
date-weekday-day-month = { $weekday }, { $day }. { $month }
date-weekday-day-month-year = { $weekday }, { $day }. { $month } { $year }
date-weekday = { $day ->
    [mon] Montag
    [tue] Dienstag
    [wed] Mittwoch
    [thu] Donnerstag
    [fri] Freitag
    [sat] Samstag
   *[sun] Sonntag
}
date-weekday-short = { $day ->
    [mon] Mo.
    [tue] Di.
    [wed] Mi.
    [thu] Do.
    [fri] Fr.
    [sat] Sa.
   *[sun] So.
}
date-month-short = { $month ->
    [jan] Jan.
    [feb] Feb.
    [mar] März
    [apr] Apr.
    [may] Mai
    [jun] Juni
    [jul] Juli
    [aug] Aug.
    [sep] Sep.
    [oct] Okt.
    [nov] Nov.
   *[dec] Dez.
}
# Dieselben in höchstens drei Buchstaben, über den Spalten der Heatmap.
date-month-column = { $month ->
    [jan] Jan
    [feb] Feb
    [mar] Mär
    [apr] Apr
    [may] Mai
    [jun] Jun
    [jul] Jul
    [aug] Aug
    [sep] Sep
    [oct] Okt
    [nov] Nov
   *[dec] Dez
}
# Wann die Arbeitszeit wieder beginnt: „Mo. 09:00“, „24. Dez. 09:00“.
date-weekday-time = { $weekday } { $time }
date-day-month-time = { $date } { $time }

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
reminder-terminal-summary = Zeit für eine Pause: { $summary }

reminder-button-start-guide = Anleitung starten
reminder-button-done = Erledigt
reminder-button-snooze = { $duration } aufschieben
reminder-button-skip = Überspringen

## Dosis einer Übung

dose-reps =
    { $reps ->
        [one] { $reps } Wiederholung
       *[other] { $reps } Wiederholungen
    }
dose-hold = { $seconds } s halten
dose-reps-hold =
    { $reps ->
        [one] { $reps } Wiederholung, { $seconds } s halten
       *[other] { $reps } Wiederholungen, je { $seconds } s halten
    }
dose-once = einmal
dose-sets =
    { $sets ->
        [one] { $sets } Satz: { $dose }
       *[other] { $sets } Sätze à { $dose }
    }
dose-each-side = { $dose }, je Seite
dose-short-reps-hold = { $reps } × { $seconds } s halten
dose-short-sets = { $sets } × { $dose }
dose-short-each-side = { $dose } je Seite

## Die angeleitete Pause

guide-summary = { $exercise } · { $step }
guide-countdown = { $seconds } s
guide-get-ready = Bereit machen… { $countdown }
guide-hold = { $step }: halten… { $countdown }
guide-relax = Lockern… { $countdown }
guide-rest = Ausruhen… { $countdown }
guide-switch-sides = Seite wechseln… { $countdown }
guide-button-stop = Beenden
guide-done-summary = { $exercise } · geschafft
guide-done-body = Gut gemacht: { $duration } Bewegung. Die Pause ist eingetragen.

guide-step-get-ready = Bereit machen
guide-step-relax = Lockern
guide-step-rest = Ausruhen
guide-step-switch-sides = Seite wechseln
guide-step-rep = Wdh. { $rep } von { $reps }
guide-step-hold = Position
guide-step-move = Bewegen
guide-step-first-side = { $step }, erste Seite
guide-step-other-side = { $step }, andere Seite
guide-step-set = { $step }, Satz { $set } von { $sets }

## Fehler in der Konfiguration (Schlüssel und Werte wie in der Datei)

config-language-expected = erwartet wird einer der Werte { $choices }
config-language-unknown = unbekannte Sprache { $value }: erwartet wird einer der Werte { $choices }

## Antworten auf die Befehle der Kommandozeile

cli-reply-next-break = { $done } In { $duration } kommt die nächste Pause.
cli-reply-done = Pause erledigt.
cli-reply-snoozed = Pause aufgeschoben.
cli-reply-skipped = Pause übersprungen.
cli-reply-resumed = Erinnerungen laufen wieder.
cli-reply-break-now = Erinnerung an die Pause angezeigt.
cli-reply-paused-for = Erinnerungen für { $duration } pausiert.
cli-reply-paused = Erinnerungen pausiert bis `deskbreak resume`.
cli-reply-paused-until = Erinnerungen pausiert bis { $time }.
cli-reply-reloaded = Konfiguration neu geladen aus { $path }.
cli-reply-guide-stopped = Anleitung beendet; die Pause steht weiter an.

cli-refused-config = { $error }; die laufende Konfiguration bleibt
cli-refused-no-break = Keine Pause wartet auf eine Antwort.
cli-refused-no-break-snoozed = Keine Pause wartet auf eine Antwort (die Pause ist aufgeschoben).
cli-refused-no-break-next = Keine Pause wartet auf eine Antwort; in { $duration } kommt die nächste.
cli-refused-snooze-limit =
    { $count ->
        [0] Aufschieben ist ausgeschaltet (breaks.max_snoozes = 0); machen Sie die Pause oder überspringen Sie sie.
        [one] Schon einmal aufgeschoben (breaks.max_snoozes); machen Sie die Pause oder überspringen Sie sie.
       *[other] Schon { $count }-mal hintereinander aufgeschoben (breaks.max_snoozes); machen Sie die Pause oder überspringen Sie sie.
    }
cli-refused-paused = Die Erinnerungen sind pausiert; zuerst `deskbreak resume`.
cli-refused-not-paused = Die Erinnerungen sind nicht pausiert.
cli-refused-guiding = Eine angeleitete Pause läuft; sie wird an ihrem Ende von selbst eingetragen.
cli-refused-not-guiding = Es läuft keine angeleitete Pause.

## Fehler der Kommandozeile, wenn sie den Dienst nicht erreicht

cli-error-not-running = deskbreak läuft nicht (niemand belegt { $name } auf dem Sitzungsbus); starten mit `deskbreak run`
cli-error-no-bus = der Sitzungsbus ist nicht erreichbar: { $error }; ist das eine Desktop-Sitzung?
cli-error-no-answer = keine Antwort von deskbreak oder vom Sitzungsbus innerhalb von { $seconds } s; der Dienst hängt vielleicht (`systemctl --user restart deskbreak`)
cli-error-bus = die Verbindung zum Sitzungsbus ist abgebrochen ({ $error })
cli-error-garbled = der Status des Dienstes ist nicht lesbar: { $error }
cli-error-unknown-phase = unbekannte Phase { $phase }
cli-error-unknown-backend = unbekannte Leerlauferkennung { $backend }
bus-error-unreachable = kein Sitzungsbus ({ $error })
bus-error-no-answer = der Sitzungsbus hat nicht innerhalb von { $seconds } s geantwortet (sein Socket nimmt Verbindungen an, aber nichts antwortet)
cli-error-no-home = kein Benutzerordner zu finden (HOME oder XDG_CONFIG_HOME und XDG_STATE_HOME setzen)

## Meldungen der Kommandozeile selbst

cli-damaged-lines =
    { $count ->
        [one] eine beschädigte Zeile in { $path } übersprungen
       *[other] { $count } beschädigte Zeilen in { $path } übersprungen
    }
cli-config-exists = { $path } gibt es schon; die Datei wird nicht überschrieben (erst löschen, um neu anzufangen)
cli-config-written = Standardkonfiguration nach { $path } geschrieben
cli-check-own-exercises =
    { $count ->
        [one] { $path }: OK ({ $count } eigene Übung)
       *[other] { $path }: OK ({ $count } eigene Übungen)
    }
cli-check-missing = { $path }: { $why }; es gelten die eingebauten Standardwerte
cli-check-empty = { $path }: OK (leer: beim Start gelten die eingebauten Standardwerte; ein laufender Dienst behält seine letzte gültige Konfiguration)
cli-check-ok = { $path }: OK
cli-exclusions-not-shown = { $error } (Ausschlüsse nicht angezeigt)
cli-no-such-exercise = keine Übung { $id }; `deskbreak exercises` listet alle auf
cli-cannot-write-stdout = in die Standardausgabe kann nicht geschrieben werden
cli-cannot-write-completions = das Vervollständigungsskript kann nicht geschrieben werden
cli-cannot-write-man-pages = die Handbuchseiten können nicht nach { $path } geschrieben werden
cli-cannot-create = { $path } kann nicht angelegt werden
cli-cannot-write = { $path } kann nicht geschrieben werden
cli-cannot-start-runtime = die asynchrone Laufzeitumgebung kann nicht gestartet werden
cli-cannot-handle-signal = { $signal } kann nicht behandelt werden
cli-cannot-create-folder = der Ordner { $path } kann nicht angelegt werden: { $error }
cli-error-cause = { $error }: { $cause }

## deskbreak exercises und deskbreak exercises show ID

exercises-mark-yours = eigene
exercises-mark-excluded = ausgeschlossen
exercises-mark-yours-excluded = eigene, ausgeschlossen
exercises-details = { $position }, { $area }, { $dose }, etwa { $duration }
exercises-details-full = { $position }, { $area }, etwa { $duration }
exercises-details-needs = { $details }, benötigt { $things }
exercises-show-yours = Eigene Übung, aus { $path }
exercises-show-excluded = Wird nicht vorgeschlagen: ausgeschlossen durch exercises.positions oder exercises.exclude
exercises-show-dose = Umfang: { $dose }.
exercises-show-safety = Sicherheitshinweis: { $safety }
exercises-show-source = Quelle: { $source }
position-seated = sitzend
position-standing = stehend
area-neck = Nacken
area-shoulders = Schultern
area-upper-back = oberer Rücken
area-chest = Brust
need-chair = einen Stuhl

## Die Anleitung im Terminal (deskbreak guide)

guide-cli-no-break = { $why } `deskbreak guide ID` übt eine beliebige Übung, ohne sie einzutragen.
guide-cli-unknown-exercise = der Dienst leitet die Übung { $id } an, die dieses Terminal nicht kennt
guide-cli-start-recorded = { $exercise } · { $dose } (etwa { $duration }). Wird am Ende eingetragen; Strg+C bricht ab.
guide-cli-start-practice = { $exercise } · { $dose } (etwa { $duration }). Zum Üben: nichts wird eingetragen; Strg+C bricht ab.
guide-cli-stopped-elsewhere = Die Anleitung wurde beendet; hier wird nichts mehr eingetragen.
guide-cli-stopped-answer = { $stopped } Antworten mit deskbreak done, snooze oder skip.
guide-cli-stopped = Beendet.
guide-cli-done-practice = Fertig. Zum Üben: nichts eingetragen.
guide-cli-done-recorded = Fertig. Die Pause ist eingetragen.
guide-cli-done-unconfirmed = Hier fertig; der Dienst hat es noch nicht bestätigt (`deskbreak status`).

## deskbreak service install und uninstall: eine Zeile je Schritt, dann die Fehler.
## Pfade, Unit-Namen, Befehle und was systemctl sagt, bleiben, wie sie sind.

service-removed-hiding = { $path } entfernt: die Datei würde die installierte Unit { $unit } verdecken
service-using-installed = die installierte Unit { $unit } wird verwendet
service-up-to-date = { $path } ist aktuell
service-wrote-unit = { $path } geschrieben (ExecStart={ $binary } run)
service-removed-autostart-replaced = Autostart-Eintrag { $path } entfernt: der systemd-Dienst ersetzt ihn
service-reloaded = systemd-Benutzerinstanz neu geladen
service-enabled = { $unit } aktiviert und gestartet: deskbreak startet ab jetzt mit Ihrer grafischen Sitzung (`systemctl --user status deskbreak` zeigt, was es tut)
service-no-graphical-session = Hinweis: graphical-session.target ist nicht aktiv, Ihr Desktop meldet systemd also nicht, wann er startet, und deskbreak startet bei der nächsten Anmeldung nicht von selbst; `deskbreak service install --autostart` startet es stattdessen über den Desktop
service-wrote-autostart = { $path } geschrieben: deskbreak startet, wenn Sie sich an Ihrem Desktop anmelden
service-disabled-replaced = { $unit } gestoppt und deaktiviert: der Autostart-Eintrag ersetzt ihn
service-removed = { $path } entfernt
service-not-started-now = deskbreak wird jetzt nicht gestartet: melden Sie sich ab und wieder an, oder führen Sie `deskbreak run &` aus
service-disabled = { $unit } gestoppt und deaktiviert
service-no-manager-nothing-stopped = die systemd-Benutzerinstanz ist nicht erreichbar ({ $reason }); nichts wurde gestoppt
service-removed-autostart = Autostart-Eintrag { $path } entfernt (ein von ihm gestartetes deskbreak läuft weiter, bis Sie sich abmelden)
service-nothing-to-remove = nichts zu entfernen: es gibt weder { $unit } noch { $autostart }
service-system-unit-stays = { $path } bleibt: die Datei ist systemweit installiert (von einem Paket oder vom Administrator)
service-error-no-home = kein Benutzerordner zu finden (HOME oder XDG_CONFIG_HOME setzen)
service-error-binary = unklar, wo diese deskbreak-Programmdatei liegt: { $error }
service-error-unusable-path = der Pfad { $path } kann nicht in einer Unit-Datei stehen: { $why }; verschieben Sie deskbreak an einen anderen Ort
service-path-not-utf8 = er ist kein UTF-8
service-path-control = er enthält ein Steuerzeichen
service-path-relative = er ist nicht absolut
service-error-write = { $path } kann nicht geschrieben werden: { $error }
service-error-remove = { $path } kann nicht entfernt werden: { $error }
service-error-create-folder = der Ordner { $path } kann nicht angelegt werden: { $error }
service-error-no-user-manager =
    die systemd-Benutzerinstanz ist nicht erreichbar ({ $reason }), deshalb kann deskbreak hier nicht als Benutzerdienst laufen; nichts wurde geändert.
    Um deskbreak ohne systemd bei der Anmeldung am Desktop zu starten, schreiben Sie stattdessen einen XDG-Autostart-Eintrag:
        deskbreak service install --autostart
    oder starten Sie `deskbreak run` aus der Startdatei Ihres Fenstermanagers.
service-error-systemctl =
    `systemctl --user { $command }` ist fehlgeschlagen: { $message }
    `deskbreak doctor` und `journalctl --user -u deskbreak` sagen mehr
service-manager-not-installed = { $program } ist nicht installiert
service-manager-cannot-run = { $program } kann nicht ausgeführt werden: { $reason }
service-no-output = keine Ausgabe
service-autostart-comment = Erinnerung an Pausen am Schreibtisch

## doctor

doctor-found-problem = ein Problem gefunden; die Lösungen stehen oben

## Antworten des Dienstes auf Aufrufe, die er nicht ausführen kann

cli-error-shutting-down = deskbreak wird gerade beendet
cli-error-busy = { $count } Aufrufe warten schon auf deskbreak; bitte erneut versuchen
cli-error-days = { $days } Tage: erwartet 1 bis { $most }
cli-error-snooze-too-long = Aufschieben um { $seconds } s ist zu lang (höchstens 24 Std.)
cli-error-pause-too-long = Pausieren für { $seconds } s ist zu lang (höchstens 24 Std.)
cli-error-not-a-time = { $value } ist kein Zeitpunkt
cli-error-in-the-past = { $time } liegt in der Vergangenheit
cli-error-pause-too-far = Pausieren bis { $date } { $time } liegt mehr als 7 Tage in der Zukunft
cli-error-already-running = ein anderes deskbreak läuft schon auf diesem Sitzungsbus ({ $name } ist belegt)
cli-error-cannot-serve = der Dienst kann sich nicht am Sitzungsbus anmelden: { $error }

## Erinnerung nach langem Pausieren

reminder-still-paused = deskbreak ist noch pausiert
reminder-still-paused-body = Die Erinnerungen an Pausen sind seit { $duration } pausiert. Mit `deskbreak resume` schalten Sie sie wieder ein.

## Fehler beim erneuten Lesen der Konfiguration

config-error-summary = deskbreak: Fehler in der Konfiguration
config-error-body =
    { $error }

    Die laufende Konfiguration bleibt, bis der Fehler behoben ist.
config-exercises-kept = { $error }; die letzte gültige Fassung Ihrer Übungen bleibt in Kraft
config-cannot-read-file = { $path }: die Datei ist nicht lesbar ({ $error })
config-cannot-read = die Datei ist nicht lesbar ({ $error })
config-file-empty = die Datei ist leer

## Dateien, die deskbreak liest und führt (src/store/).

store-kind-folder = ein Ordner
store-kind-fifo = eine FIFO (benannte Pipe)
store-kind-char-device = ein zeichenorientiertes Gerät
store-kind-block-device = ein blockorientiertes Gerät
store-kind-socket = ein Socket
store-kind-symlink = ein symbolischer Link
store-kind-other = etwas anderes als eine Datei
store-not-regular = es ist { $kind }, keine normale Datei (deskbreak liest nur eine normale Datei oder einen symbolischen Link darauf)
store-too-large-mib = die Datei ist größer als { $size } MiB; deskbreak liest sie nicht
store-too-large-kib = die Datei ist größer als { $size } KiB; deskbreak liest sie nicht
store-lock-held = ein anderes deskbreak läuft bereits ({ $holder }) und belegt { $dir }; dieses ändert nichts und beendet sich (sprechen Sie über `deskbreak status` mit dem laufenden, oder beenden Sie es zuerst, z. B. mit `systemctl --user stop deskbreak`)
store-lock-is = es ist { $kind }
store-lock-not-a-file = { $path }: { $reason }; entfernen Sie es, damit deskbreak seinen Zustandsordner sperren kann
store-lock-unavailable = der Zustandsordner lässt sich nicht sperren: { $error }
store-holder-pid = PID { $pid }
store-holder-pid-host = PID { $pid } auf Rechner { $host }
store-holder-host = auf Rechner { $host }
store-holder-unknown = PID unbekannt

## deskbreak status und der Tooltip des Waybar-Moduls

status-not-running = deskbreak läuft nicht
status-line = { $summary }; Leerlauferkennung: { $backend }
status-working = Arbeit: seit { $sitting } im Sitzen, nächste Pause in { $duration } (um { $time })
status-due = Pause fällig: seit { $sitting } im Sitzen
status-snoozed = aufgeschoben: neue Erinnerung in { $duration } (um { $time }), seit { $sitting } im Sitzen
status-away = weg: in der Pause
status-guiding = Anleitung: eine angeleitete Pause läuft
status-paused-until = pausiert bis { $time } (noch { $duration }); seit { $sitting } im Sitzen
status-paused = pausiert bis `deskbreak resume`; seit { $sitting } im Sitzen
status-bar-minutes = { $minutes } Min.
status-bar-due = Pause
status-bar-away = weg
status-bar-guiding = Anleitung
status-bar-paused = pausiert

## Das Menü des Symbols im Systembereich

tray-break-now = Jetzt eine Pause machen
tray-show-break-again = Pause noch einmal zeigen
tray-guide = Angeleitete Pause starten
tray-snooze = Aufschieben
tray-resume = Erinnerungen fortsetzen
tray-pause-half-hour = 30 Minuten pausieren
tray-pause-hour = 1 Stunde pausieren
tray-pause-tomorrow = Bis morgen pausieren
tray-open-config = Konfigurationsdatei öffnen
tray-quit = deskbreak beenden
tray-today =
    { $count ->
        [0] Heute: noch keine Pause
        [one] Heute: 1 Pause
       *[other] Heute: { $count } Pausen
    }

## Ihre eigenen Übungen und ihre Übersetzungen: Fehler in exercises.json oder
## exercises.LANG.ftl. Feld- und Schlüsselnamen bleiben, wie sie in der Datei stehen.

exercises-error-exercise = Übung { $exercise }
exercises-error-position = Nr. { $number } in der Liste
exercises-error-too-large = größer als 1 MiB: erwartet wird eine kurze Liste von Übungen
exercises-error-not-regular = { $found }, keine normale Datei: erwartet wird { $expected }
exercises-error-not-utf8 = kein UTF-8-Text: erwartet wird { $expected }
exercises-expected-json = eine JSON-Datei
exercises-expected-ftl = eine Fluent-Datei (.ftl)
exercises-error-version = { $version } wird nicht unterstützt: erwartet wird 1
exercises-error-id-twice-in-file = kommt in dieser Datei zweimal vor: erwartet wird jede id nur einmal
exercises-error-id-twice = kommt zweimal vor
exercises-error-id = erwartet werden Kleinbuchstaben, Ziffern und '-' (höchstens 64)
exercises-error-id-reserved = "own" ist reserviert: erwartet wird eine andere id
exercises-error-name = erwartet wird ein Name mit 1 bis 40 Zeichen
exercises-error-safety = darf nicht leer sein: sagen Sie, wann man nachlassen oder aufhören soll
exercises-error-steps = erwartet werden 2 bis 5 nicht leere Schritte
exercises-error-duration = erwartet wird eine Anzahl Sekunden von 10 bis 600
exercises-error-sets = erwartet werden 1 bis 5 Sätze
exercises-error-reps = erwartet wird 1 bis 50 (eine Pause am Schreibtisch) oder null
exercises-error-hold = erwartet werden 1 bis 120 Sekunden (eine Pause am Schreibtisch) oder null
exercises-error-dose = erwartet wird reps oder hold_secs (oder beides)
exercises-error-too-long = erwartet werden höchstens { $most } Zeichen
exercises-ftl-syntax = { $error }: erwartet wird `id =` und darunter Zeilen `    .field = Text`
exercises-ftl-twice = ist zweimal übersetzt: erwartet wird jede id nur einmal
exercises-ftl-value = hat einen Text nach `=`: erwartet wird der Name als `.name = …` in der nächsten Zeile
exercises-ftl-empty = ist leer: erwartet wird ein Text
exercises-ftl-field-twice = ist zweimal angegeben
exercises-ftl-not-a-field = ist kein Feld: erwartet wird eines von { $fields }
exercises-ftl-placeable = enthält ein {"{"} … {"}"}, das kein Text in Anführungszeichen ist: erwartet wird reiner Text (eine geschweifte Klammer schreibt man {"{"}"{"{"}"{"}"})
exercises-ftl-no-such-step = die Übung hat { $steps } Schritte: erwartet wird step-1 bis step-{ $steps }
exercises-ftl-unknown-id = keine Übung hat diese id: erwartet wird eine id aus Ihrer exercises.json oder eine eingebaute (`deskbreak exercises` listet sie auf)

## Eine fällige Pause, die zurückgehalten wird

status-waiting = wartet: { $holds }; seit { $sitting } im Sitzen
status-waiting-at-most = wartet: { $holds }; Pause spätestens um { $time }, seit { $sitting } im Sitzen
status-bar-waiting = wartet
wait-hold = { $reason } ({ $detail })
wait-reason-do-not-disturb = „Nicht stören“
wait-reason-fullscreen = Vollbild
wait-reason-inhibitor = Leerlaufsperre
wait-reason-meeting = Besprechung
wait-unknown = aus einem Grund, den diese Version von deskbreak nicht benennen kann

## doctor: Stufen, Zusammenfassung, Sprache

doctor-level-ok = ok
doctor-level-warning = Warnung
doctor-level-problem = Problem
doctor-fix = Lösung: { $fix }
doctor-all-good = Alles gut: Pausen sollten kommen.
doctor-warnings =
    { $warnings ->
        [one] 1 Warnung; Pausen sollten trotzdem kommen.
       *[other] { $warnings } Warnungen; Pausen sollten trotzdem kommen.
    }
doctor-problems =
    { $problems ->
        [one] 1 Problem
       *[other] { $problems } Probleme
    } und { $warnings ->
        [one] 1 Warnung
       *[other] { $warnings } Warnungen
    }: zuerst die Probleme beheben.
doctor-language-complete = { $language } ({ $code }, { $from }): alle Meldungen und Übungen sind übersetzt
doctor-language-complete-builtin = { $language } ({ $code }, { $from }): alle Meldungen und eingebauten Übungen sind übersetzt
# $missing ist doctor-language-lacks-messages, doctor-language-lacks-fields oder beides,
# verbunden durch doctor-language-and.
doctor-language-lacks = { $language } ({ $code }, { $from }): noch nicht übersetzt, daher auf Englisch: { $missing }
doctor-language-lacks-messages = { $count ->
    [one] 1 Meldung
   *[other] { $count } Meldungen
}
doctor-language-lacks-fields = { $count ->
    [one] 1 Übungstext
   *[other] { $count } Übungstexte
}
doctor-language-and = { $first } und { $second }
doctor-language-own-complete = { $total ->
    [one] Ihre eigene Übung ist ebenfalls übersetzt
   *[other] Ihre { $total } eigenen Übungen sind ebenfalls übersetzt
} ({ $file })
doctor-language-own-lacks = { $total ->
    [one] Ihre eigene Übung ist
   *[other] { $untranslated ->
        [one] 1 Ihrer { $total } eigenen Übungen ist
       *[other] { $untranslated } Ihrer { $total } eigenen Übungen sind
    }
} nicht vollständig in diese Sprache übersetzt: was fehlt, erscheint auf Englisch
doctor-language-own-none = keine Ihrer { $total } eigenen Übungen ist vollständig in diese Sprache übersetzt: was fehlt, erscheint auf Englisch
doctor-language-own-fix = { $file } neben Ihrer exercises.json übersetzt Ihre eigenen Übungen, wie es „Translating deskbreak“ im README zeigt
doctor-language-fix = eine Übersetzung lässt sich vervollständigen, wie es „Translating deskbreak“ im README beschreibt
doctor-language-from-config = ui.language in der Konfiguration
doctor-language-from-locale = aus dem Gebietsschema { $locale }
doctor-language-untranslated = keine Übersetzung für das Gebietsschema { $locale }
doctor-language-no-locale = kein Gebietsschema gesetzt

## doctor: die Prüfungen. Programmnamen, Pfade, Umgebungsvariablen, Konfigurations-
## schlüssel, Befehle in `Backticks` und Unit-Namen bleiben, wie sie sind; eine Ursache,
## die das System nennt ($error), bleibt in dessen Worten.

doctor-check-config = Konfiguration
doctor-check-language = Sprache
doctor-check-session-bus = Sitzungsbus
doctor-check-notifications = Benachrichtigungen
doctor-check-idle-backend = Leerlauferkennung
doctor-check-logind = logind
doctor-check-holds = Wartegründe
doctor-check-service = Autostart
doctor-check-daemon = Dienst
doctor-check-line = { $name }: { $detail }
doctor-name-unowned = niemand belegt { $name }
doctor-config-missing = keine Datei unter { $path }; es gelten die eingebauten Standardwerte
doctor-config-empty = { $path } ist leer; es gelten die eingebauten Standardwerte
doctor-config-valid = { $path } ist gültig (eine Pause nach je { $interval } Sitzen)
doctor-config-fix = korrigieren Sie die Datei (`deskbreak config check` prüft sie erneut); bis dahin startet `deskbreak run` nicht, und ein laufender Dienst behält seine letzte gültige Konfiguration
doctor-config-own-broken = Ihre eigenen Übungen werden nicht verwendet, bis das behoben ist: { $error }
doctor-config-fix-own = korrigieren Sie Ihre Übungsdatei (`deskbreak config check` prüft sie erneut); bis dahin schlagen die Erinnerungen nur die eingebauten Übungen vor
doctor-bus-reachable = erreichbar
doctor-bus-cannot-connect = keine Verbindung: { $error }
doctor-bus-no-answer = keine Verbindung: der Sitzungsbus hat nicht innerhalb von { $duration } geantwortet (sein Socket nimmt Verbindungen an, aber nichts antwortet)
doctor-bus-fix = starten Sie deskbreak in Ihrer Desktop-Sitzung, wo DBUS_SESSION_BUS_ADDRESS (oder $XDG_RUNTIME_DIR/bus) zum Sitzungsbus führt
doctor-fix-bus-first = beheben Sie zuerst das Problem mit dem Sitzungsbus
doctor-notifications-no-bus = nicht geprüft: ohne Sitzungsbus gehen Erinnerungen nur nach stderr
doctor-notifications-none = kein Benachrichtigungsdienst ({ $why }); Erinnerungen gehen nur nach stderr
doctor-notifications-none-fix = installieren Sie einen Benachrichtigungsdienst wie dunst oder mako, oder nutzen Sie einen Desktop, der einen mitbringt (GNOME, KDE Plasma, Xfce, …)
doctor-notifications-server = { $name } { $version } von { $vendor } (Spezifikation { $spec })
doctor-notifications-buttons = { $server }, zeigt die Knöpfe Erledigt/Aufschieben/Überspringen
doctor-notifications-buttons-where = { $server }, zeigt die Knöpfe Erledigt/Aufschieben/Überspringen; { $place }
doctor-notifications-dunst = bei dunst stehen die Knöpfe in seinem Kontextmenü (`dunstctl context`, das dmenu oder rofi braucht; legen Sie es auf eine Taste), ein Mittelklick startet die Anleitung, und ein Linksklick schließt die Erinnerung, was wie Aufschieben zählt
doctor-notifications-mako = bei mako stehen die Knöpfe in `makoctl menu` (legen Sie es auf eine Taste), und ein Klick auf die Blase startet die Anleitung
doctor-notifications-no-buttons = { $server } zeigt in Benachrichtigungen keine Knöpfe
doctor-notifications-no-buttons-fix = beantworten Sie eine Pause im Terminal mit `deskbreak done`, `deskbreak snooze` oder `deskbreak skip` (die Erinnerung sagt es), oder nutzen Sie einen Benachrichtigungsdienst mit Aktionen, etwa dunst, mako oder den Ihres Desktops
doctor-idle-not-used = { $backend } nicht verwendet: { $reason }
doctor-idle-forced-none = keine, wie `activity.backend = "none"` in der Konfiguration festlegt: die ganze Wachzeit zählt als Sitzen
doctor-idle-forced-none-fix = setzen Sie `activity.backend = "auto"`, damit Zeit fern der Tastatur als Pause zählt
doctor-idle-none = hier funktioniert keine, daher zählt die ganze Wachzeit als Sitzen
doctor-idle-none-fix = starten Sie deskbreak in Ihrer Desktop-Sitzung (es braucht WAYLAND_DISPLAY oder DISPLAY oder den Leerlaufmonitor von GNOME); wenn `activity.backend` ein Backend erzwingt, versuchen Sie "auto"
doctor-idle-not-a-backend = kein Backend
doctor-idle-timeout = hat nicht innerhalb von { $duration } geantwortet
doctor-wayland-inherited-socket = der Socket in WAYLAND_SOCKET ist nicht nutzbar: { $error }
doctor-wayland-no-display = WAYLAND_DISPLAY ist nicht gesetzt (keine Wayland-Sitzung)
doctor-wayland-no-runtime-dir = XDG_RUNTIME_DIR ist nicht auf einen absoluten Pfad gesetzt, daher ist WAYLAND_DISPLAY={ $display } nicht zu finden
doctor-wayland-connect = keine Verbindung zum Wayland-Compositor unter { $path }: { $error }
doctor-wayland-socket = der Wayland-Socket unter { $path } ist nicht nutzbar: { $error }
doctor-wayland-watch = der Wayland-Socket lässt sich nicht beobachten: { $error }
doctor-wayland-timeout = der Wayland-Compositor hat nicht innerhalb von { $duration } geantwortet
doctor-wayland-no-idle-notify = der Compositor implementiert ext-idle-notify-v1 nicht (kein globales ext_idle_notifier_v1; GNOME implementiert es nicht, dort übernimmt das Backend gnome)
doctor-wayland-no-seat = der Compositor bietet kein wl_seat, daher gibt es keine Eingaben zu beobachten
doctor-wayland-protocol = Wayland-Protokollfehler: { $error }
doctor-wayland-connection = Wayland-Verbindungsfehler: { $error }
doctor-wayland-dispatch = Wayland-Verarbeitungsfehler: { $error }
doctor-gnome-unavailable = org.gnome.Mutter.IdleMonitor ist nicht verfügbar ({ $error }); keine GNOME-Sitzung
doctor-screensaver-unavailable = org.freedesktop.ScreenSaver.GetSessionIdleTime ist nicht verfügbar ({ $error })
doctor-x11-empty-display = DISPLAY ist leer: keine X11-Sitzung
doctor-x11-no-display = DISPLAY ist nicht gesetzt: keine X11-Sitzung
doctor-x11-display-not-utf8 = DISPLAY ist kein gültiges UTF-8
doctor-x11-thread = die X11-Prüfung lässt sich nicht starten: { $error }
doctor-x11-probe-died = die X11-Prüfung von Display { $display } ist fehlgeschlagen
doctor-x11-timeout = X-Display { $display } hat nicht innerhalb von { $duration } geantwortet (ist der X-Server angehalten?)
doctor-x11-connect = keine Verbindung zu X-Display { $display }: { $error }
doctor-x11-no-screen = X-Display { $display } hat keinen Bildschirm { $screen }
doctor-x11-no-screensaver = X-Display { $display } fehlt die Erweiterung { $extension }
doctor-x11-failed = X-Display { $display }: { $error }
doctor-logind-reachable = erreichbar, beobachtet die Sitzung { $session }: Bildschirmsperre und Ruhezustand zählen als Zeit fern vom Platz
doctor-logind-unreachable = nicht erreichbar ({ $reason }): die Bildschirmsperre wird nicht verfolgt, und einen Ruhezustand bemerkt nur die Uhr
doctor-logind-fix = deskbreak braucht systemd-logind (oder elogind) auf dem Systembus, um Bildschirmsperren zu sehen; ohne logind kommen Pausen trotzdem
doctor-logind-no-bus = kein Systembus ({ $error })
doctor-logind-timeout = logind hat nicht geantwortet
doctor-logind-unknown-session = logind kennt die Sitzung { $id } nicht ({ $error })
doctor-logind-unavailable = logind ist nicht verfügbar ({ $error })
doctor-logind-no-display = die Anzeigesitzung des Benutzers ist nicht lesbar ({ $error })
doctor-logind-no-graphical-session = der Benutzer hat keine grafische Sitzung
doctor-logind-closed = die Verbindung zum Systembus wurde geschlossen
doctor-service-unknown = nicht feststellbar: { $error }
doctor-service-unknown-fix = starten Sie deskbreak mit Ihrem Desktop: `deskbreak service install`
doctor-service-no-home = kein Benutzerordner zu finden (setzen Sie HOME oder XDG_CONFIG_HOME)
doctor-service-twice = { $unit } ist aktiviert, und der Autostart-Eintrag { $entry } existiert: bei jeder Anmeldung konkurrieren zwei Dienste um den Bus
doctor-service-twice-fix = behalten Sie einen: `deskbreak service install` (systemd) oder `deskbreak service install --autostart` entfernt den anderen
doctor-service-autostart = startet bei der Anmeldung über den Autostart-Eintrag { $entry }
doctor-service-no-graphical-session = { $unit } ist aktiviert und läuft, aber graphical-session.target ist nicht aktiv, daher startet er bei der nächsten Anmeldung nicht von selbst
doctor-service-no-graphical-session-fix = Ihr Desktop startet graphical-session.target nicht: verwenden Sie stattdessen `deskbreak service install --autostart`
doctor-service-running = { $unit } ist aktiviert und läuft
doctor-service-enabled-not-running = { $unit } ist aktiviert, { $state ->
    [failed] aber fehlgeschlagen
    [activating] startet aber noch
    [deactivating] wird aber gerade beendet
    [inactive] läuft aber nicht
   *[other] läuft aber nicht ({ $state })
}
doctor-service-journal-fix = `journalctl --user -u deskbreak` sagt, warum; `systemctl --user restart deskbreak` startet ihn wieder
doctor-service-not-enabled = { $unit } läuft, ist aber nicht aktiviert: bei der nächsten Anmeldung startet er nicht
doctor-service-enable-fix = `deskbreak service install` aktiviert ihn
doctor-service-not-started = deskbreak startet nicht mit Ihrem Desktop ({ $unit } ist { $state ->
    [disabled] deaktiviert
    [masked] maskiert
    [not-found] nicht installiert
   *[other] { $state }
})
doctor-service-install-fix = `deskbreak service install` installiert, aktiviert und startet den Benutzerdienst
doctor-service-no-manager = deskbreak startet nicht mit Ihrem Desktop: kein systemd-Benutzerdienst-Manager ({ $reason }) und kein Autostart-Eintrag
doctor-service-no-manager-fix = `deskbreak service install --autostart` startet ihn bei der Anmeldung; oder starten Sie `deskbreak run` aus der Startdatei Ihres Fenstermanagers
doctor-systemctl-not-installed = { $program } ist nicht installiert
doctor-systemctl-cannot-run = { $program } lässt sich nicht ausführen: { $error }
doctor-daemon-no-bus = nicht geprüft: ein laufender Dienst wird über den Sitzungsbus gefunden
doctor-daemon-not-running = auf diesem Sitzungsbus läuft kein deskbreak ({ $why })
doctor-daemon-start-fix = starten Sie ihn: `deskbreak service install` (dann startet er mit Ihrem Desktop) oder `deskbreak run` in einem Terminal
doctor-daemon-running = läuft (PID { $pid }): { $status }; Leerlauferkennung: { $backend }
doctor-daemon-silent = läuft (PID { $pid }), antwortet aber nicht: { $error }
doctor-daemon-restart-fix = starten Sie ihn neu: `systemctl --user restart deskbreak`, oder beenden und starten Sie `deskbreak run`
doctor-signal-dnd = „Nicht stören“
doctor-signal-dnd-of = „Nicht stören“ von { $server }
doctor-signal-inhibitors = Leerlaufsperren
doctor-signal-inhibitors-of = Leerlaufsperren von { $desktop }
doctor-signal-fullscreen = Vollbildfenster
doctor-signal-fullscreen-on = Vollbildfenster unter { $display }
doctor-signal-camera = Kamera (/dev/video*)
doctor-signal-microphone-server = Mikrofon (Aufnahme-Streams von PulseAudio oder PipeWire)
doctor-signal-microphone-alsa = Mikrofon (ALSA-Aufnahme-Substreams)
doctor-signal-meeting = Kamera und Mikrofon
doctor-fullscreen-no-display = weder WAYLAND_DISPLAY noch DISPLAY ist gesetzt: kein Display zum Lesen
doctor-fullscreen-no-toplevels = der Compositor bietet kein zwlr_foreign_toplevel_manager_v1, daher sind seine Vollbildfenster nicht zu sehen (GNOME und KDE unter Wayland geben keinen Vollbildzustand preis): hier sind Leerlaufsperren das Signal
doctor-fullscreen-old-toplevels = das zwlr_foreign_toplevel_manager_v1 des Compositors hat Version 1, die keinen Vollbildzustand kennt (erst Version 2 hat ihn): hier sind Leerlaufsperren das Signal
doctor-fullscreen-toplevels-finished = der Compositor listet seine Fenster nicht mehr auf (zwlr_foreign_toplevel_manager_v1 beendet)
doctor-fullscreen-no-ewmh = der Fenstermanager von X-Display { $display } setzt kein _NET_ACTIVE_WINDOW (kein EWMH-Fenstermanager), daher ist das fokussierte Fenster unbekannt
doctor-x11-bad-display = DISPLAY={ $display } ist kein Display-Name
doctor-fullscreen-thread-ended = der Thread, der das Display liest, endete ohne Antwort

wait-fullscreen-app = { $app } ist im Vollbild
wait-fullscreen-window = ein Fenster ist im Vollbild

## Was eine fällige Pause zurückhält, und was doctor dazu sagt

wait-dnd-paused = { $server } ist pausiert
wait-dnd-mode = { $server } ist im Modus „Nicht stören“
wait-dnd-on = { $server }: „Nicht stören“ ist an
wait-dnd-inhibited = Benachrichtigungen von { $server } sind unterdrückt
wait-dnd-holds-back = { $server } hält Benachrichtigungen zurück
wait-inhibitor-someone = eine Anwendung verhindert den Leerlauf
wait-inhibitor-count = { $count } Anwendungen verhindern den Leerlauf
wait-inhibitor-app = { $app } verhindert den Leerlauf
wait-inhibitor-app-reason = { $app } verhindert den Leerlauf ({ $reason })
wait-inhibitor-apps = { $apps } verhindern den Leerlauf
wait-inhibitor-apps-more = { $apps } und { $count } weitere verhindern den Leerlauf
doctor-hold-no-bus = kein Sitzungsbus
doctor-dnd-no-server = es läuft kein Benachrichtigungsdienst
doctor-dnd-anonymous = der Benachrichtigungsdienst sagt nicht, wer er ist ({ $error })
doctor-dnd-unknown-server = der Benachrichtigungsdienst { $server } hat keine „Nicht stören“-Einstellung, die deskbreak lesen kann
doctor-dnd-dunst-silent = dunst sagt nicht, ob es pausiert ist (ab dunst 1.6 schon; { $error })
doctor-dnd-dunst-odd = dunst hat auf die Frage, ob es pausiert ist, weder ja noch nein geantwortet
doctor-dnd-mako-silent = mako listet seine Modi nicht auf (ab mako 1.7 schon; { $error })
doctor-dnd-swaync-silent = swaync sagt nicht, ob „Nicht stören“ an ist ({ $error })
doctor-dnd-xfconf-absent = xfconfd läuft nicht, daher ist „Nicht stören“ von xfce4-notifyd nicht lesbar
doctor-dnd-xfconf-silent = xfconf antwortet nicht für xfce4-notifyd ({ $error })
doctor-dnd-xfconf-odd = xfconf enthält in /do-not-disturb von xfce4-notifyd weder ja noch nein
doctor-dnd-kde-silent = der Benachrichtigungsdienst von KDE Plasma sagt nicht, ob er unterdrückt ist ({ $error })
doctor-dnd-no-home = kein Benutzerordner, daher ist die dconf-Datenbank nicht zu finden
doctor-dnd-dconf-not-database = { $path } ist keine dconf-Datenbank
doctor-dnd-dconf-damaged = { $path } ist beschädigt
doctor-dnd-dconf-failed = das Lesen der dconf-Datenbank ist fehlgeschlagen
doctor-inhibit-none = es läuft kein Sitzungsverwalter, der Leerlaufsperren auflistet (weder der von GNOME noch der von KDE)
doctor-inhibit-gnome-silent = der Sitzungsverwalter von GNOME sagt nicht, ob der Leerlauf verhindert wird ({ $error })
doctor-inhibit-gnome-odd = der Sitzungsverwalter von GNOME hat auf die Frage nach verhinderten Aktionen nicht mit einer Zahl geantwortet
doctor-inhibit-kde-silent = die Energieverwaltung von KDE sagt nicht, ob der Leerlauf verhindert wird ({ $error })
doctor-inhibit-kde-odd = die Energieverwaltung von KDE hat ihre Liste der Sperren in einer Form geliefert, die deskbreak nicht kennt

## Fehler in config.toml (Schlüssel und Werte bleiben, wie sie in der Datei stehen)

-duration-hint = eine Dauer wie "45m", "1h 30m" oder "20s"
config-duration-expected = erwartet wird { -duration-hint } (in Anführungszeichen)
config-duration-invalid = ungültige Dauer { $value } ({ $error }): erwartet wird { -duration-hint }
config-duration-too-long = { $value } ist länger als 24h: erwartet wird { -duration-hint }
config-duration-zero-or-second = muss "0s" (nie) oder mindestens 1s sein: erwartet wird { -duration-hint }
config-duration-at-least-second = muss mindestens 1s sein: erwartet wird { -duration-hint }
config-micro-length-range = muss zwischen 1s und 5m liegen: erwartet wird { -duration-hint }
config-max-snoozes-expected = erwartet wird eine ganze Zahl von 0 bis 20
config-max-snoozes-out-of-range = { $value } liegt außerhalb des Bereichs: erwartet wird eine ganze Zahl von 0 bis 20
config-goal-expected = erwartet wird eine ganze Prozentzahl von 1 bis 100, z. B. 80
config-goal-out-of-range = { $value } liegt außerhalb des Bereichs: erwartet wird eine ganze Prozentzahl von 1 bis 100, z. B. 80
config-flag-expected = erwartet wird true oder false
config-positions-expected = erwartet wird eine Liste aus "seated" und/oder "standing"
config-position-unknown = unbekannte Position { $value }: erwartet wird eine Liste aus "seated" und/oder "standing"
config-positions-empty = darf nicht leer sein: erwartet wird eine Liste aus "seated" und/oder "standing"
config-exclude-expected = erwartet wird eine Liste von Übungs-ids (siehe `deskbreak exercises`)
config-backend-expected = erwartet wird einer der Werte { $choices }
config-backend-unknown = unbekanntes Backend { $value }: erwartet wird einer der Werte { $choices }
config-tray-expected = erwartet wird "auto" (wann immer der Desktop einen Systembereich hat) oder "off"
config-tray-unknown = unbekannter Wert { $value }: erwartet wird "auto" (wann immer der Desktop einen Systembereich hat) oder "off"
config-days-expected = erwartet wird eine Liste von Tagesnamen von "mon" bis "sun", z. B. ["mon", "tue"]
config-day-unknown = unbekannter Tag { $value }: erwartet wird eine Liste von Tagesnamen von "mon" bis "sun", z. B. ["mon", "tue"]
config-days-empty = darf nicht leer sein: erwartet wird eine Liste von Tagesnamen von "mon" bis "sun", z. B. ["mon", "tue"]
config-hours-expected = erwartet wird ein Zeitraum wie "09:00-17:30" oder eine Liste wie ["08:30-12:00", "13:00-18:00"]
config-hours-empty = darf nicht leer sein: erwartet wird ein Zeitraum wie "09:00-17:30" oder eine Liste wie ["08:30-12:00", "13:00-18:00"]
config-range-not-a-range = { $value } ist kein Zeitraum: erwartet wird ein Zeitraum im 24-Stunden-Format wie "09:00-17:30"
config-range-invalid = { $value } ist kein gültiger Zeitraum: erwartet wird ein Zeitraum im 24-Stunden-Format wie "09:00-17:30"
config-range-empty = { $value } ist ein leerer Zeitraum: erwartet wird ein Zeitraum im 24-Stunden-Format wie "09:00-17:30"
config-key-unknown = unbekannter Schlüssel: erwartet wird einer von { $choices }
config-key-unknown-none = unbekannter Schlüssel: diese Tabelle hat keine Schlüssel
config-table-expected = erwartet wird eine Tabelle (eine Kopfzeile [abschnitt] und ihre Schlüssel)
config-toml-syntax = kein gültiges TOML: { $error }
config-unreadable = die Datei ist nicht lesbar: { $error }
config-not-utf8 = die Datei ist kein gültiger UTF-8-Text; bitte als UTF-8 speichern
config-exercise-unknown = unbekannte Übungs-id { $value }: erwartet wird eine Liste von Übungs-ids (siehe `deskbreak exercises`)
config-no-exercise-left = positions und exclude lassen keine Übung übrig: eine weitere Position erlauben oder weniger Übungen ausschließen
config-missing = keine Konfigurationsdatei
config-missing-symlink = ein symbolischer Link auf { $target }, ein Ziel, das es nicht gibt

## `deskbreak stats` und die Wochenübersicht. Prozente als „80 %“.

stats-title-day = Letzter Tag · { $date }
stats-title-days = Letzte { $days } Tage · { $from } – { $to }
stats-error-future = { $date } liegt in der Zukunft; geben Sie ein Datum bis heute an
stats-error-too-long = { $date } liegt { $days } Tage zurück; die Statistik umfasst höchstens { $most } Tage
stats-nothing-recorded =
    In diesen Tagen sind weder Pausen noch Sitzzeit aufgezeichnet. Der Dienst (`deskbreak run`
    oder der systemd-Dienst) zeichnet sie auf, während Sie arbeiten.
stats-damaged = { $count ->
    [one] (1 Zeile im Verlauf war nicht lesbar und fehlt hier.)
   *[other] ({ $count } Zeilen im Verlauf waren nicht lesbar und fehlen hier.)
}
stats-today = Heute
stats-yesterday = Gestern
# Eine Woche: „23.–29. Nov“, über zwei Monate „30. Nov – 6. Dez“.
stats-week-same-month = { $from }.–{ $to }
stats-week = { $from } – { $to }
stats-column-breaks = Pausen
stats-column-taken = gemacht
stats-column-share = Anteil
stats-column-sitting = Sitzen
stats-column-longest = am längsten
stats-no-breaks = keine Pausen
stats-taken-of = { $taken } von { $due }
stats-percent = { $percent } %
stats-legend = { $done } erledigt  { $guided } angeleitet  { $natural } natürlich  { $skipped } übersprungen  { $snoozed } aufgeschoben
stats-legend-per-mark = (ein Zeichen je { $count })
stats-share = { $share } ({ $taken } von { $due })
stats-share-none = — (keine Pause fällig)
stats-label-taken = Gemachte Pausen
stats-label-streak = Serie
stats-label-sitting = Sitzen
stats-label-longest = Am längsten
stats-label-areas = Körperbereiche
stats-label-most-done = Am häufigsten
stats-label-micro = Mikropausen
stats-adherence = heute { $today } · letzte 7 Tage { $week }
stats-adherence-days = letzte { $days } Tage { $share }
stats-streak = { $days ->
    [one] 1 Tag in Folge mit { $goal } % oder mehr (stats.goal)
   *[other] { $days } Tage in Folge mit { $goal } % oder mehr (stats.goal)
}
stats-sitting = { $days ->
    [one] { $duration } an 1 Tag
   *[other] { $duration } an { $days } Tagen
}
stats-sitting-average = { $duration } an { $days } Tagen, im Schnitt { $average } pro Tag
stats-longest = { $duration } ohne Pause ({ $date })
stats-area-count = { $area } { $count }
stats-areas-none = in den letzten 7 Tagen keine Übung gemacht
stats-areas-all = in den letzten 7 Tagen alle vier Bereiche geübt
stats-areas-neglected = in 7 Tagen nicht geübt: { $areas }
stats-most-done-item = { $exercise } ({ $times }×)
stats-micro = { $count } (zählen nicht zum Anteil gemachter Pausen)
stats-heatmap-title = Anteil gemachter Pausen je Tag
stats-heatmap-legend = { $none } nichts fällig  { $low } unter { $half } %  { $mid } unter { $goal } %  { $good } { $goal } % oder mehr  { $all } alle gemacht

# Die Wochenübersicht als Benachrichtigung.
stats-weekly-title-same-month = Letzte Woche ({ $from }.–{ $to })
stats-weekly-title = Letzte Woche ({ $from } – { $to })
stats-weekly-taken = Sie haben { $percent } % Ihrer Pausen gemacht ({ $taken } von { $due }; Ihr Ziel: { $goal } %).
stats-weekly-none-due = Es war keine Pause fällig.
stats-weekly-streak = { $days ->
    [0] Gerade keine Serie von Tagen mit erreichtem Ziel.
    [one] Serie: 1 Tag mit erreichtem Ziel.
   *[other] Serie: { $days } Tage in Folge mit erreichtem Ziel.
}
stats-weekly-longest = Am längsten ohne Pause: { $duration } ({ $weekday }).

## deskbreak history in Worten: eine Zeile je Pause

history-outcome = { $outcome ->
    [done] erledigt
    [snoozed] aufgeschoben
    [skipped] übersprungen
    [dismissed] geschlossen
    [natural] natürlich
   *[micro] Mikropause
}
history-after = nach { $duration } im Sitzen
history-error-write = die Ausgabe kann nicht geschrieben werden

## Außerhalb der Arbeitszeit, was doctor über zurückgehaltene Pausen sagt, Mikropausen

status-off-hours-until = außerhalb der Arbeitszeit bis { $time }
status-off-hours = außerhalb der Arbeitszeit
status-bar-off-hours = frei
doctor-holds-intro = worauf eine fällige Pause wartet (gelesen, wenn eine Pause fällig wird, nie im Ruhezustand):
doctor-holds-signal = { $name }: { $reading }
doctor-holds-signal-off = { $name }: { $reading } (nicht beachtet: { $key } = false)
doctor-holds-clear = lesbar, nichts hält gerade eine Pause zurück
doctor-holds-held = lesbar, hält gerade eine Pause zurück: { $hold }
doctor-holds-unreadable = nicht lesbar: { $reason }
doctor-holds-all-off = jede respect.*-Einstellung ist aus: Pausen warten nie
doctor-holds-blind-fix = für { $keys } bietet dieser Desktop nichts Lesbares: Pausen kommen auch dann; „When deskbreak will not interrupt you“ im README listet, was jeder Desktop bietet
wait-camera-in-use = Kamera in Gebrauch durch { $apps }
wait-microphone-in-use = Mikrofon in Gebrauch durch { $apps }
wait-apps-more = { $apps } und { $count } weitere
wait-an-application = eine Anwendung
wait-applications = { $count ->
    [one] eine Anwendung
   *[other] { $count } Anwendungen
}
doctor-holds-no-answer = keine Antwort innerhalb von { $duration }
doctor-meeting-cannot-list = { $path } ist nicht auflistbar: { $error }
doctor-meeting-no-such-file = gibt es nicht
doctor-meeting-permission-denied = Zugriff verweigert
doctor-meeting-scan-slow = das Lesen der offenen Dateien unter { $path } hat länger als { $duration } gedauert
doctor-meeting-scan-stopped = die Suche in { $path } wurde abgebrochen
doctor-meeting-no-asound = kein { $path } (keine ALSA-Soundkarte)
doctor-meeting-pulse-remote = PULSE_SERVER nennt keinen lokalen Sound-Server (entfernte werden nicht gelesen)
doctor-meeting-no-runtime-dir = XDG_RUNTIME_DIR ist nicht gesetzt: der Sound-Server ist nicht zu finden
doctor-meeting-no-server = kein Sound-Server unter { $path } (PulseAudio oder pipewire-pulse)
doctor-meeting-pipewire-without-pulse = kein Sound-Server unter { $path }: PipeWire läuft ohne pipewire-pulse, dessen Streams deskbreak liest
doctor-meeting-server-refused = der Sound-Server unter { $path } hat deskbreak abgewiesen ({ $error })
doctor-meeting-server-silent = der Sound-Server unter { $path } hat nicht innerhalb von { $duration } geantwortet
doctor-meeting-server-nonsense = der Sound-Server unter { $path } hat eine Nachricht geschickt, die deskbreak nicht lesen kann ({ $error })
doctor-meeting-server-too-large = der Sound-Server unter { $path } hat eine Nachricht von { $bytes } Bytes geschickt, mehr als deskbreak liest
doctor-meeting-server-failed = der Sound-Server unter { $path }: { $error }
micro-cue-chin-tuck = Mikropause: aufrecht sitzen, das Kinn sanft gerade nach hinten ziehen, 5 s halten, lösen
micro-cue-shoulder-squeeze = Mikropause: die Schulterblätter zusammenziehen, 5 s halten, loslassen
micro-cue-look-far = Mikropause: 20 Sekunden lang auf etwas in 6 m Entfernung schauen
