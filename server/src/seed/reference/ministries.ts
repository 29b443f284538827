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
// NOT CONFIRMED: no source names "the 11 ministries". ECO, ESR, AGRI, ARMEES, SANTE, TRANSPORTS,
// TE and TERRITOIRES are named by the sources above; LOGEMENT (équipement) appears only among
// the FUI contributors; OUTRE_MER and NUMERIQUE are guesses made to reach 11. Ministry names are
// generic, stable forms (actual titles change with each government).

import type { MinistrySeed } from './reference-types';

export const MINISTRIES: MinistrySeed[] = [
  {
    code: 'ECO',
    name:
      "Ministère de l'Économie, des Finances et de l'Industrie (Direction générale des " +
      'entreprises)',
    shortName: 'Économie / Industrie (DGE)',
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
    name: 'Ministère de la Transition écologique',
    shortName: 'Transition écologique',
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
    code: 'LOGEMENT',
    name: "Ministère chargé de l'Équipement et du Logement",
    shortName: 'Équipement / Logement',
    leadsPolicy: false,
  },
  {
    code: 'OUTRE_MER',
    name: 'Ministère des Outre-mer',
    shortName: 'Outre-mer',
    leadsPolicy: false,
  },
  {
    code: 'NUMERIQUE',
    name: 'Ministère chargé du Numérique',
    shortName: 'Numérique',
    leadsPolicy: false,
  },
];
