import { formatCents, formatScaled, scaleDown, splitByWeights } from '../core/scaled-decimal';
import type { Member } from '../member/member.entity';
import type { MemberCategory } from '../member/member.enums';
import type { Project } from '../project/project.entity';
import { PartnerRole, ProjectStatus } from '../project/project.enums';
import type { ProjectPartner } from '../project/project-partner.entity';
import type { ProjectStatusChange } from '../project/project-status-change.entity';
import type { SeedRow } from './bulk-insert';
import { firstDayOfYear, instantOf, isoDate, yearOfDay } from './calendar';
import { AS_OF_DAY } from './dataset-clock';
import { FIRST_YEAR, isActiveIn, LAST_PROJECT_YEAR, type PoleProfile } from './pole-profiles';
import type { SeededRandom } from './random';
import { FUNDING_PROGRAMMES, type FundingProgrammeSeed, REGIONS } from './reference';
import { lookUp, type ReferenceIds } from './reference-seed';
import { isCompany, type MembersDataset } from './synthetic-members';
import {
  ACRONYM_STEMS,
  GENERIC_PROJECT_SUBJECTS,
  PROJECT_GOALS,
  PROJECT_OUTCOMES,
  PROJECT_QUALIFIERS,
  PROJECT_SUBJECTS_BY_THEME,
} from './vocabulary';

/** Projects per unit of scale. */
export const PROJECTS_PER_SCALE = 10_000;

/**
 * European projects per year and unit of scale (published figures: about 1,000 European
 * projects accompanied during phase IV, 2019-2022; 1,500+ submitted since 2019, up about 15 % a
 * year; +50 % since the start of phase IV). 195 in 2019, 15 % more each year (and 15 % fewer
 * each year before), give 974 for 2019-2022 and 2022 = 1.52 × 2019; the last year is cut short
 * by the dataset's date. The steady trend also holds for submission dates, which lag creation.
 */
export const EUROPEAN_PROJECTS_REFERENCE_YEAR = 2019;
export const EUROPEAN_PROJECTS_IN_FIRST_YEAR = 195;
export const EUROPEAN_PROJECTS_YEARLY_GROWTH = 1.15;

/**
 * Members coordinating European projects, per unit of scale (published: 116 members coordinate
 * European projects): every European project's coordinator comes from a pool of this size.
 */
export const EUROPEAN_COORDINATORS_PER_SCALE = 116;

export interface ProjectsDataset {
  projects: SeedRow<Project>[];
  projectThemes: { projectId: number; themeId: number }[];
  coLabellingPoles: { projectId: number; poleId: number }[];
  partners: SeedRow<ProjectPartner>[];
  statusChanges: SeedRow<ProjectStatusChange>[];
}

/** How many partners projects have, from 2 to 12, and how often. */
const PARTNER_COUNTS: readonly { count: number; weight: number }[] = [
  8, 14, 16, 15, 12, 10, 8, 6, 5, 3, 3,
].map((weight, index) => ({ count: index + 2, weight }));

/**
 * Total budget bands in euros, and their weights for national/regional and European calls.
 * European consortia are larger and their calls fund a larger share (Horizon Europe pays up to
 * 100 % of a research action's costs, 70 % of an innovation action's) with no cut at the grant:
 * with the weights and shares below, the European projects of phase IV (submitted 2019-2022)
 * that were funded receive about 1 bn€ in all, the published figure for the poles and their
 * members ("about 1 bn€" for the ~1,000 European projects accompanied in phase IV).
 */
const BUDGET_BANDS: readonly {
  min: number;
  max: number;
  weight: number;
  europeanWeight: number;
}[] = [
  { min: 300_000, max: 1_000_000, weight: 45, europeanWeight: 5 },
  { min: 1_000_000, max: 2_500_000, weight: 35, europeanWeight: 25 },
  { min: 2_500_000, max: 5_000_000, weight: 15, europeanWeight: 35 },
  { min: 5_000_000, max: 8_000_000, weight: 5, europeanWeight: 35 },
];

