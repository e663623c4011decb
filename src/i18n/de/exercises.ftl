# Die Übungen aus exercises.json auf Deutsch.
#
# Eine Nachricht je Übung (die id aus exercises.json), ein Attribut je Textfeld:
# .name, .step-1 … .step-N (so viele Schritte wie im Englischen), .safety,
# .glance-dose, .glance-how, .glance-safety (die Kurzfassung in der Erinnerung:
# höchstens 28, 100 und 64 Zeichen).
#
# Stil: Anleitung im Infinitiv („Aufrecht sitzen“), ohne Anrede. Begriffe: Pause,
# Übung, Schultern, Schulterblätter, Nacken, oberer/unterer Rücken, Brust,
# Ellbogen, Handgelenke, „je Seite“, „halten“, „Satz/Sätze“, „-mal“.
# Sicherheitshinweise: jede Grenze, Seite, Anzahl und Haltedauer genau wie im
# Englischen.

shoulder-rolls =
    .name = Schulterkreisen
    .step-1 = Aufrecht sitzen und die Arme locker seitlich hängen lassen.
    .step-2 = Beide Schultern nach vorn, nach oben und dann nach hinten kreisen, 5-mal hintereinander.
    .step-3 = Die Richtung wechseln und weitere 5-mal nach hinten, nach oben und dann nach vorn kreisen.
    .safety = Gleichmäßig und nur im angenehmen Bewegungsbereich kreisen; aufhören, wenn eine Schulter schmerzhaft knackt.
    .glance-dose = 5 vorwärts, 5 rückwärts
    .glance-how = Aufrecht sitzen, Arme locker, beide Schultern vor, hoch und zurück kreisen; dann umgekehrt.
    .glance-safety = Gleichmäßig kreisen; aufhören, wenn es schmerzhaft knackt.

shoulder-shrug-rolls =
    .name = Schultern heben und kreisen
    .step-1 = Einen Stuhl mit gerader Lehne wählen, aufrecht sitzen und beide Füße fest auf den Boden stellen.
    .step-2 = Die Schultern Richtung Ohren hochziehen, nach hinten kreisen und fallen lassen.
    .step-3 = Jetzt wieder hochziehen, nach vorn kreisen und fallen lassen.
    .step-4 = Einmal nach hinten und einmal nach vorn kreisen zählt als eine Runde; 4 Runden machen.
    .safety = Nur so hoch heben, wie es leichtfällt, und den Nacken nicht ruckartig bewegen; nachlassen, wenn es zwickt.
    .glance-dose = 4 Runden
    .glance-how = Schultern zu den Ohren hochziehen, nach hinten kreisen, fallen lassen; dann nach vorn kreisen.
    .glance-safety = Nur so hoch, wie es leichtfällt; Nacken nie ruckartig bewegen.

chin-tucks =
    .name = Kinn einziehen
    .step-1 = Aufrecht sitzen, der Blick geht geradeaus.
    .step-2 = Das Kinn sanft einziehen und leicht Richtung Brust senken.
    .step-3 = 5 Sekunden halten, dann lösen; insgesamt 10-mal.
    .safety = Das Kinn sanft einziehen, statt den Kopf nach unten zu drücken; bei Schwindel oder Kribbeln aufhören.
    .glance-dose = 10 × 5 s halten
    .glance-how = Blick geradeaus, das Kinn sanft nach hinten einziehen, dann lösen.
    .glance-safety = Sanft bleiben; bei Schwindel oder Kribbeln aufhören.

neck-side-tilts =
    .name = Kopf seitlich neigen
    .step-1 = Aufrecht sitzen, die Schultern locker und auf gleicher Höhe.
    .step-2 = Den Kopf langsam zur Seite sinken lassen, ein Ohr Richtung Schulter derselben Seite.
    .step-3 = 15 Sekunden so bleiben, zur Mitte zurückkommen, dann zur anderen Seite neigen.
    .safety = Den Kopf nur durch sein eigenes Gewicht sinken lassen, nie daran ziehen; aufhören, wenn Schmerz in einen Arm ausstrahlt.
    .glance-dose = je Seite 15 s halten
    .glance-how = Schultern locker, ein Ohr zu seiner Schulter sinken lassen, dann das andere.
    .glance-safety = Nur das Kopfgewicht wirken lassen; bei Schmerz im Arm aufhören.

