# Los mensajes de deskbreak en español: una traducción de src/i18n/en/deskbreak.ftl.
# Un mensaje que falte aquí se muestra en inglés.
#
# Términos: pausa (break), ejercicio, hombros, recordatorio (reminder), guía (guide),
# aplazar (snooze), omitir (skip), hecho (done), suspender (pause reminders),
# repetición, serie. Tuteo, sin marcas de
# género. Duraciones: «45 min», «1 h 30 min»; horas en formato de 24 horas («14:05»).
# Entre un número y su unidad va un espacio de no separación (U+00A0), para que la
# línea no se corte ahí.

## Duraciones y horas

duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min
time-of-day = { $hour }:{ $minute }

# Fechas: $day es el día del mes (un número), $month y $weekday los nombres de abajo,
# $year con cuatro cifras.
date-day-month = { $day } { $month }
date-weekday-day-month = { $weekday } { $day } { $month }
date-weekday-day-month-year = { $weekday } { $day } { $month } { $year }
date-weekday = { $day ->
    [mon] lunes
    [tue] martes
    [wed] miércoles
    [thu] jueves
    [fri] viernes
    [sat] sábado
   *[sun] domingo
}
date-weekday-short = { $day ->
    [mon] lun.
    [tue] mar.
    [wed] mié.
    [thu] jue.
    [fri] vie.
    [sat] sáb.
   *[sun] dom.
}
date-month-short = { $month ->
    [jan] ene.
    [feb] feb.
    [mar] mar.
    [apr] abr.
    [may] may.
    [jun] jun.
    [jul] jul.
    [aug] ago.
    [sep] sept.
    [oct] oct.
    [nov] nov.
   *[dec] dic.
}
# Los mismos en tres letras como mucho, sobre las columnas del mapa de calor.
date-month-column = { $month ->
    [jan] ene
    [feb] feb
    [mar] mar
    [apr] abr
    [may] may
    [jun] jun
    [jul] jul
    [aug] ago
    [sep] sep
    [oct] oct
    [nov] nov
   *[dec] dic
}
# Cuándo vuelve el horario de trabajo: «lun. 09:00», «24 dic. 09:00».
date-weekday-time = { $weekday } { $time }
date-day-month-time = { $date } { $time }

## El recordatorio de la pausa

reminder-summary = { $exercise } · { $dose }
reminder-sitting = Llevas { $duration } en la silla
reminder-asked = Has pedido esta pausa
reminder-needs = necesita { $things }
need-wall = una pared
need-doorway = el marco de una puerta
list-and = { $first } y { $second }
reminder-snoozes-used-up = ya no se puede aplazar más
reminder-answer-in-terminal = Responde en una terminal: deskbreak done, snooze, skip o guide
reminder-answer-in-terminal-no-snooze = Responde en una terminal: deskbreak done, skip o guide
reminder-terminal-summary = Hora de una pausa: { $summary }

reminder-button-start-guide = Iniciar guía
reminder-button-done = Hecho
reminder-button-snooze = Aplazar { $duration }
reminder-button-skip = Omitir

## La dosis de un ejercicio

dose-reps =
    { $reps ->
        [one] { $reps } repetición
       *[other] { $reps } repeticiones
    }
dose-hold = mantener { $seconds } s
dose-reps-hold =
    { $reps ->
        [one] { $reps } repetición, mantener { $seconds } s
       *[other] { $reps } repeticiones, mantener { $seconds } s
    }
dose-once = una vez
dose-sets =
    { $sets ->
        [one] { $sets } serie de { $dose }
       *[other] { $sets } series de { $dose }
    }
dose-each-side = { $dose }, cada lado
dose-short-reps-hold = { $reps } × mantener { $seconds } s
dose-short-sets = { $sets } × { $dose }
dose-short-each-side = { $dose } cada lado

## La pausa guiada

guide-summary = { $exercise } · { $step }
guide-countdown = { $seconds } s
guide-get-ready = Prepárate… { $countdown }
guide-hold = { $step }: mantén… { $countdown }
guide-relax = Relaja… { $countdown }
guide-rest = Descansa… { $countdown }
guide-switch-sides = Cambia de lado… { $countdown }
guide-button-stop = Detener
guide-done-summary = { $exercise } · hecho
guide-done-body = ¡Bien hecho! { $duration } de movimiento. Pausa registrada.

guide-step-get-ready = Prepárate
guide-step-relax = Relaja
guide-step-rest = Descanso
guide-step-switch-sides = Cambio de lado
guide-step-rep = Rep. { $rep } de { $reps }
guide-step-hold = Posición
guide-step-move = Muévete
guide-step-first-side = { $step }, primer lado
guide-step-other-side = { $step }, otro lado
guide-step-set = { $step }, serie { $set } de { $sets }

## Errores de configuración (claves y valores tal como están en el archivo)

config-language-expected = se esperaba uno de { $choices }
config-language-unknown = idioma desconocido { $value }: se esperaba uno de { $choices }

## Respuestas a las órdenes de la línea de comandos

cli-reply-next-break = { $done } Próxima pausa en { $duration }.
cli-reply-done = Pausa hecha.
cli-reply-snoozed = Pausa aplazada.
cli-reply-skipped = Pausa omitida.
cli-reply-resumed = Recordatorios reanudados.
cli-reply-break-now = Recordatorio de pausa mostrado.
cli-reply-paused-for = Recordatorios suspendidos durante { $duration }.
cli-reply-paused = Recordatorios suspendidos hasta `deskbreak resume`.
cli-reply-paused-until = Recordatorios suspendidos hasta { $time }.
cli-reply-reloaded = Configuración recargada desde { $path }.
cli-reply-guide-stopped = Guía detenida; la pausa sigue pendiente.

cli-refused-config = { $error }; se mantiene la configuración en uso
cli-refused-no-break = Ninguna pausa espera respuesta.
cli-refused-no-break-snoozed = Ninguna pausa espera respuesta (la pausa está aplazada).
cli-refused-no-break-next = Ninguna pausa espera respuesta; la próxima es en { $duration }.
cli-refused-snooze-limit =
    { $count ->
        [0] Aplazar está desactivado (breaks.max_snoozes = 0); haz la pausa u omítela.
        [one] Ya se aplazó una vez (breaks.max_snoozes); haz la pausa u omítela.
       *[other] Ya se aplazó { $count } veces seguidas (breaks.max_snoozes); haz la pausa u omítela.
    }