/** Share of the total budget requested, and share of the request granted, in ‰. */
const PER_MILLE: Record<
  'european' | 'other',
  { requested: [number, number]; granted: [number, number] }
> = {
  european: { requested: [700, 1000], granted: [900, 1000] },
  other: { requested: [250, 550], granted: [600, 1000] },
};

interface StatusEvent {
  status: ProjectStatus;
  day: number;
}

/** Where a project's life would lead if nothing stopped it at the dataset's date. */
interface PlannedLife {
  events: StatusEvent[];
  plannedEndDay: number | null;
}

/** The members that coordinate European projects, as a list and as a set. */
interface CoordinatorPool {
  ids: readonly number[];
  has: ReadonlySet<number>;
}

interface ProgrammeChoice {
  id: number;
  seed: FundingProgrammeSeed;
}

/**
 * Collaborative projects from 2005 to 2026, ids 1..n in order of creation, with their themes,
 * co-labelling poles, partners and status history.
 */
export function generateProjects(
  random: SeededRandom,
  ids: ReferenceIds,
  poles: readonly PoleProfile[],
  membersData: MembersDataset,
  scale: number,
): ProjectsDataset {
  const { members } = membersData;
  const count = PROJECTS_PER_SCALE * scale;
  const programmes: ProgrammeChoice[] = FUNDING_PROGRAMMES.map((seed) => ({
    id: lookUp(ids.programmeIdByCode, seed.code, 'funding programme'),
    seed,
  }));
  const themeCodeById = new Map([...ids.themeIdByCode].map(([code, id]) => [id, code]));
  const allThemeIds = [...ids.themeIdByCode.values()];
  const regionNameById = new Map(
    REGIONS.map((region) => [lookUp(ids.regionIdByCode, region.code, 'region'), region.name]),
  );

  // Creation days first, sorted, so that project ids follow the order of creation.
  const timing = random.fork('timing');
  const years = Array.from(
    { length: LAST_PROJECT_YEAR - FIRST_YEAR + 1 },
    (_, index) => FIRST_YEAR + index,
  );
  // The last year is cut short by the dataset's date: fewer projects were created in it.
  const yearShare = (year: number) => (year === LAST_PROJECT_YEAR ? 0.75 : 1);
  const dayIn = (year: number) =>
    timing.int(firstDayOfYear(year), Math.min(firstDayOfYear(year + 1) - 1, AS_OF_DAY - 1));
  // The European projects of each year are planned to the published trend; the others are
  // spread evenly over the years.
  const planned: { day: number; european: boolean }[] = [];
  for (const year of years) {
    const wanted = Math.round(
      EUROPEAN_PROJECTS_IN_FIRST_YEAR *
        EUROPEAN_PROJECTS_YEARLY_GROWTH ** (year - EUROPEAN_PROJECTS_REFERENCE_YEAR) *
        yearShare(year) *
        scale,
    );
    for (let n = 0; n < wanted; n += 1) planned.push({ day: dayIn(year), european: true });
  }
  while (planned.length < count) {
    const year = timing.weightedPick(years, yearShare);
    planned.push({ day: dayIn(year), european: false });
  }
  planned.sort((a, b) => a.day - b.day || Number(a.european) - Number(b.european));
  const poolIds = random
    .fork('european-coordinators')
    .sample(
      Array.from({ length: members.length }, (_, index) => index + 1),
      Math.min(members.length, EUROPEAN_COORDINATORS_PER_SCALE * scale),
    )
    .sort((a, b) => a - b);
  const coordinatorPool: CoordinatorPool = { ids: poolIds, has: new Set(poolIds) };

  const acronyms = new Set<string>();
  const result: ProjectsDataset = {
    projects: [],
    projectThemes: [],
    coLabellingPoles: [],
    partners: [],
    statusChanges: [],
  };
  const polesByYear = new Map(
    years.map((year) => [year, poles.filter((pole) => isActiveIn(pole, year))]),
  );

  planned.forEach(({ day: createdDay, european: plannedEuropean }, index) => {
    const projectId = index + 1;
    const year = yearOfDay(createdDay);
    const activeProgrammes = programmes.filter(
      ({ seed }) =>
        seed.startYear <= year &&
        (seed.endYear === null || year <= seed.endYear) &&
        (seed.level === 'EUROPEAN') === plannedEuropean,
    );
    const programme = random.weightedPick(activeProgrammes, ({ seed }) => seed.weight);
    const european = programme.seed.level === 'EUROPEAN';
    const activePoles = polesByYear.get(year) ?? poles;
    const leadPole = random.weightedPick(activePoles, (pole) => pole.size);

    const coLabelling = pickCoLabellingPoles(random, activePoles, leadPole);
    for (const pole of coLabelling) result.coLabellingPoles.push({ projectId, poleId: pole.id });

    const themeIds = pickThemes(random, leadPole, coLabelling, allThemeIds);
    for (const themeId of themeIds) result.projectThemes.push({ projectId, themeId });

    const acronym = uniqueAcronym(random, acronyms);
    const subjects =
      PROJECT_SUBJECTS_BY_THEME[themeCodeById.get(themeIds[0] as number) ?? ''] ??
      GENERIC_PROJECT_SUBJECTS;
    const subject = random.pick(subjects);

    // European consortia are larger.
    const drawnCount = random.weightedPick(PARTNER_COUNTS, (candidate) => candidate.weight).count;
    const partnerCount = Math.min(12, drawnCount + (european ? 2 : 0));
    const partnerIds = pickPartners(
      random,
      membersData,
      leadPole,
      coLabelling,
      year,
      partnerCount,
      european ? coordinatorPool : null,
    );
    const coordinatorId = partnerIds[0] as number;
    const roles = partnerIds.map((_, i) =>
      i === 0
        ? PartnerRole.COORDINATOR
        : random.chance(0.12)
          ? PartnerRole.SUBCONTRACTOR
          : PartnerRole.PARTNER,
    );
    // Shares in hundredths of a percent: the coordinator carries most, subcontractors little.
    const shares = splitByWeights(
      10_000,
      roles.map((role) =>
        role === PartnerRole.COORDINATOR
          ? random.int(200, 350)
          : role === PartnerRole.PARTNER
            ? random.int(80, 200)
            : random.int(20, 60),
      ),
      roles.map((role) => (role === PartnerRole.SUBCONTRACTOR ? 50 : 100)),
    );

    const band = random.weightedPick(BUDGET_BANDS, (candidate) =>
      european ? candidate.europeanWeight : candidate.weight,
    );
    const totalCents = random.int(band.min * 100, band.max * 100);
    const { requested, granted } = PER_MILLE[european ? 'european' : 'other'];
    const requestedCents = scaleDown(totalCents, random.int(...requested), 1000);
    const grantedCents = scaleDown(requestedCents, random.int(...granted), 1000);

    const life = plannedLife(random, createdDay, programme.seed.level);
    const events = life.events.filter((event) => event.day <= AS_OF_DAY);
    const last = events[events.length - 1] as StatusEvent;
    const dayOf = (status: ProjectStatus) =>
      events.find((event) => event.status === status)?.day ?? null;
    const funded = dayOf(ProjectStatus.FUNDED) !== null;
    const started = dayOf(ProjectStatus.IN_PROGRESS);
    const endDay =
      dayOf(ProjectStatus.COMPLETED) ??
      (last.status === ProjectStatus.IN_PROGRESS ? life.plannedEndDay : null) ??
      (started !== null && last.status === ProjectStatus.ABANDONED ? last.day : null);

    const coordinator = members[coordinatorId - 1] as SeedRow<Member>;
    const coordinatorLabel = truncate(`Coordination ${coordinator.name}`, 120);
    const poleLabel = truncate(
      `Comité de labellisation ${leadPole.seed.acronym ?? leadPole.seed.name}`,
      120,
    );
    const programmeName =
      programme.seed.name.split(' (')[0]?.split(' – ')[0] ?? programme.seed.code;
    const funderLabel = truncate(
      programme.seed.level === 'REGIONAL'
        ? `Région ${regionNameById.get(leadPole.regionId) ?? ''} – ${programmeName}`
        : european
          ? `Commission européenne – ${programmeName}`
          : `Comité des financeurs – ${programmeName}`,
      120,
    );

    const changes = events.map((event, step) => {
      const previous = step === 0 ? null : (events[step - 1] as StatusEvent).status;
      const changedAt = instantOf(event.day, random.int(8 * 3600, 18 * 3600));
      const byFunders =
        event.status === ProjectStatus.FUNDED ||
        (event.status === ProjectStatus.REJECTED && previous === ProjectStatus.LABELLED);
      const byPole =
        event.status === ProjectStatus.LABELLED ||
        (event.status === ProjectStatus.REJECTED && previous === ProjectStatus.SUBMITTED);
      return {
        projectId,
        fromStatus: previous,
        toStatus: event.status,
        changedAt,
        changedBy: byFunders ? funderLabel : byPole ? poleLabel : coordinatorLabel,
        comment: random.chance(0.5)
          ? statusComment(random, event.status, previous, formatCents(grantedCents))
          : null,
        createdAt: changedAt,
        updatedAt: changedAt,
      };
    });
    result.statusChanges.push(...changes);
    // Every path starts with DRAFT, so there is a first and a last change.
    const createdAt = changes[0].changedAt;
    const updatedAt = changes[changes.length - 1].changedAt;

    result.projects.push({
      acronym,
      title: truncate(`${subject} ${random.pick(PROJECT_QUALIFIERS)}`, 300),
      summary:
        `${acronym} réunit ${partnerCount} partenaires autour du thème ` +
        `« ${lowerFirst(subject)} ». Il vise à ${random.pick(PROJECT_GOALS)}. ` +
        random.pick(PROJECT_OUTCOMES),
      programmeId: programme.id,
      leadPoleId: leadPole.id,
      coordinatorId,
      status: last.status,
      submittedOn: isoDateOrNull(dayOf(ProjectStatus.SUBMITTED)),
      decisionOn: isoDateOrNull(dayOf(ProjectStatus.FUNDED) ?? dayOf(ProjectStatus.REJECTED)),
      startOn: isoDateOrNull(started),
      endOn: isoDateOrNull(endDay),
      totalBudget: formatCents(totalCents),
      publicFundingRequested: formatCents(requestedCents),
      publicFundingGranted: funded ? formatCents(grantedCents) : null,
      version: 1,
      createdAt,
      updatedAt,
    });

    partnerIds.forEach((memberId, i) => {
      result.partners.push({
        projectId,
        memberId,
        role: roles[i] as PartnerRole,
        budgetSharePercent: formatScaled(shares[i] as number, 2),
        version: 1,
        createdAt,
        updatedAt: createdAt,
      });
    });
  });
  return result;
}

