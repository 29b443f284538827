// Thematic fields of the pôles de compétitivité (every pole's field maps to 1-3 of these codes).
// Sources: the pole fields listed in the project's phase V pole list (poles_phase5.csv, built from
//   https://vipress.net/55-poles-de-competitivite-labellises-pour-la-phase-v-2023-2026/ and the
//   regional sources named in poles.ts).
// NOT CONFIRMED: the grouping into these codes is the project's own taxonomy, not an official
// one. RETAIL_COMMERCE exists only for PICOM ("industries du commerce"), whose field no stored
// source describes.

import type { ThemeSeed } from './reference-types';

export const THEMES: ThemeSeed[] = [
  { code: 'AERONAUTICS_SPACE', name: 'Aéronautique et spatial', nameEn: 'Aeronautics and space' },
  {
    code: 'HEALTH_BIOTECH',
    name: 'Santé et biotechnologies',
    nameEn: 'Health and biotechnology',
  },
  { code: 'MEDTECH', name: 'Technologies médicales', nameEn: 'Medical technologies' },
  { code: 'MATERIALS', name: 'Matériaux', nameEn: 'Materials' },
  { code: 'CHEMISTRY', name: 'Chimie', nameEn: 'Chemistry' },
  { code: 'AGRIFOOD', name: 'Agroalimentaire et nutrition', nameEn: 'Agri-food and nutrition' },
  { code: 'AGRICULTURE', name: 'Agriculture et végétal', nameEn: 'Agriculture and plants' },
  { code: 'BIOECONOMY', name: 'Bioéconomie et chimie du végétal', nameEn: 'Bioeconomy' },
  { code: 'MARITIME', name: 'Mer et économie maritime', nameEn: 'Sea and maritime economy' },
  { code: 'DIGITAL', name: 'Numérique', nameEn: 'Digital technologies' },
  { code: 'CYBERSECURITY', name: 'Cybersécurité', nameEn: 'Cybersecurity' },
  {
    code: 'MICROELECTRONICS',
    name: 'Microélectronique et systèmes embarqués',
    nameEn: 'Microelectronics and embedded systems',
  },
  { code: 'PHOTONICS', name: 'Optique et photonique', nameEn: 'Optics and photonics' },
  { code: 'IMAGES_MEDIA', name: 'Images, médias et réseaux', nameEn: 'Images, media and networks' },
  { code: 'ENERGY', name: 'Énergie et transition énergétique', nameEn: 'Energy transition' },
  { code: 'NUCLEAR', name: 'Nucléaire', nameEn: 'Nuclear' },
  {
    code: 'HYDROGEN_RENEWABLES',
    name: 'Hydrogène et énergies renouvelables',
    nameEn: 'Hydrogen and renewable energy',
  },
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
  { code: 'RETAIL_COMMERCE', name: 'Commerce et distribution', nameEn: 'Retail and commerce' },
];
