// The pôles de compétitivité: the 56 poles labelled for phase V (2023-2026, including the two
// water poles labelled on 8 Jan 2024), plus France Water Team (not labelled in 2023, then
// dissolved) and three poles merged during phase IV (Elastopôle, Plastipolis, PICOM).
// Sources (long URLs wrap onto indented lines that do not start with "http"):
//   - phase V list and decisions:
//     https://vipress.net/55-poles-de-competitivite-labellises-pour-la-phase-v-2023-2026/
//     https://www.banquedesterritoires.fr/phase-v-des-poles-de-competitivite-la-saison-de-verite
//     https://www.lejournaldesentreprises.com/france/article/quels-sont-les-55-poles-de-
//       competitivite-labellises-par-les-pouvoirs-publics-jusquen-2026-2057938
//     https://www.lejournaldesentreprises.com/breve/
//       les-sept-poles-de-competitivite-regionaux-voient-leur-labellisation-reconduite-2058073
//     https://objectif-languedoc-roussillon.latribune.fr/innovation/2023-03-28/poles-de-
//       competitivite-en-occitanie-france-water-team-recale-derbi-labellise-sous-conditions-
//       956967.html
//     https://www.auvergnerhonealpes.fr/actualites/
//       lensemble-des-poles-de-competitivite-de-la-region-labellises-par-letat
//     https://www.macommune.info/
//       bourgogne-franche-comte-cinq-poles-de-competitivite-labellises-par-letat
//     https://massiliamundi.com/
//       sept-poles-de-competitivite-de-region-paca-labellises-pour-la-phase-5
//     https://systematic-paris-region.org/systematic-paris-region-a-nouveau-labellise-par-
//       letat-dans-le-cadre-de-la-phase-v-des-poles-de-competitivite
//     https://www.bretagne-economique.com/actualites/
//       grand-ouest-la-transition-agricole-est-violente-et-rapide-estime-eric-philippe-president/
//     https://outremers360.com/bassin-indien-appli/la-reunion-elisabeth-borne-renouvelle-la-
//       labellisation-pole-de-competitivite-pour-lassociation-qualitropic
//     https://hydrogentoday.info/hydrogene-recherche/ (S2E2)
//   - after March 2023:
//     https://revue-ein.com/actualite/les-poles-de-competitivite-eau-se-reorganisent
//     https://environnement-magazine.fr/eau/article/2024/02/07/147658/aquanova-pole-eau-loire-rhin
//     https://objectif-languedoc-roussillon.latribune.fr/economie/recherche/2024-01-30/
//       france-water-team-dissous-aqua-valley-renait-de-ses-cendres-989209.html
//     http://www.plein-soleil.info/actualites/
//       attribution-du-label-pole-de-competitivite-pour-le-pole-derbi/
//     https://tecsol-quotidien.fr/le-pole-de-competitivite-derbi-et-le-cluster-cemater-
//       officialisent-leur-fusion
//     https://www.intertas.info/actualites-par-theme/b52115a/pole-competitivite (Infr@2050)
//     https://objectifaquitaine.latribune.fr/business/2023-04-13/numerique-responsable-les-
//       defis-d-enter-le-nouveau-pole-de-competitivite-neo-aquitain-958043.html
//     https://www.7jours.fr/actualites/id4mobility-reinvente-la-roue/
//     https://lembarque.com/dispatch-article/
//       automobile-et-mobilites-le-pole-de-competitivite-moveo-se-transforme-en-nextmove
//   - phase IV and mergers:
//     https://www.usinenouvelle.com/editorial/
//       la-liste-des-48-poles-de-competitivite-selectionnes-et-8-repeches.N802280
//     https://agriculture.gouv.fr/resultats-de-lappel-candidatures-pour-la-phase-iv-de-la-
//       politique-des-poles-de-competitivite-2019
//     http://www.fibres-energivie.eu/fr/actu/le-label-pole-de-competitivite-confirme-pour-le-pole
//     https://enviscope.com/caoutchoucs-plastiques-composites-elastopole-et-plastipolis-creent-
//       le-pole-de-competivite-polymeris
//   - ECEI Gold labels:
//     https://www.wissenschaft-frankreich.de/forschungspolitik/7063/
//     https://region-sud.latribune.fr/innovation/2016-09-12/
//       pourquoi-le-pole-scs-obtient-a-nouveau-le-label-gold.html
//     https://voituredufutur.blogspot.com/2015/10/vehicule-du-futur-un-pole-de.html
//     https://www.bretagne-economique.com/ (Valorial, same article as above)
// NOT CONFIRMED by a source:
//   - the phase IV four-year list (48 poles) is rebuilt from several partial sources;
//   - S2E2's four-year phase V label; Materalia's status after its one-year label;
//   - HQ cities of Aerospace Valley (Toulouse vs Bordeaux), Cap Digital, Finance Innovation,
//     Medicen, Capenergies, ID4Mobility, NextMove, Pôle Avenia, S2E2, SAFE, Pôle Mer Méditerranée,
//     Polymeris (Lyon vs Bellignat), EMC2 (Bouguenais chosen over Nantes); guessed cities:
//     Systematic (Palaiseau), ASTech (Paris), Qualitropic (Saint-Denis), Infr@2050 (Lyon, AURA as
//     HQ region), Aquanova (Orléans, Centre-Val de Loire as HQ region), PICOM (Lille),
//     Elastopôle (Orléans) and Plastipolis (Oyonnax), the last two from Polymeris' sites;
//   - most websites (only biovalley-france.com, pole-emc2.fr, nextmove.fr,
//     systematic-paris-region.org, qualitropic.fr, s2e2.fr, fibres-energivie.eu, pole-derbi.com
//     and pole-hippolia.org were seen in sources);
//   - foundedYear: 2005 is a default for poles of the first labelling wave (CIADT 2005-2007);
//     2007 (ASTech, Finance Innovation), 2010 (Team², Pôle Avenia, Fibres-Energivie via Alsace
//     Energivie, Aqua-Valley) and 2015 (SAFE) come from general knowledge;
//   - Eurobiomed's Occitanie coverage (inferred from its absorption of Cancer-Bio-Santé);
//   - ECEI award days and months, except SCS 2016 (article date) and the Feb 2014 awards;
//   - foundedYear null for CIMES, EuraMaterials and Elastopôle (dates not found);
//   - PICOM's field ("industries du commerce") and the themes mapping in general.
// One phase V decision per pole is recorded; DERBI's 2024-2026 extension (letter of
// 28 Dec 2023) is quoted in the rationale of its one-year decision.