/**
 * The path through DRAFT → SUBMITTED → LABELLED → FUNDED → IN_PROGRESS → COMPLETED, where a
 * project may be REJECTED after SUBMITTED or LABELLED and ABANDONED from any open state. Days
 * between steps are at least two weeks, so the history is strictly increasing.
 */
function plannedLife(
  random: SeededRandom,
  createdDay: number,
  level: FundingProgrammeSeed['level'],
): PlannedLife {
  const events: StatusEvent[] = [{ status: ProjectStatus.DRAFT, day: createdDay }];
  const then = (status: ProjectStatus, minDays: number, maxDays: number): number => {
    const day = (events[events.length - 1] as StatusEvent).day + random.int(minDays, maxDays);
    events.push({ status, day });
    return day;
  };
  if (random.chance(0.03)) {
    then(ProjectStatus.ABANDONED, 30, 200);
    return { events, plannedEndDay: null };
  }
  then(ProjectStatus.SUBMITTED, 20, 120);
  const poleVerdict = random.next();
  if (poleVerdict < 0.08) {
    then(ProjectStatus.REJECTED, 20, 70);
    return { events, plannedEndDay: null };
  }
  if (poleVerdict < 0.09) {
    then(ProjectStatus.ABANDONED, 20, 90);
    return { events, plannedEndDay: null };
  }
  then(ProjectStatus.LABELLED, 15, 60);
  // European calls are the most selective.
  const refusal = level === 'EUROPEAN' ? 0.55 : level === 'NATIONAL' ? 0.35 : 0.3;
  const fundersVerdict = random.next();
  if (fundersVerdict < refusal) {
    then(ProjectStatus.REJECTED, 60, 240);
    return { events, plannedEndDay: null };
  }
  if (fundersVerdict < refusal + 0.02) {
    then(ProjectStatus.ABANDONED, 30, 200);
    return { events, plannedEndDay: null };
  }
  then(ProjectStatus.FUNDED, 60, 240);
  if (random.chance(0.01)) {
    then(ProjectStatus.ABANDONED, 20, 120);
    return { events, plannedEndDay: null };
  }
  const startDay = then(ProjectStatus.IN_PROGRESS, 15, 120);
  const durationDays = random.int(18, 48) * 30;
  if (random.chance(0.04)) {
    then(ProjectStatus.ABANDONED, 90, durationDays - 30);
  } else {
    then(ProjectStatus.COMPLETED, durationDays, durationDays);
  }
  return { events, plannedEndDay: startDay + durationDays };
}

