"""French and Spanish versions of part of the demo content: translations, in our own words, of the English demo
pages (marked as such on each page), made as Wagtail translations of the English pages by the demo loader.

Keys: English page keys of the loader (goal and objective codes, English titles of projects, resources and
webinars). What is not listed here has no translation: the language switcher then leads to that language's home.
"""

NOT_PUBLISHED = {
    "fr": "Pas encore publié dans les sources dont nous disposons.",
    "es": "Aún no publicado en las fuentes de que disponemos.",
}

TRANSLATION_NOTE = {
    "fr": "Traduction de la version anglaise de cette page (contenu de démonstration).",
    "es": "Traducción de la versión inglesa de esta página (contenido de demostración).",
}

# The front page's sections in French and Spanish (the English ones: cms/demo/data/home.py), in our own words.
HOME_SECTIONS_FR = {
    "directory": {
        "title": "Partenaires",
        "intro": [
            "Gouvernements, instituts de recherche, organisations d'agriculteurs, ONG, entreprises, fondations et "
            "banques de développement qui ont rejoint l'Initiative 4 pour 1000 comme membres ou partenaires. "
            "Filtrez-les par type, lieu ou année d'adhésion, ou cherchez-en un par son nom.",
            "Annuaire de démonstration : 26 organisations réelles (leur statut et leur année d'adhésion sont des "
            "données d'exemple) et 34 organisations inventées.",
        ],
    },
    "sections": {
        "network_heading": "Un réseau de membres et de partenaires",
        "network_count_label": "organisations partenaires dans cet annuaire de démonstration (données d'exemple ; "
        "le réseau réel en compte plus de 700)",
        "directory_link_text": "Parcourir l'annuaire des partenaires",
        "join_link_text": "Rejoindre l'Initiative",
        "strategy_heading": "Le cap de l'Initiative",
        "goals_heading": "Six buts stratégiques",
        "strategy_link_text": "Lire la stratégie et ses 24 objectifs",
        "task_forces_heading": "Groupes de travail",
        "task_force_join_text": "Rejoindre un groupe de travail",
        "cycle_heading": "Le cycle de mise en œuvre de la stratégie",
        "cycle_intro": "Comment les groupes de travail transforment la stratégie en projets que les bailleurs "
        "peuvent voir et soutenir.",
        "calendar_heading": "Prochainement",
        "next_webinar_heading": "Prochain webinaire",
        "next_initiative_day_heading": "Prochaine Journée de l'Initiative",
        "partner_events_heading": "Événements des partenaires",
        "nothing_planned_text": "Rien n'est encore annoncé : revenez bientôt consulter le calendrier.",
        "community_heading": "Communauté de pratique Climat-Sol",
        "community_link_text": "Découvrir la communauté de pratique",
        "resources_heading": "Dernières ressources",
        "resources_link_text": "Parcourir la bibliothèque de ressources",
    },
    "texts": {
        "network": "Pays, régions et villes, organismes de recherche, agriculteurs, société civile, entreprises et "
        "bailleurs s'y retrouvent pour partager ce qui marche pour le carbone des sols et monter des projets "
        "ensemble. Chaque membre et partenaire a une fiche avec ses projets, ses rôles dans les groupes de "
        "travail, ses ressources et ses événements.",
        "task_forces": "Chacun des 24 objectifs a son groupe de travail. Tout le monde peut le rejoindre comme "
        "membre d'équipe ; le personnel des organisations membres et partenaires peut aussi le diriger ou y "
        "représenter sa région du monde.",
        "community": "Lancée en 2020 par l'Initiative avec le projet sectoriel de protection des sols de la GIZ, "
        "la communauté de pratique Climat-Sol réunit des professionnels du développement et des praticiens qui "
        "travaillent là où climat et sols se rencontrent : apprentissage entre pairs, retours de terrain et "
        "plaidoyer pour le carbone des sols dans les plans climat nationaux.",
    },
    "cycle_steps": [
        (
            "Consolider les groupes de travail",
            "Responsables et représentants régionaux réunissent les personnes qui porteront chaque objectif.",
        ),
        (
            "Faire le point",
            "Chaque groupe de travail recense ce qui se fait déjà sur son objectif et ce qui manque.",
        ),
        (
            "Élaborer des idées de projets",
            "Les groupes de travail transforment les manques en idées de projets et "
            "forment des équipes et des alliances autour d'elles.",
        ),
        (
            "Trouver des financements",
            "Les idées examinées par le groupe de travail et le Secrétariat sont "
            "présentées aux bailleurs et aux gouvernements.",
        ),
        (
            "Suivre les progrès",
            "Les projets financés rendent compte, pour que l'Initiative montre où en est la stratégie.",
        ),
    ],
}

