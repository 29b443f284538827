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
// PUBLISHED FIGURES reproduced here (issue 14's table, from the network's and the State's own
// publications), and where they come from in this file:
//   - phase IV: 56 labelled on 5 Feb 2019 = 48 × 4 years (phase4FourYears) + 8 × 1 year
//     (phase4OneYear: Elastopôle, PMT, Nov@log, PICOM, Team², Atlanpôle, Aquimer,
//     Fibres-Energivie); 54 at the end of phase IV once PICOM (→ Cap Digital, end 2019) and
//     Elastopôle + Plastipolis (→ Polymeris, 31 Dec 2020) are counted under their successors
//     (successorSlug / mergedOn);
//   - phase V: 55 on 27 Mar 2023 = 47 × 4 years (46 named + the unidentified 47th) + 4 × 2 years
//     + 2 × 1 year + 2 new poles × 2 years; 57 after Aqua-Valley and DREAM + Hydreos (Aquanova)
//     were labelled on 8 Jan 2024;
//   - DERBI's extension for 2024-2026 (letter of 28 Dec 2023) is a decision of kind EXTENSION
//     whose condition, the merger with Cemater, was met on 5 Jun 2025 (DERBI-Cémater);
//   - EMC2's ECEI GOLD label (renewed, 87 %, 27 of 31, audited 11-13 Oct 2021 by two experts,
//     announced 5 Jan 2022, valid until 31 Dec 2023);
//   - the Centre-Val de Loire clusters that are not labelled poles (Nékoé, Aérocentre, AREA,
//     Polepharma, Shop Expert Valley, Agreentech Valley), kind OTHER_CLUSTER.
// Validity dates: a label runs from 1 January of its first year for its duration. The
// Nov@log liquidation comes from https://supplychainmagazine.fr/nl/2020/3204/clap-de-fin-pour-
//   le-pole-de-competitivite-normand-nov-at-log-625655.php
// NOT CONFIRMED either: the cities of the Centre-Val de Loire clusters, Cemater, Hydreos and
// Nov@log; the exact day of the Aquanova merger (H1 2024: 30 June is used) and of the
// Fibres-Energivie confirmation (July 2021: the 1st is used); Capenergies' coverage of Corse,
// Guadeloupe and La Réunion.

import type { ClusterLabelSeed, PoleDecisionSeed, PoleSeed } from './reference-types';

const PHASE_4_DECIDED_ON = '2019-02-05';
const PHASE_5_DECIDED_ON = '2023-03-27';
const WATER_POLES_DECIDED_ON = '2024-01-08';

/** The terms every decision states; a label runs from 1 January of its first year. */
const terms = (
  phase: number,
  outcome: PoleDecisionSeed['outcome'],
  durationYears: number | null,
  decidedOn: string,
  firstYear: number,
  rationale: string,
  extension: Pick<PoleDecisionSeed, 'extendableToYears' | 'extensionCondition'> = {
    extendableToYears: null,
    extensionCondition: null,
  },
): PoleDecisionSeed => ({
  phase,
  outcome,
  durationYears,
  decidedOn,
  validFrom: durationYears === null ? null : `${firstYear}-01-01`,
  validUntil: durationYears === null ? null : `${firstYear + durationYears - 1}-12-31`,
  ...extension,
  conditionMetOn: null,
  newPole: false,
  rationale,
});

/** Phase IV, labelled for four years (the rebuilt list of 48). */
const phase4FourYears = (formerName?: string): PoleDecisionSeed =>
  terms(
    4,
    'LABELLED',
    4,
    PHASE_4_DECIDED_ON,
    2019,
    'Labellisé pour quatre ans' +
      (formerName === undefined ? '' : ` sous le nom ${formerName}`) +
      ' : le Premier ministre suit le comité de sélection État-Régions (liste des 48 ' +
      'reconstituée à partir de plusieurs sources).',
  );

