# Les messages de deskbreak en français : une traduction de src/i18n/en/deskbreak.ftl.
# Un message absent d'ici s'affiche en anglais.
#
# Termes : pause (break), exercice, épaules, rappel (reminder), guide, reporter (snooze),
# passer (skip), c'est fait (done), répétition, série. Vouvoiement. Espace insécable
# avant : ; ! ? et entre un nombre et son unité (« 45 min », « 1 h 30 min »). Heures sur
# 24 heures (« 14:05 »).

## Durées et heures

duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min
time-of-day = { $hour }:{ $minute }

## Le rappel de pause

reminder-summary = { $exercise } · { $dose }
reminder-sitting = { $duration } en position assise
reminder-asked = Vous avez demandé cette pause
reminder-needs = il faut { $things }
need-wall = un mur
need-doorway = un encadrement de porte
list-and = { $first } et { $second }
reminder-snoozes-used-up = plus de report possible
reminder-answer-in-terminal = Répondez dans un terminal : deskbreak done, snooze, skip ou guide
reminder-answer-in-terminal-no-snooze = Répondez dans un terminal : deskbreak done, skip ou guide

reminder-button-start-guide = Lancer le guide
reminder-button-done = C'est fait
reminder-button-snooze = Reporter de { $duration }
reminder-button-skip = Passer

## La dose d'un exercice

dose-reps =
    { $reps ->
        [one] { $reps } répétition
       *[other] { $reps } répétitions
    }
dose-hold = tenir { $seconds } s
dose-reps-hold =
    { $reps ->
        [one] { $reps } répétition, tenir { $seconds } s
       *[other] { $reps } répétitions, tenir { $seconds } s
    }
dose-once = une fois
dose-sets =
    { $sets ->
        [one] { $sets } série de { $dose }
       *[other] { $sets } séries de { $dose }
    }
dose-each-side = { $dose }, de chaque côté
dose-short-reps-hold = { $reps } × tenir { $seconds } s
dose-short-sets = { $sets } × { $dose }
dose-short-each-side = { $dose } de chaque côté

## La pause guidée

guide-summary = { $exercise } · { $step }
guide-countdown = { $seconds } s
guide-get-ready = Préparez-vous… { $countdown }
guide-hold = { $step } : tenez… { $countdown }
guide-relax = Relâchez… { $countdown }
guide-rest = Repos… { $countdown }
guide-switch-sides = Changez de côté… { $countdown }
guide-button-stop = Arrêter
guide-done-summary = { $exercise } · terminé
guide-done-body = Bravo : { $duration } de mouvement. Pause enregistrée.

guide-step-get-ready = Préparation
guide-step-relax = Relâchement
guide-step-rest = Repos
guide-step-switch-sides = Changement de côté
guide-step-rep = Rép. { $rep } sur { $reps }
guide-step-hold = Maintien
guide-step-move = Mouvement
guide-step-first-side = { $step }, premier côté
guide-step-other-side = { $step }, autre côté
guide-step-set = { $step }, série { $set } sur { $sets }

## Erreurs de configuration (clés et valeurs telles qu'écrites dans le fichier)

config-language-expected = valeur attendue parmi { $choices }
config-language-unknown = langue inconnue { $value } : valeur attendue parmi { $choices }
