// Funding programmes that finance the poles' collaborative projects.
// Sources (long URLs wrap onto indented lines that do not start with "http"):
//   - FUI: http://www.innoviscop.com/oseo/FUI ; https://letowski.fr/2013/?p=6182 ;
//     https://fr.wikipedia.org/wiki/Fonds_unique_interminist%C3%A9riel
//   - PSPC-Régions:
//     https://www.vipress.net/poles-de-competitivite-lancement-de-lappel-a-projets-pspc-regions/
//     https://www.banquedesterritoires.fr/poles-de-competitivite-lancement-dune-nouvelle-
//       generation-dappel-projets
//   - France 2030 / i-Démo régionalisé:
//     https://entreprises.gouv.fr/fr/innovation/poles-de-competitivite/financement-des-projets
//   - ANR, ADEME (Mov'eo): http://pole-moveo.org/moveo-projets/labelliser-votre-projet/
//   - Horizon Europe, Eurocluster, Erasmus+ (Végépolys, Hippolia), FEDER (Qualitropic), Interreg
//     (DERBI), Normandie contrat de filière (Hippolia), France 2030 "Réacteurs nucléaires
//     innovants" (Nuclear Valley): press sources quoted in the project's research notes.
// NOT CONFIRMED by a stored source: i-Nov (requested by the brief, found in no source), the FP7,
// Horizon 2020, LIFE, Eureka/Eurostars, PRI and regional-call entries (general knowledge), every
// start/end year not quoted above, the REGIONAL level given to PSPC-Régions / i-Démo régionalisé
// (State/Region 50/50, selected with the Regions) and all weights. Weights are tuned so that about
// 10 % of synthetic projects over 2005-2026 fall under a EUROPEAN programme.

// PUBLISHED FIGURE (issue 14's table): the poles accompanied 800+ France 2030 projects. The two
// France 2030 weights (55 and 18) are set so that the synthetic projects reach about 850 of them
// beside the European projects planned to the published trend (synthetic-projects.ts).

import type { FundingProgrammeSeed } from './reference-types';