/** Phase IV, one of the 8 poles labelled for one year, extendable to four. */
const phase4OneYear = (
  note: string,
  condition: PoleDecisionSeed['extensionCondition'] = 'SELECTION_COMMITTEE_REVIEW',
): PoleDecisionSeed =>
  terms(
    4,
    'LABELLED_PROBATION',
    1,
    PHASE_4_DECIDED_ON,
    2019,
    `Labellisé pour un an, prolongeable à quatre ans ; ${note}.`,
    { extendableToYears: 4, extensionCondition: condition },
  );

const ENCOURAGED_TO_MERGE = 'pôle « encouragé à fusionner »';
const REASSESSED = 'réévaluation par le comité de sélection avant confirmation';

const phase5FourYears = (
  rationale = 'Labellisé pour quatre ans (2023-2026) : la Première ministre a décidé de « suivre ' +
    'les recommandations du comité de sélection » État-Régions.',
): PoleDecisionSeed => terms(5, 'LABELLED', 4, PHASE_5_DECIDED_ON, 2023, rationale);

const phase5TwoYears = (): PoleDecisionSeed =>
  terms(
    5,
    'LABELLED_PROBATION',
    2,
    PHASE_5_DECIDED_ON,
    2023,
    'Labellisé pour deux ans, prolongeable à quatre : pôle « surveillé pendant deux ans ».',
    { extendableToYears: 4, extensionCondition: 'SELECTION_COMMITTEE_REVIEW' },
  );

const phase5OneYear = (followUp: string): PoleDecisionSeed =>
  terms(
    5,
    'LABELLED_PROBATION',
    1,
    PHASE_5_DECIDED_ON,
    2023,
    "Labellisé pour un an, prolongeable à quatre ans s'il présente « une feuille de " +
      `route et un modèle d'affaires consolidés » ; ${followUp}.`,
    { extendableToYears: 4, extensionCondition: 'CONSOLIDATED_ROADMAP_AND_BUSINESS_MODEL' },
  );

const phase5NewPole = (): PoleDecisionSeed => ({
  ...terms(
    5,
    'LABELLED_PROBATION',
    2,
    PHASE_5_DECIDED_ON,
    2023,
    'Nouveau pôle labellisé pour deux ans, prolongeable à quatre ans « sous la condition ' +
      "d'une structuration effective ».",
    { extendableToYears: 4, extensionCondition: 'EFFECTIVE_STRUCTURING' },
  ),
  newPole: true,
});

/** The two water poles labelled on 8 Jan 2024 for 2024-2026. */
const waterPole = (rationale: string): PoleDecisionSeed =>
  terms(5, 'LABELLED', 3, WATER_POLES_DECIDED_ON, 2024, rationale);

/** Clusters of Centre-Val de Loire the network counts besides its labelled poles. */
const otherCluster = (
  name: string,
  slug: string,
  city: string,
  themeCodes: string[],
): PoleSeed => ({
  name,
  acronym: null,
  slug,
  kind: 'OTHER_CLUSTER',
  status: 'NOT_LABELLED',
  hqRegionCode: '24',
  city,
  otherRegionCodes: [],
  themeCodes,
  foundedYear: null,
  website: null,
  decisions: [],
  clusterLabels: [],
});