/** 0 to 2 other poles active the same year, preferring poles that share a theme or region. */
function pickCoLabellingPoles(
  random: SeededRandom,
  activePoles: readonly PoleProfile[],
  leadPole: PoleProfile,
): PoleProfile[] {
  const draw = random.next();
  const wanted = Math.min(draw < 0.55 ? 0 : draw < 0.85 ? 1 : 2, activePoles.length - 1);
  const chosen: PoleProfile[] = [];
  while (chosen.length < wanted) {
    chosen.push(
      random.weightedPick(activePoles, (pole) => {
        if (pole === leadPole || chosen.includes(pole)) return 0;
        const sharesTheme = pole.themeIds.some((themeId) => leadPole.themeIds.includes(themeId));
        return pole.size * (sharesTheme ? 4 : pole.regionId === leadPole.regionId ? 2 : 1);
      }),
    );
  }
  return chosen;
}

/** 1 to 3 distinct themes, the first one and most others from the labelling poles' themes. */
function pickThemes(
  random: SeededRandom,
  leadPole: PoleProfile,
  coLabelling: readonly PoleProfile[],
  allThemeIds: readonly number[],
): number[] {
  const draw = random.next();
  const wanted = draw < 0.4 ? 1 : draw < 0.8 ? 2 : 3;
  const poleThemes = [
    ...new Set([...leadPole.themeIds, ...coLabelling.flatMap((pole) => pole.themeIds)]),
  ];
  const themes: number[] = [];
  const first =
    leadPole.themeIds.length > 0 ? random.pick(leadPole.themeIds) : random.pick(allThemeIds);
  themes.push(first);
  for (let attempt = 0; themes.length < wanted && attempt < 20; attempt += 1) {
    const candidate =
      random.chance(0.6) && poleThemes.length > 0
        ? random.pick(poleThemes)
        : random.pick(allThemeIds);
    if (!themes.includes(candidate)) themes.push(candidate);
  }
  return themes;
}