HOME_SECTIONS_ES = {
    "directory": {
        "title": "Socios",
        "intro": [
            "Gobiernos, institutos de investigación, organizaciones de agricultores, ONG, empresas, fundaciones y "
            "bancos de desarrollo que se han unido a la Iniciativa 4 por 1000 como miembros o socios. Fíltrelos "
            "por tipo, lugar o año de adhesión, o busque uno por su nombre.",
            "Directorio de demostración: 26 organizaciones reales (su condición y su año de adhesión son datos de "
            "ejemplo) y 34 organizaciones inventadas.",
        ],
    },
    "sections": {
        "network_heading": "Una red de miembros y socios",
        "network_count_label": "organizaciones socias en este directorio de demostración (datos de ejemplo; la "
        "red real cuenta con más de 700)",
        "directory_link_text": "Explorar el directorio de socios",
        "join_link_text": "Unirse a la Iniciativa",
        "strategy_heading": "El rumbo de la Iniciativa",
        "goals_heading": "Seis metas estratégicas",
        "strategy_link_text": "Leer la estrategia y sus 24 objetivos",
        "task_forces_heading": "Grupos de trabajo",
        "task_force_join_text": "Unirse a un grupo de trabajo",
        "cycle_heading": "El ciclo de implementación de la estrategia",
        "cycle_intro": "Cómo los grupos de trabajo convierten la estrategia en proyectos que los financiadores "
        "pueden ver y apoyar.",
        "calendar_heading": "Próximamente",
        "next_webinar_heading": "Próximo seminario web",
        "next_initiative_day_heading": "Próxima Jornada de la Iniciativa",
        "partner_events_heading": "Eventos de los socios",
        "nothing_planned_text": "Todavía no hay nada anunciado: vuelva pronto a consultar el calendario.",
        "community_heading": "Comunidad de práctica Clima-Suelo",
        "community_link_text": "Conocer la comunidad de práctica",
        "resources_heading": "Últimos recursos",
        "resources_link_text": "Explorar la biblioteca de recursos",
    },
    "texts": {
        "network": "Países, regiones y ciudades, organismos de investigación, agricultores, sociedad civil, "
        "empresas y financiadores se encuentran aquí para compartir lo que funciona para el carbono del suelo y "
        "construir proyectos juntos. Cada miembro y socio tiene una ficha con sus proyectos, sus funciones en los "
        "grupos de trabajo, sus recursos y sus eventos.",
        "task_forces": "Cada uno de los 24 objetivos tiene su grupo de trabajo. Cualquiera puede unirse como "
        "miembro del equipo; el personal de las organizaciones miembros y socias también puede dirigirlo o "
        "representar en él a su región del mundo.",
        "community": "Creada en 2020 por la Iniciativa con el proyecto sectorial de protección de suelos de la "
        "GIZ, la comunidad de práctica Clima-Suelo reúne a profesionales del desarrollo y a quienes trabajan "
        "donde se encuentran el clima y el suelo: aprendizaje entre pares, experiencia de campo compartida e "
        "incidencia a favor del carbono del suelo en los planes climáticos nacionales.",
    },
    "cycle_steps": [
        (
            "Consolidar los grupos de trabajo",
            "Líderes y representantes regionales reúnen a las personas que llevarán adelante cada objetivo.",
        ),
        (
            "Hacer balance",
            "Cada grupo de trabajo mapea lo que ya se hace en su objetivo y dónde están las carencias.",
        ),
        (
            "Desarrollar ideas de proyectos",
            "Los grupos de trabajo convierten las carencias en ideas de proyectos "
            "y forman equipos y alianzas en torno a ellas.",
        ),
        (
            "Buscar financiación",
            "Las ideas revisadas por el grupo de trabajo y la Secretaría se presentan a "
            "financiadores y gobiernos.",
        ),
        (
            "Seguir los avances",
            "Los proyectos financiados informan de sus resultados, para que la Iniciativa "
            "muestre cuánto ha avanzado la estrategia.",
        ),
    ],
}