cli-refused-paused = Los recordatorios están suspendidos; primero `deskbreak resume`.
cli-refused-not-paused = Los recordatorios no están suspendidos.
cli-refused-guiding = Hay una pausa guiada en curso; se registra sola al terminar.
cli-refused-not-guiding = No hay ninguna pausa guiada en curso.

## Errores de la línea de comandos cuando no llega al servicio

cli-error-not-running = deskbreak no se está ejecutando (nadie tiene { $name } en el bus de sesión); inícialo con `deskbreak run`
cli-error-no-bus = no se puede acceder al bus de sesión: { $error }; ¿es esta una sesión de escritorio?
cli-error-no-answer = sin respuesta de deskbreak ni del bus de sesión en { $seconds } s; puede que el servicio esté bloqueado (`systemctl --user restart deskbreak`)
cli-error-bus = falló la conexión con el bus de sesión ({ $error })
cli-error-garbled = no se puede leer el estado del servicio: { $error }
cli-error-unknown-phase = fase desconocida { $phase }
cli-error-unknown-backend = detector de inactividad desconocido { $backend }
bus-error-unreachable = no hay bus de sesión ({ $error })
bus-error-no-answer = el bus de sesión no respondió en { $seconds } s (su socket acepta conexiones, pero nada responde)
cli-error-no-home = no se encuentra una carpeta personal (define HOME, o XDG_CONFIG_HOME y XDG_STATE_HOME)

## Mensajes de la propia línea de comandos

cli-damaged-lines =
    { $count ->
        [one] se omitió una línea dañada en { $path }
       *[other] se omitieron { $count } líneas dañadas en { $path }
    }
cli-config-exists = { $path } ya existe; no se sobrescribe (bórralo antes para empezar de cero)
cli-config-written = configuración predeterminada escrita en { $path }
cli-check-own-exercises =
    { $count ->
        [one] { $path }: correcto ({ $count } ejercicio propio)
       *[other] { $path }: correcto ({ $count } ejercicios propios)
    }
cli-check-missing = { $path }: { $why }; se aplican los valores predeterminados
cli-check-empty = { $path }: correcto (vacío: al iniciar se aplican los valores predeterminados; un servicio en marcha conserva su última configuración válida)
cli-check-ok = { $path }: correcto
cli-exclusions-not-shown = { $error } (exclusiones no mostradas)
cli-no-such-exercise = no existe el ejercicio { $id }; `deskbreak exercises` los lista todos
cli-cannot-write-stdout = no se puede escribir en la salida estándar
cli-cannot-write-completions = no se puede escribir el script de autocompletado
cli-cannot-write-man-pages = no se pueden escribir las páginas de manual en { $path }
cli-cannot-create = no se puede crear { $path }
cli-cannot-write = no se puede escribir { $path }
cli-cannot-start-runtime = no se puede iniciar el entorno de ejecución asíncrono
cli-cannot-handle-signal = no se puede gestionar { $signal }
cli-cannot-create-folder = no se puede crear la carpeta { $path }: { $error }
cli-error-cause = { $error }: { $cause }

## deskbreak exercises y deskbreak exercises show ID

exercises-mark-yours = tuyo
exercises-mark-excluded = excluido
exercises-mark-yours-excluded = tuyo, excluido
exercises-details = { $position }, { $area }, { $dose }, aprox. { $duration }
exercises-details-full = { $position }, { $area }, aprox. { $duration }
exercises-details-needs = { $details }, necesita { $things }
exercises-show-yours = Tuyo, de { $path }
exercises-show-excluded = No se sugiere: excluido por exercises.positions o exercises.exclude
exercises-show-dose = Dosis: { $dose }.
exercises-show-safety = Seguridad: { $safety }
exercises-show-source = Fuente: { $source }
position-seated = en posición sentada
position-standing = de pie
area-neck = cuello
area-shoulders = hombros
area-upper-back = parte alta de la espalda
area-chest = pecho
need-chair = una silla

## La guía en la terminal (deskbreak guide)

guide-cli-no-break = { $why } `deskbreak guide ID` practica cualquier ejercicio sin registrarlo.
guide-cli-unknown-exercise = el servicio guía { $id }, que esta terminal no conoce
guide-cli-start-recorded = { $exercise } · { $dose } (aprox. { $duration }). Se registra al terminar; Ctrl+C detiene.
guide-cli-start-practice = { $exercise } · { $dose } (aprox. { $duration }). Práctica: no se registra nada; Ctrl+C detiene.
guide-cli-stopped-elsewhere = La guía se detuvo; aquí no se registra nada más.
guide-cli-stopped-answer = { $stopped } Responde con deskbreak done, snooze o skip.
guide-cli-stopped = Detenida.
guide-cli-done-practice = Hecho. Práctica: nada registrado.
guide-cli-done-recorded = Hecho. La pausa está registrada.
guide-cli-done-unconfirmed = Hecho aquí; el servicio aún no lo ha confirmado (`deskbreak status`).

## deskbreak service install y uninstall: una línea por paso, luego los errores. Las
## rutas, los nombres de unidad, las órdenes y lo que dice systemctl quedan tal cual.

