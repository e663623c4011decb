# Los mensajes de deskbreak en español: una traducción de src/i18n/en/deskbreak.ftl.
# Un mensaje que falte aquí se muestra en inglés.
#
# Términos: pausa (break), ejercicio, hombros, recordatorio (reminder), guía (guide),
# aplazar (snooze), omitir (skip), hecho (done), repetición, serie. Tuteo, sin marcas de
# género. Duraciones: «45 min», «1 h 30 min»; horas en formato de 24 horas («14:05»).

## Duraciones y horas

duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min
time-of-day = { $hour }:{ $minute }

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
dose-hold = mantener { $seconds } s
dose-reps-hold =
    { $reps ->
        [one] { $reps } repetición, mantener { $seconds } s
       *[other] { $reps } repeticiones, mantener { $seconds } s
    }
dose-once = una vez
dose-sets =
    { $sets ->
        [one] { $sets } serie de { $dose }
       *[other] { $sets } series de { $dose }
    }
dose-each-side = { $dose }, cada lado
dose-short-reps-hold = { $reps } × mantener { $seconds } s
dose-short-sets = { $sets } × { $dose }
dose-short-each-side = { $dose } cada lado

## La pausa guiada

guide-summary = { $exercise } · { $step }
guide-countdown = { $seconds } s
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
guide-step-rep = Rep. { $rep } de { $reps }
guide-step-hold = Mantén
guide-step-move = Muévete
guide-step-first-side = { $step }, primer lado
guide-step-other-side = { $step }, otro lado
guide-step-set = { $step }, serie { $set } de { $sets }

## Errores de configuración (claves y valores tal como están en el archivo)

config-language-expected = se esperaba uno de { $choices }
config-language-unknown = idioma desconocido { $value }: se esperaba uno de { $choices }