FR = {
    "home_sections": HOME_SECTIONS_FR,
    "home": {
        "title": "Plateforme de connaissances sur les sols",
        "intro": "Ce que l'Initiative 4 pour 1000 sait des sols pour la sécurité alimentaire et le climat : stratégie, "
        "groupes de travail, projets, webinaires, événements et ressources de la communauté, que l'on peut "
        "interroger en langage courant.",
    },
    "about": {
        "title": "À propos de cette plateforme",
        "intro": "L'Initiative 4 pour 1000 et ce que contient cette plateforme de connaissances.",
        "body": [
            ("heading", "L'Initiative"),
            "L'Initiative internationale 4 pour 1000, Les sols pour la sécurité alimentaire et le climat, a été "
            "lancée par la France lors de la COP21 à Paris en décembre 2015. Son nom vient d'un calcul "
            "d'ordre de grandeur : une hausse annuelle de 0,4 % du stock de carbone des 30 à 40 premiers "
            "centimètres des sols du monde serait du même ordre que la hausse annuelle du dioxyde de carbone "
            "dans l'atmosphère.",
            ("heading", "À propos du contenu de démonstration"),
            "Les faits sur l'Initiative sont reformulés à partir de sources publiques. Les éléments marqués "
            "comme données d'exemple (projets, la plupart des personnes, composition des groupes de travail, "
            "objectifs provisoires, plusieurs webinaires, événements et rapports) sont inventés pour montrer le "
            "fonctionnement de la plateforme. Les pages en français sont des traductions des pages anglaises.",
        ],
    },
    "strategy": {
        "title": "Plan stratégique 2030-2050",
        "vision_2050": "Des sols sains et riches en carbone partout dans le monde, qui aident à lutter contre le "
        "changement climatique et à mettre fin à la faim.",
        "mission_2030": "Offrir un cadre et un plan d'action pour concevoir, mettre en œuvre, promouvoir et suivre "
        "l'action en faveur de la santé des sols et du carbone organique des sols, en améliorant la "
        "collaboration entre les acteurs de l'agriculture, de la foresterie et des autres usages des terres "
        "(AFOLU), conformément aux objectifs de développement durable des Nations unies.",
        "intro": [
            "L'Initiative 4 pour 1000 a adopté son plan stratégique en juin 2020, avec des cibles pour 2030 et "
            "pour 2050. Le plan poursuit trois ambitions : une atténuation plus rapide du changement "
            "climatique, une meilleure adaptation de l'agriculture et une meilleure sécurité alimentaire. Il "
            "place la santé des sols au centre et considère les agriculteurs et les forestiers comme les "
            "gestionnaires de leurs propres systèmes.",
            "Le plan compte six buts, de la conception à la mise en œuvre, la promotion, la collaboration, le "
            "suivi et les actions transversales, déclinés en 24 objectifs stratégiques codés de A1 à F3. "
            "Chaque objectif est servi par son propre groupe de travail.",
        ],
    },
    "indexes": {
        "projects": {
            "title": "Projets",
            "intro": "Idées de projets et opportunités d'investissement élaborées avec les groupes de travail, de "
            "l'idée à la réalisation. Tous les projets présentés ici sont des données d'exemple.",
        },
        "webinars": {"title": "Webinaires", "intro": "Webinaires à venir et enregistrés."},
        "events": {
            "title": "Événements",
            "intro": "Journées de l'Initiative, événements des partenaires et réunions de la communauté de pratique.",
        },
        "resources": {
            "title": "Ressources",
            "intro": "Rapports, guides, outils, jeux de données, vidéos et articles.",
        },
    },
    "goals": {
        "A": (
            "Conception",
            "Contribuer à façonner les politiques, instruments et mécanismes qui donnent aux acteurs les moyens "
            "de mettre l'Initiative en pratique : le carbone des sols dans les plans climat nationaux, le soutien "
            "aux projets, le partage d'expériences, le dialogue régional, les marchés du carbone et un cadre "
            "conceptuel commun.",
        ),
        "B": (
            "Mise en œuvre",
            "Résumé de démonstration (absent des sources) : passer des engagements à l'action sur le terrain, en "
            "commençant par des plans d'investissement qui reprennent les cibles des contributions nationales "
            "pour les sols.",
        ),
        "C": (
            "Promotion",
            "Résumé de démonstration (absent des sources) : faire connaître aux décideurs et au public les liens "
            "entre sols, climat et sécurité alimentaire, et le rôle de l'Initiative.",
        ),
        "D": (
            "Collaboration",
            "Résumé de démonstration (absent des sources) : renforcer la coopération entre membres, partenaires, "
            "régions et autres coalitions qui travaillent sur la santé des sols.",
        ),
        "E": (
            "Suivi",
            "Résumé de démonstration (absent des sources) : suivre les progrès vers les cibles de 2030 et de 2050 "
            "et tirer les leçons des résultats.",
        ),
        "F": (
            "Actions transversales",
            "Résumé de démonstration (absent des sources) : des actions qui soutiennent tous les autres buts, "
            "comme les ressources, la gouvernance et les capacités propres de l'Initiative.",
        ),
    },
    "objectives": {
        "A1": {
            "title": "Faire de la santé des sols et du carbone organique des sols des composantes essentielles des "
            "contributions déterminées au niveau national (CDN)",
            "short_label": "CDN",
            "description": "Chaque partie à la convention des Nations unies sur le climat inclut la santé des sols et "
            "le carbone organique des sols dans sa CDN et dans ses plans nationaux pour l'agriculture, la "
            "forêt et l'usage des terres.",
            "baseline_2020": "En 2019, 28 des 196 CDN fixaient des cibles, politiques ou mesures sur le carbone "
            "organique des sols, les tourbières ou les zones humides.",
            "target_2030": "Chaque pays membre ou partenaire de l'Initiative fixe des cibles chiffrées de santé des "
            "sols et de carbone des sols dans sa CDN et y renvoie dans ses plans nationaux.",
            "target_2050": "Toutes les parties à la convention sur le climat ont fait de même.",
        },
        "A2": {
            "title": "Soutenir l'élaboration et la mise en œuvre de nombreux projets innovants sur la santé des sols "
            "et le carbone organique des sols",
            "short_label": "Élaboration de projets",
            "description": "Les projets de terrain innovants sur la santé et le carbone des sols, conformes à la "
            "vision 4 pour 1000 et aux critères du Comité scientifique et technique, sont encouragés, facilités "
            "et financés.",
            "baseline_2020": "Un appel à projets avait été lancé et cinq à dix projets de qualité avaient été jugés "
            "conformes à la vision et aux critères du Comité.",
            "target_2030": "Des mécanismes internationaux de financement des projets, y compris petits et locaux, "
            "sont en place. Au moins 30 projets par an sont soutenus par l'appel 4 pour 1000 et ses conseils "
            "scientifiques et techniques.",
            "target_2050": "Chaque pays et organisation partenaire peut mener des projets alignés sur le terrain.",
        },
        "A3": {
            "title": "Faciliter un échange actif entre acteurs sur les innovations et les réussites",
            "short_label": "Partage d'expériences",
            "description": "Les idées utiles, innovations et réussites des acteurs du 4 pour 1000, issues du "
            "terrain, des politiques ou de la recherche, sont rassemblées, partagées dans le monde entier, "
            "débattues et prises en compte.",
        },
        "A4": {
            "title": "Faciliter un échange régional entre acteurs pour lancer des programmes transformateurs fondés "
            "sur des données probantes",
            "short_label": "Dialogue entre acteurs",
            "description": "Les acteurs de chaque région se réunissent pour concevoir des programmes d'action de "
            "terrain fondés sur des données probantes, avec une attention particulière au dialogue entre "
            "décideurs et scientifiques.",
        },
        "A5": {
            "title": "Améliorer la transparence, l'accessibilité et la conception des mécanismes de marché du carbone",
            "short_label": "Marchés du carbone",
        },
        "A6": {
            "title": "Élaborer un cadre conceptuel des liens entre les facteurs de la santé des sols, du carbone "
            "organique des sols et du bilan carbone des systèmes agricoles et forestiers (AFOLU)",
            "short_label": "Cadre conceptuel",
        },
        "B1": {
            "title": "Encourager l'élaboration et la mise en œuvre de plans d'investissement reprenant les cibles "
            "des CDN",
            "short_label": "Plans d'investissement",
            "description": "Des stratégies nationales et supranationales, dont des incitations et des règles, et des "
            "plans d'investissement responsables pour la santé des sols sont élaborés et appliqués.",
            "problem_statement": "Malgré leurs engagements, les gouvernements agissent trop peu et trop lentement "
            "pour inciter les usagers des terres à améliorer la santé et le carbone des sols.",
            "baseline_2020": "Un inventaire des stratégies et plans d'investissement existants.",
            "target_2030": "Chaque pays membre ou partenaire fixe des cibles chiffrées de santé et de carbone des "
            "sols dans ses plans d'investissement.",
            "target_2050": "Tous les pays parties à la convention sur le climat ont fait de même.",
        },
        "C1": {
            "title": "Sensibiliser tous les acteurs au rôle décisif de la santé des sols face au changement "
            "climatique et pour la sécurité alimentaire",
            "short_label": "Plaidoyer et sensibilisation",
            "description": "Les décideurs et le grand public comprennent les liens entre sols, climat et sécurité "
            "alimentaire, et reconnaissent l'Initiative comme un moteur de changement.",
            "problem_statement": "Ni les décideurs ni le public ne saisissent pleinement le lien entre sol, "
            "alimentation et climat. On sait peu que les sols peuvent émettre beaucoup de gaz à effet de serre.",
            "baseline_2020": "Seuls quelques événements publics traitaient du rôle des sols pour le climat et "
            "l'alimentation.",
            "target_2030": "Des supports d'information existent dans les cinq langues de l'ONU et au moins dix "
            "événements de sensibilisation par an touchent les décideurs et le public.",
            "target_2050": "Au moins cinquante événements de sensibilisation par an.",
        },
    },
    "task_forces": {
        "A1": "Recense comment les pays traitent déjà la santé et le carbone des sols dans leurs CDN, leurs "
        "inventaires et leurs plans d'usage des terres, et où sont les lacunes. Prépare une stratégie pour "
        "intégrer des cibles chiffrées pour les sols dans la CDN de chaque pays membre d'ici 2030.",
        "A2": "Constitue un catalogue de projets de terrain sur la santé et le carbone des sols à présenter aux "
        "financeurs publics et privés, et prépare une stratégie pour soutenir au moins 30 projets par an.",
        "A3": "Recueille les innovations et les réussites des agriculteurs, chercheurs et décideurs et cherche "
        "comment les diffuser largement, en plusieurs langues.",
        "A4": "Organise le dialogue régional entre scientifiques, décideurs et praticiens pour que les programmes "
        "d'action de terrain reposent sur des données probantes.",
        "A5": "Examine comment les marchés du carbone traitent le carbone des sols et où ils manquent de "
        "transparence et d'accès pour les petits producteurs.",
        "A6": "Travaille à un cadre commun montrant comment interagissent les facteurs de la santé des sols, du "
        "carbone organique et du bilan carbone des usages des terres.",
        "B1": "Fait le point sur les stratégies et plans d'investissement nationaux et régionaux et vérifie s'ils "
        "reprennent les cibles des CDN pour les sols.",
        "C1": "Sensibilise les décideurs et le public aux liens entre sol, climat et sécurité alimentaire, avec au "
        "moins dix événements par an.",
    },
    "task_force_title": "Groupe de travail {code} : {label}",
    "projects": {
        "Zai pits and compost for degraded plateau soils": (
            "Zaï et compost pour les sols dégradés du plateau",
            "Restaure des champs encroûtés et dégradés du Plateau central du Burkina Faso avec des poquets de zaï, "
            "du compost et des cordons pierreux, et un réseau simple de suivi du carbone des sols.",
        ),
        "Village compost hubs in northern Benin": (
            "Plateformes villageoises de compostage au nord du Bénin",
            "Des groupements de femmes transforment résidus de récolte, déchets de marché et bouses en compost "
            "pour les champs de maïs et de soja, au lieu de les brûler.",
        ),
        "Faidherbia parklands for the groundnut basin": (
            "Parcs à Faidherbia pour le bassin arachidier",
            "Étend la régénération naturelle assistée de Faidherbia albida dans les champs de mil et d'arachide "
            "du centre du Sénégal.",
        ),
        "Smallholder dairy agroforestry loan facility": (
            "Fonds de prêts agroforestiers pour petits producteurs laitiers",
            "Un mécanisme de financement mixte qui prête aux groupements d'agriculteurs des hautes terres du "
            "Kenya pour des arbres fourragers, la couverture du sol et la collecte de l'eau.",
        ),
        "Highland terraces and soil carbon in the Ethiopian Rift margins": (
            "Terrasses d'altitude et carbone des sols en bordure du Rift éthiopien",
            "Associe terrasses, mises en défens et compost sur des terres cultivées en pente pour arrêter "
            "l'érosion et reconstituer la matière organique des sols.",
        ),
        "Community grazing plans for communal rangelands": (
            "Plans de pâturage communautaires pour les parcours communaux",
            "Aide des villages du sud semi-aride du Zimbabwe à planifier les déplacements des troupeaux, à "
            "reposer les pâturages et à restaurer la couverture végétale.",
        ),
    },
    "resources": {
        "A primer on measuring, reporting and verifying soil organic carbon": (
            "Introduction à la mesure, la notification et la vérification du carbone organique des sols",
            "Une introduction au MNV du carbone des sols pour les porteurs de projets et les responsables "
            "politiques : les six étapes du protocole GSOC MRV de la FAO, mesure, modélisation ou approches "
            "mixtes, et pourquoi la conception du MNV peut décider de la viabilité d'un projet.",
        ),
        "Designing soil sampling for carbon stock change": (
            "Concevoir l'échantillonnage des sols pour suivre le stock de carbone",
            "Conseils pratiques sur la stratification, le nombre d'échantillons, la profondeur, la densité "
            "apparente et la correction par masse de sol équivalente.",
        ),
        "Remote sensing, proximal sensors and models for soil carbon monitoring": (
            "Télédétection, capteurs de proximité et modèles pour le suivi du carbone des sols",
            "Ce que satellites, spectroscopie et modèles peuvent apporter à un suivi moins coûteux du carbone "
            "des sols, et où les mesures de terrain restent indispensables.",
        ),
        "Cover crops for soil carbon: benefits, pools and the dryland trade-off": (
            "Couverts végétaux et carbone des sols : bénéfices, compartiments et compromis en zone sèche",
            "Synthèse des effets des couverts végétaux sur les stocks de carbone des sols, et des compromis "
            "sur le rendement, l'eau et l'azote en zone sèche, avec un seuil d'environ 700 mm de pluie par an.",
        ),
        "Conservation agriculture and reduced tillage: principles, evidence and pitfalls": (
            "Agriculture de conservation et travail réduit du sol : principes, résultats et écueils",
            "Les trois principes de l'agriculture de conservation et pourquoi le semis direct seul n'est pas une "
            "stratégie carbone fiable.",
        ),
        "Trees on farms: agroforestry and soil organic carbon": (
            "Des arbres dans les champs : agroforesterie et carbone organique des sols",
            "Méta-analyses du carbone des sols sous agroforesterie : des gains quand on convertit des cultures, "
            "des pertes quand on convertit une forêt.",
        ),
    },
    "webinars": {
        "Is there a limit to soil organic carbon sequestration?": (
            "Le stockage de carbone organique dans les sols a-t-il une limite ?",
            [
                "Cette séance a ouvert la série de webinaires du Comité scientifique et technique de "
                "l'Initiative 4 pour 1000. Les sols peuvent-ils accumuler du carbone sans fin, ou approchent-ils "
                "d'un plafond ?",
                "La discussion a porté sur le carbone organique particulaire, qui s'accumule et se perd vite, et "
                "le carbone associé aux minéraux, plus durable et limité par la surface des argiles et des limons.",
            ],
        ),
        "ReGenerative Grazing as a Soil, Climate, and Livelihoods Solution: The Science, Practice and Policy": (
            "Le pâturage régénérateur, une solution pour les sols, le climat et les moyens d'existence",
            [
                "Un webinaire conjoint de l'Initiative 4 pour 1000 et de Soil4Climate sur le pâturage "
                "régénérateur, vu sous l'angle de la science, de la pratique et des politiques publiques.",
            ],
        ),
        "Measure, model or both? Practical options for soil carbon MRV": (
            "Mesurer, modéliser ou les deux ? Options pratiques pour le MNV du carbone des sols",
            [
                "Cette séance a comparé la mesure directe par échantillonnage répété, les modèles calibrés sur des "
                "essais de longue durée et les approches mixtes, ainsi que leurs coûts.",
            ],
        ),
        "Cover crops in drylands: when do they pay off?": (
            "Couverts végétaux en zone sèche : quand sont-ils rentables ?",
            [
                "En climat sec, les couverts végétaux consomment l'eau dont la culture suivante a besoin. Les "
                "intervenants ont présenté des essais de longue durée en semis direct et des conseils pratiques "
                "sur le choix des espèces et la date de destruction du couvert.",
            ],
        ),
    },
}