/**
 * Distinct partners, the coordinator first. Most come from the lead pole's members of that
 * year, some from the co-labelling poles, a few from anywhere; the coordinator is usually a firm.
 */
function pickPartners(
  random: SeededRandom,
  membersData: MembersDataset,
  leadPole: PoleProfile,
  coLabelling: readonly PoleProfile[],
  year: number,
  count: number,
  coordinatorPool: CoordinatorPool | null,
): number[] {
  const memberCount = membersData.categories.length;
  const poolOf = (pole: PoleProfile) =>
    membersData.memberIdsByPoleYear[pole.index]?.[year - FIRST_YEAR] ?? [];
  const leadPool = poolOf(leadPole);
  const coPool = coLabelling.flatMap(poolOf);
  const anyMember = () => random.int(1, memberCount);
  const categoryOf = (memberId: number) => membersData.categories[memberId - 1] as MemberCategory;

  const chosen: number[] = [];
  const taken = new Set<number>();
  const wantCompany = random.chance(0.8);
  let coordinator = leadPool.length > 0 ? random.pick(leadPool) : anyMember();
  for (
    let attempt = 0;
    wantCompany && !isCompany(categoryOf(coordinator)) && attempt < 20;
    attempt += 1
  ) {
    coordinator = leadPool.length > 0 ? random.pick(leadPool) : anyMember();
  }
  if (coordinatorPool !== null) {
    // European coordinators are few: one of the pool, of the lead pole when it has some.
    const fromLeadPole = leadPool.filter((memberId) => coordinatorPool.has.has(memberId));
    coordinator = random.pick(fromLeadPole.length > 0 ? fromLeadPole : coordinatorPool.ids);
  }
  chosen.push(coordinator);
  taken.add(coordinator);

  while (chosen.length < count) {
    let candidate = 0;
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const source = random.next();
      candidate =
        source < 0.7 && leadPool.length > 0
          ? random.pick(leadPool)
          : source < 0.8 && coPool.length > 0
            ? random.pick(coPool)
            : anyMember();
      if (!taken.has(candidate)) break;
    }
    // Small pools can run dry: then take the next free member id.
    while (taken.has(candidate)) candidate = (candidate % memberCount) + 1;
    chosen.push(candidate);
    taken.add(candidate);
  }
  return chosen;
}