import type { ClusterLabelSeed, PoleDecisionSeed, PoleSeed } from './reference-types';

const PHASE_4_DECIDED_ON = '2019-02-05';
const PHASE_5_DECIDED_ON = '2023-03-27';
const WATER_POLES_DECIDED_ON = '2024-01-08';

/** Phase IV, labelled for four years (the rebuilt list of 48). */
const phase4FourYears = (formerName?: string): PoleDecisionSeed => ({
  phase: 4,
  outcome: 'LABELLED',
  durationYears: 4,
  decidedOn: PHASE_4_DECIDED_ON,
  rationale:
    'Labellisé pour quatre ans' +
    (formerName === undefined ? '' : ` sous le nom ${formerName}`) +
    ' : le Premier ministre suit le comité de sélection État-Régions (liste des 48 reconstituée ' +
    'à partir de plusieurs sources).',
});

/** Phase IV, one of the 8 poles labelled for one year, extendable to four. */
const phase4OneYear = (note: string): PoleDecisionSeed => ({
  phase: 4,
  outcome: 'LABELLED_PROBATION',
  durationYears: 1,
  decidedOn: PHASE_4_DECIDED_ON,
  rationale: `Labellisé pour un an, prolongeable à quatre ans ; ${note}.`,
});

const ENCOURAGED_TO_MERGE = 'pôle « encouragé à fusionner »';
const REASSESSED = 'réévaluation par le comité de sélection avant confirmation';

const phase5FourYears = (
  rationale = 'Labellisé pour quatre ans (2023-2026) : la Première ministre a décidé de « suivre ' +
    'les recommandations du comité de sélection » État-Régions.',
): PoleDecisionSeed => ({
  phase: 5,
  outcome: 'LABELLED',
  durationYears: 4,
  decidedOn: PHASE_5_DECIDED_ON,
  rationale,
});

const phase5TwoYears = (): PoleDecisionSeed => ({
  phase: 5,
  outcome: 'LABELLED_PROBATION',
  durationYears: 2,
  decidedOn: PHASE_5_DECIDED_ON,
  rationale:
    'Labellisé pour deux ans, prolongeable à quatre : pôle « surveillé pendant deux ' + 'ans ».',
});