ES = {
    "home_sections": HOME_SECTIONS_ES,
    "home": {
        "title": "Plataforma de conocimiento sobre suelos",
        "intro": "Lo que la Iniciativa 4 por 1000 sabe sobre los suelos para la seguridad alimentaria y el clima: "
        "estrategia, grupos de trabajo, proyectos, seminarios web, eventos y recursos de la comunidad, que se "
        "pueden buscar en lenguaje corriente.",
    },
    "about": {
        "title": "Acerca de esta plataforma",
        "intro": "La Iniciativa 4 por 1000 y lo que contiene esta plataforma de conocimiento.",
        "body": [
            ("heading", "La Iniciativa"),
            "La Iniciativa internacional 4 por 1000, Suelos para la seguridad alimentaria y el clima, fue lanzada "
            "por Francia en la COP21 de París en diciembre de 2015. Su nombre viene de un cálculo de orden de "
            "magnitud: un aumento anual del 0,4 % del carbono de los primeros 30 a 40 cm de los suelos del "
            "mundo sería del mismo orden que el aumento anual del dióxido de carbono en la atmósfera.",
            ("heading", "Acerca del contenido de demostración"),
            "Los datos sobre la Iniciativa se han reformulado a partir de fuentes públicas. Los elementos marcados "
            "como datos de ejemplo (proyectos, la mayoría de las personas, integrantes de los grupos de trabajo, "
            "objetivos provisionales, varios seminarios, eventos e informes) son inventados para mostrar cómo "
            "funciona la plataforma. Las páginas en español son traducciones de las páginas inglesas.",
        ],
    },
    "strategy": {
        "title": "Plan estratégico 2030-2050",
        "vision_2050": "Suelos sanos y ricos en carbono en todo el mundo, que ayuden a combatir el cambio climático "
        "y a acabar con el hambre.",
        "mission_2030": "Ofrecer un marco y un plan de acción para concebir, ejecutar, promover y dar seguimiento a la "
        "acción sobre la salud del suelo y el carbono orgánico del suelo, mejorando la colaboración entre los "
        "actores de la agricultura, la silvicultura y otros usos de la tierra (AFOLU), en línea con los "
        "Objetivos de Desarrollo Sostenible de las Naciones Unidas.",
        "intro": [
            "La Iniciativa 4 por 1000 adoptó su plan estratégico en junio de 2020, con metas para 2030 y 2050. El "
            "plan persigue tres ambiciones: una mitigación más rápida del cambio climático, una mejor adaptación "
            "de la agricultura y una mayor seguridad alimentaria, y pone la salud del suelo en el centro.",
            "El plan tiene seis metas generales, desde la concepción hasta la ejecución, la promoción, la "
            "colaboración, el seguimiento y las acciones transversales, que se dividen en 24 objetivos "
            "estratégicos codificados de A1 a F3. Cada objetivo tiene su propio grupo de trabajo.",
        ],
    },
    "indexes": {
        "projects": {
            "title": "Proyectos",
            "intro": "Ideas de proyectos y oportunidades de inversión elaboradas con los grupos de trabajo, desde la "
            "idea hasta su ejecución. Todos los proyectos que aparecen aquí son datos de ejemplo.",
        },
        "webinars": {"title": "Seminarios web", "intro": "Seminarios web próximos y grabados."},
        "events": {
            "title": "Eventos",
            "intro": "Jornadas de la Iniciativa, eventos de socios y reuniones de la comunidad de práctica.",
        },
        "resources": {
            "title": "Recursos",
            "intro": "Informes, guías, herramientas, conjuntos de datos, vídeos y artículos.",
        },
    },
    "goals": {
        "A": (
            "Concepción",
            "Ayudar a dar forma a las políticas, instrumentos y mecanismos que permiten a los actores poner en "
            "práctica la Iniciativa: el carbono del suelo en los planes climáticos nacionales, el apoyo a "
            "proyectos, el intercambio de experiencias, el diálogo regional, los mercados de carbono y un marco "
            "conceptual común.",
        ),
        "B": (
            "Ejecución",
            "Resumen de demostración (no procede de las fuentes): pasar de los compromisos a la acción sobre el "
            "terreno, empezando por planes de inversión que recojan las metas de suelo de las contribuciones "
            "nacionales.",
        ),
        "C": (
            "Promoción",
            "Resumen de demostración (no procede de las fuentes): dar a conocer a los responsables políticos y al "
            "público los vínculos entre suelos, clima y seguridad alimentaria, y el papel de la Iniciativa.",
        ),
        "D": (
            "Colaboración",
            "Resumen de demostración (no procede de las fuentes): reforzar la cooperación entre miembros, socios, "
            "regiones y otras coaliciones que trabajan en la salud del suelo.",
        ),
        "E": (
            "Seguimiento",
            "Resumen de demostración (no procede de las fuentes): seguir los avances hacia las metas de 2030 y "
            "2050 y aprender de los resultados.",
        ),
        "F": (
            "Acciones transversales",
            "Resumen de demostración (no procede de las fuentes): acciones que apoyan todas las demás metas, como "
            "los recursos, la gobernanza y las capacidades propias de la Iniciativa.",
        ),
    },
    "objectives": {
        "A1": {
            "title": "Lograr que la salud del suelo y el carbono orgánico del suelo sean componentes esenciales de "
            "las contribuciones determinadas a nivel nacional (CDN)",
            "short_label": "CDN",
            "description": "Cada parte de la convención de las Naciones Unidas sobre el clima incluye la salud del "
            "suelo y el carbono orgánico del suelo en su CDN y en sus planes nacionales de agricultura, bosques y "
            "uso de la tierra.",
            "baseline_2020": "En 2019, 28 de las 196 CDN fijaban metas, políticas o medidas sobre el carbono "
            "orgánico del suelo, las turberas o los humedales.",
            "target_2030": "Cada país miembro o socio de la Iniciativa fija metas cuantitativas de salud y carbono "
            "del suelo en su CDN y las cita en sus planes nacionales.",
            "target_2050": "Todas las partes de la convención sobre el clima han hecho lo mismo.",
        },
        "A2": {
            "title": "Apoyar la elaboración y ejecución de numerosos proyectos innovadores sobre la salud del suelo "
            "y el carbono orgánico del suelo",
            "short_label": "Desarrollo de proyectos",
            "description": "Los proyectos de campo innovadores sobre salud y carbono del suelo, acordes con la visión "
            "4 por 1000 y los criterios del Comité Científico y Técnico, se fomentan, se facilitan y se "
            "financian.",
            "baseline_2020": "Se había lanzado una convocatoria de proyectos y entre cinco y diez proyectos de "
            "calidad se consideraron acordes con la visión y los criterios del Comité.",
            "target_2030": "Existen mecanismos internacionales de financiación de proyectos, también pequeños y "
            "locales. Al menos 30 proyectos al año reciben apoyo de la convocatoria 4 por 1000.",
            "target_2050": "Todos los países y organizaciones socias pueden ejecutar proyectos alineados sobre el "
            "terreno.",
        },
        "A3": {
            "title": "Facilitar un intercambio activo entre actores sobre innovaciones y casos de éxito",
            "short_label": "Compartir experiencias",
            "description": "Las ideas útiles, innovaciones y casos de éxito de los actores del 4 por 1000, surgidos "
            "del campo, de la política o de la investigación, se reúnen, se comparten en todo el mundo, se "
            "debaten y se tienen en cuenta.",
        },
        "A4": {
            "title": "Facilitar un intercambio regional entre actores para iniciar programas transformadores "
            "basados en evidencias",
            "short_label": "Diálogo entre actores",
            "description": "Los actores de cada región se reúnen para diseñar programas de acción sobre el terreno "
            "basados en evidencias, con especial atención al diálogo entre responsables políticos y científicos.",
        },
        "A5": {
            "title": "Mejorar la transparencia, la accesibilidad y la configuración de los mecanismos de mercado de "
            "carbono",
            "short_label": "Mercados de carbono",
        },
        "A6": {
            "title": "Elaborar un marco conceptual de las relaciones entre los factores de la salud del suelo, el "
            "carbono orgánico del suelo y el balance de carbono de los sistemas AFOLU",
            "short_label": "Marco conceptual",
        },
        "B1": {
            "title": "Fomentar la elaboración y ejecución de planes de inversión que reflejen las metas de las CDN",
            "short_label": "Planes de inversión",
            "description": "Se elaboran y aplican estrategias nacionales y supranacionales, incluidos incentivos y "
            "normas, y planes de inversión responsables para la salud del suelo.",
            "problem_statement": "Pese a sus compromisos, los gobiernos actúan demasiado poco y demasiado despacio "
            "para que los usuarios de la tierra mejoren la salud y el carbono del suelo.",
            "baseline_2020": "Un inventario de las estrategias y planes de inversión existentes.",
            "target_2030": "Cada país miembro o socio fija metas cuantitativas de salud y carbono del suelo en sus "
            "planes de inversión.",
            "target_2050": "Todos los países de la convención sobre el clima han hecho lo mismo.",
        },
        "C1": {
            "title": "Concienciar a todos los actores sobre el papel decisivo de la salud del suelo frente al cambio "
            "climático y para la seguridad alimentaria",
            "short_label": "Incidencia y sensibilización",
            "description": "Los responsables políticos y el público entienden los vínculos entre suelos, clima y "
            "seguridad alimentaria, y reconocen a la Iniciativa como motor de cambio.",
            "problem_statement": "Ni los responsables políticos ni el público comprenden del todo el vínculo entre "
            "suelo, alimentación y clima. Pocos saben que los suelos pueden emitir muchos gases de efecto "
            "invernadero.",
            "baseline_2020": "Solo algunos eventos públicos trataban el papel de los suelos para el clima y la "
            "alimentación.",
            "target_2030": "Hay materiales informativos en los cinco idiomas de la ONU y al menos diez eventos de "
            "sensibilización al año llegan a los responsables políticos y al público.",
            "target_2050": "Al menos cincuenta eventos de sensibilización al año.",
        },
    },
    "task_forces": {
        "A1": "Analiza cómo los países ya tratan la salud y el carbono del suelo en sus CDN, inventarios y planes de "
        "uso de la tierra, y dónde están las carencias. Prepara una estrategia para incluir metas cuantitativas de "
        "suelo en la CDN de cada país miembro antes de 2030.",
        "A2": "Elabora un catálogo de proyectos de campo sobre salud y carbono del suelo para presentarlos a "
        "financiadores públicos y privados, y una estrategia para apoyar al menos 30 proyectos al año.",
        "A3": "Reúne innovaciones y casos de éxito de agricultores, investigadores y responsables políticos y busca "
        "cómo difundirlos ampliamente, en varios idiomas.",
        "A4": "Organiza el diálogo regional entre científicos, responsables políticos y profesionales para que los "
        "programas de acción sobre el terreno se basen en evidencias.",
        "A5": "Examina cómo los mercados de carbono tratan el carbono del suelo y dónde les faltan transparencia y "
        "acceso para los pequeños productores.",
        "A6": "Trabaja en un marco común que muestre cómo interactúan los factores de la salud del suelo, el "
        "carbono orgánico y el balance de carbono de los usos de la tierra.",
        "B1": "Hace balance de las estrategias y planes de inversión nacionales y regionales y comprueba si "
        "recogen las metas de suelo de las CDN.",
        "C1": "Sensibiliza a los responsables políticos y al público sobre los vínculos entre suelo, clima y "
        "seguridad alimentaria, con al menos diez eventos al año.",
    },
    "task_force_title": "Grupo de trabajo {code}: {label}",
    "projects": {
        "Zai pits and compost for degraded plateau soils": (
            "Hoyos zaï y compost para los suelos degradados de la meseta",
            "Recupera campos encostrados y degradados de la Meseta Central de Burkina Faso con hoyos de siembra, "
            "compost y cordones de piedra, junto con una red sencilla de seguimiento del carbono del suelo.",
        ),
        "Village compost hubs in northern Benin": (
            "Centros comunitarios de compostaje en el norte de Benín",
            "Grupos de mujeres convierten rastrojos, residuos de mercado y estiércol en compost para los campos de "
            "maíz y soja, en lugar de quemarlos.",
        ),
        "Faidherbia parklands for the groundnut basin": (
            "Parques de Faidherbia para la cuenca del cacahuete",
            "Amplía la regeneración natural gestionada por los agricultores de Faidherbia albida en los campos de "
            "mijo y cacahuete del centro de Senegal.",
        ),
        "Smallholder dairy agroforestry loan facility": (
            "Fondo de préstamos agroforestales para pequeños productores lecheros",
            "Un mecanismo de financiación combinada que presta a grupos de agricultores de las tierras altas de "
            "Kenia para árboles forrajeros, cobertura del suelo y captación de agua.",
        ),
        "Highland terraces and soil carbon in the Ethiopian Rift margins": (
            "Terrazas de montaña y carbono del suelo en los bordes del Rift etíope",
            "Combina terrazas, cierres de áreas y compost en tierras de cultivo empinadas para frenar la erosión y "
            "recuperar la materia orgánica del suelo.",
        ),
        "Community grazing plans for communal rangelands": (
            "Planes comunitarios de pastoreo para pastizales comunales",
            "Apoya a aldeas del sur semiárido de Zimbabue para planificar los movimientos del ganado, dejar "
            "descansar las zonas de pastoreo y restaurar la cobertura vegetal.",
        ),
    },
    "resources": {
        "A primer on measuring, reporting and verifying soil organic carbon": (
            "Introducción a la medición, notificación y verificación del carbono orgánico del suelo",
            "Una introducción al MRV del carbono del suelo para promotores de proyectos y responsables "
            "políticos: las seis etapas del protocolo GSOC MRV de la FAO, medición, modelización o enfoques "
            "mixtos, y por qué el diseño del MRV puede decidir la viabilidad de un proyecto.",
        ),
        "Designing soil sampling for carbon stock change": (
            "Diseñar el muestreo de suelos para medir cambios en el carbono",
            "Consejos prácticos sobre estratificación, número de muestras, profundidad, densidad aparente y la "
            "corrección por masa equivalente de suelo.",
        ),
        "Remote sensing, proximal sensors and models for soil carbon monitoring": (
            "Teledetección, sensores próximos y modelos para el seguimiento del carbono del suelo",
            "Lo que satélites, espectroscopía y modelos pueden aportar a un seguimiento más barato del carbono "
            "del suelo, y dónde siguen siendo imprescindibles las mediciones de campo.",
        ),
        "Cover crops for soil carbon: benefits, pools and the dryland trade-off": (
            "Cultivos de cobertura y carbono del suelo: beneficios y compromisos en zonas secas",
            "Síntesis de los efectos de los cultivos de cobertura sobre el carbono del suelo y de sus costes en "
            "rendimiento, agua y nitrógeno en zonas secas, con un umbral de unos 700 mm de lluvia al año.",
        ),
        "Conservation agriculture and reduced tillage: principles, evidence and pitfalls": (
            "Agricultura de conservación y labranza reducida: principios, evidencias y dificultades",
            "Los tres principios de la agricultura de conservación y por qué la siembra directa por sí sola no es "
            "una estrategia de carbono fiable.",
        ),
        "Trees on farms: agroforestry and soil organic carbon": (
            "Árboles en las fincas: agroforestería y carbono orgánico del suelo",
            "Metaanálisis del carbono del suelo bajo agroforestería: ganancias al convertir tierras de cultivo, "
            "pérdidas al convertir bosques.",
        ),
    },
    "webinars": {
        "Is there a limit to soil organic carbon sequestration?": (
            "¿Tiene un límite el secuestro de carbono orgánico en el suelo?",
            [
                "Esta sesión abrió la serie de seminarios del Comité Científico y Técnico de la Iniciativa 4 por "
                "1000. ¿Pueden los suelos acumular carbono sin fin o se acercan a un techo?",
                "El debate se centró en el carbono orgánico particulado, que se acumula y se pierde rápido, y el "
                "carbono asociado a minerales, más duradero y limitado por la superficie de arcillas y limos.",
            ],
        ),
        "ReGenerative Grazing as a Soil, Climate, and Livelihoods Solution: The Science, Practice and Policy": (
            "El pastoreo regenerativo como solución para el suelo, el clima y los medios de vida",
            [
                "Un seminario conjunto de la Iniciativa 4 por 1000 y Soil4Climate sobre el pastoreo regenerativo, "
                "desde la ciencia, la práctica y las políticas públicas.",
            ],
        ),
        "Measure, model or both? Practical options for soil carbon MRV": (
            "¿Medir, modelizar o ambas cosas? Opciones prácticas para el MRV del carbono del suelo",
            [
                "Esta sesión comparó la medición directa por muestreo repetido, los modelos calibrados con "
                "ensayos de larga duración y los enfoques mixtos, así como sus costes.",
            ],
        ),
        "Cover crops in drylands: when do they pay off?": (
            "Cultivos de cobertura en zonas secas: ¿cuándo compensan?",
            [
                "En climas secos, los cultivos de cobertura consumen el agua que necesita el cultivo siguiente. Se "
                "presentaron ensayos de larga duración en siembra directa y consejos prácticos sobre especies y "
                "fecha de terminación.",
            ],
        ),
    },
}

