# Les exercices d'exercises.json en français.
#
# Un message par exercice (l'id d'exercises.json), un attribut par champ de texte :
# .name, .step-1 … .step-N (autant d'étapes qu'en anglais), .safety,
# .glance-dose, .glance-how, .glance-safety (le résumé du rappel : au plus 28, 100
# et 64 caractères).
#
# Style : impératif, vouvoiement (« Asseyez-vous le dos droit »). Termes : pause,
# exercice, épaules, omoplates, nuque, haut/bas du dos, poitrine, coudes, poignets,
# « de chaque côté », « tenir », « série », « fois ». Espace insécable avant : ; ! ?
# Consignes de sécurité : chaque limite, côté, nombre et durée de maintien
# exactement comme en anglais.

shoulder-rolls =
    .name = Rotations des épaules
    .step-1 = Asseyez-vous le dos droit, les bras pendant librement le long du corps.
    .step-2 = Faites tourner les deux épaules vers l'avant, le haut puis l'arrière, 5 fois de suite.
    .step-3 = Changez de sens : vers l'arrière, le haut puis l'avant, encore 5 fois.
    .safety = Faites des cercles fluides, dans une amplitude confortable, et arrêtez si une épaule craque en faisant mal.
    .glance-dose = 5 en avant, 5 en arrière
    .glance-how = Dos droit, bras relâchés, tournez les épaules vers l'avant, le haut, l'arrière ; puis inversez.
    .glance-safety = Cercles fluides ; arrêtez si une épaule craque en faisant mal.

shoulder-shrug-rolls =
    .name = Haussement et rotation d'épaules
    .step-1 = Prenez une chaise à dossier vertical, asseyez-vous le dos droit, les deux pieds à plat au sol.
    .step-2 = Montez les épaules vers les oreilles, faites-les tourner vers l'arrière et laissez-les retomber.
    .step-3 = Montez-les à nouveau, faites-les tourner vers l'avant et laissez-les retomber.
    .step-4 = Une rotation vers l'arrière plus une vers l'avant font un tour : faites 4 tours.
    .safety = Montez seulement aussi haut que c'est facile, sans à-coup dans la nuque ; relâchez l'effort si ça pince.
    .glance-dose = 4 tours
    .glance-how = Montez les épaules vers les oreilles, tournez-les vers l'arrière, relâchez ; puis vers l'avant.
    .glance-safety = Montez sans forcer ; jamais d'à-coup dans la nuque.

chin-tucks =
    .name = Rentrer le menton
    .step-1 = Asseyez-vous le dos droit, en regardant devant vous.
    .step-2 = Rentrez doucement le menton, vers l'arrière et vers le bas en direction de la poitrine.
    .step-3 = Tenez 5 secondes, puis relâchez ; 10 fois en tout.
    .safety = Rentrez le menton en douceur sans forcer la tête vers le bas, et arrêtez si vous ressentez des vertiges ou des fourmillements.
    .glance-dose = 10 × tenir 5 s
    .glance-how = Regard droit devant, rentrez doucement le menton vers l'arrière, puis relâchez.
    .glance-safety = En douceur ; arrêtez en cas de vertige ou de fourmillements.

neck-side-tilts =
    .name = Inclinaisons latérales de la tête
    .step-1 = Asseyez-vous le dos droit, les épaules détendues et à la même hauteur.
    .step-2 = Laissez lentement la tête basculer sur le côté, une oreille vers l'épaule du même côté.
    .step-3 = Restez ainsi 15 secondes, revenez au centre, puis inclinez la tête de l'autre côté.
    .safety = Laissez la tête descendre sous son seul poids, sans jamais tirer dessus ; arrêtez si une douleur descend dans un bras.
    .glance-dose = tenir 15 s de chaque côté
    .glance-how = Épaules détendues, laissez une oreille descendre vers son épaule, puis l'autre.
    .glance-safety = Sans tirer ; arrêtez si une douleur descend dans un bras.

