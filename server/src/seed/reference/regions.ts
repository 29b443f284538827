// The 18 French regions (13 metropolitan + 5 overseas) with their INSEE region codes.
// Sources (long URLs wrap onto indented lines that do not start with "http"):
//   - official INSEE region codes (Code officiel géographique), as listed in the project brief;
//   - Qualitropic, "seul pôle de compétitivité ultramarin" (La Réunion):
//     https://outremers360.com/bassin-indien-appli/la-reunion-elisabeth-borne-renouvelle-la-
//       labellisation-pole-de-competitivite-pour-lassociation-qualitropic
//   - phase IV map, "13 régions et deux territoires ultramarins":
//     https://blog.landot-avocats.net/2019/03/06/
//       voici-la-carte-des-56-poles-de-competitivite-labellises/
//   - PUBLISHED FIGURE (issue 14's table): 15 regions take part in the selection and tracking of
//     the poles, which fits the phase IV map's "13 régions et deux territoires ultramarins".
// NOT CONFIRMED: which two overseas regions. La Réunion hosts Qualitropic; Guadeloupe is taken
// because Capenergies covers it (general knowledge, not a stored source).

import type { RegionSeed } from './reference-types';

export const REGIONS: RegionSeed[] = [
  { code: '11', name: 'Île-de-France', overseas: false, inSelectionAndTracking: true },
  { code: '24', name: 'Centre-Val de Loire', overseas: false, inSelectionAndTracking: true },
  { code: '27', name: 'Bourgogne-Franche-Comté', overseas: false, inSelectionAndTracking: true },
  { code: '28', name: 'Normandie', overseas: false, inSelectionAndTracking: true },
  { code: '32', name: 'Hauts-de-France', overseas: false, inSelectionAndTracking: true },
  { code: '44', name: 'Grand Est', overseas: false, inSelectionAndTracking: true },
  { code: '52', name: 'Pays de la Loire', overseas: false, inSelectionAndTracking: true },
  { code: '53', name: 'Bretagne', overseas: false, inSelectionAndTracking: true },
  { code: '75', name: 'Nouvelle-Aquitaine', overseas: false, inSelectionAndTracking: true },
  { code: '76', name: 'Occitanie', overseas: false, inSelectionAndTracking: true },
  { code: '84', name: 'Auvergne-Rhône-Alpes', overseas: false, inSelectionAndTracking: true },
  { code: '93', name: "Provence-Alpes-Côte d'Azur", overseas: false, inSelectionAndTracking: true },
  { code: '94', name: 'Corse', overseas: false, inSelectionAndTracking: true },
  { code: '01', name: 'Guadeloupe', overseas: true, inSelectionAndTracking: true },
  { code: '02', name: 'Martinique', overseas: true, inSelectionAndTracking: false },
  { code: '03', name: 'Guyane', overseas: true, inSelectionAndTracking: false },
  { code: '04', name: 'La Réunion', overseas: true, inSelectionAndTracking: true },
  { code: '06', name: 'Mayotte', overseas: true, inSelectionAndTracking: false },
];