TRANSLATIONS = {"fr": FR, "es": ES}

# French and Spanish names of the demo's places and soil practices (their name_fr / name_es columns).
REGION_NAMES = {
    "Africa": ("Afrique", "África"),
    "Asia and the Pacific": ("Asie et Pacifique", "Asia y el Pacífico"),
    "Europe": ("Europe", "Europa"),
    "Latin America and the Caribbean": ("Amérique latine et Caraïbes", "América Latina y el Caribe"),
    "North America": ("Amérique du Nord", "América del Norte"),
    "Near East and North Africa": ("Proche-Orient et Afrique du Nord", "Cercano Oriente y África del Norte"),
    "France": ("France", "Francia"),
    "Spain": ("Espagne", "España"),
    "Germany": ("Allemagne", "Alemania"),
    "Italy": ("Italie", "Italia"),
    "Netherlands": ("Pays-Bas", "Países Bajos"),
    "Benin": ("Bénin", "Benín"),
    "Senegal": ("Sénégal", "Senegal"),
    "Kenya": ("Kenya", "Kenia"),
    "Ethiopia": ("Éthiopie", "Etiopía"),
    "South Africa": ("Afrique du Sud", "Sudáfrica"),
    "Burkina Faso": ("Burkina Faso", "Burkina Faso"),
    "Ghana": ("Ghana", "Ghana"),
    "Côte d'Ivoire": ("Côte d'Ivoire", "Côte d'Ivoire"),
    "Zimbabwe": ("Zimbabwe", "Zimbabue"),
    "Morocco": ("Maroc", "Marruecos"),
    "Egypt": ("Égypte", "Egipto"),
    "Tunisia": ("Tunisie", "Túnez"),
    "India": ("Inde", "India"),
    "China": ("Chine", "China"),
    "Indonesia": ("Indonésie", "Indonesia"),
    "Viet Nam": ("Viet Nam", "Viet Nam"),
    "Australia": ("Australie", "Australia"),
    "New Zealand": ("Nouvelle-Zélande", "Nueva Zelanda"),
    "Japan": ("Japon", "Japón"),
    "Brazil": ("Brésil", "Brasil"),
    "Argentina": ("Argentine", "Argentina"),
    "Mexico": ("Mexique", "México"),
    "Colombia": ("Colombie", "Colombia"),
    "Peru": ("Pérou", "Perú"),
    "Uruguay": ("Uruguay", "Uruguay"),
    "Costa Rica": ("Costa Rica", "Costa Rica"),
    "Canada": ("Canada", "Canadá"),
    "United States": ("États-Unis", "Estados Unidos"),
}

PRACTICE_NAMES = {
    "agroforestry": ("Agroforesterie", "Agroforestería"),
    "cover-crops": ("Couverts végétaux", "Cultivos de cobertura"),
    "conservation-agriculture": ("Agriculture de conservation", "Agricultura de conservación"),
    "reduced-tillage": ("Travail du sol réduit", "Labranza reducida"),
    "biochar": ("Biochar", "Biocarbón"),
    "grazing-management": ("Gestion du pâturage", "Manejo del pastoreo"),
    "compost-and-manure": ("Compost et fumier", "Compost y estiércol"),
    "crop-residue-retention": ("Maintien des résidus de culture", "Retención de rastrojos"),
    "crop-rotation": ("Rotation et diversification des cultures", "Rotación y diversificación de cultivos"),
    "peatland-protection": (
        "Protection des tourbières et zones humides",
        "Protección de turberas y humedales",
    ),
    "erosion-control": ("Lutte contre l'érosion et terrasses", "Control de la erosión y terrazas"),
    "integrated-soil-fertility": (
        "Gestion intégrée de la fertilité des sols",
        "Manejo integrado de la fertilidad del suelo",
    ),
}