scapula-squeeze =
    .name = Serrer les omoplates
    .step-1 = Asseyez-vous à votre bureau, les bras le long du corps.
    .step-2 = Serrez les omoplates l'une vers l'autre, dans votre dos.
    .step-3 = Tenez 5 secondes, puis relâchez ; faites-le 15 fois.
    .safety = Gardez les épaules basses, loin des oreilles, et relâchez aussitôt si une crampe apparaît.
    .glance-dose = 15 × tenir 5 s
    .glance-how = Bras le long du corps, serrez les omoplates dans le dos, puis relâchez.
    .glance-safety = Épaules basses, loin des oreilles ; relâchez en cas de crampe.

shoulder-blade-retraction =
    .name = Rétraction tenue des omoplates
    .step-1 = Tenez-vous debout, le dos droit, les bras relâchés le long du corps.
    .step-2 = Ramenez les omoplates vers l'arrière et l'une vers l'autre, aussi loin que c'est confortable.
    .step-3 = Restez ainsi 8 secondes, relâchez, et faites 10 répétitions.
    .safety = Respirez normalement pendant chaque maintien et serrez moins si vous sentez une tension entre les omoplates.
    .glance-dose = 10 × tenir 8 s
    .glance-how = Debout, dos droit, ramenez les omoplates en arrière et l'une vers l'autre, puis relâchez.
    .glance-safety = Respirez pendant chaque maintien ; serrez moins si ça tire.

seated-thoracic-extension =
    .name = Extension thoracique assise
    .step-1 = Asseyez-vous sur une chaise, les doigts croisés derrière la tête, les coudes bien écartés.
    .step-2 = Cambrez lentement le haut du dos et levez les yeux vers le plafond.
    .step-3 = Revenez en position assise, le dos droit ; faites 10 extensions en tout.
    .safety = Cambrez seulement le haut du dos, sans tirer sur la tête, et arrêtez si le bas du dos fait mal.
    .glance-dose = 10 extensions
    .glance-how = Doigts croisés derrière la tête, coudes écartés : cambrez le haut du dos, regardez en haut.
    .glance-safety = Ne tirez pas sur la tête ; arrêtez si le bas du dos fait mal.

seated-twist =
    .name = Torsion assise
    .step-1 = Installez-vous sur un tabouret ou une chaise sans accoudoirs, puis croisez la jambe gauche sur la droite.
    .step-2 = Posez le coude droit contre l'extérieur du genou gauche.
    .step-3 = Tournez doucement le buste vers la gauche et tenez 10 secondes.
    .step-4 = Décroisez, changez de jambe et de coude, et tournez vers la droite pendant 10 secondes.
    .safety = Ne tournez que jusqu'où c'est confortable et arrêtez la torsion tout de suite si elle fait mal.
    .glance-dose = tenir 10 s de chaque côté
    .glance-how = Jambe croisée, coude opposé contre l'extérieur du genou, tournez doucement de son côté.
    .glance-safety = Tournez jusqu'où c'est confortable ; arrêtez si ça fait mal.

butterfly-elbow-squeeze =
    .name = Papillon des coudes
    .step-1 = Asseyez-vous le dos droit, chaque paume posée sur l'épaule du même côté.
    .step-2 = Rapprochez les deux coudes devant la poitrine jusqu'à sentir le haut du dos s'ouvrir.
    .step-3 = Tenez 5 secondes, rouvrez, et faites 10 répétitions.
    .safety = Gardez les mains légères sur les épaules et ne forcez pas les coudes à se toucher si ça tire.
    .glance-dose = 10 × tenir 5 s
    .glance-how = Paumes sur les épaules, rapprochez les coudes devant la poitrine.
    .glance-safety = Mains légères ; ne forcez pas les coudes à se toucher.

