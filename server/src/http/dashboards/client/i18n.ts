/**
 * The page's two languages: French by default (fr-FR formats: `1 234 567 €`, `29/11/2026`),
 * English on `?lang=en`. Labels of the API's enums live here too, in one place.
 */
export type Lang = 'fr' | 'en';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

const TEXT = {
  /** French puts a (no-break) space before a colon; English does not. */
  colon: ['\u00a0: ', ': '],
  appTitle: ['Tableaux de bord PoleGraph', 'PoleGraph dashboards'],
  skip: ['Aller au contenu', 'Skip to content'],
  navLabel: ['Pages des tableaux de bord', 'Dashboard pages'],
  'page.selection': ['Sélection', 'Selection'],
  'page.regions': ['Régions', 'Regions'],
  'page.tendances': ['Tendances', 'Trends'],
  'page.pole': ['Profil d’un pôle', 'Pole profile'],
  'page.membres': ['Membres', 'Members'],
  language: ['Langue', 'Language'],
  settings: ['Jeton d’accès', 'Access token'],
  tokenLabel: ['Jeton API (gardé pour cet onglet seulement)', 'API token (kept for this tab only)'],
  tokenUse: ['Utiliser', 'Use'],
  tokenForget: ['Oublier le jeton', 'Forget the token'],
  anonymous: ['Anonyme : données publiques seulement', 'Anonymous: public data only'],
  signedInAs: ['Connecté en tant que', 'Signed in as'],
  loading: ['Chargement…', 'Loading…'],
  error: ['Les données n’ont pas pu être chargées', 'The data could not be loaded'],
  showQuery: ['voir la requête', 'view the query'],
  downloadCsv: ['télécharger les données (CSV)', 'download the data (CSV)'],
  dataTable: ['Tableau des données', 'Data table'],
  confidential: [
    'Données confidentielles pour votre rôle : l’API ne les donne pas (aucun zéro n’est affiché à leur place).',
    'Confidential for your role: the API does not give them (no zero is shown instead).',
  ],
  confidentialShort: ['confidentiel', 'confidential'],
  noValue: ['—', '—'],
  filters: ['Filtres', 'Filters'],
  all: ['Toutes', 'All'],
  allMasc: ['Tous', 'All'],
  phase: ['Phase', 'Phase'],
  region: ['Région', 'Region'],
  theme: ['Thème', 'Theme'],
  pole: ['Pôle', 'Pole'],
  measure: ['Mesure', 'Measure'],
  level: ['Niveau de programme', 'Programme level'],
  year: ['Année', 'Year'],
  count: ['Nombre', 'Count'],
  share: ['Part', 'Share'],
  criterion: ['Critère', 'Criterion'],
  value: ['Valeur', 'Value'],
  threshold: ['Seuil', 'Threshold'],
  met: ['Atteint', 'Met'],
  yes: ['oui', 'yes'],
  no: ['non', 'no'],
  decision: ['Décision', 'Decision'],
  duration: ['Durée (ans)', 'Duration (years)'],
  decidedOn: ['Décidée le', 'Decided on'],
  none: ['aucune', 'none'],
  status: ['Statut', 'Status'],
  category: ['Catégorie', 'Category'],
  members: ['Membres', 'Members'],
  projects: ['Projets', 'Projects'],
  europeanProjects: ['Projets européens', 'European projects'],
  fundingGranted: ['Aides accordées', 'Funding granted'],
  poles: ['Pôles', 'Poles'],
  overseas: ['Outre-mer', 'Overseas'],
  'sel.heading': ['Sélection : phase', 'Selection: phase'],
  'sel.matrix': ['Les pôles face aux critères', 'Poles against the criteria'],
  'sel.matrixDesc': [
    'Carte de chaleur : une ligne par pôle, une colonne par critère ; vert (✓) si le seuil est atteint, rouge (✗) sinon, gris (–) sans valeur renseignée, hachuré (⊘) si la valeur est confidentielle pour votre rôle. Indicateurs de l’année',
    'Heat map: one row per pole, one column per criterion; green (✓) when the threshold is met, red (✗) when not, grey (–) when no value is reported, hatched (⊘) when the value is confidential for your role. Indicators of',
  ],
  'sel.statusNote': [
    'Confidentiel : l’autofinancement privé, les financements obtenus et les notes des évaluations demandent le droit de détail sur le pôle (un jeton) ; non renseigné : aucune donnée déclarée ni note donnée.',
    'Confidential: private funding, funding raised and evaluation scores need the detail right on the pole (a token); not reported: no figures reported, no score given.',
  ],
  'heat.met': ['seuil atteint', 'threshold met'],
  'heat.unmet': ['seuil non atteint', 'threshold not met'],
  'heat.missing': ['non renseigné', 'not reported'],
  'heat.confidential': ['confidentiel', 'confidential'],
  'heat.legend': ['Légende de la carte de chaleur', 'Heat map legend'],
  'heat.keys': [
    'Flèches pour aller de case en case, Entrée pour ouvrir le profil du pôle.',
    'Arrow keys move between cells, Enter opens the pole’s profile.',
  ],
  missing: ['non renseigné', 'not reported'],
  valueStatus: ['Statut de la valeur', 'Value status'],
  'status.KNOWN': ['renseignée', 'reported'],
  'status.MISSING': ['non renseignée', 'not reported'],
  'status.CONFIDENTIAL': ['confidentielle', 'confidential'],
  rateLimited: [
    'L’API limite les requêtes des visiteurs anonymes : nouvel essai automatique dans',
    'The API limits anonymous visitors’ requests: trying again automatically in',
  ],
  seconds: ['s', 's'],
  rateLimitedHint: [
    'Un jeton d’accès (ci-dessus) donne une limite plus haute.',
    'An access token (above) gives a higher limit.',
  ],
  'sel.decisions': ['Décisions de la phase', 'Decisions of the phase'],
  'sel.decisionsDesc': [
    'Barres : nombre de pôles par décision et durée du label.',
    'Bars: number of poles by decision and label duration.',
  ],
  'sel.openProfile': ['Ouvrir le profil du pôle', 'Open the pole’s profile'],
  'reg.map': ['Carte des 18 régions', 'Map of the 18 regions'],
  'reg.mapDesc': [
    'Carte en tuiles (une tuile par région, outre-mer compris), colorée selon la mesure choisie ; chaque tuile ouvre le détail de la région.',
    'Tile map (one tile per region, overseas included) coloured by the chosen measure; each tile opens the region’s detail.',
  ],
  'reg.detail': ['Détail de la région', 'Region detail'],
  'reg.membersByCategory': ['Membres par catégorie', 'Members by category'],
  'reg.projectsByStatus': [
    'Projets portés par les pôles de la région, par statut',
    'Projects led by the region’s poles, by status',
  ],
  'reg.projectsDesc': [
    'Barres : projets portés par les pôles dont le siège est dans la région, par statut.',
    'Bars: projects led by the poles headquartered in the region, by status.',
  ],
  'reg.polesList': ['Pôles labellisés de la région', 'Labelled poles of the region'],
  'reg.clickHint': [
    'Choisissez une région pour voir son détail.',
    'Pick a region to see its detail.',
  ],
  'reg.fundingNote': [
    'Aides accordées : somme sur les seuls projets que votre rôle voit en détail.',
    'Funding granted: summed over the projects your role sees in detail only.',
  ],
  'tr.byYear': ['Projets par année et niveau de programme', 'Projects by year and programme level'],
  'tr.byYearDesc': [
    'Barres empilées : projets déposés chaque année, par niveau de programme ; les débuts de phase de labellisation sont marqués.',
    'Stacked bars: projects submitted each year, by programme level; the starts of the labelling phases are marked.',
  ],
  'tr.europe': [
    'Projets européens par phase de labellisation',
    'European projects per labelling phase',
  ],
  'tr.europeDesc': [
    'Barres : projets européens déposés pendant chaque phase, avec leur évolution par rapport à la phase précédente.',
    'Bars: European projects submitted during each phase, with the change from the previous phase.',
  ],
  'tr.growth': ['Évolution', 'Change'],
  'tr.f2030': ['Projets France 2030 par année', 'France 2030 projects by year'],
  'tr.f2030Desc': [
    'Barres : projets financés par les programmes France 2030, par année de dépôt.',
    'Bars: projects of the France 2030 programmes, by year of submission.',
  ],
  'tr.undated': [
    'projets sans date de dépôt ne figurent pas sur ces graphiques',
    'projects without a submission date are not on these charts',
  ],
  'pole.pick': ['Choisissez un pôle', 'Pick a pole'],
  'pole.notFound': ['Ce pôle n’existe pas.', 'This pole does not exist.'],
  'pole.years': ['Chiffres annuels', 'Yearly figures'],
  'pole.yearsDesc': [
    'Barres : budget annuel ; courbe : part d’autofinancement privé face au seuil de 50 %.',
    'Bars: yearly budget; line: private funding share against the 50 % threshold.',
  ],
  'pole.staff': ['Membres et équipe Europe', 'Members and Europe team'],
  'pole.staffDesc': [
    'Courbes : nombre de membres et ETP de l’équipe Europe, par année.',
    'Lines: number of members and Europe team FTE, by year.',
  ],
  'pole.projects': ['Projets portés, par statut', 'Projects led, by status'],
  'pole.projectsDesc': [
    'Barres : projets portés par le pôle, par statut.',
    'Bars: projects the pole leads, by status.',
  ],
  'pole.labels': ['Labels ECEI', 'ECEI cluster labels'],
  'pole.labelsDesc': [
    'Barres : score de chaque label ECEI obtenu.',
    'Bars: score of each ECEI label won.',
  ],
  'pole.scoreMissing': [
    'Un label sans score publié n’a pas de barre (aucun zéro n’est dessiné).',
    'A label without a published score has no bar (no zero is drawn).',
  ],
  'pole.decisions': ['Décisions au fil des phases', 'Decisions over the phases'],
  'pole.decisionsDesc': [
    'Barres : durée du label accordé à chaque décision, par phase ; 0 pour non labellisé.',
    'Bars: label duration granted by each decision, per phase; 0 when not labelled.',
  ],
  budget: ['Budget', 'Budget'],
  privateShare: ['Part d’autofinancement privé', 'Private funding share'],
  europeFte: ['ETP équipe Europe', 'Europe team FTE'],
  labelLevel: ['Niveau', 'Level'],
  score: ['Score (%)', 'Score (%)'],
  awardedOn: ['Obtenu le', 'Awarded on'],
  validUntil: ['Valable jusqu’au', 'Valid until'],
  'mem.national': ['Membres par catégorie, national', 'Members by category, nationwide'],
  'mem.nationalDesc': [
    'Barres : part de chaque catégorie parmi tous les membres.',
    'Bars: share of each category among all members.',
  ],
  'mem.regions': ['Répartition par région', 'Breakdown by region'],
  'mem.regionsDesc': [
    'Barres empilées à 100 % : part de chaque catégorie parmi les membres de chaque région.',
    '100 % stacked bars: share of each category among the members of each region.',
  ],
  'mem.pole': ['Un pôle face aux parts nationales', 'One pole against the national shares'],
  'mem.poleDesc': [
    'Barres groupées : part de chaque catégorie parmi les membres actifs du pôle, et part nationale.',
    'Grouped bars: share of each category among the pole’s active members, and the national share.',
  ],
  'mem.publishedNote': [
    'Les parts nationales sont celles que l’API calcule sur tous les membres ; les parts publiées par l’État ne sont pas dans les données.',
    'The national shares are those the API computes over all members; the shares published by the State are not in the data.',
  ],
  national: ['National', 'National'],
} as const;

