// The 18 French regions (13 metropolitan + 5 overseas) with their INSEE region codes.
// Sources (long URLs wrap onto indented lines that do not start with "http"):
//   - official INSEE region codes (Code officiel géographique), as listed in the project brief;
//   - Qualitropic, "seul pôle de compétitivité ultramarin" (La Réunion):
//     https://outremers360.com/bassin-indien-appli/la-reunion-elisabeth-borne-renouvelle-la-
//       labellisation-pole-de-competitivite-pour-lassociation-qualitropic
//   - phase IV map, "13 régions et deux territoires ultramarins":
//     https://blog.landot-avocats.net/2019/03/06/
//       voici-la-carte-des-56-poles-de-competitivite-labellises/
// Not confirmed by a stored source: nothing beyond the official INSEE codes and names.

import type { RegionSeed } from './reference-types';

export const REGIONS: RegionSeed[] = [
  { code: '11', name: 'Île-de-France', overseas: false },
  { code: '24', name: 'Centre-Val de Loire', overseas: false },
  { code: '27', name: 'Bourgogne-Franche-Comté', overseas: false },
  { code: '28', name: 'Normandie', overseas: false },
  { code: '32', name: 'Hauts-de-France', overseas: false },
  { code: '44', name: 'Grand Est', overseas: false },
  { code: '52', name: 'Pays de la Loire', overseas: false },
  { code: '53', name: 'Bretagne', overseas: false },
  { code: '75', name: 'Nouvelle-Aquitaine', overseas: false },
  { code: '76', name: 'Occitanie', overseas: false },
  { code: '84', name: 'Auvergne-Rhône-Alpes', overseas: false },
  { code: '93', name: "Provence-Alpes-Côte d'Azur", overseas: false },
  { code: '94', name: 'Corse', overseas: false },
  { code: '01', name: 'Guadeloupe', overseas: true },
  { code: '02', name: 'Martinique', overseas: true },
  { code: '03', name: 'Guyane', overseas: true },
  { code: '04', name: 'La Réunion', overseas: true },
  { code: '06', name: 'Mayotte', overseas: true },
];