cross-body-arm-stretch =
    .name = Étirement du bras devant la poitrine
    .step-1 = Tenez-vous debout, le dos droit, et passez le bras droit devant la poitrine.
    .step-2 = Placez la main gauche juste au-dessus du coude droit et rapprochez doucement le bras.
    .step-3 = Tenez 10 secondes, relâchez, et faites-le 3 fois.
    .step-4 = Changez de côté et faites de même avec le bras gauche.
    .safety = Tirez doucement au-dessus du coude, pas sur l'articulation elle-même, et arrêtez si l'épaule fait mal.
    .glance-dose = 3 × 10 s par bras
    .glance-how = Passez un bras devant la poitrine et rapprochez-le en le tenant juste au-dessus du coude.
    .glance-safety = Tirez au-dessus du coude, pas dessus ; arrêtez si ça fait mal.

chest-arm-stretch =
    .name = Étirement pectoraux et bras
    .step-1 = Tenez-vous debout, le dos droit, les bras le long du corps.
    .step-2 = Croisez les doigts derrière le dos.
    .step-3 = Rapprochez les omoplates, amenez doucement les épaules vers l'arrière et tenez un instant.
    .step-4 = Relâchez ; 3 fois en tout.
    .safety = Ne creusez pas le bas du dos et lâchez prise si les poignets ou les épaules protestent.
    .glance-dose = 3 fois
    .glance-how = Doigts croisés dans le dos, serrez les omoplates et amenez doucement les épaules en arrière.
    .glance-safety = Ne creusez pas les reins ; lâchez si les poignets protestent.

doorway-pec-stretch =
    .name = Étirement des pectoraux à la porte
    .step-1 = Placez-vous dans l'embrasure d'une porte ouverte, coudes pliés à 90 degrés, mains juste au-dessus de la tête.
    .step-2 = Posez les deux avant-bras sur le chambranle, coudes à la même hauteur.
    .step-3 = Faites un petit pas en avant avec un pied et penchez-vous jusqu'à sentir l'étirement à l'avant des épaules.
    .step-4 = Tenez 15 secondes, reculez, et faites-le 3 fois ; dans une porte large, étirez un côté à la fois.
    .safety = Penchez-vous d'abord très peu et reculez si vous sentez des fourmillements ou une douleur dans les bras.
    .glance-dose = 3 × tenir 15 s
    .glance-how = Avant-bras au chambranle, à hauteur de tête ; un pas en avant, penchez-vous jusqu'à l'étirement.
    .glance-safety = Peu au début ; reculez si les bras fourmillent ou font mal.

wall-angels =
    .name = Anges au mur
    .step-1 = Adossez-vous bien à plat contre un mur, les deux coudes et les deux poignets en contact avec lui.
    .step-2 = Faites glisser lentement les bras vers l'extérieur et vers le haut le long du mur, coudes et poignets au contact.
    .step-3 = Redescendez en glissant, 8 fois ; reposez-vous un peu, puis faites une deuxième série.
    .safety = Restez dans l'amplitude où vos bras restent au mur sans douleur, et évitez de hausser les épaules.
    .glance-dose = 2 séries de 8
    .glance-how = Dos, coudes et poignets au mur, faites glisser les bras en dehors et en haut, puis redescendez.
    .glance-safety = Bras toujours au mur ; ne haussez pas les épaules.

wall-arm-raises =
    .name = Glissés des bras au mur
    .step-1 = Placez le dos, les coudes et les poignets à plat contre un mur.
    .step-2 = Faites glisser les mains tout droit vers le haut du mur aussi loin que possible, bras toujours au contact.
    .step-3 = Redescendez-les jusqu'au point de départ ; 10 fois en tout.
    .safety = Bougez lentement et arrêtez-vous avant tout pincement en haut des épaules.
    .glance-dose = 10 glissés
    .glance-how = Dos, coudes et poignets au mur, faites glisser les mains tout droit vers le haut, puis redescendez.
    .glance-safety = Lentement ; arrêtez avant tout pincement en haut de l'épaule.
