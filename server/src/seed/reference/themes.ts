// Thematic fields of the pôles de compétitivité (every pole's field maps to 1-3 of these codes).
// Sources: the pole fields listed in the project's phase V pole list (poles_phase5.csv, built from
//   https://vipress.net/55-poles-de-competitivite-labellises-pour-la-phase-v-2023-2026/ and the
//   regional sources named in poles.ts).
// PUBLISHED FIGURE: the network counts 30 thematic specialisations (issue 14's table, from the
// network's and the State's publications); the list below has exactly 30 codes.
// NOT CONFIRMED: the grouping into these 30 codes is the project's own taxonomy, not the official
// list (which no stored source gives): medical technologies are counted with health, hydrogen
// and renewables with energy, images and media with digital, and retail (PICOM) with digital.

import type { ThemeSeed } from './reference-types';

export const THEMES: ThemeSeed[] = [
  { code: 'AERONAUTICS_SPACE', name: 'Aéronautique et spatial', nameEn: 'Aeronautics and space' },
  {
    code: 'HEALTH_BIOTECH',
    name: 'Santé, biotechnologies et technologies médicales',
    nameEn: 'Health, biotechnology and medical technologies',
  },
  { code: 'MATERIALS', name: 'Matériaux', nameEn: 'Materials' },
  { code: 'CHEMISTRY', name: 'Chimie', nameEn: 'Chemistry' },
  { code: 'AGRIFOOD', name: 'Agroalimentaire et nutrition', nameEn: 'Agri-food and nutrition' },
  { code: 'AGRICULTURE', name: 'Agriculture et végétal', nameEn: 'Agriculture and plants' },
  { code: 'BIOECONOMY', name: 'Bioéconomie et chimie du végétal', nameEn: 'Bioeconomy' },
  { code: 'MARITIME', name: 'Mer et économie maritime', nameEn: 'Sea and maritime economy' },
  {
    code: 'DIGITAL',
    name: 'Numérique, images et réseaux',
    nameEn: 'Digital technologies, images and networks',
  },
  { code: 'CYBERSECURITY', name: 'Cybersécurité', nameEn: 'Cybersecurity' },
  {
    code: 'MICROELECTRONICS',
    name: 'Microélectronique et systèmes embarqués',
    nameEn: 'Microelectronics and embedded systems',
  },
  { code: 'PHOTONICS', name: 'Optique et photonique', nameEn: 'Optics and photonics' },
  {
    code: 'ENERGY',
    name: 'Énergie, hydrogène et renouvelables',
    nameEn: 'Energy transition, hydrogen and renewables',
  },
  { code: 'NUCLEAR', name: 'Nucléaire', nameEn: 'Nuclear' },
  { code: 'GEOSCIENCES', name: 'Géosciences et sous-sol', nameEn: 'Geosciences and subsurface' },
  {
    code: 'MOBILITY_AUTOMOTIVE',
    name: 'Automobile et mobilités',
    nameEn: 'Automotive and mobility',
  },
  { code: 'RAIL_TRANSPORT', name: 'Ferroviaire et transports', nameEn: 'Rail and transport' },
  { code: 'LOGISTICS', name: 'Logistique et transport de marchandises', nameEn: 'Logistics' },
  {
    code: 'CONSTRUCTION_INFRASTRUCTURE',
    name: 'Bâtiment et infrastructures',
    nameEn: 'Construction and infrastructure',
  },
  { code: 'WOOD_FOREST', name: 'Forêt, bois et papier', nameEn: 'Forest, wood and paper' },
  { code: 'TEXTILES', name: 'Textile', nameEn: 'Textiles' },
  { code: 'COSMETICS', name: 'Parfumerie et cosmétique', nameEn: 'Perfume and cosmetics' },
  { code: 'WATER', name: 'Eau', nameEn: 'Water' },
  {
    code: 'ENVIRONMENT',
    name: 'Environnement et économie circulaire',
    nameEn: 'Environment and circular economy',
  },
  { code: 'FINANCE', name: 'Finance et fintech', nameEn: 'Finance and fintech' },
  { code: 'EQUINE', name: 'Filière équine', nameEn: 'Equine industry' },
  { code: 'CERAMICS', name: 'Céramique', nameEn: 'Ceramics' },
  {
    code: 'PLASTICS_POLYMERS',
    name: 'Plasturgie, caoutchouc et composites',
    nameEn: 'Plastics, rubber and composites',
  },
  {
    code: 'MANUFACTURING',
    name: 'Mécanique et technologies de production',
    nameEn: 'Mechanical engineering and manufacturing',
  },
  {
    code: 'RISK_SECURITY',
    name: 'Sécurité, défense et gestion des risques',
    nameEn: 'Security, defence and risk management',
  },
];
