# Les messages de deskbreak en français : une traduction de src/i18n/en/deskbreak.ftl.
# Un message absent d'ici s'affiche en anglais.
#
# Termes : pause (break), exercice, épaules, rappel (reminder), guide, reporter (snooze),
# passer (skip), c'est fait (done), suspendre (pause reminders), répétition, série.
# Vouvoiement. Espace insécable avant : ; ! ? et entre un nombre et son unité (« 45 min »,
# « 1 h 30 min »). Heures sur 24 heures (« 14:05 »).
# Pluriel : en français, la variante [one] sert aussi pour 0 ; elle écrit donc le nombre
# avec sa variable ({ $days } jour), jamais « 1 » ni « un », sauf si une variante
# [0] la précède.

## Durées et heures

duration-seconds = { $seconds } s
duration-minutes = { $minutes } min
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min
time-of-day = { $hour }:{ $minute }

# Dates : $day est le jour du mois (un nombre), $month et $weekday les noms ci-dessous,
# $year en quatre chiffres.
date-day-month = { $day } { $month }
date-weekday-day-month = { $weekday } { $day } { $month }
date-weekday-day-month-year = { $weekday } { $day } { $month } { $year }
date-weekday = { $day ->
    [mon] lundi
    [tue] mardi
    [wed] mercredi
    [thu] jeudi
    [fri] vendredi
    [sat] samedi
   *[sun] dimanche
}
date-weekday-short = { $day ->
    [mon] lun.
    [tue] mar.
    [wed] mer.
    [thu] jeu.
    [fri] ven.
    [sat] sam.
   *[sun] dim.
}
date-month-short = { $month ->
    [jan] janv.
    [feb] févr.
    [mar] mars
    [apr] avr.
    [may] mai
    [jun] juin
    [jul] juil.
    [aug] août
    [sep] sept.
    [oct] oct.
    [nov] nov.
   *[dec] déc.
}
# Les mêmes en trois lettres au plus, au-dessus des colonnes de la carte de chaleur.
date-month-column = { $month ->
    [jan] jan
    [feb] fév
    [mar] mar
    [apr] avr
    [may] mai
    [jun] jun
    [jul] jul
    [aug] aoû
    [sep] sep
    [oct] oct
    [nov] nov
   *[dec] déc
}
# Quand reprennent les heures de travail : « lun. 09:00 », « 24 déc. 09:00 ».
date-weekday-time = { $weekday } { $time }
date-day-month-time = { $date } { $time }

## Le rappel de pause

reminder-summary = { $exercise } · { $dose }
reminder-sitting = { $duration } en position assise
reminder-asked = Vous avez demandé cette pause
reminder-needs = il faut { $things }
need-wall = un mur
need-doorway = un encadrement de porte
list-and = { $first } et { $second }
reminder-snoozes-used-up = plus de report possible
reminder-answer-in-terminal = Répondez dans un terminal : deskbreak done, snooze, skip ou guide
reminder-answer-in-terminal-no-snooze = Répondez dans un terminal : deskbreak done, skip ou guide
reminder-terminal-summary = C'est l'heure d'une pause : { $summary }

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
dose-short-reps-hold = { $reps } × tenir { $seconds } s
dose-short-sets = { $sets } × { $dose }
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
guide-step-rep = Rép. { $rep } sur { $reps }
guide-step-hold = Maintien
guide-step-move = Mouvement
guide-step-first-side = { $step }, premier côté
guide-step-other-side = { $step }, autre côté
guide-step-set = { $step }, série { $set } sur { $sets }

## Erreurs de configuration (clés et valeurs telles qu'écrites dans le fichier)

config-language-expected = valeur attendue parmi { $choices }
config-language-unknown = langue inconnue { $value } : valeur attendue parmi { $choices }

## Réponses aux commandes en ligne de commande

cli-reply-next-break = { $done } Prochaine pause dans { $duration }.
cli-reply-done = Pause faite.
cli-reply-snoozed = Pause reportée.
cli-reply-skipped = Pause passée.
cli-reply-resumed = Rappels repris.
cli-reply-break-now = Rappel de pause affiché.
cli-reply-paused-for = Rappels suspendus pour { $duration }.
cli-reply-paused = Rappels suspendus jusqu'à `deskbreak resume`.
cli-reply-paused-until = Rappels suspendus jusqu'à { $time }.
cli-reply-reloaded = Configuration rechargée depuis { $path }.
cli-reply-guide-stopped = Guide arrêté ; la pause est toujours due.

cli-refused-config = { $error } ; la configuration en cours est conservée
cli-refused-no-break = Aucune pause n'attend de réponse.
cli-refused-no-break-snoozed = Aucune pause n'attend de réponse (la pause est reportée).
cli-refused-no-break-next = Aucune pause n'attend de réponse ; la prochaine est dans { $duration }.
cli-refused-snooze-limit =
    { $count ->
        [0] Le report est désactivé (breaks.max_snoozes = 0) ; faites la pause ou passez-la.
        [one] Déjà reportée une fois (breaks.max_snoozes) ; faites la pause ou passez-la.
       *[other] Déjà reportée { $count } fois de suite (breaks.max_snoozes) ; faites la pause ou passez-la.
    }
cli-refused-paused = Les rappels sont suspendus ; d'abord `deskbreak resume`.
cli-refused-not-paused = Les rappels ne sont pas suspendus.
cli-refused-guiding = Une pause guidée est en cours ; elle s'enregistre d'elle-même à la fin.
cli-refused-not-guiding = Aucune pause guidée n'est en cours.

## Erreurs de la ligne de commande quand elle ne joint pas le démon

cli-error-not-running = deskbreak ne tourne pas (personne ne détient { $name } sur le bus de session) ; lancez-le avec `deskbreak run`
cli-error-no-bus = impossible de joindre le bus de session : { $error } ; est-ce bien une session de bureau ?
cli-error-no-answer = pas de réponse de deskbreak ni du bus de session en { $seconds } s ; le démon est peut-être bloqué (`systemctl --user restart deskbreak`)
cli-error-bus = la connexion au bus de session a échoué ({ $error })
cli-error-garbled = impossible de lire l'état du démon : { $error }
cli-error-unknown-phase = phase inconnue { $phase }
cli-error-unknown-backend = détection d'inactivité inconnue { $backend }
bus-error-unreachable = pas de bus de session ({ $error })
bus-error-no-answer = le bus de session n'a pas répondu en { $seconds } s (sa socket accepte les connexions, mais rien ne répond)
cli-error-no-home = impossible de trouver un dossier personnel (définissez HOME, ou XDG_CONFIG_HOME et XDG_STATE_HOME)

