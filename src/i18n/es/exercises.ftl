# Los ejercicios de exercises.json en español.
#
# Un mensaje por ejercicio (el id de exercises.json), un atributo por campo de texto:
# .name, .step-1 … .step-N (tantos pasos como en inglés), .safety,
# .glance-dose, .glance-how, .glance-safety (el resumen del recordatorio: como mucho
# 28, 100 y 64 caracteres).
#
# Estilo: imperativo, tuteo («Siéntate con la espalda recta»), sin marcas de género.
# Términos: pausa, ejercicio, hombros, omóplatos, cuello, parte alta de la espalda,
# zona lumbar, pecho, codos, muñecas, «cada lado», «mantener», «serie», «veces».
# Indicaciones de seguridad: cada límite, lado, número y tiempo de mantener
# exactamente como en inglés.

shoulder-rolls =
    .name = Círculos de hombros
    .step-1 = Siéntate con la espalda recta y deja los brazos sueltos a los lados.
    .step-2 = Gira ambos hombros hacia delante, arriba y luego atrás, 5 veces seguidas.
    .step-3 = Cambia de sentido y gíralos hacia atrás, arriba y luego adelante, 5 veces más.
    .safety = Haz círculos suaves y dentro de un rango cómodo, y detente si notas un chasquido doloroso en un hombro.
    .glance-dose = 5 adelante, 5 atrás
    .glance-how = Espalda recta, brazos sueltos: gira ambos hombros adelante, arriba y atrás; luego al revés.
    .glance-safety = Círculos suaves; detente si un hombro chasquea y duele.

shoulder-shrug-rolls =
    .name = Elevar y girar los hombros
    .step-1 = Elige una silla de respaldo recto, siéntate con la espalda recta y apoya ambos pies en el suelo.
    .step-2 = Sube los hombros hacia las orejas, gíralos hacia atrás y déjalos caer.
    .step-3 = Vuelve a subirlos, gíralos hacia delante y déjalos caer.
    .step-4 = Un giro hacia atrás más uno hacia delante es una ronda: haz 4 rondas.
    .safety = Sube solo hasta donde te resulte fácil y evita sacudir el cuello; afloja si notas un pinchazo.
    .glance-dose = 4 rondas
    .glance-how = Sube los hombros hacia las orejas, gíralos hacia atrás y déjalos caer; luego hacia delante.
    .glance-safety = Sube solo hasta donde sea fácil; nunca sacudas el cuello.

chin-tucks =
    .name = Retracción de barbilla
    .step-1 = Siéntate con la espalda recta y la mirada al frente.
    .step-2 = Lleva suavemente la barbilla hacia dentro y hacia abajo, en dirección al pecho.
    .step-3 = Mantén 5 segundos y relaja; haz 10 en total.
    .safety = Mete la barbilla con suavidad, sin forzar la cabeza hacia abajo, y detente si notas mareo u hormigueo.
    .glance-dose = 10 × mantener 5 s
    .glance-how = Mirada al frente, mete la barbilla suavemente hacia atrás y relaja.
    .glance-safety = Con suavidad; detente si notas mareo u hormigueo.

neck-side-tilts =
    .name = Inclinación lateral del cuello
    .step-1 = Siéntate con la espalda recta y los hombros relajados y nivelados.
    .step-2 = Deja caer despacio la cabeza hacia un lado, acercando la oreja al hombro de ese lado.
    .step-3 = Quédate así 15 segundos, vuelve al centro e inclínala hacia el otro lado.
    .safety = Deja caer la cabeza solo por su propio peso y nunca tires de ella; detente si sientes un dolor que baja por un brazo.
    .glance-dose = mantener 15 s cada lado
    .glance-how = Hombros relajados, deja caer una oreja hacia su hombro y luego la otra.
    .glance-safety = Sin tirar de la cabeza; detente si un dolor baja por un brazo.

scapula-squeeze =
    .name = Juntar los omóplatos
    .step-1 = Siéntate ante tu escritorio con los brazos descansando a los lados.
    .step-2 = Junta los omóplatos uno hacia el otro, por detrás.
    .step-3 = Mantén 5 segundos y suelta; hazlo 15 veces.
    .safety = Mantén los hombros bajos, lejos de las orejas, y relaja enseguida si aparece un calambre.
    .glance-dose = 15 × mantener 5 s
    .glance-how = Brazos a los lados, junta los omóplatos por detrás y luego suelta.
    .glance-safety = Hombros bajos, lejos de las orejas; relaja si da calambre.

shoulder-blade-retraction =
    .name = Retracción sostenida de omóplatos
    .step-1 = Ponte de pie con la espalda recta y los brazos sueltos a los lados.
    .step-2 = Lleva los omóplatos hacia atrás y uno hacia el otro hasta donde te resulte cómodo.
    .step-3 = Mantenlos así 8 segundos, suelta, y haz 10 repeticiones.
    .safety = Respira con normalidad mientras sostienes y aprieta menos si notas tensión entre los omóplatos.
    .glance-dose = 10 × mantener 8 s
    .glance-how = De pie, espalda recta: lleva los omóplatos hacia atrás y juntos; luego suelta.
    .glance-safety = Respira mientras sostienes; afloja si sientes tensión.

seated-thoracic-extension =
    .name = Extensión torácica en silla
    .step-1 = Siéntate en una silla y entrelaza los dedos detrás de la cabeza, con los codos bien abiertos.
    .step-2 = Arquea despacio la parte alta de la espalda y lleva la mirada hacia el techo.
    .step-3 = Vuelve a la postura erguida en la silla; haz 10 extensiones en total.
    .safety = Arquea solo la parte alta de la espalda, sin tirar de la cabeza, y detente si te duele la zona lumbar.
    .glance-dose = 10 extensiones
    .glance-how = Dedos entrelazados tras la cabeza, codos abiertos: arquea la espalda alta y mira arriba.
    .glance-safety = No tires de la cabeza; detente si te duele la zona lumbar.