export type TextKey = keyof typeof TEXT;

const ENUMS: Record<string, [string, string]> = {
  LABELLED: ['Labellisé', 'Labelled'],
  LABELLED_PROBATION: ['Labellisé sous conditions', 'Labelled on probation'],
  NOT_LABELLED: ['Non labellisé', 'Not labelled'],
  MICRO: ['TPE', 'Micro firm'],
  SME: ['PME', 'SME'],
  MID_SIZE: ['ETI', 'Mid-size firm'],
  LARGE: ['Grande entreprise', 'Large firm'],
  RESEARCH: ['Recherche', 'Research'],
  TRAINING: ['Formation', 'Training'],
  PUBLIC_BODY: ['Organisme public', 'Public body'],
  OTHER: ['Autre', 'Other'],
  EUROPEAN: ['Européen', 'European'],
  NATIONAL: ['National', 'National'],
  REGIONAL: ['Régional', 'Regional'],
  DRAFT: ['En montage', 'Draft'],
  SUBMITTED: ['Déposé', 'Submitted'],
  FUNDED: ['Financé', 'Funded'],
  IN_PROGRESS: ['En cours', 'In progress'],
  COMPLETED: ['Terminé', 'Completed'],
  ABANDONED: ['Abandonné', 'Abandoned'],
  REJECTED: ['Refusé', 'Rejected'],
  BRONZE: ['Bronze', 'Bronze'],
  SILVER: ['Argent', 'Silver'],
  GOLD: ['Or', 'Gold'],
};

