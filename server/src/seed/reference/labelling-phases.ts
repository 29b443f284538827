// The five phases of the pôles de compétitivité policy and the criteria each selection applied.
// Sources (long URLs wrap onto indented lines that do not start with "http"):
//   - phases I-III:
//     http://www.prefectures-regions.gouv.fr/centre-val-de-loire/ (CIADT 2005-2007)
//     https://competitivite.gouv.fr/phases/2009-2012/
//       la-gouvernance-des-poles-durant-la-phase-2-810.html
//     http://polescompet.canalblog.com/archives/2012/08/12/24878320.html (2012 evaluation)
//     http://competitivite.gouv.fr/la-nouvelle-phase-de-la-politique-des-poles-de-competitivite/
//       animation-de-la-politique-983.html
//     https://2007-2012.nosdeputes.fr/intervention/455384
//   - phase IV:
//     https://www.usinenouvelle.com/editorial/
//       la-liste-des-48-poles-de-competitivite-selectionnes-et-8-repeches.N802280
//     https://www.actu-environnement.com/ae/news/
//       Poles-competitivite-20-groupements-secteur-environnement-labellises-32906.php4
//     https://www.latribune.fr/entreprises-finance/industrie/automobile/
//       mobilites-pourquoi-le-normand-moveo-devient-nextmove-871956.html (half own revenue)
//     http://www.magcentre.fr/162232-region-les-pole-de-competitivite-cherchent-a-evoluer-en-
//       visant-linternational/ (150 members)
//     http://www.webtimemedias.com/article/
//       poles-de-competitivite-la-phase-iv-est-engagee-20181024-63279
//   - phase V:
//     https://www.economie.gouv.fr/actualites/
//       industrie-ouverture-des-candidatures-pour-la-phase-5-des-poles-de-competitivite
//     https://entreprises.gouv.fr/la-dge/actualites/
//       labellisation-de-55-poles-de-competitivite-pour-la-phase-v-2023-2026
//     https://vipress.net/appel-a-candidatures-pour-la-phase-v-des-poles-de-competitivite/
//     https://centre-inffo.fr/site-regions-formation/actualites-regions/
//       labellisation-de-55-poles-de-competitivite
//     https://www.banquedesterritoires.fr/phase-v-des-poles-de-competitivite-la-saison-de-verite
// publishedLabelledCount: 71 (phase I, CIADT 2005-2007, and phase II), 56 (phase IV: 48 + 8),
// 55 (phase V: 47 + 4 + 2 + 2 new), as published; phase III's 66 is not an announced
// selection count (poles left during the phase), so it stays null.
// Phase V ends on 31 Dec 2026 (endYear 2026), which leaves 2027 free for phase VI.
// NOT CONFIRMED: the phase V cahier des charges (criteria, indicators) was not found. The
// phase IV/V criteria names follow the reported selection themes; the 150-member threshold comes
// from a truncated 2018 excerpt; the 0.50 own-revenue share from a press quote on phase IV; every
// other threshold, and all phase I-III criteria, are the project's assumptions.

import type { CriterionSeed, LabellingPhaseSeed } from './reference-types';

const score = (
  code: string,
  name: string,
  description: string,
  threshold = '60',
): CriterionSeed => ({
  code,
  name,
  description,
  measurement: 'SCORE',
  indicator: null,
  threshold,
});

/** The quantified criteria shared by phases IV and V. */
const indicatorCriteria = (europeanProjects: string): CriterionSeed[] => [
  {
    code: 'MEMBERS',
    name: 'Nombre de membres',
    description:
      "Masse critique : nombre d'adhérents du pôle (« au moins 150 adhérents au cours " +
      'des six dernières années », précondition évoquée en 2018).',
    measurement: 'INDICATOR',
    indicator: 'MEMBERS_COUNT',
    threshold: '150',
  },
  {
    code: 'PRIVATE_FUNDING',
    name: 'Autonomie financière',
    description:
      'Part des recettes propres (privées) dans le budget du pôle : ne conserver que ' +
      'les pôles « capables de générer au moins la moitié de recettes propres ».',
    measurement: 'INDICATOR',
    indicator: 'PRIVATE_FUNDING_SHARE',
    threshold: '0.50',
  },
  {
    code: 'EUROPEAN_PROJECTS',
    name: 'Projets européens',
    description:
      'Nombre de projets européens (Horizon, Interreg, LIFE…) obtenus par le pôle et ' +
      'ses membres sur la période évaluée.',
    measurement: 'INDICATOR',
    indicator: 'EUROPEAN_PROJECTS',
    threshold: europeanProjects,
  },
  {
    code: 'COLLABORATIVE_PROJECTS',
    name: 'Projets collaboratifs',
    description:
      'Performance en R&D collaborative : nombre de projets collaboratifs labellisés ' +
      'puis financés sur la période évaluée.',
    measurement: 'INDICATOR',
    indicator: 'COLLABORATIVE_PROJECTS',
    threshold: '20',
  },
  {
    code: 'SME_SHARE',
    name: 'Part des PME',
    description:
      'Part des TPE, PME et startups parmi les membres (environ 60 % pour le réseau en ' + '2023).',
    measurement: 'INDICATOR',
    indicator: 'SME_SHARE',
    threshold: '0.50',
  },
  {
    code: 'FUNDING_RAISED',
    name: 'Financements obtenus',
    description:
      'Montant total, en euros, des financements obtenus par les projets labellisés du ' +
      'pôle sur la période évaluée.',
    measurement: 'INDICATOR',
    indicator: 'FUNDING_RAISED',
    threshold: '5000000',
  },
];