## Messages de la ligne de commande elle-même

cli-damaged-lines =
    { $count ->
        [one] { $count } ligne endommagée ignorée dans { $path }
       *[other] { $count } lignes endommagées ignorées dans { $path }
    }
cli-config-exists = { $path } existe déjà ; il n'est pas écrasé (supprimez-le d'abord pour repartir de zéro)
cli-config-written = configuration par défaut écrite dans { $path }
cli-check-own-exercises =
    { $count ->
        [one] { $path } : ok ({ $count } exercice à vous)
       *[other] { $path } : ok ({ $count } exercices à vous)
    }
cli-check-missing = { $path } : { $why } ; les réglages par défaut s'appliquent
cli-check-empty = { $path } : ok (vide : les réglages par défaut s'appliquent au démarrage ; un démon en cours garde sa dernière configuration valide)
cli-check-ok = { $path } : ok
cli-exclusions-not-shown = { $error } (exclusions non affichées)
cli-no-such-exercise = aucun exercice { $id } ; `deskbreak exercises` les liste tous
cli-cannot-write-stdout = impossible d'écrire sur la sortie standard
cli-cannot-write-completions = impossible d'écrire le script de complétion
cli-cannot-write-man-pages = impossible d'écrire les pages de manuel dans { $path }
cli-cannot-create = impossible de créer { $path }
cli-cannot-write = impossible d'écrire { $path }
cli-cannot-start-runtime = impossible de démarrer l'environnement d'exécution asynchrone
cli-cannot-handle-signal = impossible de gérer { $signal }
cli-cannot-create-folder = impossible de créer le dossier { $path } : { $error }
cli-error-cause = { $error } : { $cause }

## deskbreak exercises et deskbreak exercises show ID

exercises-mark-yours = à vous
exercises-mark-excluded = exclu
exercises-mark-yours-excluded = à vous, exclu
exercises-details = { $position }, { $area }, { $dose }, environ { $duration }
exercises-details-full = { $position }, { $area }, environ { $duration }
exercises-details-needs = { $details }, il faut { $things }
exercises-show-yours = À vous, depuis { $path }
exercises-show-excluded = Pas proposé : exclu par exercises.positions ou exercises.exclude
exercises-show-dose = Dose : { $dose }.
exercises-show-safety = Sécurité : { $safety }
exercises-show-source = Source : { $source }
position-seated = en position assise
position-standing = debout
area-neck = nuque
area-shoulders = épaules
area-upper-back = haut du dos
area-chest = poitrine
need-chair = une chaise

## Le guide dans le terminal (deskbreak guide)

guide-cli-no-break = { $why } `deskbreak guide ID` permet de pratiquer n'importe quel exercice sans l'enregistrer.
guide-cli-unknown-exercise = le démon guide { $id }, que ce terminal ne connaît pas
guide-cli-start-recorded = { $exercise } · { $dose } (environ { $duration }). Enregistré à la fin ; Ctrl+C arrête.
guide-cli-start-practice = { $exercise } · { $dose } (environ { $duration }). Entraînement : rien n'est enregistré ; Ctrl+C arrête.
guide-cli-stopped-elsewhere = Le guide a été arrêté ; rien de plus n'est enregistré ici.
guide-cli-stopped-answer = { $stopped } Répondez avec deskbreak done, snooze ou skip.
guide-cli-stopped = Arrêté.
guide-cli-done-practice = Terminé. Entraînement : rien d'enregistré.
guide-cli-done-recorded = Terminé. La pause est enregistrée.
guide-cli-done-unconfirmed = Terminé ici ; le démon ne l'a pas encore confirmé (`deskbreak status`).

## deskbreak service install et uninstall : une ligne par étape, puis les erreurs. Les
## chemins, noms d'unité, commandes et ce que dit systemctl restent tels quels.

service-removed-hiding = { $path } supprimé : il masquerait l'unité installée { $unit }
service-using-installed = utilisation de l'unité installée { $unit }
service-up-to-date = { $path } est à jour
service-wrote-unit = { $path } écrit (ExecStart={ $binary } run)
service-removed-autostart-replaced = entrée de démarrage automatique { $path } supprimée : le service la remplace
service-reloaded = gestionnaire utilisateur de systemd rechargé
service-enabled = { $unit } activé et démarré : deskbreak démarre désormais avec votre session graphique (`systemctl --user status deskbreak` montre ce qu'il fait)
service-no-graphical-session = remarque : graphical-session.target n'est pas actif, votre bureau ne signale donc pas son démarrage à systemd et deskbreak ne démarrera pas tout seul à la prochaine ouverture de session ; `deskbreak service install --autostart` le lance plutôt depuis le bureau
service-wrote-autostart = { $path } écrit : deskbreak démarre quand vous ouvrez une session sur votre bureau
service-disabled-replaced = { $unit } arrêté et désactivé : l'entrée de démarrage automatique le remplace
service-removed = { $path } supprimé
service-not-started-now = deskbreak n'est pas lancé maintenant : fermez puis rouvrez votre session, ou lancez `deskbreak run &`
service-disabled = { $unit } arrêté et désactivé
service-no-manager-nothing-stopped = le gestionnaire utilisateur de systemd est injoignable ({ $reason }) ; rien n'a été arrêté
service-removed-autostart = entrée de démarrage automatique { $path } supprimée (un deskbreak qu'elle a lancé continue de tourner jusqu'à la fin de votre session)
service-nothing-to-remove = rien à supprimer : il n'y a ni { $unit } ni { $autostart }
service-system-unit-stays = { $path } reste : il a été installé pour tout le système (par un paquet ou par l'administrateur)
service-error-no-home = impossible de trouver un dossier personnel (définissez HOME ou XDG_CONFIG_HOME)
service-error-binary = impossible de savoir où se trouve ce programme deskbreak : { $error }
service-error-unusable-path = le chemin { $path } ne peut pas figurer dans un fichier d'unité : { $why } ; déplacez deskbreak ailleurs
service-path-not-utf8 = il n'est pas en UTF-8
service-path-control = il contient un caractère de contrôle
service-path-relative = il n'est pas absolu
service-error-write = impossible d'écrire { $path } : { $error }
service-error-remove = impossible de supprimer { $path } : { $error }
service-error-create-folder = impossible de créer le dossier { $path } : { $error }
service-error-no-user-manager =
    le gestionnaire utilisateur de systemd est injoignable ({ $reason }), deskbreak ne peut donc pas tourner ici comme service utilisateur ; rien n'a été modifié.
    Pour lancer deskbreak à l'ouverture de votre session de bureau sans systemd, écrivez plutôt une entrée de démarrage automatique XDG :
        deskbreak service install --autostart
    ou lancez `deskbreak run` depuis le fichier de démarrage de votre gestionnaire de fenêtres.
service-error-systemctl =
    `systemctl --user { $command }` a échoué : { $message }
    `deskbreak doctor` et `journalctl --user -u deskbreak` en disent plus
service-manager-not-installed = { $program } n'est pas installé
service-manager-cannot-run = impossible de lancer { $program } : { $reason }
service-no-output = aucune sortie
service-autostart-comment = Rappel de pauses au bureau

## doctor

doctor-found-problem = un problème trouvé ; les solutions sont ci-dessus

## Réponses du démon aux appels qu'il ne peut pas exécuter

cli-error-shutting-down = deskbreak est en train de s'arrêter
cli-error-busy = { $count } appels attendent déjà deskbreak ; réessayez
cli-error-days = { $days } jours : attendu de 1 à { $most }
cli-error-snooze-too-long = un report de { $seconds } s dépasse 24 h
cli-error-pause-too-long = une suspension de { $seconds } s dépasse 24 h
cli-error-not-a-time = { $value } n'est pas une date valide
cli-error-in-the-past = { $time } est déjà passé
cli-error-pause-too-far = une suspension jusqu'au { $date } { $time } dépasse 7 jours
cli-error-already-running = un autre deskbreak tourne déjà sur ce bus de session ({ $name } est pris)
cli-error-cannot-serve = impossible de s'inscrire sur le bus de session : { $error }

## Rappel après une longue suspension

reminder-still-paused = deskbreak est toujours suspendu
reminder-still-paused-body = Les rappels de pause sont suspendus depuis { $duration }. Lancez `deskbreak resume` pour les réactiver.

## Erreurs en relisant la configuration

config-error-summary = deskbreak : erreur de configuration
config-error-body =
    { $error }

    La configuration en cours est conservée jusqu'à ce que ce soit corrigé.
config-exercises-kept = { $error } ; la dernière version valide de vos exercices est conservée
config-cannot-read-file = { $path } : impossible de lire le fichier ({ $error })
config-cannot-read = impossible de lire le fichier ({ $error })
config-file-empty = le fichier est vide

## Fichiers que deskbreak lit et tient (src/store/).

store-kind-folder = un dossier
store-kind-fifo = un FIFO (tube nommé)
store-kind-char-device = un périphérique en mode caractère
store-kind-block-device = un périphérique en mode bloc
store-kind-socket = une socket
store-kind-symlink = un lien symbolique
store-kind-other = autre chose qu'un fichier
store-not-regular = c'est { $kind }, pas un fichier ordinaire (deskbreak ne lit qu'un fichier ordinaire ou un lien symbolique vers un tel fichier)
store-too-large-mib = le fichier dépasse { $size } Mio ; deskbreak ne le lit pas
store-too-large-kib = le fichier dépasse { $size } Kio ; deskbreak ne le lit pas
store-lock-held = un autre deskbreak est déjà en cours ({ $holder }) et occupe { $dir } ; celui-ci ne change rien et s'arrête (parlez à celui qui tourne avec `deskbreak status`, ou arrêtez-le d'abord, par exemple `systemctl --user stop deskbreak`)
store-lock-is = c'est { $kind }
store-lock-not-a-file = { $path } : { $reason } ; supprimez-le pour que deskbreak puisse verrouiller son dossier d'état
store-lock-unavailable = impossible de verrouiller le dossier d'état : { $error }
store-holder-pid = PID { $pid }
store-holder-pid-host = PID { $pid } sur l'hôte { $host }
store-holder-host = sur l'hôte { $host }
store-holder-unknown = PID inconnu

## deskbreak status et l'infobulle du module waybar

status-not-running = deskbreak ne tourne pas
status-line = { $summary } ; détection d'inactivité : { $backend }
status-working = au travail : { $sitting } en position assise, prochaine pause dans { $duration } (à { $time })
status-due = pause due : { $sitting } en position assise
status-snoozed = reportée : nouveau rappel dans { $duration } (à { $time }), { $sitting } en position assise
status-away = absence : en pause
status-guiding = guidage : une pause guidée est en cours
status-paused-until = suspendu jusqu'à { $time } (encore { $duration }) ; { $sitting } en position assise
status-paused = suspendu jusqu'à `deskbreak resume` ; { $sitting } en position assise
status-bar-minutes = { $minutes } min
status-bar-due = pause
status-bar-away = absence
status-bar-guiding = guide
status-bar-paused = suspendu

## Le menu de l'icône de la zone de notification

tray-break-now = Faire une pause maintenant
tray-show-break-again = Afficher à nouveau la pause
tray-guide = Lancer la pause guidée
tray-snooze = Reporter
tray-resume = Reprendre les rappels
tray-pause-half-hour = Suspendre 30 minutes
tray-pause-hour = Suspendre 1 heure
tray-pause-tomorrow = Suspendre jusqu'à demain
tray-open-config = Ouvrir le fichier de configuration
tray-quit = Quitter deskbreak
tray-today =
    { $count ->
        [0] Aujourd'hui : aucune pause pour l'instant
        [one] Aujourd'hui : 1 pause
       *[other] Aujourd'hui : { $count } pauses
    }

## Vos propres exercices et leurs traductions : erreurs dans exercises.json ou
## exercises.LANG.ftl. Les noms de champs et de clés restent tels qu'écrits dans le fichier.

exercises-error-exercise = exercice { $exercise }
exercises-error-position = n° { $number } de la liste
exercises-error-too-large = plus de 1 Mio : attendu une courte liste d'exercices
exercises-error-not-regular = { $found }, pas un fichier ordinaire : attendu { $expected }
exercises-error-not-utf8 = pas du texte UTF-8 : attendu { $expected }
exercises-expected-json = un fichier JSON
exercises-expected-ftl = un fichier Fluent (.ftl)
exercises-error-version = { $version } n'est pas pris en charge : attendu 1
exercises-error-id-twice-in-file = est utilisé deux fois dans ce fichier : attendu chaque id une seule fois
exercises-error-id-twice = est utilisé deux fois
exercises-error-id = attendu : lettres minuscules, chiffres et « - » (64 au plus)
exercises-error-id-reserved = « own » est réservé : attendu un autre id
exercises-error-name = attendu : un nom de 1 à 40 caractères
exercises-error-safety = ne doit pas être vide : dites quand relâcher l'effort ou arrêter
exercises-error-steps = attendu : 2 à 5 étapes non vides
exercises-error-duration = attendu : un nombre de secondes de 10 à 600
exercises-error-sets = attendu : 1 à 5 séries
exercises-error-reps = attendu : 1 à 50 (une pause au bureau), ou null
exercises-error-hold = attendu : 1 à 120 secondes (une pause au bureau), ou null
exercises-error-dose = attendu : reps ou hold_secs (ou les deux)
exercises-error-too-long = attendu : { $most } caractères au plus
exercises-ftl-syntax = { $error } : attendu `id =` puis des lignes `    .field = texte`
exercises-ftl-twice = est traduit deux fois : attendu chaque id une seule fois
exercises-ftl-value = a un texte après `=` : attendu le nom en `.name = …` à la ligne suivante
exercises-ftl-empty = est vide : attendu un texte
exercises-ftl-field-twice = est donné deux fois
exercises-ftl-not-a-field = n'est pas un champ : attendu l'un de { $fields }
exercises-ftl-placeable = contient un {"{"} … {"}"} qui n'est pas un texte entre guillemets : attendu du texte simple (une accolade s'écrit {"{"}"{"{"}"{"}"})
exercises-ftl-no-such-step = l'exercice a { $steps } étapes : attendu step-1 à step-{ $steps }
exercises-ftl-unknown-id = aucun exercice n'a cet id : attendu un id de votre exercises.json ou un id intégré (`deskbreak exercises` les liste)

## Une pause due retenue

status-waiting = en attente : { $holds } ; { $sitting } en position assise
status-waiting-at-most = en attente : { $holds } ; pause à { $time } au plus tard, { $sitting } en position assise
status-bar-waiting = attente
wait-hold = { $reason } ({ $detail })
wait-reason-do-not-disturb = ne pas déranger
wait-reason-fullscreen = plein écran
wait-reason-inhibitor = bloqué
wait-reason-meeting = réunion
wait-unknown = pour une raison que cette version de deskbreak ne sait pas nommer

## doctor : niveaux, résumé, langue

doctor-level-ok = ok
doctor-level-warning = alerte
doctor-level-problem = problème
doctor-fix = solution : { $fix }
doctor-all-good = Tout va bien : les pauses devraient venir.
doctor-warnings =
    { $warnings ->
        [one] { $warnings } alerte ; les pauses devraient quand même venir.
       *[other] { $warnings } alertes ; les pauses devraient quand même venir.
    }
doctor-problems =
    { $problems ->
        [one] { $problems } problème
       *[other] { $problems } problèmes
    } et { $warnings ->
        [one] { $warnings } alerte
       *[other] { $warnings } alertes
    } : réglez d'abord les problèmes.
doctor-language-complete = { $language } ({ $code }, { $from }) : tous les messages et exercices sont traduits
doctor-language-complete-builtin = { $language } ({ $code }, { $from }) : tous les messages et exercices intégrés sont traduits
# $missing est doctor-language-lacks-messages, doctor-language-lacks-fields, ou les deux
# reliés par doctor-language-and.
doctor-language-lacks = { $language } ({ $code }, { $from }) : pas encore traduit, donc en anglais : { $missing }
doctor-language-lacks-messages = { $count ->
    [one] { $count } message
   *[other] { $count } messages
}
doctor-language-lacks-fields = { $count ->
    [one] { $count } texte d'exercice
   *[other] { $count } textes d'exercices
}
doctor-language-and = { $first } et { $second }
doctor-language-own-complete = { $total ->
    [one] votre exercice personnel est traduit aussi
   *[other] vos { $total } exercices personnels sont traduits aussi
} ({ $file })
doctor-language-own-lacks = { $total ->
    [one] votre exercice personnel n'est pas entièrement traduit
   *[other] { $untranslated ->
        [one] { $untranslated } de vos { $total } exercices personnels n'est pas entièrement traduit
       *[other] { $untranslated } de vos { $total } exercices personnels ne sont pas entièrement traduits
    }
} dans cette langue : ce qui manque s'affiche en anglais
doctor-language-own-none = aucun de vos { $total } exercices personnels n'est entièrement traduit dans cette langue : ce qui manque s'affiche en anglais
doctor-language-own-fix = { $file } à côté de votre exercises.json traduit vos exercices personnels, comme le montre « Translating deskbreak » dans le README
doctor-language-fix = une traduction peut être complétée comme l'explique « Translating deskbreak » dans le README
doctor-language-from-config = ui.language dans la configuration
doctor-language-from-locale = d'après la locale { $locale }
doctor-language-untranslated = pas de traduction pour la locale { $locale }
doctor-language-no-locale = aucune locale définie

## doctor : les vérifications. Les noms de programmes, chemins, variables
## d'environnement, clés de configuration, commandes entre `accents graves` et noms
## d'unités restent tels quels ; une cause donnée par le système ($error) reste dans ses
## mots.

doctor-check-config = configuration
doctor-check-language = langue
doctor-check-session-bus = bus de session
doctor-check-notifications = notifications
doctor-check-idle-backend = détection d'inactivité
doctor-check-logind = logind
doctor-check-holds = attentes
doctor-check-service = démarrage
doctor-check-daemon = démon
doctor-check-line = { $name } : { $detail }
doctor-name-unowned = personne ne détient { $name }
doctor-config-missing = pas de fichier { $path } ; les réglages par défaut intégrés s'appliquent
doctor-config-empty = { $path } est vide ; les réglages par défaut intégrés s'appliquent
doctor-config-valid = { $path } est valide (une pause après { $interval } en position assise)
doctor-config-fix = corrigez le fichier (`deskbreak config check` le vérifie à nouveau) ; d'ici là, `deskbreak run` refuse de démarrer et un démon en cours garde sa dernière configuration valide
doctor-config-own-broken = vos exercices personnels ne sont pas utilisés tant que ceci n'est pas corrigé : { $error }
doctor-config-fix-own = corrigez votre fichier d'exercices (`deskbreak config check` le vérifie à nouveau) ; d'ici là, les rappels ne proposent que les exercices intégrés
doctor-bus-reachable = joignable
doctor-bus-cannot-connect = connexion impossible : { $error }
doctor-bus-no-answer = connexion impossible : le bus de session n'a pas répondu en { $duration } (sa socket accepte les connexions mais rien ne répond)
doctor-bus-fix = lancez deskbreak dans votre session de bureau, où DBUS_SESSION_BUS_ADDRESS (ou $XDG_RUNTIME_DIR/bus) mène au bus de session
doctor-fix-bus-first = réglez d'abord le bus de session
doctor-notifications-no-bus = non vérifié : sans bus de session, les rappels ne vont que sur stderr
doctor-notifications-none = aucun serveur de notifications ({ $why }) ; les rappels ne vont que sur stderr
doctor-notifications-none-fix = installez un démon de notifications comme dunst ou mako, ou utilisez un bureau qui en a un (GNOME, KDE Plasma, Xfce, …)
doctor-notifications-server = { $name } { $version } de { $vendor } (spécification { $spec })
doctor-notifications-buttons = { $server }, affiche les boutons C'est fait/Reporter/Passer
doctor-notifications-buttons-where = { $server }, affiche les boutons C'est fait/Reporter/Passer ; { $place }
doctor-notifications-dunst = avec dunst, les boutons sont dans son menu contextuel (`dunstctl context`, qui demande dmenu ou rofi ; associez-le à une touche), un clic du milieu lance le guide, et un clic gauche ferme le rappel, ce qui compte comme Reporter
doctor-notifications-mako = avec mako, les boutons sont dans `makoctl menu` (associez-le à une touche), et un clic sur la bulle lance le guide
doctor-notifications-no-buttons = { $server } n'affiche pas de boutons sur les notifications
doctor-notifications-no-buttons-fix = répondez à une pause depuis un terminal avec `deskbreak done`, `deskbreak snooze` ou `deskbreak skip` (le rappel le dit), ou utilisez un serveur de notifications avec actions, comme dunst, mako ou celui de votre bureau
doctor-idle-not-used = { $backend } non utilisé : { $reason }
doctor-idle-forced-none = aucune, comme le dit `activity.backend = "none"` dans la configuration : tout le temps éveillé compte comme temps assis
doctor-idle-forced-none-fix = mettez `activity.backend = "auto"` pour que le temps loin du clavier compte comme une pause
doctor-idle-none = aucune ne fonctionne ici, donc tout le temps éveillé compte comme temps assis
doctor-idle-none-fix = lancez deskbreak dans votre session de bureau (il lui faut WAYLAND_DISPLAY ou DISPLAY, ou le moniteur d'inactivité de GNOME) ; si `activity.backend` impose un backend, essayez "auto"
doctor-idle-not-a-backend = pas un backend
doctor-idle-timeout = pas de réponse en { $duration }
doctor-wayland-inherited-socket = la socket de WAYLAND_SOCKET est inutilisable : { $error }
doctor-wayland-no-display = WAYLAND_DISPLAY n'est pas défini (pas une session Wayland)
doctor-wayland-no-runtime-dir = XDG_RUNTIME_DIR n'est pas un chemin absolu, donc WAYLAND_DISPLAY={ $display } est introuvable
doctor-wayland-connect = connexion impossible au compositeur Wayland à { $path } : { $error }
doctor-wayland-socket = la socket Wayland à { $path } est inutilisable : { $error }
doctor-wayland-watch = impossible de surveiller la socket Wayland : { $error }
doctor-wayland-timeout = le compositeur Wayland n'a pas répondu en { $duration }
doctor-wayland-no-idle-notify = le compositeur n'implémente pas ext-idle-notify-v1 (pas de global ext_idle_notifier_v1 ; GNOME ne l'implémente pas, le backend gnome couvre GNOME)
doctor-wayland-no-seat = le compositeur n'offre pas de wl_seat, il n'y a donc aucune saisie à surveiller
doctor-wayland-protocol = erreur de protocole Wayland : { $error }
doctor-wayland-connection = erreur de connexion Wayland : { $error }
doctor-wayland-dispatch = erreur de traitement Wayland : { $error }
doctor-gnome-unavailable = org.gnome.Mutter.IdleMonitor n'est pas disponible ({ $error }) ; pas une session GNOME
doctor-screensaver-unavailable = org.freedesktop.ScreenSaver.GetSessionIdleTime n'est pas disponible ({ $error })
doctor-x11-empty-display = DISPLAY est vide : pas de session X11
doctor-x11-no-display = DISPLAY n'est pas défini : pas de session X11
doctor-x11-display-not-utf8 = DISPLAY n'est pas de l'UTF-8 valide
doctor-x11-thread = impossible de lancer la sonde X11 : { $error }
doctor-x11-probe-died = la sonde X11 de l'affichage { $display } a échoué
doctor-x11-timeout = l'affichage X { $display } n'a pas répondu en { $duration } (le serveur X est-il arrêté ?)
doctor-x11-connect = connexion impossible à l'affichage X { $display } : { $error }
doctor-x11-no-screen = l'affichage X { $display } n'a pas d'écran { $screen }
doctor-x11-no-screensaver = il manque l'extension { $extension } à l'affichage X { $display }
doctor-x11-failed = affichage X { $display } : { $error }
doctor-logind-reachable = joignable, suit la session { $session } : verrouillage de l'écran et veille comptent comme temps loin du poste
doctor-logind-unreachable = injoignable ({ $reason }) : le verrouillage de l'écran n'est pas suivi, et seule l'horloge remarque une mise en veille
doctor-logind-fix = deskbreak a besoin de systemd-logind (ou elogind) sur le bus système pour voir les verrouillages de l'écran ; sans lui, les pauses viennent quand même
doctor-logind-no-bus = pas de bus système ({ $error })
doctor-logind-timeout = logind n'a pas répondu
doctor-logind-unknown-session = logind ne connaît pas la session { $id } ({ $error })
doctor-logind-unavailable = logind n'est pas disponible ({ $error })
doctor-logind-no-display = impossible de lire la session d'affichage de l'utilisateur ({ $error })
doctor-logind-no-graphical-session = l'utilisateur n'a pas de session graphique
doctor-logind-closed = la connexion au bus système s'est fermée
doctor-service-unknown = impossible à dire : { $error }
doctor-service-unknown-fix = démarrez deskbreak avec votre bureau : `deskbreak service install`
doctor-service-no-home = dossier personnel introuvable (définissez HOME ou XDG_CONFIG_HOME)
doctor-service-twice = { $unit } est activé et l'entrée de démarrage automatique { $entry } existe : deux démons se disputent le bus à chaque connexion
doctor-service-twice-fix = gardez-en un : `deskbreak service install` (systemd) ou `deskbreak service install --autostart` retire l'autre
doctor-service-autostart = démarre à la connexion par l'entrée de démarrage automatique { $entry }
doctor-service-no-graphical-session = { $unit } est activé et tourne, mais graphical-session.target n'est pas actif, il ne démarrera donc pas seul à la prochaine connexion
doctor-service-no-graphical-session-fix = votre bureau ne démarre pas graphical-session.target : utilisez plutôt `deskbreak service install --autostart`
doctor-service-running = { $unit } est activé et tourne
doctor-service-enabled-not-running = { $unit } est activé mais { $state ->
    [failed] a échoué
    [activating] démarre encore
    [deactivating] est en train de s'arrêter
    [inactive] ne tourne pas
   *[other] ne tourne pas ({ $state })
}
doctor-service-journal-fix = `journalctl --user -u deskbreak` dit pourquoi ; `systemctl --user restart deskbreak` le relance
doctor-service-not-enabled = { $unit } tourne mais n'est pas activé : il ne démarrera pas à la prochaine connexion
doctor-service-enable-fix = `deskbreak service install` l'active
doctor-service-not-started = deskbreak ne démarre pas avec votre bureau ({ $unit } est { $state ->
    [disabled] désactivé
    [masked] masqué
    [not-found] non installé
   *[other] { $state }
})
doctor-service-install-fix = `deskbreak service install` installe, active et démarre le service utilisateur
doctor-service-no-manager = deskbreak ne démarre pas avec votre bureau : pas de gestionnaire utilisateur systemd ({ $reason }) ni d'entrée de démarrage automatique
doctor-service-no-manager-fix = `deskbreak service install --autostart` le démarre à votre connexion ; ou lancez `deskbreak run` depuis le fichier de démarrage de votre gestionnaire de fenêtres
doctor-systemctl-not-installed = { $program } n'est pas installé
doctor-systemctl-cannot-run = impossible de lancer { $program } : { $error }
doctor-daemon-no-bus = non vérifié : un démon en cours se trouve par le bus de session
doctor-daemon-not-running = aucun deskbreak ne tourne sur ce bus de session ({ $why })
doctor-daemon-start-fix = démarrez-le : `deskbreak service install` (il démarre alors avec votre bureau), ou `deskbreak run` dans un terminal
doctor-daemon-running = tourne (PID { $pid }) : { $status } ; détection d'inactivité : { $backend }
doctor-daemon-silent = tourne (PID { $pid }), mais ne répond pas : { $error }
doctor-daemon-restart-fix = relancez-le : `systemctl --user restart deskbreak`, ou arrêtez et relancez `deskbreak run`
doctor-signal-dnd = ne pas déranger
doctor-signal-dnd-of = ne pas déranger de { $server }
doctor-signal-inhibitors = blocages de mise en veille
doctor-signal-inhibitors-of = blocages de mise en veille de { $desktop }
doctor-signal-fullscreen = fenêtre en plein écran
doctor-signal-fullscreen-on = fenêtre en plein écran sous { $display }
doctor-signal-camera = caméra (/dev/video*)
doctor-signal-microphone-server = microphone (flux d'enregistrement de PulseAudio ou PipeWire)
doctor-signal-microphone-alsa = microphone (sous-flux d'enregistrement ALSA)
doctor-signal-meeting = caméra et microphone
doctor-fullscreen-no-display = ni WAYLAND_DISPLAY ni DISPLAY n'est défini : aucun affichage à lire
doctor-fullscreen-no-toplevels = le compositeur n'offre pas de zwlr_foreign_toplevel_manager_v1, ses fenêtres en plein écran ne se voient donc pas (GNOME et KDE sous Wayland n'exposent pas d'état plein écran) : ici, ce sont les blocages de mise en veille qui comptent
doctor-fullscreen-old-toplevels = le zwlr_foreign_toplevel_manager_v1 du compositeur est en version 1, sans état plein écran (la version 2 l'a ajouté) : ici, ce sont les blocages de mise en veille qui comptent
doctor-fullscreen-toplevels-finished = le compositeur a cessé de lister ses fenêtres (zwlr_foreign_toplevel_manager_v1 terminé)
doctor-fullscreen-no-ewmh = le gestionnaire de fenêtres de l'affichage X { $display } ne définit pas _NET_ACTIVE_WINDOW (pas un gestionnaire EWMH), la fenêtre active est donc inconnue
doctor-x11-bad-display = DISPLAY={ $display } n'est pas un nom d'affichage
doctor-fullscreen-thread-ended = le fil d'exécution qui lit l'affichage s'est terminé sans réponse

wait-fullscreen-app = { $app } est en plein écran
wait-fullscreen-window = une fenêtre est en plein écran

## Ce qui retient une pause due, et ce qu'en dit doctor

wait-dnd-paused = { $server } est en pause
wait-dnd-mode = { $server } est en mode ne pas déranger
wait-dnd-on = { $server } : ne pas déranger est activé
wait-dnd-inhibited = les notifications de { $server } sont bloquées
wait-dnd-holds-back = { $server } retient les notifications
wait-inhibitor-someone = une application empêche la mise en veille
wait-inhibitor-count = { $count } applications empêchent la mise en veille
wait-inhibitor-app = { $app } empêche la mise en veille
wait-inhibitor-app-reason = { $app } empêche la mise en veille ({ $reason })
wait-inhibitor-apps = { $apps } empêchent la mise en veille
wait-inhibitor-apps-more =
    { $count ->
        [one] { $apps } et { $count } autre empêchent la mise en veille
       *[other] { $apps } et { $count } autres empêchent la mise en veille
    }
doctor-hold-no-bus = pas de bus de session
doctor-dnd-no-server = aucun serveur de notifications ne tourne
doctor-dnd-anonymous = le serveur de notifications ne dit pas qui il est ({ $error })
doctor-dnd-unknown-server = le serveur de notifications { $server } n'a pas de réglage ne pas déranger que deskbreak sache lire
doctor-dnd-dunst-silent = dunst ne dit pas s'il est en pause (dunst 1.6 ou plus récent le dit ; { $error })
doctor-dnd-dunst-odd = dunst a répondu autre chose que oui ou non à la question de sa pause
doctor-dnd-mako-silent = mako ne liste pas ses modes (mako 1.7 ou plus récent le fait ; { $error })
doctor-dnd-swaync-silent = swaync ne dit pas si ne pas déranger est activé ({ $error })
doctor-dnd-xfconf-absent = xfconfd ne tourne pas, donc le ne pas déranger de xfce4-notifyd est illisible
doctor-dnd-xfconf-silent = xfconf ne répond pas pour xfce4-notifyd ({ $error })
doctor-dnd-xfconf-odd = xfconf contient autre chose que oui ou non dans /do-not-disturb de xfce4-notifyd
doctor-dnd-kde-silent = le serveur de notifications de KDE Plasma ne dit pas s'il est bloqué ({ $error })
doctor-dnd-no-home = pas de dossier personnel, donc la base dconf est introuvable
doctor-dnd-dconf-not-database = { $path } n'est pas une base dconf
doctor-dnd-dconf-damaged = { $path } est endommagé
doctor-dnd-dconf-failed = la lecture de la base dconf a échoué
doctor-inhibit-none = aucun gestionnaire de session qui liste les blocages de mise en veille (celui de GNOME ou de KDE) ne tourne
doctor-inhibit-gnome-silent = le gestionnaire de session de GNOME ne dit pas si la mise en veille est bloquée ({ $error })
doctor-inhibit-gnome-odd = le gestionnaire de session de GNOME a répondu autre chose qu'un nombre sur les actions bloquées
doctor-inhibit-kde-silent = la gestion de l'énergie de KDE ne dit pas si la mise en veille est bloquée ({ $error })
doctor-inhibit-kde-odd = la gestion de l'énergie de KDE a donné sa liste de blocages sous une forme que deskbreak ne connaît pas

## Erreurs dans config.toml (clés et valeurs telles qu'écrites dans le fichier)

-duration-hint = une durée comme "45m", "1h 30m" ou "20s"
config-duration-expected = attendu : { -duration-hint } (entre guillemets)
config-duration-invalid = durée invalide { $value } ({ $error }) : attendu { -duration-hint }
config-duration-too-long = { $value } dépasse 24h : attendu { -duration-hint }
config-duration-zero-or-second = doit valoir "0s" (jamais) ou au moins 1s : attendu { -duration-hint }
config-duration-at-least-second = doit valoir au moins 1s : attendu { -duration-hint }
config-micro-length-range = doit valoir entre 1s et 5m : attendu { -duration-hint }
config-max-snoozes-expected = attendu : un nombre entier de 0 à 20
config-max-snoozes-out-of-range = { $value } est hors limites : attendu un nombre entier de 0 à 20
config-goal-expected = attendu : un pourcentage entier de 1 à 100, par exemple 80
config-goal-out-of-range = { $value } est hors limites : attendu un pourcentage entier de 1 à 100, par exemple 80
config-flag-expected = attendu : true ou false
config-positions-expected = attendu : une liste de "seated" et/ou "standing"
config-position-unknown = position inconnue { $value } : attendu une liste de "seated" et/ou "standing"
config-positions-empty = ne doit pas être vide : attendu une liste de "seated" et/ou "standing"
config-exclude-expected = attendu : une liste d'id d'exercices (voir `deskbreak exercises`)
config-backend-expected = valeur attendue parmi { $choices }
config-backend-unknown = détection inconnue { $value } : valeur attendue parmi { $choices }
config-tray-expected = attendu : "auto" (dès que le bureau a une zone de notification) ou "off"
config-tray-unknown = valeur inconnue { $value } : attendu "auto" (dès que le bureau a une zone de notification) ou "off"
config-days-expected = attendu : une liste de noms de jours de "mon" à "sun", p. ex. ["mon", "tue"]
config-day-unknown = jour inconnu { $value } : attendu une liste de noms de jours de "mon" à "sun", p. ex. ["mon", "tue"]
config-days-empty = ne doit pas être vide : attendu une liste de noms de jours de "mon" à "sun", p. ex. ["mon", "tue"]
config-hours-expected = attendu : une plage comme "09:00-17:30" ou une liste comme ["08:30-12:00", "13:00-18:00"]
config-hours-empty = ne doit pas être vide : attendu une plage comme "09:00-17:30" ou une liste comme ["08:30-12:00", "13:00-18:00"]
config-range-not-a-range = { $value } n'est pas une plage : attendu une plage d'heures sur 24 h comme "09:00-17:30"
config-range-invalid = { $value } n'est pas une plage valide : attendu une plage d'heures sur 24 h comme "09:00-17:30"
config-range-empty = { $value } est une plage vide : attendu une plage d'heures sur 24 h comme "09:00-17:30"
config-key-unknown = clé inconnue : clé attendue parmi { $choices }
config-key-unknown-none = clé inconnue : cette table n'a pas de clés
config-table-expected = attendu : une table (un en-tête [section] et ses clés)
config-toml-syntax = TOML non valide : { $error }
config-unreadable = impossible de lire le fichier : { $error }
config-not-utf8 = le fichier n'est pas du texte UTF-8 valide ; enregistrez-le en UTF-8
config-exercise-unknown = id d'exercice inconnu { $value } : attendu une liste d'id d'exercices (voir `deskbreak exercises`)
config-no-exercise-left = positions et exclude ne laissent aucun exercice à proposer : autorisez une autre position ou excluez moins d'exercices
config-missing = pas de fichier de configuration
config-missing-symlink = un lien symbolique vers { $target }, qui n'existe pas

## `deskbreak stats` et le bilan de la semaine. Pourcentages écrits « 80 % ».

stats-title-day = Dernier jour · { $date }
stats-title-days = { $days } derniers jours · { $from } – { $to }
stats-error-future = { $date } est dans le futur ; indiquez une date jusqu'à aujourd'hui
stats-error-too-long = { $date } remonte à { $days } jours ; les statistiques couvrent au plus { $most } jours
stats-nothing-recorded =
    Aucune pause ni aucun temps assis n'est enregistré sur ces jours. Le démon (`deskbreak run`,
    ou le service) les enregistre pendant que vous travaillez.
stats-damaged = { $count ->
    [one] ({ $count } ligne de l'historique n'a pas pu être lue et n'est pas prise en compte.)
   *[other] ({ $count } lignes de l'historique n'ont pas pu être lues et ne sont pas prises en compte.)
}
stats-today = aujourd'hui
stats-yesterday = hier
# Une semaine : « 23–29 nov », sur deux mois « 30 nov – 6 déc ».
stats-week-same-month = { $from }–{ $to }
stats-week = { $from } – { $to }
stats-column-breaks = pauses
stats-column-taken = faites
stats-column-share = part
stats-column-sitting = assis
stats-column-longest = plus long
stats-no-breaks = aucune pause
stats-taken-of = { $taken } sur { $due }
stats-percent = { $percent } %
stats-legend = { $done } faite  { $guided } guidée  { $natural } naturelle  { $skipped } passée  { $snoozed } reportée
stats-legend-per-mark = (un repère pour { $count })
stats-share = { $share } ({ $taken } sur { $due })
stats-share-none = — (aucune pause due)
stats-label-taken = Pauses faites
stats-label-streak = Série
stats-label-sitting = Temps assis
stats-label-longest = Le plus long
stats-label-areas = Zones du corps
stats-label-most-done = Les plus faits
stats-label-micro = Micro-pauses
stats-adherence = aujourd'hui { $today } · 7 derniers jours { $week }
stats-adherence-days = { $days } derniers jours { $share }
stats-streak = { $days ->
    [one] { $days } jour d'affilée à { $goal } % ou plus (stats.goal)
   *[other] { $days } jours d'affilée à { $goal } % ou plus (stats.goal)
}
stats-sitting = { $days ->
    [one] { $duration } en { $days } jour
   *[other] { $duration } en { $days } jours
}
stats-sitting-average = { $duration } en { $days } jours, { $average } par jour en moyenne
stats-longest = { $duration } sans pause ({ $date })
stats-area-count = { $area } { $count }
stats-areas-none = aucun exercice fait ces 7 derniers jours
stats-areas-all = les quatre zones travaillées ces 7 derniers jours
stats-areas-neglected = négligées ces 7 derniers jours : { $areas }
stats-most-done-item = { $exercise } ({ $times }×)
stats-micro = { $count } (non comptées dans la part des pauses faites)
stats-heatmap-title = Part des pauses faites, par jour
stats-heatmap-legend = { $none } rien de dû  { $low } moins de { $half } %  { $mid } moins de { $goal } %  { $good } { $goal } % ou plus  { $all } toutes faites

# Le bilan de la semaine, en notification.
stats-weekly-title-same-month = Semaine dernière ({ $from }–{ $to })
stats-weekly-title = Semaine dernière ({ $from } – { $to })
stats-weekly-taken = Vous avez fait { $percent } % de vos pauses ({ $taken } sur { $due } ; votre objectif : { $goal } %).
stats-weekly-none-due = Aucune pause n'était due.
stats-weekly-streak = { $days ->
    [0] Pas de série de jours à votre objectif en ce moment.
    [one] Série : 1 jour à votre objectif.
   *[other] Série : { $days } jours d'affilée à votre objectif.
}
stats-weekly-longest = Plus longue période sans pause : { $duration } ({ $weekday }).

## deskbreak history en mots : une ligne par pause

history-outcome = { $outcome ->
    [done] faite
    [snoozed] reportée
    [skipped] passée
    [dismissed] fermée
    [natural] naturelle
   *[micro] micro-pause
}
history-after = après { $duration } en position assise
history-error-write = impossible d'écrire la sortie

## Hors des heures de travail, ce que doctor dit des pauses retenues, micro-pauses

status-off-hours-until = hors des heures de travail jusqu'à { $time }
status-off-hours = hors des heures de travail
status-bar-off-hours = repos
doctor-holds-intro = ce qu'attend une pause due (lu quand une pause arrive, jamais au repos) :
doctor-holds-signal = { $name } : { $reading }
doctor-holds-signal-off = { $name } : { $reading } (non respecté : { $key } = false)
doctor-holds-clear = lisible, rien ne retient de pause en ce moment
doctor-holds-held = lisible, retient une pause en ce moment : { $hold }
doctor-holds-unreadable = illisible : { $reason }
doctor-holds-all-off = tous les réglages respect.* sont désactivés : les pauses n'attendent jamais
doctor-holds-blind-fix = ce bureau n'offre rien de lisible pour { $keys } : les pauses viennent quand même ; « When deskbreak will not interrupt you » dans le README liste ce que chaque bureau offre
wait-camera-in-use = caméra utilisée par { $apps }
wait-microphone-in-use = micro utilisé par { $apps }
wait-apps-more =
    { $count ->
        [one] { $apps } et { $count } autre
       *[other] { $apps } et { $count } autres
    }
wait-an-application = une application
wait-applications = { $count ->
    [one] une application
   *[other] { $count } applications
}
doctor-holds-no-answer = pas de réponse en { $duration }
doctor-meeting-cannot-list = impossible de lister { $path } : { $error }
doctor-meeting-no-such-file = il n'existe pas
doctor-meeting-permission-denied = permission refusée
doctor-meeting-scan-slow = la lecture des fichiers ouverts sous { $path } a pris plus de { $duration }
doctor-meeting-scan-stopped = l'examen de { $path } s'est arrêté
doctor-meeting-no-asound = pas de { $path } (pas de carte son ALSA)
doctor-meeting-pulse-remote = PULSE_SERVER ne désigne aucun serveur de son local (les distants ne sont pas lus)
doctor-meeting-no-runtime-dir = XDG_RUNTIME_DIR n'est pas défini : le serveur de son est introuvable
doctor-meeting-no-server = pas de serveur de son à { $path } (PulseAudio ou pipewire-pulse)
doctor-meeting-pipewire-without-pulse = pas de serveur de son à { $path } : PipeWire tourne sans pipewire-pulse, dont deskbreak lit les flux
doctor-meeting-server-refused = le serveur de son à { $path } a refusé deskbreak ({ $error })
doctor-meeting-server-silent = le serveur de son à { $path } n'a pas répondu en { $duration }
doctor-meeting-server-nonsense = le serveur de son à { $path } a envoyé un message que deskbreak ne sait pas lire ({ $error })
doctor-meeting-server-too-large = le serveur de son à { $path } a envoyé un message de { $bytes } octets, plus que ce que deskbreak lit
doctor-meeting-server-failed = le serveur de son à { $path } : { $error }
micro-cue-chin-tuck = Micro-pause : dos droit, rentrez doucement le menton vers l'arrière, tenez 5 s, relâchez
micro-cue-shoulder-squeeze = Micro-pause : serrez les omoplates, tenez 5 s, relâchez
micro-cue-look-far = Micro-pause : regardez quelque chose à 6 m pendant 20 secondes