const phase5OneYear = (followUp: string): PoleDecisionSeed => ({
  phase: 5,
  outcome: 'LABELLED_PROBATION',
  durationYears: 1,
  decidedOn: PHASE_5_DECIDED_ON,
  rationale:
    "Labellisé pour un an, prolongeable à quatre ans s'il présente « une feuille de " +
    `route et un modèle d'affaires consolidés » ; ${followUp}.`,
});

const phase5NewPole = (): PoleDecisionSeed => ({
  phase: 5,
  outcome: 'LABELLED_PROBATION',
  durationYears: 2,
  decidedOn: PHASE_5_DECIDED_ON,
  rationale:
    'Nouveau pôle labellisé pour deux ans, prolongeable à quatre ans « sous la condition ' +
    "d'une structuration effective ».",
});

const waterPole = (rationale: string): PoleDecisionSeed => ({
  phase: 5,
  outcome: 'LABELLED',
  durationYears: 3,
  decidedOn: WATER_POLES_DECIDED_ON,
  rationale,
});

/** ECEI Gold label: 31 quality indicators, valid two years. */
const gold = (
  awardedOn: string,
  scorePercent: string | null,
  indicatorsPassed: number | null,
): ClusterLabelSeed => ({
  level: 'GOLD',
  awardedOn,
  validUntil: `${Number(awardedOn.slice(0, 4)) + 2}${awardedOn.slice(4)}`,
  scorePercent,
  indicatorsPassed,
  indicatorsTotal: 31,
});