scapula-squeeze =
    .name = Schulterblätter zusammenziehen
    .step-1 = Am Schreibtisch sitzen, die Arme hängen seitlich.
    .step-2 = Die Schulterblätter hinten zueinander ziehen.
    .step-3 = 5 Sekunden halten, dann lösen; insgesamt 15-mal.
    .safety = Die Schultern unten lassen, weg von den Ohren, und sofort lösen, wenn es krampft.
    .glance-dose = 15 × 5 s halten
    .glance-how = Arme seitlich, die Schulterblätter hinten zusammenziehen, dann lösen.
    .glance-safety = Schultern tief, weg von den Ohren; bei Krampf lösen.

shoulder-blade-retraction =
    .name = Schulterblätter zurück und halten
    .step-1 = Aufrecht stehen, die Arme hängen locker seitlich.
    .step-2 = Die Schulterblätter nach hinten und zusammen ziehen, so weit es angenehm ist.
    .step-3 = 8 Sekunden so halten, lösen; 10 Wiederholungen.
    .safety = Bei jedem Halten normal weiteratmen und weniger stark ziehen, wenn es zwischen den Schulterblättern unangenehm spannt.
    .glance-dose = 10 × 8 s halten
    .glance-how = Aufrecht stehen, die Schulterblätter nach hinten und zusammen ziehen, dann lösen.
    .glance-safety = Beim Halten weiteratmen; nachlassen, wenn es spannt.

seated-thoracic-extension =
    .name = Brustwirbelsäule im Sitzen strecken
    .step-1 = Auf einen Stuhl setzen, die Finger hinter dem Kopf verschränken, Ellbogen weit nach außen.
    .step-2 = Den oberen Rücken langsam nach hinten strecken und den Blick zur Decke heben.
    .step-3 = Zurück in den aufrechten Sitz; insgesamt 10-mal strecken.
    .safety = Nur den oberen Rücken strecken, ohne am Kopf zu ziehen; aufhören, wenn der untere Rücken schmerzt.
    .glance-dose = 10‑mal strecken
    .glance-how = Finger hinter dem Kopf verschränkt, Ellbogen weit: oberen Rücken strecken, nach oben schauen.
    .glance-safety = Nicht am Kopf ziehen; aufhören bei Schmerz im unteren Rücken.

seated-twist =
    .name = Wirbelsäulendrehung im Sitzen
    .step-1 = Auf einen Hocker oder einen Stuhl ohne Armlehnen setzen, dann das linke Bein über das rechte schlagen.
    .step-2 = Den rechten Ellbogen an die Außenseite des linken Knies legen.
    .step-3 = Den Oberkörper sanft nach links drehen und 10 Sekunden halten.
    .step-4 = Beine lösen, Bein und Ellbogen wechseln und 10 Sekunden nach rechts drehen.
    .safety = Nur so weit drehen, wie es angenehm ist, und die Drehung sofort beenden, wenn sie schmerzt.
    .glance-dose = je Seite 10 s halten
    .glance-how = Ein Bein überschlagen, Ellbogen der Gegenseite außen ans Knie, sanft zum Knie hin drehen.
    .glance-safety = Nur so weit drehen, wie es angenehm ist; bei Schmerz aufhören.

butterfly-elbow-squeeze =
    .name = Schmetterling mit Ellbogen
    .step-1 = Aufrecht sitzen und jede Handfläche auf die Schulter derselben Seite legen.
    .step-2 = Beide Ellbogen vor der Brust zusammenführen, bis sich der obere Rücken spürbar dehnt.
    .step-3 = 5 Sekunden halten, wieder öffnen; 10 Wiederholungen.
    .safety = Die Hände nur leicht auf die Schultern legen und die Ellbogen nicht mit Gewalt zusammenbringen, wenn es spannt.
    .glance-dose = 10 × 5 s halten
    .glance-how = Hände auf die Schultern, die Ellbogen vor der Brust zusammenführen.
    .glance-safety = Hände nur leicht auflegen; Ellbogen nicht zusammenzwingen.