service-removed-hiding = se eliminó { $path }: ocultaría la unidad instalada { $unit }
service-using-installed = se usa la unidad instalada { $unit }
service-up-to-date = { $path } está al día
service-wrote-unit = se escribió { $path } (ExecStart={ $binary } run)
service-removed-autostart-replaced = se eliminó la entrada de inicio automático { $path }: la unidad de systemd la sustituye
service-reloaded = se recargó el gestor de usuario de systemd
service-enabled = { $unit } habilitado e iniciado: a partir de ahora deskbreak arranca con tu sesión gráfica (`systemctl --user status deskbreak` muestra lo que hace)
service-no-graphical-session = nota: graphical-session.target no está activo, así que tu escritorio no avisa a systemd cuando arranca y deskbreak no se iniciará solo en el próximo inicio de sesión; `deskbreak service install --autostart` lo inicia desde el escritorio en su lugar
service-wrote-autostart = se escribió { $path }: deskbreak arranca cuando inicias sesión en tu escritorio
service-disabled-replaced = { $unit } detenido y deshabilitado: la entrada de inicio automático lo sustituye
service-removed = se eliminó { $path }
service-not-started-now = deskbreak no se inicia ahora: cierra la sesión y vuelve a entrar, o ejecuta `deskbreak run &`
service-disabled = { $unit } detenido y deshabilitado
service-no-manager-nothing-stopped = no se puede acceder al gestor de usuario de systemd ({ $reason }); no se detuvo nada
service-removed-autostart = se eliminó la entrada de inicio automático { $path } (un deskbreak que haya iniciado sigue en marcha hasta que cierres la sesión)
service-nothing-to-remove = nada que eliminar: no existe { $unit } ni { $autostart }
service-system-unit-stays = { $path } se queda: está instalado para todo el sistema (por un paquete o por el administrador)
service-error-no-home = no se encuentra una carpeta personal (define HOME o XDG_CONFIG_HOME)
service-error-binary = no se sabe dónde está este ejecutable de deskbreak: { $error }
service-error-unusable-path = la ruta { $path } no puede ir en un archivo de unidad: { $why }; mueve deskbreak a otro sitio
service-path-not-utf8 = no está en UTF-8
service-path-control = contiene un carácter de control
service-path-relative = no es absoluta
service-error-write = no se puede escribir { $path }: { $error }
service-error-remove = no se puede eliminar { $path }: { $error }
service-error-create-folder = no se puede crear la carpeta { $path }: { $error }
service-error-no-user-manager =
    no se puede acceder al gestor de usuario de systemd ({ $reason }), así que deskbreak no puede funcionar aquí como servicio de usuario; no se cambió nada.
    Para iniciar deskbreak al entrar en tu escritorio sin systemd, escribe en su lugar una entrada de inicio automático XDG:
        deskbreak service install --autostart
    o inicia `deskbreak run` desde el archivo de arranque de tu gestor de ventanas.
service-error-systemctl =
    `systemctl --user { $command }` falló: { $message }
    `deskbreak doctor` y `journalctl --user -u deskbreak` dan más detalles
service-manager-not-installed = { $program } no está instalado
service-manager-cannot-run = no se puede ejecutar { $program }: { $reason }
service-no-output = sin salida
service-autostart-comment = Recordatorio de pausas en el escritorio

## doctor

doctor-found-problem = se encontró un problema; las soluciones están arriba

## Respuestas del servicio a llamadas que no puede atender

cli-error-shutting-down = deskbreak se está cerrando
cli-error-busy = ya hay { $count } llamadas esperando a deskbreak; inténtalo de nuevo
cli-error-days = { $days } días: se esperaba de 1 a { $most }
cli-error-snooze-too-long = aplazar { $seconds } s supera las 24 h
cli-error-pause-too-long = suspender { $seconds } s supera las 24 h
cli-error-not-a-time = { $value } no es un momento válido
cli-error-in-the-past = { $time } ya ha pasado
cli-error-pause-too-far = suspender hasta el { $date } { $time } supera los 7 días
cli-error-already-running = ya hay otro deskbreak en este bus de sesión ({ $name } está ocupado)
cli-error-cannot-serve = no se puede ofrecer el servicio en el bus de sesión: { $error }

## Recordatorio tras una suspensión larga

reminder-still-paused = deskbreak sigue suspendido
reminder-still-paused-body = Los recordatorios de pausa llevan { $duration } suspendidos. Ejecuta `deskbreak resume` para volver a activarlos.

## Errores al releer la configuración

config-error-summary = deskbreak: error de configuración
config-error-body =
    { $error }

    Se mantiene la configuración en uso hasta que se corrija.
config-exercises-kept = { $error }; se mantiene la última versión válida de tus ejercicios
config-cannot-read-file = { $path }: no se puede leer el archivo ({ $error })
config-cannot-read = no se puede leer el archivo ({ $error })
config-file-empty = el archivo está vacío

## Archivos que deskbreak lee y guarda (src/store/).

store-kind-folder = una carpeta
store-kind-fifo = un FIFO (tubería con nombre)
store-kind-char-device = un dispositivo de caracteres
store-kind-block-device = un dispositivo de bloques
store-kind-socket = un socket
store-kind-symlink = un enlace simbólico
store-kind-other = algo que no es un archivo
store-not-regular = es { $kind }, no un archivo normal (deskbreak solo lee un archivo normal o un enlace simbólico a uno)
store-too-large-mib = el archivo supera { $size } MiB; deskbreak no lo lee
store-too-large-kib = el archivo supera { $size } KiB; deskbreak no lo lee
store-lock-held = ya hay otro deskbreak en marcha ({ $holder }) que ocupa { $dir }; este no cambia nada y termina (habla con el que está en marcha con `deskbreak status`, o detenlo antes, p. ej. `systemctl --user stop deskbreak`)
store-lock-is = es { $kind }
store-lock-not-a-file = { $path }: { $reason }; bórralo para que deskbreak pueda bloquear su carpeta de estado
store-lock-unavailable = no se puede bloquear la carpeta de estado: { $error }
store-holder-pid = PID { $pid }
store-holder-pid-host = PID { $pid } en el equipo { $host }
store-holder-host = en el equipo { $host }
store-holder-unknown = PID desconocido

## deskbreak status y la información emergente del módulo de waybar

status-not-running = deskbreak no se está ejecutando
status-line = { $summary }; detector de inactividad: { $backend }
status-working = trabajando: { $sitting } en la silla, próxima pausa en { $duration } ({ $time })
status-due = pausa pendiente: { $sitting } en la silla
status-snoozed = aplazada: nuevo recordatorio en { $duration } ({ $time }), { $sitting } en la silla
status-away = fuera: en pausa
status-guiding = guía: hay una pausa guiada en curso
status-paused-until = suspendido hasta { $time } (quedan { $duration }); { $sitting } en la silla
status-paused = suspendido hasta `deskbreak resume`; { $sitting } en la silla
status-bar-minutes = { $minutes } min
status-bar-due = pausa
status-bar-away = fuera
status-bar-guiding = guía
status-bar-paused = suspendido

## El menú del icono de la bandeja del sistema

tray-break-now = Hacer una pausa ahora
tray-show-break-again = Mostrar la pausa de nuevo
tray-guide = Iniciar pausa guiada
tray-snooze = Aplazar
tray-resume = Reanudar los recordatorios
tray-pause-half-hour = Suspender 30 minutos
tray-pause-hour = Suspender 1 hora
tray-pause-tomorrow = Suspender hasta mañana
tray-open-config = Abrir el archivo de configuración
tray-quit = Salir de deskbreak
tray-today =
    { $count ->
        [0] Hoy: ninguna pausa todavía
        [one] Hoy: 1 pausa
       *[other] Hoy: { $count } pausas
    }

## Tus propios ejercicios y sus traducciones: errores en exercises.json o
## exercises.LANG.ftl. Los nombres de campos y claves quedan como en el archivo.