export const LABELLING_PHASES: LabellingPhaseSeed[] = [
  {
    number: 1,
    publishedLabelledCount: 71,
    name: 'Phase I',
    startYear: 2005,
    endYear: 2008,
    description:
      'Lancement de la politique : 71 pôles labellisés par les CIADT du 12 juillet ' +
      '2005, du 6 mars 2006 et du 5 juillet 2007. Les projets de R&D collaboratifs sont financés ' +
      "notamment par le Fonds unique interministériel (FUI), sous l'égide d'un groupe de " +
      'travail interministériel (GTI) créé en 2005, dont le secrétariat est assuré par la ' +
      "direction chargée de l'industrie (DGE puis DGCIS) et la DIACT.",
    criteria: [
      score(
        'STRATEGY',
        'Stratégie de développement',
        'Stratégie de développement économique cohérente avec le territoire et potentiel de ' +
          'marché.',
        '50',
      ),
      score(
        'RD_PARTNERSHIPS',
        'Partenariats entreprises-recherche-formation',
        'Qualité des partenariats entre entreprises, laboratoires et organismes de formation.',
        '50',
      ),
      score(
        'INTERNATIONAL_VISIBILITY',
        'Visibilité internationale',
        'Capacité du pôle à acquérir une visibilité internationale dans son domaine.',
        '50',
      ),
      score(
        'GOVERNANCE',
        'Gouvernance',
        "Organisation et gouvernance de la structure d'animation du pôle.",
        '50',
      ),
    ],
  },
  {
    number: 2,
    publishedLabelledCount: 71,
    name: 'Phase II',
    startYear: 2009,
    endYear: 2012,
    description:
      'Deuxième phase, 71 pôles. Début 2012, un pôle moyen compte 187 membres (57 % de ' +
      "PME, 8 % d'ETI, 7 % de grandes entreprises, 17 % d'organismes de recherche et de " +
      "formation, 11 % d'autres), une équipe d'animation de 11 ETP (dont 8 salariés) et un " +
      "budget moyen de 1,09 M€ (2011). L'évaluation de 2012 (BearingPoint-Erdyn-Technopolis " +
      'ITD) classe 20 pôles « très performants », 35 « performants » et 16 « moins ' +
      'performants ». La gestion du FUI passe de la DGCIS à OSEO à partir du 9e appel.',
    criteria: [
      score(
        'STRATEGY',
        'Feuille de route stratégique',
        'Qualité et mise en œuvre de la feuille de route stratégique du pôle.',
        '50',
      ),
      score(
        'COLLABORATIVE_RD',
        'R&D collaborative',
        'Nombre et qualité des projets de R&D collaboratifs labellisés et financés.',
        '50',
      ),
      score(
        'ECOSYSTEM_ANIMATION',
        "Animation de l'écosystème",
        "Qualité de l'animation du réseau des membres et des services rendus.",
        '50',
      ),
      score(
        'GOVERNANCE',
        'Gouvernance',
        "Gouvernance, implication des entreprises et moyens de la structure d'animation.",
        '50',
      ),
    ],
  },
  {
    number: 3,
    publishedLabelledCount: null,
    name: 'Phase III',
    startYear: 2013,
    endYear: 2018,
    description:
      'Troisième phase, 66 pôles, chacun engagé par un contrat de performance. Le ' +
      "pilotage associe l'État (CGET et DGE, ministères chargés de la recherche, de " +
      "l'agriculture, de la défense, de la santé et des transports) et les Régions (ARF, " +
      "Île-de-France, Rhône-Alpes, Midi-Pyrénées, Nord-Pas-de-Calais), avec Bpifrance, l'ANR et " +
      'la CDC ; il remplace le GTI de 2005. Le FUI, 25 appels depuis 2005, est supprimé par la ' +
      'loi de finances 2019.',
    criteria: [
      score(
        'PERFORMANCE_CONTRACT',
        'Contrat de performance',
        'Atteinte des objectifs fixés par le contrat de performance du pôle.',
        '55',
      ),
      score(
        'STRATEGY',
        'Feuille de route stratégique',
        'Pertinence et mise en œuvre de la feuille de route stratégique.',
        '55',
      ),
      score(
        'RD_TO_MARKET',
        'Transformation de la R&D en produits',
        'Capacité à transformer les résultats des projets de R&D en produits et services mis sur ' +
          'le marché.',
        '55',
      ),
      score(
        'SME_SUPPORT',
        'Accompagnement des PME',
        "Services d'accompagnement des PME (croissance, financement, international).",
        '55',
      ),
      score('GOVERNANCE', 'Gouvernance', 'Gouvernance et modèle économique de la structure.', '55'),
    ],
  },
  {
    number: 4,
    publishedLabelledCount: 56,
    name: 'Phase IV',
    startYear: 2019,
    endYear: 2022,
    description:
      'Appel à candidatures lancé en juillet 2018 (dossiers au 19 octobre 2018) ; 56 ' +
      'dossiers déposés pour environ 65 pôles existants. Le 5 février 2019, le Premier ministre ' +
      "suit le comité de sélection État-Régions (après avis du Conseil de l'innovation) : 48 " +
      'pôles labellisés pour 4 ans et 8 pour 1 an, prolongeables à 4 ans. Critères : objectifs ' +
      "de la phase III, rôle de « moteur d'un écosystème d'innovation », masse critique, " +
      "modèle d'affaires et gouvernance solides, performance en R&D collaborative et surtout " +
      "ambition européenne. Le financement de l'État, garanti en 2019, devient variable puis " +
      "fondé sur les résultats en 2021 ; depuis le 1er octobre 2019, l'État et les Régions " +
      'pilotent conjointement la politique et le financement des structures passe aux Régions.',
    criteria: [
      ...indicatorCriteria('3'),
      score(
        'PHASE3_RESULTS',
        'Résultats de la phase III',
        'Atteinte des objectifs du contrat de performance de la phase III.',
      ),
      score(
        'ECOSYSTEM_ANIMATION',
        "Qualité de l'animation de l'écosystème",
        "Rôle de « moteur d'un écosystème d'innovation » : animation, services aux membres.",
      ),
      score(
        'STRATEGY',
        'Stratégie et feuille de route',
        'Pertinence de la stratégie et de la feuille de route pour 2019-2022.',
      ),
      score(
        'GOVERNANCE_BUSINESS_MODEL',
        "Gouvernance et modèle d'affaires",
        "Solidité du modèle d'affaires et de la gouvernance.",
      ),
      score(
        'EUROPEAN_AMBITION',
        'Ambition européenne et internationale',
        'Ambition européenne du pôle, critère mis en avant « surtout » lors de la sélection.',
        '70',
      ),
    ],
  },
  {
    number: 5,
    publishedLabelledCount: 55,
    name: 'Phase V',
    startYear: 2023,
    endYear: 2026,
    description:
      'Appel ouvert du 2 août au 7 octobre 2022 sur un cahier des charges coécrit par ' +
      "l'État et les Régions. Le 27 mars 2023, à l'AG de l'AFPC, Roland Lescure annonce la " +
      'labellisation de 55 pôles (47 pour 4 ans, 4 pour 2 ans, 2 pour 1 an et 2 nouveaux pour 2 ' +
      'ans) ; deux pôles eau sont ajoutés le 8 janvier 2024, soit 57. Trois objectifs : des ' +
      "écosystèmes plus forts et mieux interconnectés, l'action européenne et le rayonnement " +
      "international, l'accompagnement des PME et startups dans des projets d'innovation et " +
      "d'industrialisation cohérents avec France 2030 (« réindustrialisation verte »). L'État " +
      'apporte 9 M€ par an pendant 4 ans, opérés par les Régions.',
    criteria: [
      ...indicatorCriteria('5'),
      score(
        'ECOSYSTEM_ANIMATION',
        "Qualité de l'animation de l'écosystème",
        'Écosystème plus fort et mieux interconnecté, rapprochements entre acteurs.',
      ),
      score(
        'STRATEGY',
        'Stratégie et feuille de route',
        'Feuille de route cohérente avec les priorités nationales (France 2030) et régionales.',
      ),
      score(
        'GOVERNANCE_BUSINESS_MODEL',
        "Gouvernance et modèle d'affaires",
        "« Feuille de route et modèle d'affaires consolidés », structuration effective de la " +
          'gouvernance.',
      ),
      score(
        'EUROPEAN_AMBITION',
        'Action européenne et internationale',
        'Mobilisation des financements européens et rayonnement international.',
        '70',
      ),
    ],
  },
];