seated-twist =
    .name = Torsión de tronco en silla
    .step-1 = Siéntate en el borde de un taburete o una silla sin brazos y cruza la pierna izquierda sobre la derecha.
    .step-2 = Apoya el codo derecho en la cara externa de la rodilla izquierda.
    .step-3 = Gira el tronco suavemente hacia la izquierda y mantén 10 segundos.
    .step-4 = Descruza, cambia de pierna y de codo, y gira hacia la derecha durante 10 segundos.
    .safety = Gira solo hasta donde te resulte cómodo y detén la torsión en cuanto cause dolor.
    .glance-dose = mantener 10 s cada lado
    .glance-how = Cruza una pierna, apoya el codo contrario por fuera de esa rodilla y gira con suavidad hacia ella.
    .glance-safety = Gira solo hasta donde sea cómodo; detente si duele.

butterfly-elbow-squeeze =
    .name = Mariposa con los codos
    .step-1 = Siéntate con la espalda recta y apoya cada palma en el hombro del mismo lado.
    .step-2 = Junta ambos codos delante del pecho hasta notar que se abre la parte alta de la espalda.
    .step-3 = Mantén 5 segundos, vuelve a abrir, y haz 10 repeticiones.
    .safety = Apoya las manos con suavidad sobre los hombros y no fuerces los codos a tocarse si sientes tensión.
    .glance-dose = 10 × mantener 5 s
    .glance-how = Palmas en los hombros, junta los codos delante del pecho.
    .glance-safety = Manos ligeras; no fuerces los codos a tocarse.

cross-body-arm-stretch =
    .name = Estiramiento de brazo cruzado
    .step-1 = De pie y con la espalda recta, cruza el brazo derecho por delante del pecho.
    .step-2 = Sujeta con la mano izquierda justo por encima del codo derecho y acerca el brazo con suavidad.
    .step-3 = Mantén 10 segundos, suelta, y hazlo 3 veces.
    .step-4 = Cambia de lado y haz lo mismo con el brazo izquierdo.
    .safety = Tira suavemente por encima del codo, no de la articulación misma, y detente si te duele el hombro.
    .glance-dose = 3 × 10 s cada brazo
    .glance-how = Cruza un brazo por delante del pecho y acércalo sujetándolo justo encima del codo.
    .glance-safety = Tira por encima del codo, no de él; detente si duele.

chest-arm-stretch =
    .name = Estiramiento de pecho y brazos
    .step-1 = Ponte de pie con la columna recta y los brazos a los lados.
    .step-2 = Entrelaza las manos detrás de la espalda.
    .step-3 = Junta los omóplatos, lleva los hombros suavemente hacia atrás y mantén un momento.
    .step-4 = Relaja; 3 veces en total.
    .safety = No arquees la zona lumbar y suelta las manos si te molestan las muñecas o los hombros.
    .glance-dose = 3 veces
    .glance-how = Manos entrelazadas tras la espalda: junta los omóplatos y lleva los hombros atrás con suavidad.
    .glance-safety = No arquees la zona lumbar; suelta si molestan las muñecas.

doorway-pec-stretch =
    .name = Estiramiento de pecho en la puerta
    .step-1 = Colócate en el hueco de una puerta abierta, con los codos doblados a 90 grados y las manos justo encima de la cabeza.
    .step-2 = Apoya ambos antebrazos en el marco de la puerta, con los codos a la misma altura.
    .step-3 = Da un pequeño paso adelante con un pie e inclínate hasta notar el estiramiento delante de los hombros.
    .step-4 = Mantén 15 segundos, retrocede, y hazlo 3 veces; en una puerta ancha, estira un lado cada vez.
    .safety = Al principio inclínate solo un poco y retrocede si notas hormigueo o dolor en los brazos.
    .glance-dose = 3 × mantener 15 s
    .glance-how = Antebrazos en el marco a la altura de la cabeza; da un paso e inclínate hasta estirar el pecho.
    .glance-safety = Al principio, poco; retrocede si hormiguean o duelen los brazos.

wall-angels =
    .name = Ángeles en la pared
    .step-1 = Apoya la espalda plana contra una pared, de modo que ambos codos y ambas muñecas la toquen.
    .step-2 = Desliza despacio los brazos hacia fuera y hacia arriba por la pared, sin separar codos ni muñecas.
    .step-3 = Vuelve a bajar deslizando, 8 veces; descansa un momento y haz una segunda serie.
    .safety = Trabaja solo en el rango en que los brazos siguen en la pared sin dolor, y evita encoger los hombros.
    .glance-dose = 2 series de 8
    .glance-how = Espalda, codos y muñecas en la pared: desliza los brazos hacia fuera y arriba, y vuelve a bajar.
    .glance-safety = Sin despegar los brazos de la pared; no encojas los hombros.

wall-arm-raises =
    .name = Deslizamiento de brazos en pared
    .step-1 = Apoya bien la espalda, los codos y las muñecas contra una pared.
    .step-2 = Desliza las manos hacia arriba por la pared todo lo que puedas, sin despegar los brazos.
    .step-3 = Bájalas deslizando hasta el punto de partida; haz 10 en total.
    .safety = Muévete despacio y detente antes de notar cualquier pinchazo en la parte alta de los hombros.
    .glance-dose = 10 deslizamientos
    .glance-how = Espalda, codos y muñecas en la pared: sube las manos en línea recta y vuelve a bajarlas.
    .glance-safety = Despacio; detente antes de notar un pinchazo en el hombro.