/** An acronym no other project has: a stem and a number, e.g. "HYPERION-12". */
function uniqueAcronym(random: SeededRandom, taken: Set<string>): string {
  for (let attempt = 0; ; attempt += 1) {
    // Past the first tries the space is crowded (very large scales): widen the numbers.
    const acronym = `${random.pick(ACRONYM_STEMS)}-${random.int(1, attempt < 20 ? 999 : 99_999)}`;
    if (!taken.has(acronym)) {
      taken.add(acronym);
      return acronym;
    }
  }
}

function statusComment(
  random: SeededRandom,
  status: ProjectStatus,
  previous: ProjectStatus | null,
  granted: string,
): string {
  switch (status) {
    case ProjectStatus.DRAFT:
      return random.pick([
        'Projet créé sur la plateforme du pôle.',
        'Montage du consortium en cours.',
      ]);
    case ProjectStatus.SUBMITTED:
      return random.pick([
        'Dossier complet déposé pour labellisation.',
        'Dossier déposé après relecture par le pôle.',
      ]);
    case ProjectStatus.LABELLED:
      return random.pick([
        'Label accordé par le comité du pôle.',
        'Labellisé sous réserve de renforcer la place des PME dans le consortium.',
      ]);
    case ProjectStatus.FUNDED:
      return `Aide accordée : ${granted} €.`;
    case ProjectStatus.IN_PROGRESS:
      return random.pick([
        'Réunion de lancement tenue.',
        'Accord de consortium signé, travaux lancés.',
      ]);
    case ProjectStatus.COMPLETED:
      return random.pick([
        'Rapport final remis.',
        'Projet clos, démonstrateur présenté aux financeurs.',
      ]);
    case ProjectStatus.REJECTED:
      return previous === ProjectStatus.SUBMITTED
        ? 'Projet non labellisé : adéquation insuffisante avec la feuille de route du pôle.'
        : 'Projet non retenu par les financeurs.';
    case ProjectStatus.ABANDONED:
      return random.pick([
        'Consortium dissous après le retrait d’un partenaire clé.',
        'Abandon à la demande du coordinateur.',
      ]);
  }
}

function isoDateOrNull(day: number | null): string | null {
  return day === null ? null : isoDate(day);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