export const FUNDING_PROGRAMMES: FundingProgrammeSeed[] = [
  {
    code: 'FUI',
    name: 'Fonds unique interministériel (FUI)',
    level: 'NATIONAL',
    startYear: 2005,
    endYear: 2018,
    description:
      'Projets de R&D collaboratifs labellisés par un ou plusieurs pôles, portés par ' +
      'une entreprise, avec au moins 2 entreprises et 1 laboratoire ; 2 appels par an ; ' +
      'cofinancement État (FUI) et collectivités via un comité des financeurs. Géré par la DGCIS ' +
      'puis par OSEO/Bpifrance à partir du 9e appel ; environ 1 200 projets financés de 2005 à ' +
      '2012, 25 appels ; supprimé par la loi de finances 2019.',
    weight: 30,
  },
  {
    code: 'PSPC_REGIONS',
    name: 'PSPC-Régions (Projets structurants pour la compétitivité, volet régionalisé du PIA)',
    level: 'REGIONAL',
    startYear: 2019,
    endYear: 2022,
    description:
      'Appel à projets de la phase IV opéré par Bpifrance (appel n°1 du 17 juin au 11 ' +
      'septembre 2019) : budget de 1 à 4 M€, au moins 2 partenaires industriels ou de services ' +
      'dont 1 PME ou ETI, plus 1 partenaire de recherche ; parité État/Région ; subventions ' +
      "et/ou avances remboursables. Le label pôle relève le taux d'aide : PME 35 → 50 %, ETI 25 " +
      '→ 35 %, grande entreprise 20 → 25 %.',
    weight: 25,
  },
  {
    code: 'FRANCE_2030_IDEMO_REG',
    name: 'France 2030 – Projets collaboratifs i-Démo régionalisé',
    level: 'REGIONAL',
    startYear: 2022,
    endYear: null,
    description:
      'Dispositif de la phase V : au moins 2 partenaires industriels ou de services ' +
      'dont 1 PME/ETI ; projets de 1 à 4 M€ (seuil abaissé à 0,5 M€ dans certaines régions) ; ' +
      "financement 50/50 État/Région ; appel ouvert en continu jusqu'au 31 décembre 2025 avec 2 " +
      'relèves par an.',
    weight: 55,
  },
  {
    code: 'FRANCE_2030_AAP',
    name: 'France 2030 – appels à projets nationaux',
    level: 'NATIONAL',
    startYear: 2021,
    endYear: null,
    description:
      'Autres appels à projets du plan France 2030 (54 Md€ sur 5 ans), dont les pôles ' +
      "sont « relais du déploiement », par exemple l'AAP « Réacteurs nucléaires innovants » " +
      'relayé par Nuclear Valley.',
    weight: 18,
  },
  {
    code: 'ANR',
    name: 'Agence nationale de la recherche (ANR)',
    level: 'NATIONAL',
    startYear: 2005,
    endYear: null,
    description:
      'Financement de projets de recherche, notamment partenariaux public-privé, cité ' +
      "parmi les financeurs des projets labellisés (Mov'eo).",
    weight: 10,
  },
  {
    code: 'ADEME',
    name: 'ADEME – Agence de la transition écologique',
    level: 'NATIONAL',
    startYear: 1991,
    endYear: null,
    description:
      "Aides aux projets d'innovation en environnement et énergie, citées parmi les " +
      "financeurs des projets labellisés (Mov'eo).",
    weight: 6,
  },
  {
    code: 'BPIFRANCE_INNOVATION',
    name: "Aides à l'innovation Bpifrance (ex-OSEO)",
    level: 'NATIONAL',
    startYear: 2005,
    endYear: null,
    description:
      "Subventions et avances remboursables de Bpifrance (OSEO jusqu'en 2012) pour les " +
      "projets d'innovation des PME et ETI, souvent accompagnés par un pôle.",
    weight: 10,
  },
  {
    code: 'I_NOV',
    name: "Concours d'innovation i-Nov",
    level: 'NATIONAL',
    startYear: 2017,
    endYear: null,
    description:
      "Concours d'innovation opéré par Bpifrance et l'ADEME pour des projets portés " +
      'par des startups et PME (non confirmé par une source stockée).',
    weight: 4,
  },
  {
    code: 'FP7',
    name: '7e programme-cadre de recherche et développement (FP7)',
    level: 'EUROPEAN',
    startYear: 2007,
    endYear: 2013,
    description: 'Programme-cadre européen de recherche précédant Horizon 2020.',
    weight: 5,
  },
  {
    code: 'HORIZON_2020',
    name: 'Horizon 2020',
    level: 'EUROPEAN',
    startYear: 2014,
    endYear: 2020,
    description:
      "Programme-cadre européen pour la recherche et l'innovation 2014-2020 ; les " +
      'pôles ont obtenu environ 1 000 projets européens pendant la phase IV (tous programmes ' +
      'confondus).',
    weight: 5,
  },
  {
    code: 'HORIZON_EUROPE',
    name: 'Horizon Europe',
    level: 'EUROPEAN',
    startYear: 2021,
    endYear: null,
    description:
      "Programme-cadre européen pour la recherche et l'innovation 2021-2027, mobilisé " +
      "par les pôles (Végépolys Valley, Hippolia) au titre de l'objectif européen de la phase " +
      'V.',
    weight: 6,
  },
  {
    code: 'INTERREG',
    name: 'Interreg (coopération territoriale européenne)',
    level: 'EUROPEAN',
    startYear: 1990,
    endYear: null,
    description:
      'Projets de coopération transfrontalière et transnationale, par exemple les ' +
      "projets de type POCTEFA de DERBI avec l'Espagne, le Portugal et l'Andorre.",
    weight: 2,
  },
  {
    code: 'FEDER',
    name: 'Fonds européen de développement régional (FEDER)',
    level: 'REGIONAL',
    startYear: 1975,
    endYear: null,
    description:
      'Fonds structurel européen géré par les Régions (autorités de gestion), mobilisé ' +
      'par exemple par Qualitropic.',
    weight: 6,
  },
  {
    code: 'LIFE',
    name: 'Programme LIFE (environnement et action pour le climat)',
    level: 'EUROPEAN',
    startYear: 1992,
    endYear: null,
    description: 'Instrument européen de financement des projets environnementaux et climatiques.',
    weight: 0.5,
  },
  {
    code: 'EUREKA_EUROSTARS',
    name: 'Eureka / Eurostars',
    level: 'EUROPEAN',
    startYear: 1985,
    endYear: null,
    description:
      'Réseau intergouvernemental Eureka et programme Eurostars pour les projets de R&D ' +
      'collaboratifs internationaux menés par des PME innovantes.',
    weight: 1,
  },
  {
    code: 'ERASMUS_PLUS',
    name: 'Erasmus+',
    level: 'EUROPEAN',
    startYear: 2014,
    endYear: null,
    description:
      "Programme européen d'éducation, de formation et de sport, mobilisé par exemple " +
      'par Hippolia (Erasmus+ Sport).',
    weight: 0.5,
  },
  {
    code: 'EUROCLUSTERS',
    name: 'Euroclusters (programme pour le marché unique)',
    level: 'EUROPEAN',
    startYear: 2022,
    endYear: null,
    description:
      'Projets Eurocluster associant des clusters de plusieurs pays européens pour ' +
      'soutenir les PME, cités par Végépolys Valley et Hippolia.',
    weight: 0.5,
  },
  {
    code: 'REGION_AAP',
    name: 'Appels à projets R&D et innovation des Régions',
    level: 'REGIONAL',
    startYear: 2005,
    endYear: null,
    description:
      'Aides régionales propres aux projets collaboratifs labellisés par les pôles, en ' +
      "complément des financements de l'État.",
    weight: 6,
  },
  {
    code: 'REGION_CONTRAT_FILIERE',
    name: 'Contrats de filière régionaux',
    level: 'REGIONAL',
    startYear: 2020,
    endYear: null,
    description:
      'Programmes régionaux de filière, par exemple le contrat de filière de la Région ' +
      'Normandie (874 607 € à Hippolia pour 2020-2022).',
    weight: 2,
  },
  {
    code: 'REGION_PRI',
    name: "Partenariats régionaux d'innovation (Région et Bpifrance)",
    level: 'REGIONAL',
    startYear: 2015,
    endYear: null,
    description:
      "Fonds d'innovation cofinancés par une Région et Bpifrance pour les projets " +
      "d'innovation des PME du territoire (non confirmé par une source stockée).",
    weight: 3,
  },
];