const CENTRE_VAL_DE_LOIRE_CLUSTERS: PoleSeed[] = [
  otherCluster('Nékoé', 'nekoe', 'Orléans', ['DIGITAL']),
  otherCluster('Aérocentre', 'aerocentre', 'Bourges', ['AERONAUTICS_SPACE']),
  otherCluster('AREA Centre-Val de Loire', 'area-centre-val-de-loire', 'Orléans', ['AGRIFOOD']),
  otherCluster('Polepharma', 'polepharma', 'Dreux', ['HEALTH_BIOTECH']),
  otherCluster('Shop Expert Valley', 'shop-expert-valley', 'Tours', ['DIGITAL']),
  otherCluster('Agreentech Valley', 'agreentech-valley', 'Orléans', ['AGRICULTURE', 'DIGITAL']),
];

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
    themeCodes: ['HEALTH_BIOTECH'],
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
    themeCodes: ['DIGITAL'],
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
    otherRegionCodes: ['94', '01', '04'],
    themeCodes: ['ENERGY'],
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
    themeCodes: ['AGRIFOOD', 'HEALTH_BIOTECH'],
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
    // GOLD renewed: 87 % (27 of 31 indicators), audited 11-13 Oct 2021 by two experts,
    // announced 5 Jan 2022, valid until 31 Dec 2023 (published figure, issue 14's table).
    clusterLabels: [
      {
        level: 'GOLD',
        awardedOn: '2022-01-05',
        validUntil: '2023-12-31',
        scorePercent: '87',
        indicatorsPassed: 27,
        indicatorsTotal: 31,
        renewal: true,
        auditStartedOn: '2021-10-11',
        auditEndedOn: '2021-10-13',
        auditorCount: 2,
      },
    ],
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
    themeCodes: ['HEALTH_BIOTECH'],
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
    themeCodes: ['DIGITAL'],
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
    themeCodes: ['HEALTH_BIOTECH'],
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
    themeCodes: ['MANUFACTURING', 'HEALTH_BIOTECH'],
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
    themeCodes: ['MOBILITY_AUTOMOTIVE', 'ENERGY'],
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
    themeCodes: ['ENERGY', 'CONSTRUCTION_INFRASTRUCTURE'],
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
    themeCodes: ['ENERGY'],
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
    // PUBLISHED FIGURE: 47 poles were labelled for four years in March 2023, but only 46 names
    // were found. The 47th stands here, under a name that says so, so that the published count
    // holds; it has no phase IV decision (its identity, hence its history, is unknown), no
    // region of its own (Île-de-France is a placeholder) and no themes.
    name: '47e pôle labellisé pour quatre ans en phase V (non identifié)',
    acronym: null,
    slug: 'unidentified-phase-5-pole',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '11',
    city: 'Non identifiée',
    otherRegionCodes: [],
    themeCodes: [],
    foundedYear: null,
    website: null,
    decisions: [
      phase5FourYears(
        'Labellisé pour quatre ans (2023-2026) : 47e pôle de la liste publiée, dont le nom ' +
          "n'a pas été retrouvé dans les sources.",
      ),
    ],
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
      {
        ...phase4OneYear("label confirmé en juillet 2021 jusqu'à la fin de la phase IV"),
        conditionMetOn: '2021-07-01',
      },
      {
        ...terms(
          4,
          'LABELLED',
          2,
          '2021-07-01',
          2021,
          'Après réévaluation par le comité de sélection, lettre de confirmation du Premier ' +
            'ministre : label confirmé jusqu’à la fin de la phase IV (décembre 2022). Jour du ' +
            'mois non publié.',
        ),
        kind: 'EXTENSION',
      },
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
    // DERBI + Cemater, voted 5 Jun 2025, retroactive to 1 Jan 2025; keeps DERBI's label
    name: 'DERBI-Cémater',
    acronym: 'DERBI',
    slug: 'derbi-cemater',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'LABELLED',
    hqRegionCode: '76',
    city: 'Perpignan',
    otherRegionCodes: [],
    themeCodes: ['ENERGY', 'CONSTRUCTION_INFRASTRUCTURE', 'MATERIALS'],
    foundedYear: 2025,
    website: 'http://www.pole-derbi.com',
    decisions: [],
    clusterLabels: [],
  },
  {
    // DERBI-Cémater since the merger voted on 5 Jun 2025 (retroactive to 1 Jan 2025)
    name: "Développement des Energies Renouvelables dans le Bâtiment et l'Industrie",
    acronym: 'DERBI',
    slug: 'derbi',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'MERGED',
    successorSlug: 'derbi-cemater',
    mergedOn: '2025-01-01',
    hqRegionCode: '76',
    city: 'Perpignan',
    otherRegionCodes: [],
    themeCodes: ['ENERGY', 'CONSTRUCTION_INFRASTRUCTURE'],
    foundedYear: 2005,
    website: 'http://www.pole-derbi.com',
    decisions: [
      phase4FourYears(),
      {
        ...phase5OneYear(
          'label prolongé pour 2024-2026 par lettre du 28 décembre 2023, avec demande de fusion ' +
            'avec le cluster Cemater',
        ),
        conditionMetOn: '2023-12-28',
      },
      {
        ...terms(
          5,
          'LABELLED_PROBATION',
          3,
          '2023-12-28',
          2024,
          'Lettre de Roland Lescure du 28 décembre 2023 : label prolongé pour 2024-2026, avec ' +
            'demande explicite de fusion avec le cluster Cemater (fusion votée le 5 juin 2025, ' +
            'rétroactive au 1er janvier 2025 : DERBI-Cémater).',
          { extendableToYears: null, extensionCondition: 'REQUESTED_MERGER' },
        ),
        kind: 'EXTENSION',
        conditionMetOn: '2025-06-05',
      },
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
      terms(
        5,
        'NOT_LABELLED',
        null,
        PHASE_5_DECIDED_ON,
        2023,
        'Non labellisé (« recalé ») : la gouvernance « fédération vs fusion » a été ' +
          'jugée trop complexe.',
      ),
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
    successorSlug: 'polymeris',
    mergedOn: '2020-12-31',
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
    successorSlug: 'polymeris',
    mergedOn: '2020-12-31',
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
    successorSlug: 'cap-digital',
    mergedOn: '2019-12-31',
    hqRegionCode: '32',
    city: 'Lille',
    otherRegionCodes: [],
    themeCodes: ['DIGITAL'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4OneYear(ENCOURAGED_TO_MERGE, 'REQUESTED_MERGER')],
    clusterLabels: [],
  },
  {
    // Normandy logistics pole; liquidated in Sept 2020 (supplychainmagazine.fr, 2020)
    name: 'Nov@log',
    acronym: null,
    slug: 'novalog',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'DISSOLVED',
    hqRegionCode: '28',
    city: 'Le Havre',
    otherRegionCodes: ['11'],
    themeCodes: ['LOGISTICS'],
    foundedYear: 2005,
    website: null,
    decisions: [phase4OneYear(ENCOURAGED_TO_MERGE, 'REQUESTED_MERGER')],
    clusterLabels: [],
  },
  {
    // labelled with Hydreos on 8 Jan 2024, merged into Aquanova in H1 2024
    name: 'DREAM Eau & Milieux',
    acronym: 'DREAM',
    slug: 'dream',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'MERGED',
    successorSlug: 'aquanova',
    mergedOn: '2024-06-30',
    hqRegionCode: '24',
    city: 'Orléans',
    otherRegionCodes: [],
    themeCodes: ['WATER', 'ENVIRONMENT'],
    foundedYear: 2010,
    website: null,
    decisions: [],
    clusterLabels: [],
  },
  {
    name: 'Hydreos',
    acronym: null,
    slug: 'hydreos',
    kind: 'COMPETITIVENESS_CLUSTER',
    status: 'MERGED',
    successorSlug: 'aquanova',
    mergedOn: '2024-06-30',
    hqRegionCode: '44',
    city: 'Nancy',
    otherRegionCodes: [],
    themeCodes: ['WATER'],
    foundedYear: 2010,
    website: null,
    decisions: [],
    clusterLabels: [],
  },
  {
    // merged into DERBI on 1 Jan 2025 (vote of 5 Jun 2025)
    name: 'Cemater',
    acronym: null,
    slug: 'cemater',
    kind: 'OTHER_CLUSTER',
    status: 'MERGED',
    successorSlug: 'derbi-cemater',
    mergedOn: '2025-01-01',
    hqRegionCode: '76',
    city: 'Perpignan',
    otherRegionCodes: [],
    themeCodes: ['ENERGY', 'MATERIALS'],
    foundedYear: null,
    website: null,
    decisions: [],
    clusterLabels: [],
  },
  ...CENTRE_VAL_DE_LOIRE_CLUSTERS,
];