export const POLES: PoleSeed[] = [
  {
    name: 'Aerospace Valley',
    acronym: null,
    slug: 'aerospace-valley',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '76',
    city: 'Toulouse',
    otherRegionCodes: ['75'],
    themeCodes: ['AERONAUTICS_SPACE', 'MICROELECTRONICS'],
    foundedYear: 2005,
    website: 'https://www.aerospace-valley.com',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [gold('2014-02-01', null, null)],
  },
  {
    name: 'Agri Sud-Ouest Innovation',
    acronym: 'Agri SOI',
    slug: 'agri-soi',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '76',
    city: 'Toulouse',
    otherRegionCodes: [],
    themeCodes: ['AGRICULTURE', 'AGRIFOOD'],
    foundedYear: 2005,
    website: 'https://www.agrisudouest.com',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [gold('2014-02-01', null, null)],
  },
  {
    name: 'Alpha - Route des Lasers & des Hyperfréquences',
    acronym: 'ALPHA-RLH',
    slug: 'alpha-rlh',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '75',
    city: 'Talence',
    otherRegionCodes: [],
    themeCodes: ['PHOTONICS', 'MICROELECTRONICS'],
    foundedYear: 2005,
    website: 'https://www.alpha-rlh.com',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Aquimer',
    acronym: null,
    slug: 'aquimer',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '32',
    city: 'Boulogne-sur-Mer',
    otherRegionCodes: [],
    themeCodes: ['MARITIME', 'AGRIFOOD'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4OneYear(REASSESSED), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Atlanpole Biotherapies',
    acronym: null,
    slug: 'atlanpole-biotherapies',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '52',
    city: 'Nantes',
    otherRegionCodes: [],
    themeCodes: ['HEALTH_BIOTECH'],
    foundedYear: 2005,
    website: 'https://www.atlanpolebiotherapies.com',
    decisions: [phase4OneYear(REASSESSED), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Axelera',
    acronym: null,
    slug: 'axelera',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '84',
    city: 'Lyon',
    otherRegionCodes: [],
    themeCodes: ['CHEMISTRY', 'ENVIRONMENT'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    // ex Industries & Agro-Ressources (IAR)
    name: 'Bioeconomy For Change',
    acronym: 'B4C',
    slug: 'b4c',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '32',
    city: 'Laon',
    otherRegionCodes: [],
    themeCodes: ['BIOECONOMY', 'AGRICULTURE', 'CHEMISTRY'],
    foundedYear: 2005,
    website: 'https://www.bioeconomyforchange.eu',
    decisions: [phase4FourYears('Industries & Agro-Ressources (IAR)'), phase5FourYears()],
    clusterLabels: [],
  },
  {
    // ex Alsace BioValley
    name: 'BioValley France',
    acronym: null,
    slug: 'biovalley-france',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '44',
    city: 'Illkirch-Graffenstaden',
    otherRegionCodes: [],
    themeCodes: ['HEALTH_BIOTECH', 'MEDTECH'],
    foundedYear: 2005,
    website: 'https://www.biovalley-france.com',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    // absorbed PICOM at the end of 2019, present in Lille
    name: 'Cap Digital',
    acronym: null,
    slug: 'cap-digital',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '11',
    city: 'Paris',
    otherRegionCodes: ['32'],
    themeCodes: ['DIGITAL', 'IMAGES_MEDIA'],
    foundedYear: 2005,
    website: 'https://www.capdigital.com',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Capenergies',
    acronym: null,
    slug: 'capenergies',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '93',
    city: 'Aix-en-Provence',
    otherRegionCodes: [],
    themeCodes: ['ENERGY', 'HYDROGEN_RENEWABLES'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    // ex LUTB
    name: 'CARA',
    acronym: 'CARA',
    slug: 'cara',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '84',
    city: 'Lyon',
    otherRegionCodes: [],
    themeCodes: ['MOBILITY_AUTOMOTIVE', 'LOGISTICS'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    // merger of ViaMéca and Mont-Blanc Industries (date not found)
    name: 'CIMES',
    acronym: 'CIMES',
    slug: 'cimes',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '84',
    city: 'Clermont-Ferrand',
    otherRegionCodes: [],
    themeCodes: ['MANUFACTURING'],
    foundedYear: null,
    website: 'https://www.cimes-hub.com',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    // Clubster Santé + NSL merged in 2019
    name: 'Clubster Nutrition Santé Longévité',
    acronym: 'NSL',
    slug: 'nsl',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '32',
    city: 'Lille',
    otherRegionCodes: [],
    themeCodes: ['AGRIFOOD', 'HEALTH_BIOTECH', 'MEDTECH'],
    foundedYear: 2005, // its oldest predecessor, labelled in 2005
    website: 'https://www.clubster-nsl.com',
    decisions: [phase4FourYears('NSL'), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Cosmetic Valley',
    acronym: null,
    slug: 'cosmetic-valley',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '24',
    city: 'Chartres',
    otherRegionCodes: [],
    themeCodes: ['COSMETICS'],
    foundedYear: 2005,
    website: 'https://www.cosmetic-valley.com',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Ensemble Métallique et Composite Complexe',
    acronym: 'EMC2',
    slug: 'emc2',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '52',
    city: 'Bouguenais',
    otherRegionCodes: [],
    themeCodes: ['MANUFACTURING', 'MATERIALS'],
    foundedYear: 2005,
    website: 'https://www.pole-emc2.fr',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    // absorbed Cancer-Bio-Santé (Toulouse)
    name: 'Eurobiomed',
    acronym: null,
    slug: 'eurobiomed',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '93',
    city: 'Marseille',
    otherRegionCodes: ['76'],
    themeCodes: ['HEALTH_BIOTECH', 'MEDTECH'],
    foundedYear: 2005,
    website: 'https://www.eurobiomed.org',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Finance Innovation',
    acronym: null,
    slug: 'finance-innovation',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '11',
    city: 'Paris',
    otherRegionCodes: [],
    themeCodes: ['FINANCE'],
    foundedYear: 2007,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Hippolia',
    acronym: null,
    slug: 'hippolia',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '28',
    city: 'Colombelles',
    otherRegionCodes: [],
    themeCodes: ['EQUINE'],
    foundedYear: 2005,
    website: 'https://pole-hippolia.org',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    // labelled as iD4CAR; sites in Rennes, Nantes, Poitiers and Le Mans
    name: 'ID4Mobility',
    acronym: null,
    slug: 'id4mobility',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '52',
    city: 'Nantes',
    otherRegionCodes: ['53', '75'],
    themeCodes: ['MOBILITY_AUTOMOTIVE'],
    foundedYear: 2005,
    website: null,
    decisions: [
      phase4FourYears('iD4CAR'),
      phase5FourYears(
        'Labellisé pour quatre ans (2023-2026) sous le nom iD4CAR : la Première ministre a décidé ' +
          'de « suivre les recommandations du comité de sélection ».',
      ),
    ],
    clusterLabels: [],
  },
  {
    name: 'Images & Réseaux',
    acronym: null,
    slug: 'images-reseaux',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '53',
    city: 'Lannion',
    otherRegionCodes: [],
    themeCodes: ['DIGITAL', 'IMAGES_MEDIA'],
    foundedYear: 2005,
    website: 'https://www.images-et-reseaux.com',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    // ex ABEN (Terralia + PASS), renamed in 2020; counted among the AURA poles
    name: "Innov'Alliance",
    acronym: null,
    slug: 'innov-alliance',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '93',
    city: 'Avignon',
    otherRegionCodes: ['84'],
    themeCodes: ['AGRIFOOD', 'COSMETICS'],
    foundedYear: 2005, // its oldest predecessors (Terralia, PASS), labelled in 2005
    website: null,
    decisions: [phase4FourYears('Alimentation Bien-Être Naturalité (ABEN)'), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'i-Trans',
    acronym: null,
    slug: 'i-trans',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '32',
    city: 'Valenciennes',
    otherRegionCodes: [],
    themeCodes: ['RAIL_TRANSPORT', 'MOBILITY_AUTOMOTIVE'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Lyonbiopôle Auvergne-Rhône-Alpes',
    acronym: null,
    slug: 'lyonbiopole-auvergne-rhone-alpes',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '84',
    city: 'Lyon',
    otherRegionCodes: [],
    themeCodes: ['HEALTH_BIOTECH'],
    foundedYear: 2005,
    website: 'https://www.lyonbiopole.com',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Medicen Paris Region',
    acronym: null,
    slug: 'medicen-paris-region',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '11',
    city: 'Paris',
    otherRegionCodes: [],
    themeCodes: ['HEALTH_BIOTECH', 'MEDTECH'],
    foundedYear: 2005,
    website: 'https://www.medicen.org',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Minalogic Auvergne-Rhône-Alpes',
    acronym: null,
    slug: 'minalogic-auvergne-rhone-alpes',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '84',
    city: 'Grenoble',
    otherRegionCodes: [],
    themeCodes: ['MICROELECTRONICS', 'PHOTONICS', 'DIGITAL'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [gold('2013-06-01', null, null)],
  },
  {
    // Mov'eo merged with ARIA Normandie and RAVI (Nov 2019), renamed NextMove on 7 Jan 2021
    name: 'NextMove',
    acronym: null,
    slug: 'nextmove',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '28',
    city: 'Saint-Étienne-du-Rouvray',
    otherRegionCodes: ['11'],
    themeCodes: ['MOBILITY_AUTOMOTIVE'],
    foundedYear: 2005, // as Mov'eo, labelled in 2005
    website: 'https://nextmove.fr',
    decisions: [phase4FourYears("Mov'eo"), phase5FourYears()],
    clusterLabels: [],
  },
  {
    // ex Pôle Nucléaire Bourgogne; counted both by BFC and by AURA
    name: 'Nuclear Valley',
    acronym: null,
    slug: 'nuclear-valley',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '27',
    city: 'Chalon-sur-Saône',
    otherRegionCodes: ['84'],
    themeCodes: ['NUCLEAR'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Optitec',
    acronym: null,
    slug: 'optitec',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '93',
    city: 'Marseille',
    otherRegionCodes: [],
    themeCodes: ['PHOTONICS'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    // ex Pôle des Microtechniques
    name: 'PMT Bourgogne-Franche-Comté',
    acronym: 'PMT',
    slug: 'pmt',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '27',
    city: 'Besançon',
    otherRegionCodes: [],
    themeCodes: ['MANUFACTURING', 'MEDTECH'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4OneYear(ENCOURAGED_TO_MERGE), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Pôle Avenia',
    acronym: null,
    slug: 'pole-avenia',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '75',
    city: 'Pau',
    otherRegionCodes: [],
    themeCodes: ['GEOSCIENCES', 'ENERGY'],
    foundedYear: 2010,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Pôle Européen de la Céramique',
    acronym: 'PEC',
    slug: 'pec',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '75',
    city: 'Limoges',
    otherRegionCodes: [],
    themeCodes: ['CERAMICS', 'MATERIALS'],
    foundedYear: 2005,
    website: 'https://www.cerameurop.com',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Pôle Mer Bretagne Atlantique',
    acronym: 'PMBA',
    slug: 'pmba',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '53',
    city: 'Brest',
    otherRegionCodes: [],
    themeCodes: ['MARITIME'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Pôle Mer Méditerranée',
    acronym: 'PMM',
    slug: 'pmm',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '93',
    city: 'La Seyne-sur-Mer',
    otherRegionCodes: [],
    themeCodes: ['MARITIME'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Pôle Véhicule du Futur',
    acronym: 'PVF',
    slug: 'pvf',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '27',
    city: 'Étupes',
    otherRegionCodes: ['44'],
    themeCodes: ['MOBILITY_AUTOMOTIVE', 'HYDROGEN_RENEWABLES'],
    foundedYear: 2005,
    website: 'https://www.vehiculedufutur.com',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [gold('2015-10-01', '93', 29)],
  },
  {
    // Plastipolis + Elastopôle, effective 31 Dec 2020; sites at Orléans and Oyonnax
    name: 'Polymeris',
    acronym: null,
    slug: 'polymeris',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '84',
    city: 'Lyon',
    otherRegionCodes: ['24', '27'],
    themeCodes: ['PLASTICS_POLYMERS', 'MATERIALS'],
    foundedYear: 2005, // its predecessors Plastipolis and Elastopôle, labelled in 2005
    website: null,
    decisions: [phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Qualitropic',
    acronym: null,
    slug: 'qualitropic',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '04',
    city: 'Saint-Denis',
    otherRegionCodes: [],
    themeCodes: ['BIOECONOMY', 'AGRICULTURE'],
    foundedYear: 2005,
    website: 'http://qualitropic.fr',
    decisions: [
      phase4FourYears(),
      phase5FourYears(
        'Labellisé pour 2023-2026, seul pôle de compétitivité ultramarin, suivant les ' +
          '« recommandations du comité de sélection ».',
      ),
    ],
    clusterLabels: [],
  },
  {
    name: 'Smart Electricity Cluster',
    acronym: 'S2E2',
    slug: 's2e2',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '24',
    city: 'Tours',
    otherRegionCodes: [],
    themeCodes: ['ENERGY', 'HYDROGEN_RENEWABLES', 'CONSTRUCTION_INFRASTRUCTURE'],
    foundedYear: 2005,
    website: 'http://www.s2e2.fr',
    decisions: [
      phase4FourYears(),
      phase5FourYears(
        'Cité parmi les pôles labellisés pour la phase V (2023-2026) ; la durée de quatre ans ' +
          "n'est pas confirmée par la source.",
      ),
    ],
    clusterLabels: [],
  },
  {
    name: 'SAFE Cluster',
    acronym: 'SAFE',
    slug: 'safe',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '93',
    city: 'Aix-en-Provence',
    otherRegionCodes: [],
    themeCodes: ['AERONAUTICS_SPACE', 'RISK_SECURITY'],
    foundedYear: 2015,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Solutions Communicantes Sécurisées',
    acronym: 'SCS',
    slug: 'scs',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '93',
    city: 'Sophia Antipolis',
    otherRegionCodes: [],
    themeCodes: ['MICROELECTRONICS', 'CYBERSECURITY', 'DIGITAL'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    // 2016: 31 indicators, one of them "jaune" (not passed)
    clusterLabels: [gold('2013-06-01', '96', 30), gold('2016-09-12', '98', 30)],
  },
  {
    name: 'Systematic Paris-Region',
    acronym: null,
    slug: 'systematic-paris-region',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '11',
    city: 'Palaiseau',
    otherRegionCodes: [],
    themeCodes: ['DIGITAL', 'CYBERSECURITY', 'PHOTONICS'],
    foundedYear: 2005,
    website: 'https://systematic-paris-region.org',
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [gold('2013-06-01', null, null)],
  },
  {
    name: 'Techtera Auvergne-Rhône-Alpes',
    acronym: null,
    slug: 'techtera-auvergne-rhone-alpes',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '84',
    city: 'Lyon',
    otherRegionCodes: [],
    themeCodes: ['TEXTILES'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Tenerrdis',
    acronym: null,
    slug: 'tenerrdis',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '84',
    city: 'Grenoble',
    otherRegionCodes: [],
    themeCodes: ['ENERGY', 'HYDROGEN_RENEWABLES'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Valorial',
    acronym: null,
    slug: 'valorial',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '53',
    city: 'Rennes',
    otherRegionCodes: ['52', '28'],
    themeCodes: ['AGRIFOOD'],
    foundedYear: 2005,
    website: null,
    decisions: [
      phase4FourYears(),
      phase5FourYears(
        'Label renouvelé « pour une nouvelle période de 4 ans » (2023-2026), suivant les ' +
          'recommandations du comité de sélection.',
      ),
    ],
    clusterLabels: [gold('2022-06-01', null, null)],
  },
  {
    // ex Pôle mondial du végétal (Végépolys + Céréales Vallée); counted among the AURA poles
    name: 'Végépolys Valley',
    acronym: null,
    slug: 'vegepolys-valley',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '52',
    city: 'Angers',
    otherRegionCodes: ['84'],
    themeCodes: ['AGRICULTURE'],
    foundedYear: 2005,
    website: 'https://www.vegepolys-valley.eu',
    decisions: [phase4FourYears('Pôle mondial du végétal'), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'Vitagora',
    acronym: null,
    slug: 'vitagora',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '27',
    city: 'Dijon',
    otherRegionCodes: [],
    themeCodes: ['AGRIFOOD'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    // counted among the AURA poles
    name: 'Xylofutur',
    acronym: null,
    slug: 'xylofutur',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '75',
    city: 'Gradignan',
    otherRegionCodes: ['84'],
    themeCodes: ['WOOD_FOREST'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears(), phase5FourYears()],
    clusterLabels: [],
  },
  {
    name: 'ASTech Paris Region',
    acronym: 'ASTech',
    slug: 'astech',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '11',
    city: 'Paris',
    otherRegionCodes: [],
    themeCodes: ['AERONAUTICS_SPACE'],
    foundedYear: 2007,
    website: null,
    decisions: [phase4FourYears(), phase5TwoYears()],
    clusterLabels: [],
  },
  {
    // merger of UP-tex and Matikem
    name: 'EuraMaterials',
    acronym: null,
    slug: 'euramaterials',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '32',
    city: 'Tourcoing',
    otherRegionCodes: [],
    themeCodes: ['MATERIALS', 'TEXTILES', 'CHEMISTRY'],
    foundedYear: null,
    website: null,
    decisions: [phase4FourYears(), phase5TwoYears()],
    clusterLabels: [],
  },
  {
    name: 'Fibres-Energivie',
    acronym: null,
    slug: 'fibres-energivie',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '44',
    city: 'Strasbourg',
    otherRegionCodes: [],
    themeCodes: ['CONSTRUCTION_INFRASTRUCTURE', 'MATERIALS'],
    foundedYear: 2010,
    website: 'http://www.fibres-energivie.eu',
    decisions: [
      phase4OneYear("label confirmé en juillet 2021 jusqu'à la fin de la phase IV"),
      phase5TwoYears(),
    ],
    clusterLabels: [],
  },
  {
    name: 'Team²',
    acronym: 'Team2',
    slug: 'team2',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '32',
    city: 'Loos-en-Gohelle',
    otherRegionCodes: [],
    themeCodes: ['ENVIRONMENT'],
    foundedYear: 2010,
    website: null,
    decisions: [phase4OneYear(ENCOURAGED_TO_MERGE), phase5TwoYears()],
    clusterLabels: [],
  },
  {
    // DERBI-Cémater since the merger voted on 5 Jun 2025 (retroactive to 1 Jan 2025)
    name: "Développement des Energies Renouvelables dans le Bâtiment et l'Industrie",
    acronym: 'DERBI',
    slug: 'derbi',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '76',
    city: 'Perpignan',
    otherRegionCodes: [],
    themeCodes: ['HYDROGEN_RENEWABLES', 'ENERGY', 'CONSTRUCTION_INFRASTRUCTURE'],
    foundedYear: 2005,
    website: 'http://www.pole-derbi.com',
    decisions: [
      phase4FourYears(),
      phase5OneYear(
        'label prolongé pour 2024-2026 par lettre du 28 décembre 2023, avec demande de fusion avec ' +
          'le cluster Cemater',
      ),
    ],
    clusterLabels: [],
  },
  {
    name: 'Materalia',
    acronym: null,
    slug: 'materalia',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '44',
    city: 'Metz',
    otherRegionCodes: [],
    themeCodes: ['MATERIALS', 'MANUFACTURING'],
    foundedYear: 2005,
    website: 'https://www.materalia.fr',
    decisions: [phase4FourYears(), phase5OneYear("la suite donnée en 2024 n'a pas été trouvée")],
    clusterLabels: [],
  },
  {
    // carried by the Digital Aquitaine and NAOS clusters, at the Cité numérique de Bègles
    name: 'Excellence Numérique au service des Transitions Environnementales et Responsables',
    acronym: 'ENTER',
    slug: 'enter',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '75',
    city: 'Bègles',
    otherRegionCodes: [],
    themeCodes: ['DIGITAL', 'ENVIRONMENT'],
    foundedYear: 2023,
    website: null,
    decisions: [phase5NewPole()],
    clusterLabels: [],
  },
  {
    // carried by Indura (AURA), Ecorse TP (BFC) and IREX; launched 8 Feb 2024
    name: 'Infr@2050',
    acronym: null,
    slug: 'infra2050',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '84',
    city: 'Lyon',
    otherRegionCodes: ['27'],
    themeCodes: ['CONSTRUCTION_INFRASTRUCTURE', 'ENVIRONMENT'],
    foundedYear: 2023, // created with its phase V label in March 2023
    website: null,
    decisions: [phase5NewPole()],
    clusterLabels: [],
  },
  {
    name: 'Aqua-Valley',
    acronym: null,
    slug: 'aqua-valley',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '76',
    city: 'Montpellier',
    otherRegionCodes: ['93'],
    themeCodes: ['WATER'],
    foundedYear: 2010,
    website: null,
    decisions: [
      waterPole(
        'Labellisé pour 2024-2026 « par décision de la Première ministre », après le refus de ' +
          'France Water Team en mars 2023.',
      ),
    ],
    clusterLabels: [],
  },
  {
    // « le Pôle Eau de la Loire au Rhin », merger of DREAM Eau & Milieux and Hydreos (H1 2024)
    name: 'Aquanova',
    acronym: null,
    slug: 'aquanova',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '24',
    city: 'Orléans',
    otherRegionCodes: ['44'],
    themeCodes: ['WATER'],
    foundedYear: 2024,
    website: null,
    decisions: [
      waterPole(
        'DREAM Eau & Milieux et Hydreos labellisés pour 2024-2026 « par décision de la Première ' +
          'ministre », puis fusionnés en Aquanova au premier semestre 2024.',
      ),
    ],
    clusterLabels: [],
  },
  {
    // federation of Aqua-Valley, DREAM and Hydreos (Sept 2019), based in Montpellier
    name: 'France Water Team',
    acronym: null,
    slug: 'france-water-team',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'DISSOLVED',
    hqRegionCode: '76',
    city: 'Montpellier',
    otherRegionCodes: ['93', '24', '44'],
    themeCodes: ['WATER'],
    foundedYear: 2019,
    website: null,
    decisions: [
      phase4FourYears('pôle Eau'),
      {
        phase: 5,
        outcome: 'NOT_LABELLED',
        durationYears: null,
        decidedOn: PHASE_5_DECIDED_ON,
        rationale:
          'Non labellisé (« recalé ») : la gouvernance « fédération vs fusion » a été ' +
          'jugée trop complexe.',
      },
    ],
    clusterLabels: [],
  },
  {
    // merged into Polymeris, effective 31 Dec 2020
    name: 'Elastopôle',
    acronym: null,
    slug: 'elastopole',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'MERGED',
    hqRegionCode: '24',
    city: 'Orléans',
    otherRegionCodes: [],
    themeCodes: ['PLASTICS_POLYMERS'],
    foundedYear: null,
    website: null,
    decisions: [phase4OneYear(ENCOURAGED_TO_MERGE)],
    clusterLabels: [],
  },
  {
    // merged into Polymeris, effective 31 Dec 2020; counted among the BFC poles in phase IV
    name: 'Plastipolis',
    acronym: null,
    slug: 'plastipolis',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'MERGED',
    hqRegionCode: '84',
    city: 'Oyonnax',
    otherRegionCodes: ['27'],
    themeCodes: ['PLASTICS_POLYMERS'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4FourYears()],
    clusterLabels: [gold('2013-06-01', null, null)],
  },
  {
    // joined Cap Digital at the end of 2019
    name: 'Pôle des Industries du Commerce',
    acronym: 'PICOM',
    slug: 'picom',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'MERGED',
    hqRegionCode: '32',
    city: 'Lille',
    otherRegionCodes: [],
    themeCodes: ['RETAIL_COMMERCE', 'DIGITAL'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4OneYear(ENCOURAGED_TO_MERGE)],
    clusterLabels: [],
  },
];