cross-body-arm-stretch =
    .name = Arm vor der Brust dehnen
    .step-1 = Aufrecht stehen und den rechten Arm quer vor die Brust führen.
    .step-2 = Die linke Hand knapp oberhalb des rechten Ellbogens anlegen und den Arm sanft heranziehen.
    .step-3 = 10 Sekunden halten, lösen; insgesamt 3-mal.
    .step-4 = Seite wechseln und dasselbe mit dem linken Arm machen.
    .safety = Sanft oberhalb des Ellbogens ziehen, nicht am Gelenk selbst, und aufhören, wenn die Schulter schmerzt.
    .glance-dose = 3 × 10 s je Arm
    .glance-how = Einen Arm quer vor die Brust führen und knapp oberhalb des Ellbogens heranziehen.
    .glance-safety = Über dem Ellbogen ziehen, nicht daran; bei Schmerz aufhören.

chest-arm-stretch =
    .name = Brust- und Armdehnung
    .step-1 = Mit geradem Rücken stehen, die Arme seitlich.
    .step-2 = Die Hände hinter dem Rücken verschränken.
    .step-3 = Die Schulterblätter zueinander ziehen, die Schultern sanft nach hinten nehmen und kurz halten.
    .step-4 = Lösen; insgesamt 3-mal.
    .safety = Kein Hohlkreuz machen und den Griff lösen, wenn Handgelenke oder Schultern Beschwerden machen.
    .glance-dose = 3‑mal
    .glance-how = Hände hinter dem Rücken verschränken, Schulterblätter zusammen, Schultern sanft nach hinten.
    .glance-safety = Kein Hohlkreuz; bei Beschwerden in den Handgelenken loslassen.

doorway-pec-stretch =
    .name = Brustdehnung im Türrahmen
    .step-1 = In eine offene Tür stellen, Ellbogen im 90-Grad-Winkel gebeugt, Hände knapp über Kopfhöhe.
    .step-2 = Beide Unterarme an den Türrahmen legen, die Ellbogen auf gleicher Höhe.
    .step-3 = Mit einem Fuß einen kleinen Schritt nach vorn machen und sich hineinlehnen, bis sich die Schultern vorn dehnen.
    .step-4 = 15 Sekunden halten, zurücktreten, insgesamt 3-mal; in einer breiten Tür eine Seite nach der anderen dehnen.
    .safety = Anfangs nur wenig hineinlehnen und zurückgehen, wenn die Arme kribbeln oder schmerzen.
    .glance-dose = 3 × 15 s halten
    .glance-how = Unterarme in Kopfhöhe an den Türrahmen, Schritt vor und hineinlehnen, bis sich die Brust dehnt.
    .glance-safety = Anfangs nur leicht lehnen; zurück bei Kribbeln oder Schmerz.

wall-angels =
    .name = Wandengel
    .step-1 = Mit dem Rücken flach an eine Wand lehnen, sodass beide Ellbogen und beide Handgelenke sie berühren.
    .step-2 = Die Arme langsam seitlich an der Wand nach oben schieben; Ellbogen und Handgelenke bleiben an der Wand.
    .step-3 = Wieder nach unten gleiten; 8-mal, dann kurz ausruhen und einen zweiten Satz machen.
    .safety = Nur in dem Bereich arbeiten, in dem die Arme schmerzfrei an der Wand bleiben, und die Schultern nicht hochziehen.
    .glance-dose = 2 Sätze à 8
    .glance-how = Rücken, Ellbogen und Handgelenke an der Wand, die Arme seitlich hoch- und wieder runterschieben.
    .glance-safety = Nur so weit, wie die Arme anliegen; Schultern nicht hochziehen.

wall-arm-raises =
    .name = Armgleiten an der Wand
    .step-1 = Rücken, Ellbogen und Handgelenke flach an eine Wand legen.
    .step-2 = Die Hände gerade an der Wand hochschieben, so weit es geht; die Arme bleiben an der Wand.
    .step-3 = Zurück nach unten in die Ausgangsposition gleiten; insgesamt 10-mal.
    .safety = Langsam bewegen und anhalten, bevor es oben in den Schultern zwickt.
    .glance-dose = 10‑mal gleiten
    .glance-how = Rücken, Ellbogen und Handgelenke an der Wand, die Hände gerade hoch- und wieder runterschieben.
    .glance-safety = Langsam; anhalten, bevor es oben in den Schultern zwickt.
