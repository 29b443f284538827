// The 11 ministries taking part in the selection and steering of the pôles de compétitivité.
// Sources (long URLs wrap onto indented lines that do not start with "http"):
//   - phase III steering (DGE + ministries of research, agriculture, defence, health, transport;
//     CGET for territories):
//     http://competitivite.gouv.fr/la-nouvelle-phase-de-la-politique-des-poles-de-competitivite/
//       animation-de-la-politique-983.html
//   - FUI contributors (industry, research, sustainable development, regional planning,
//     transport, defence, equipment, agriculture, health…):
//     https://fr.wikipedia.org/wiki/Fonds_unique_interminist%C3%A9riel
//   - Agriculture follows 10 phase IV poles:
//     https://agriculture.gouv.fr/resultats-de-lappel-candidatures-pour-la-phase-iv-de-la-
//       politique-des-poles-de-competitivite-2019
//   - Systematic's support "DGE et Ministère des Armées, DGA et AID":
//     https://systematic-paris-region.org/systematic-paris-region-a-nouveau-labellise-par-
//       letat-dans-le-cadre-de-la-phase-v-des-poles-de-competitivite
//   - PUBLISHED FIGURE (issue 14's table, from the network's and the State's publications):
//     11 ministries take part in the selection and tracking, among them Economy and Finance
//     (policy leader, including Industry and Digital), Higher Education and Research, the
//     General Secretariat for Investment (SGPI, Prime Minister), the General Secretariat for
//     National Defence and Security (SGDSN, Prime Minister), Armed Forces, Health, Ecological
//     Transition / Energy and Agriculture. Digital belongs to Economy: no separate ministry.
// NOT CONFIRMED: the three unnamed ones. TRANSPORTS and TERRITOIRES (ANCT, ex CGET, secretariat of
// phases III and IV) are named by the phase III steering sources above; OUTRE_MER is a guess
// (two overseas regions take part). Ministry names are generic, stable forms (actual titles
// change with each government).

import type { MinistrySeed } from './reference-types';

export const MINISTRIES: MinistrySeed[] = [
  {
    code: 'ECO',
    name:
      "Ministère de l'Économie, des Finances et de la Souveraineté industrielle et numérique " +
      '(Direction générale des entreprises)',
    shortName: 'Économie, Industrie et Numérique (DGE)',
    leadsPolicy: true,
  },
  {
    code: 'ESR',
    name: "Ministère de l'Enseignement supérieur et de la Recherche",
    shortName: 'Recherche',
    leadsPolicy: false,
  },
  {
    code: 'AGRI',
    name: "Ministère de l'Agriculture et de la Souveraineté alimentaire",
    shortName: 'Agriculture',
    leadsPolicy: false,
  },
  {
    code: 'SGPI',
    name: "Secrétariat général pour l'investissement (Première ministre)",
    shortName: 'SGPI (France 2030)',
    leadsPolicy: false,
  },
  {
    code: 'SGDSN',
    name: 'Secrétariat général de la défense et de la sécurité nationale (Première ministre)',
    shortName: 'SGDSN',
    leadsPolicy: false,
  },
  {
    code: 'ARMEES',
    name: "Ministère des Armées (Direction générale de l'armement)",
    shortName: 'Armées (DGA)',
    leadsPolicy: false,
  },
  {
    code: 'SANTE',
    name: 'Ministère de la Santé',
    shortName: 'Santé',
    leadsPolicy: false,
  },
  {
    code: 'TRANSPORTS',
    name: 'Ministère chargé des Transports',
    shortName: 'Transports',
    leadsPolicy: false,
  },
  {
    code: 'TE',
    name: 'Ministère de la Transition écologique et de la Transition énergétique',
    shortName: 'Transition écologique / Énergie',
    leadsPolicy: false,
  },
  {
    code: 'TERRITOIRES',
    name:
      'Ministère de la Cohésion des territoires (Agence nationale de la cohésion des ' +
      'territoires)',
    shortName: 'Cohésion des territoires (ANCT)',
    leadsPolicy: false,
  },
  {
    code: 'OUTRE_MER',
    name: 'Ministère des Outre-mer',
    shortName: 'Outre-mer',
    leadsPolicy: false,
  },
];