export interface I18n {
  lang: Lang;
  t(key: TextKey): string;
  /** The label of an API enum value (`LABELLED` → « Labellisé »); the value itself if unknown. */
  label(value: string | null | undefined): string;
  number(value: number | string | null | undefined, digits?: number): string;
  euros(value: number | string | null | undefined): string;
  percent(value: number | string | null | undefined): string;
  date(isoDate: string | null | undefined): string;
}

export function createI18n(lang: Lang): I18n {
  const index = lang === 'fr' ? 0 : 1;
  const locale = LOCALES[lang];
  const euros = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const blank = (value: unknown) => value === null || value === undefined || value === '';
  // One formatter per number of decimals: making an Intl.NumberFormat costs far more than using
  // one, and the Sélection page formats thousands of cells.
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number) => {
    let format = numbers.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
      numbers.set(digits, format);
    }
    return format;
  };
  return {
    lang,
    t: (key) => TEXT[key][index],
    label: (value) => (blank(value) ? '—' : (ENUMS[value as string]?.[index] ?? String(value))),
    number: (value, digits = 0) =>
      blank(value) ? '—' : numberFormat(digits).format(Number(value)),
    euros: (value) => (blank(value) ? '—' : euros.format(Number(value))),
    percent: (value) => (blank(value) ? '—' : percent.format(Number(value))),
    date: (isoDate) =>
      blank(isoDate) ? '—' : date.format(new Date(`${String(isoDate).slice(0, 10)}T00:00:00Z`)),
  };
}