exercises-error-exercise = ejercicio { $exercise }
exercises-error-position = n.º { $number } de la lista
exercises-error-too-large = más de 1 MiB: se esperaba una lista corta de ejercicios
exercises-error-not-regular = { $found }, no es un archivo normal: se esperaba { $expected }
exercises-error-not-utf8 = no es texto UTF-8: se esperaba { $expected }
exercises-expected-json = un archivo JSON
exercises-expected-ftl = un archivo Fluent (.ftl)
exercises-error-version = la versión { $version } no es compatible: se esperaba 1
exercises-error-id-twice-in-file = se usa dos veces en este archivo: se esperaba cada id una sola vez
exercises-error-id-twice = se usa dos veces
exercises-error-id = se esperaban minúsculas, cifras y «-» (64 como mucho)
exercises-error-id-reserved = «own» está reservado: se esperaba otro id
exercises-error-name = se esperaba un nombre de 1 a 40 caracteres
exercises-error-safety = no puede estar vacío: di cuándo aflojar o parar
exercises-error-steps = se esperaban de 2 a 5 pasos no vacíos
exercises-error-duration = se esperaba un número de segundos de 10 a 600
exercises-error-sets = se esperaban de 1 a 5 series
exercises-error-reps = se esperaba de 1 a 50 (una pausa en el escritorio), o null
exercises-error-hold = se esperaban de 1 a 120 segundos (una pausa en el escritorio), o null
exercises-error-dose = se esperaba reps o hold_secs (o ambos)
exercises-error-too-long = se esperaban { $most } caracteres como mucho
exercises-ftl-syntax = { $error }: se esperaba `id =` y luego líneas `    .field = texto`
exercises-ftl-twice = está traducido dos veces: se esperaba cada id una sola vez
exercises-ftl-value = tiene un texto tras `=`: se esperaba el nombre como `.name = …` en la línea siguiente
exercises-ftl-empty = está vacío: se esperaba un texto
exercises-ftl-field-twice = aparece dos veces
exercises-ftl-not-a-field = no es un campo: se esperaba uno de { $fields }
exercises-ftl-placeable = tiene un {"{"} … {"}"} que no es texto entre comillas: se esperaba texto simple (una llave se escribe {"{"}"{"{"}"{"}"})
exercises-ftl-no-such-step = el ejercicio tiene { $steps } pasos: se esperaba de step-1 a step-{ $steps }
exercises-ftl-unknown-id = ningún ejercicio tiene este id: se esperaba un id de tu exercises.json o uno incorporado (`deskbreak exercises` los lista)

## Una pausa pendiente que se retiene

status-waiting = en espera: { $holds }; { $sitting } en la silla
status-waiting-at-most = en espera: { $holds }; pausa a las { $time } como muy tarde, { $sitting } en la silla
status-bar-waiting = espera
wait-hold = { $reason } ({ $detail })
wait-reason-do-not-disturb = no molestar
wait-reason-fullscreen = pantalla completa
wait-reason-inhibitor = inhibido
wait-reason-meeting = reunión
wait-unknown = por un motivo que esta versión de deskbreak no sabe nombrar

## doctor: niveles, resumen, idioma

doctor-level-ok = ok
doctor-level-warning = aviso
doctor-level-problem = problema
doctor-fix = solución: { $fix }
doctor-all-good = Todo bien: las pausas deberían llegar.
doctor-warnings =
    { $warnings ->
        [one] 1 aviso; las pausas deberían llegar igualmente.
       *[other] { $warnings } avisos; las pausas deberían llegar igualmente.
    }
doctor-problems =
    { $problems ->
        [one] 1 problema
       *[other] { $problems } problemas
    } y { $warnings ->
        [one] 1 aviso
       *[other] { $warnings } avisos
    }: resuelve primero los problemas.
doctor-language-complete = { $language } ({ $code }, { $from }): todos los mensajes y ejercicios están traducidos
doctor-language-complete-builtin = { $language } ({ $code }, { $from }): todos los mensajes y ejercicios incorporados están traducidos
# $missing es doctor-language-lacks-messages, doctor-language-lacks-fields o ambos
# unidos por doctor-language-and.
doctor-language-lacks = { $language } ({ $code }, { $from }): aún sin traducir, así que en inglés: { $missing }
doctor-language-lacks-messages = { $count ->
    [one] 1 mensaje
   *[other] { $count } mensajes
}
doctor-language-lacks-fields = { $count ->
    [one] 1 texto de ejercicio
   *[other] { $count } textos de ejercicios
}
doctor-language-and = { $first } y { $second }
doctor-language-own-complete = { $total ->
    [one] tu ejercicio propio también está traducido
   *[other] tus { $total } ejercicios propios también están traducidos
} ({ $file })
doctor-language-own-lacks = { $total ->
    [one] tu ejercicio propio no está traducido del todo
   *[other] { $untranslated ->
        [one] 1 de tus { $total } ejercicios propios no está traducido del todo
       *[other] { $untranslated } de tus { $total } ejercicios propios no están traducidos del todo
    }
} a este idioma: lo que falta se muestra en inglés
doctor-language-own-none = ninguno de tus { $total } ejercicios propios está traducido del todo a este idioma: lo que falta se muestra en inglés
doctor-language-own-fix = { $file }, junto a tu exercises.json, traduce tus ejercicios propios, como muestra «Translating deskbreak» en el README
doctor-language-fix = una traducción puede completarse como explica «Translating deskbreak» en el README
doctor-language-from-config = ui.language en la configuración
doctor-language-from-locale = según la configuración regional { $locale }
doctor-language-untranslated = no hay traducción para la configuración regional { $locale }
doctor-language-no-locale = no hay configuración regional definida

## doctor: las comprobaciones. Los nombres de programas, rutas, variables de entorno,
## claves de configuración, órdenes entre `comillas invertidas` y nombres de unidades
## quedan tal cual; una causa que da el sistema ($error) queda en sus palabras.

doctor-check-config = configuración
doctor-check-language = idioma
doctor-check-session-bus = bus de sesión
doctor-check-notifications = notificaciones
doctor-check-idle-backend = detector de inactividad
doctor-check-logind = logind
doctor-check-holds = esperas
doctor-check-service = arranque
doctor-check-daemon = servicio
doctor-check-line = { $name }: { $detail }
doctor-name-unowned = nadie tiene { $name }
doctor-config-missing = no hay archivo en { $path }; se aplican los valores predeterminados
doctor-config-empty = { $path } está vacío; se aplican los valores predeterminados
doctor-config-valid = { $path } es válido (una pausa cada { $interval } en la silla)
doctor-config-fix = corrige el archivo (`deskbreak config check` lo vuelve a comprobar); hasta entonces `deskbreak run` no arranca y un servicio en marcha conserva su última configuración válida
doctor-config-own-broken = tus ejercicios propios no se usan hasta que esto se corrija: { $error }
doctor-config-fix-own = corrige tu archivo de ejercicios (`deskbreak config check` lo vuelve a comprobar); hasta entonces los recordatorios solo proponen los ejercicios incorporados
doctor-bus-reachable = accesible
doctor-bus-cannot-connect = no se puede conectar: { $error }
doctor-bus-no-answer = no se puede conectar: el bus de sesión no respondió en { $duration } (su socket acepta conexiones pero nada responde)
doctor-bus-fix = ejecuta deskbreak dentro de tu sesión de escritorio, donde DBUS_SESSION_BUS_ADDRESS (o $XDG_RUNTIME_DIR/bus) lleva al bus de sesión
doctor-fix-bus-first = arregla primero el bus de sesión
doctor-notifications-no-bus = sin comprobar: sin bus de sesión los recordatorios solo van a stderr
doctor-notifications-none = no hay servidor de notificaciones ({ $why }); los recordatorios solo van a stderr
doctor-notifications-none-fix = instala un servidor de notificaciones como dunst o mako, o usa un escritorio que tenga uno (GNOME, KDE Plasma, Xfce, …)
doctor-notifications-server = { $name } { $version } de { $vendor } (especificación { $spec })
doctor-notifications-buttons = { $server }, muestra los botones Hecho/Aplazar/Omitir
doctor-notifications-buttons-where = { $server }, muestra los botones Hecho/Aplazar/Omitir; { $place }
doctor-notifications-dunst = en dunst los botones están en su menú contextual (`dunstctl context`, que necesita dmenu o rofi; asígnalo a una tecla), un clic central inicia la guía, y un clic izquierdo cierra el recordatorio, lo que cuenta como Aplazar
doctor-notifications-mako = en mako los botones están en `makoctl menu` (asígnalo a una tecla), y un clic en la burbuja inicia la guía
doctor-notifications-no-buttons = { $server } no muestra botones en las notificaciones
doctor-notifications-no-buttons-fix = responde a una pausa desde una terminal con `deskbreak done`, `deskbreak snooze` o `deskbreak skip` (el recordatorio lo dice), o usa un servidor de notificaciones con acciones, como dunst, mako o el de tu escritorio
doctor-idle-not-used = { $backend } sin usar: { $reason }
doctor-idle-forced-none = ninguno, como dice `activity.backend = "none"` en la configuración: todo el tiempo despierto cuenta como tiempo en la silla
doctor-idle-forced-none-fix = pon `activity.backend = "auto"` para que el tiempo lejos del teclado cuente como pausa
doctor-idle-none = aquí no funciona ninguno, así que todo el tiempo despierto cuenta como tiempo en la silla
doctor-idle-none-fix = ejecuta deskbreak dentro de tu sesión de escritorio (necesita WAYLAND_DISPLAY o DISPLAY, o el monitor de inactividad de GNOME); si `activity.backend` impone un backend, prueba "auto"
doctor-idle-not-a-backend = no es un backend
doctor-idle-timeout = no respondió en { $duration }
doctor-wayland-inherited-socket = no se puede usar el socket de WAYLAND_SOCKET: { $error }
doctor-wayland-no-display = WAYLAND_DISPLAY no está definido (no es una sesión Wayland)
doctor-wayland-no-runtime-dir = XDG_RUNTIME_DIR no es una ruta absoluta, así que WAYLAND_DISPLAY={ $display } no se puede localizar
doctor-wayland-connect = no se puede conectar con el compositor Wayland en { $path }: { $error }
doctor-wayland-socket = no se puede usar el socket Wayland en { $path }: { $error }
doctor-wayland-watch = no se puede vigilar el socket Wayland: { $error }
doctor-wayland-timeout = el compositor Wayland no respondió en { $duration }
doctor-wayland-no-idle-notify = el compositor no implementa ext-idle-notify-v1 (no hay global ext_idle_notifier_v1; GNOME no lo implementa, el backend gnome cubre GNOME)
doctor-wayland-no-seat = el compositor no ofrece wl_seat, así que no hay entrada que vigilar
doctor-wayland-protocol = error del protocolo Wayland: { $error }
doctor-wayland-connection = error de conexión Wayland: { $error }
doctor-wayland-dispatch = error de procesamiento Wayland: { $error }
doctor-gnome-unavailable = org.gnome.Mutter.IdleMonitor no está disponible ({ $error }); no es una sesión GNOME
doctor-screensaver-unavailable = org.freedesktop.ScreenSaver.GetSessionIdleTime no está disponible ({ $error })
doctor-x11-empty-display = DISPLAY está vacío: no hay sesión X11
doctor-x11-no-display = DISPLAY no está definido: no hay sesión X11
doctor-x11-display-not-utf8 = DISPLAY no es UTF-8 válido
doctor-x11-thread = no se puede iniciar la sonda X11: { $error }
doctor-x11-probe-died = la sonda X11 de la pantalla { $display } falló
doctor-x11-timeout = la pantalla X { $display } no respondió en { $duration } (¿está detenido el servidor X?)
doctor-x11-connect = no se puede conectar con la pantalla X { $display }: { $error }
doctor-x11-no-screen = la pantalla X { $display } no tiene la pantalla { $screen }
doctor-x11-no-screensaver = a la pantalla X { $display } le falta la extensión { $extension }
doctor-x11-failed = pantalla X { $display }: { $error }
doctor-logind-reachable = accesible, sigue la sesión { $session }: el bloqueo de pantalla y la suspensión cuentan como tiempo lejos
doctor-logind-unreachable = no accesible ({ $reason }): el bloqueo de pantalla no se sigue, y una suspensión solo la nota el reloj
doctor-logind-fix = deskbreak necesita systemd-logind (o elogind) en el bus del sistema para ver los bloqueos de pantalla; sin él, las pausas llegan igual
doctor-logind-no-bus = no hay bus del sistema ({ $error })
doctor-logind-timeout = logind no respondió
doctor-logind-unknown-session = logind no conoce la sesión { $id } ({ $error })
doctor-logind-unavailable = logind no está disponible ({ $error })
doctor-logind-no-display = no se puede leer la sesión gráfica del usuario ({ $error })
doctor-logind-no-graphical-session = el usuario no tiene sesión gráfica
doctor-logind-closed = la conexión con el bus del sistema se cerró
doctor-service-unknown = no se sabe: { $error }
doctor-service-unknown-fix = arranca deskbreak con tu escritorio: `deskbreak service install`
doctor-service-no-home = no se encuentra la carpeta personal (define HOME o XDG_CONFIG_HOME)
doctor-service-twice = { $unit } está habilitado y existe la entrada de autoarranque { $entry }: dos servicios compiten por el bus en cada inicio de sesión
doctor-service-twice-fix = quédate con uno: `deskbreak service install` (systemd) o `deskbreak service install --autostart` quita el otro
doctor-service-autostart = arranca al iniciar sesión desde la entrada de autoarranque { $entry }
doctor-service-no-graphical-session = { $unit } está habilitado y en marcha, pero graphical-session.target no está activo, así que no arrancará solo en el próximo inicio de sesión
doctor-service-no-graphical-session-fix = tu escritorio no arranca graphical-session.target: usa `deskbreak service install --autostart` en su lugar
doctor-service-running = { $unit } está habilitado y en marcha
doctor-service-enabled-not-running = { $unit } está habilitado pero { $state ->
    [failed] ha fallado
    [activating] aún está arrancando
    [deactivating] se está deteniendo
    [inactive] no está en marcha
   *[other] no está en marcha ({ $state })
}
doctor-service-journal-fix = `journalctl --user -u deskbreak` dice por qué; `systemctl --user restart deskbreak` lo vuelve a arrancar
doctor-service-not-enabled = { $unit } está en marcha pero no habilitado: no arrancará en el próximo inicio de sesión
doctor-service-enable-fix = `deskbreak service install` lo habilita
doctor-service-not-started = deskbreak no arranca con tu escritorio ({ $unit } está { $state ->
    [disabled] deshabilitado
    [masked] enmascarado
    [not-found] sin instalar
   *[other] { $state }
})
doctor-service-install-fix = `deskbreak service install` instala, habilita y arranca el servicio de usuario
doctor-service-no-manager = deskbreak no arranca con tu escritorio: no hay gestor de usuario de systemd ({ $reason }) ni entrada de autoarranque
doctor-service-no-manager-fix = `deskbreak service install --autostart` lo arranca al iniciar sesión; o ejecuta `deskbreak run` desde el archivo de inicio de tu gestor de ventanas
doctor-systemctl-not-installed = { $program } no está instalado
doctor-systemctl-cannot-run = no se puede ejecutar { $program }: { $error }
doctor-daemon-no-bus = sin comprobar: un servicio en marcha se encuentra a través del bus de sesión
doctor-daemon-not-running = no hay ningún deskbreak en marcha en este bus de sesión ({ $why })
doctor-daemon-start-fix = arráncalo: `deskbreak service install` (así arranca con tu escritorio), o `deskbreak run` en una terminal
doctor-daemon-running = en marcha (PID { $pid }): { $status }; detector de inactividad: { $backend }
doctor-daemon-silent = en marcha (PID { $pid }), pero no responde: { $error }
doctor-daemon-restart-fix = reinícialo: `systemctl --user restart deskbreak`, o detén y vuelve a ejecutar `deskbreak run`
doctor-signal-dnd = no molestar
doctor-signal-dnd-of = no molestar de { $server }
doctor-signal-inhibitors = bloqueos de inactividad
doctor-signal-inhibitors-of = bloqueos de inactividad de { $desktop }
doctor-signal-fullscreen = ventana a pantalla completa
doctor-signal-fullscreen-on = ventana a pantalla completa en { $display }
doctor-signal-camera = cámara (/dev/video*)
doctor-signal-microphone-server = micrófono (flujos de grabación de PulseAudio o PipeWire)
doctor-signal-microphone-alsa = micrófono (subflujos de grabación de ALSA)
doctor-signal-meeting = cámara y micrófono
doctor-fullscreen-no-display = no está definido ni WAYLAND_DISPLAY ni DISPLAY: no hay pantalla que leer
doctor-fullscreen-no-toplevels = el compositor no ofrece zwlr_foreign_toplevel_manager_v1, así que sus ventanas a pantalla completa no se ven (GNOME y KDE en Wayland no exponen el estado de pantalla completa): aquí la señal son los bloqueos de inactividad
doctor-fullscreen-old-toplevels = el zwlr_foreign_toplevel_manager_v1 del compositor es la versión 1, que no tiene estado de pantalla completa (la versión 2 lo añadió): aquí la señal son los bloqueos de inactividad
doctor-fullscreen-toplevels-finished = el compositor dejó de listar sus ventanas (zwlr_foreign_toplevel_manager_v1 terminado)
doctor-fullscreen-no-ewmh = el gestor de ventanas de la pantalla X { $display } no define _NET_ACTIVE_WINDOW (no es un gestor EWMH), así que la ventana activa es desconocida
doctor-x11-bad-display = DISPLAY={ $display } no es un nombre de pantalla
doctor-fullscreen-thread-ended = el hilo que lee la pantalla terminó sin respuesta

wait-fullscreen-app = { $app } está en pantalla completa
wait-fullscreen-window = hay una ventana en pantalla completa

## Lo que retiene una pausa pendiente, y lo que dice doctor al respecto

wait-dnd-paused = { $server } está en pausa
wait-dnd-mode = { $server } está en modo no molestar
wait-dnd-on = { $server }: no molestar está activado
wait-dnd-inhibited = las notificaciones de { $server } están bloqueadas
wait-dnd-holds-back = { $server } retiene las notificaciones
wait-inhibitor-someone = una aplicación impide la inactividad
wait-inhibitor-count = { $count } aplicaciones impiden la inactividad
wait-inhibitor-app = { $app } impide la inactividad
wait-inhibitor-app-reason = { $app } impide la inactividad ({ $reason })
wait-inhibitor-apps = { $apps } impiden la inactividad
wait-inhibitor-apps-more = { $apps } y { $count } más impiden la inactividad
doctor-hold-no-bus = no hay bus de sesión
doctor-dnd-no-server = no hay ningún servidor de notificaciones en marcha
doctor-dnd-anonymous = el servidor de notificaciones no dice quién es ({ $error })
doctor-dnd-unknown-server = el servidor de notificaciones { $server } no tiene un ajuste de no molestar que deskbreak pueda leer
doctor-dnd-dunst-silent = dunst no dice si está en pausa (dunst 1.6 o posterior sí lo dice; { $error })
doctor-dnd-dunst-odd = dunst respondió algo distinto de sí o no a si está en pausa
doctor-dnd-mako-silent = mako no lista sus modos (mako 1.7 o posterior sí lo hace; { $error })
doctor-dnd-swaync-silent = swaync no dice si no molestar está activado ({ $error })
doctor-dnd-xfconf-absent = xfconfd no está en marcha, así que no se puede leer el no molestar de xfce4-notifyd
doctor-dnd-xfconf-silent = xfconf no responde por xfce4-notifyd ({ $error })
doctor-dnd-xfconf-odd = xfconf guarda algo distinto de sí o no en /do-not-disturb de xfce4-notifyd
doctor-dnd-kde-silent = el servidor de notificaciones de KDE Plasma no dice si está bloqueado ({ $error })
doctor-dnd-no-home = no hay carpeta personal, así que no se encuentra la base de datos de dconf
doctor-dnd-dconf-not-database = { $path } no es una base de datos de dconf
doctor-dnd-dconf-damaged = { $path } está dañado
doctor-dnd-dconf-failed = falló la lectura de la base de datos de dconf
doctor-inhibit-none = no hay en marcha ningún gestor de sesión que liste los bloqueos de inactividad (el de GNOME o el de KDE)
doctor-inhibit-gnome-silent = el gestor de sesión de GNOME no dice si la inactividad está bloqueada ({ $error })
doctor-inhibit-gnome-odd = el gestor de sesión de GNOME respondió algo distinto de un número sobre las acciones bloqueadas
doctor-inhibit-kde-silent = la gestión de energía de KDE no dice si la inactividad está bloqueada ({ $error })
doctor-inhibit-kde-odd = la gestión de energía de KDE dio su lista de bloqueos en una forma que deskbreak no conoce

## Errores en config.toml (claves y valores tal como están en el archivo)

-duration-hint = una duración como "45m", "1h 30m" o "20s"
config-duration-expected = se esperaba { -duration-hint } (entre comillas)
config-duration-invalid = duración no válida { $value } ({ $error }): se esperaba { -duration-hint }
config-duration-too-long = { $value } es más de 24h: se esperaba { -duration-hint }
config-duration-zero-or-second = debe ser "0s" (nunca) o al menos 1s: se esperaba { -duration-hint }
config-duration-at-least-second = debe ser al menos 1s: se esperaba { -duration-hint }
config-micro-length-range = debe estar entre 1s y 5m: se esperaba { -duration-hint }
config-max-snoozes-expected = se esperaba un número entero de 0 a 20
config-max-snoozes-out-of-range = { $value } está fuera de rango: se esperaba un número entero de 0 a 20
config-goal-expected = se esperaba un porcentaje entero de 1 a 100, por ejemplo 80
config-goal-out-of-range = { $value } está fuera de rango: se esperaba un porcentaje entero de 1 a 100, por ejemplo 80
config-flag-expected = se esperaba true o false
config-positions-expected = se esperaba una lista de "seated" y/o "standing"
config-position-unknown = posición desconocida { $value }: se esperaba una lista de "seated" y/o "standing"
config-positions-empty = no puede estar vacío: se esperaba una lista de "seated" y/o "standing"
config-exclude-expected = se esperaba una lista de ids de ejercicios (ver `deskbreak exercises`)
config-backend-expected = se esperaba uno de { $choices }
config-backend-unknown = detector desconocido { $value }: se esperaba uno de { $choices }
config-tray-expected = se esperaba "auto" (siempre que el escritorio tenga bandeja del sistema) u "off"
config-tray-unknown = valor desconocido { $value }: se esperaba "auto" (siempre que el escritorio tenga bandeja del sistema) u "off"
config-days-expected = se esperaba una lista de nombres de días de "mon" a "sun", p. ej. ["mon", "tue"]
config-day-unknown = día desconocido { $value }: se esperaba una lista de nombres de días de "mon" a "sun", p. ej. ["mon", "tue"]
config-days-empty = no puede estar vacío: se esperaba una lista de nombres de días de "mon" a "sun", p. ej. ["mon", "tue"]
config-hours-expected = se esperaba un intervalo como "09:00-17:30" o una lista como ["08:30-12:00", "13:00-18:00"]
config-hours-empty = no puede estar vacío: se esperaba un intervalo como "09:00-17:30" o una lista como ["08:30-12:00", "13:00-18:00"]
config-range-not-a-range = { $value } no es un intervalo: se esperaba un intervalo de horas en formato de 24 horas como "09:00-17:30"
config-range-invalid = { $value } no es un intervalo válido: se esperaba un intervalo de horas en formato de 24 horas como "09:00-17:30"
config-range-empty = { $value } es un intervalo vacío: se esperaba un intervalo de horas en formato de 24 horas como "09:00-17:30"
config-key-unknown = clave desconocida: se esperaba una de { $choices }
config-key-unknown-none = clave desconocida: esta tabla no tiene claves
config-table-expected = se esperaba una tabla (una cabecera [sección] y sus claves)
config-toml-syntax = TOML no válido: { $error }
config-unreadable = no se puede leer el archivo: { $error }
config-not-utf8 = el archivo no es texto UTF-8 válido; guárdalo como UTF-8
config-exercise-unknown = id de ejercicio desconocido { $value }: se esperaba una lista de ids de ejercicios (ver `deskbreak exercises`)
config-no-exercise-left = positions y exclude no dejan ningún ejercicio que sugerir: permite otra posición o excluye menos ejercicios
config-missing = no hay archivo de configuración
config-missing-symlink = un enlace simbólico a { $target }, que no existe

## `deskbreak stats` y el resumen semanal. Porcentajes como «80 %».

stats-title-day = Último día · { $date }
stats-title-days = Últimos { $days } días · { $from } – { $to }
stats-error-future = { $date } está en el futuro; indica una fecha hasta hoy
stats-error-too-long = { $date } fue hace { $days } días; las estadísticas abarcan como mucho { $most } días
stats-nothing-recorded =
    No hay pausas ni tiempo en la silla registrados en estos días. El servicio (`deskbreak run`,
    o la unidad de systemd) los registra mientras trabajas.
stats-damaged = { $count ->
    [one] (1 línea del historial no se pudo leer y queda fuera.)
   *[other] ({ $count } líneas del historial no se pudieron leer y quedan fuera.)
}
stats-today = hoy
stats-yesterday = ayer
# Una semana: «23–29 nov», entre dos meses «30 nov – 6 dic».
stats-week-same-month = { $from }–{ $to }
stats-week = { $from } – { $to }
stats-column-breaks = pausas
stats-column-taken = hechas
stats-column-share = parte
stats-column-sitting = en la silla
stats-column-longest = más largo
stats-no-breaks = sin pausas
stats-taken-of = { $taken } de { $due }
stats-percent = { $percent } %
stats-legend = { $done } hecha  { $guided } guiada  { $natural } natural  { $skipped } omitida  { $snoozed } aplazada
stats-legend-per-mark = (una marca por cada { $count })
stats-share = { $share } ({ $taken } de { $due })
stats-share-none = — (no tocaba ninguna pausa)
stats-label-taken = Pausas hechas
stats-label-streak = Racha
stats-label-sitting = En la silla
stats-label-longest = Tramo más largo
stats-label-areas = Zonas del cuerpo
stats-label-most-done = Lo más hecho
stats-label-micro = Micropausas
stats-adherence = hoy { $today } · últimos 7 días { $week }
stats-adherence-days = últimos { $days } días { $share }
stats-streak = { $days ->
    [one] 1 día seguido con el { $goal } % o más (stats.goal)
   *[other] { $days } días seguidos con el { $goal } % o más (stats.goal)
}
stats-sitting = { $days ->
    [one] { $duration } en 1 día
   *[other] { $duration } en { $days } días
}
stats-sitting-average = { $duration } en { $days } días, { $average } al día de media
stats-longest = { $duration } sin pausa ({ $date })
stats-area-count = { $area } { $count }
stats-areas-none = ningún ejercicio hecho en los últimos 7 días
stats-areas-all = las cuatro zonas trabajadas en los últimos 7 días
stats-areas-neglected = 7 días sin ejercitar: { $areas }
stats-most-done-item = { $exercise } ({ $times }×)
stats-micro = { $count } (no cuentan en la parte de pausas hechas)
stats-heatmap-title = Parte de pausas hechas, por día
stats-heatmap-legend = { $none } no tocaba nada  { $low } menos del { $half } %  { $mid } menos del { $goal } %  { $good } { $goal } % o más  { $all } todas hechas

# El resumen semanal, como notificación.
stats-weekly-title-same-month = Semana pasada ({ $from }–{ $to })
stats-weekly-title = Semana pasada ({ $from } – { $to })
stats-weekly-taken = Hiciste el { $percent } % de tus pausas ({ $taken } de { $due }; tu objetivo es el { $goal } %).
stats-weekly-none-due = No tocó ninguna pausa.
stats-weekly-streak = { $days ->
    [0] Ahora mismo no llevas ninguna racha de días en tu objetivo.
    [one] Racha: 1 día en tu objetivo.
   *[other] Racha: { $days } días seguidos en tu objetivo.
}
stats-weekly-longest = Tramo más largo sin pausa: { $duration } ({ $weekday }).

## deskbreak history en palabras: una línea por pausa

history-outcome = { $outcome ->
    [done] hecha
    [snoozed] aplazada
    [skipped] omitida
    [dismissed] cerrada
    [natural] natural
   *[micro] micropausa
}
history-after = tras { $duration } en la silla
history-error-write = no se puede escribir la salida

## Fuera del horario de trabajo, lo que dice doctor de las pausas retenidas, micropausas

status-off-hours-until = fuera del horario de trabajo hasta { $time }
status-off-hours = fuera del horario de trabajo
status-bar-off-hours = libre
doctor-holds-intro = lo que espera una pausa pendiente (se lee cuando llega una pausa, nunca en reposo):
doctor-holds-signal = { $name }: { $reading }
doctor-holds-signal-off = { $name }: { $reading } (no se respeta: { $key } = false)
doctor-holds-clear = legible, nada retiene una pausa ahora
doctor-holds-held = legible, retiene una pausa ahora: { $hold }
doctor-holds-unreadable = no legible: { $reason }
doctor-holds-all-off = todos los ajustes respect.* están desactivados: las pausas nunca esperan
doctor-holds-blind-fix = este escritorio no ofrece nada legible para { $keys }: las pausas llegan igualmente; «When deskbreak will not interrupt you» en el README lista lo que ofrece cada escritorio
wait-camera-in-use = cámara en uso por { $apps }
wait-microphone-in-use = micrófono en uso por { $apps }
wait-apps-more = { $apps } y { $count } más
wait-an-application = una aplicación
wait-applications = { $count ->
    [one] una aplicación
   *[other] { $count } aplicaciones
}
doctor-holds-no-answer = sin respuesta en { $duration }
doctor-meeting-cannot-list = no se puede listar { $path }: { $error }
doctor-meeting-no-such-file = no existe
doctor-meeting-permission-denied = permiso denegado
doctor-meeting-scan-slow = leer los archivos abiertos en { $path } tardó más de { $duration }
doctor-meeting-scan-stopped = se detuvo el examen de { $path }
doctor-meeting-no-asound = no hay { $path } (ninguna tarjeta de sonido ALSA)
doctor-meeting-pulse-remote = PULSE_SERVER no indica ningún servidor de sonido local (los remotos no se leen)
doctor-meeting-no-runtime-dir = XDG_RUNTIME_DIR no está definido: no se encuentra el servidor de sonido
doctor-meeting-no-server = no hay servidor de sonido en { $path } (PulseAudio o pipewire-pulse)
doctor-meeting-pipewire-without-pulse = no hay servidor de sonido en { $path }: PipeWire funciona sin pipewire-pulse, cuyos flujos lee deskbreak
doctor-meeting-server-refused = el servidor de sonido en { $path } rechazó a deskbreak ({ $error })
doctor-meeting-server-silent = el servidor de sonido en { $path } no respondió en { $duration }
doctor-meeting-server-nonsense = el servidor de sonido en { $path } envió un mensaje que deskbreak no puede leer ({ $error })
doctor-meeting-server-too-large = el servidor de sonido en { $path } envió un mensaje de { $bytes } bytes, más de lo que lee deskbreak
doctor-meeting-server-failed = el servidor de sonido en { $path }: { $error }
micro-cue-chin-tuck = Micropausa: siéntate con la espalda recta, lleva la barbilla suavemente hacia atrás, mantén 5 s, relaja
micro-cue-shoulder-squeeze = Micropausa: junta los omóplatos, mantén 5 s, suelta
micro-cue-look-far = Micropausa: mira algo a 6 m durante 20 segundos
