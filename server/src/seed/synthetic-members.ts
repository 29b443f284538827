import { formatCents } from '../core/scaled-decimal';
import { sirenWithCheckDigit } from '../core/siren';
import type { Member } from '../member/member.entity';
import { MemberCategory } from '../member/member.enums';
import { type Membership, membershipActivity } from '../member/membership.entity';
import type { SeedRow } from './bulk-insert';
import { firstDayOfYear, isoDate, lastDayOfYear, yearOfDay } from './calendar';
import { SEED_INSTANT, stampOf } from './dataset-clock';
import { FIRST_YEAR, LAST_CLOSED_YEAR, LAST_PROJECT_YEAR, type PoleProfile } from './pole-profiles';
import type { SeededRandom } from './random';
import { REGIONS } from './reference';
import { lookUp, type ReferenceIds } from './reference-seed';
import {
  ASSOCIATION_SUBJECTS,
  COMPANY_DESCRIPTORS,
  COMPANY_ENDINGS,
  COMPANY_STEMS,
  FIRST_NAMES,
  LAST_NAMES,
  LEGAL_FORMS_BY_CATEGORY,
  NOTABLE_PEOPLE,
  REGION_ECONOMY,
  RESEARCH_FIELDS,
  TRAINING_FIELDS,
} from './vocabulary';

/** Members per unit of scale. */
export const MEMBERS_PER_SCALE = 18_000;
/** Memberships per unit of scale: members belong to 1.4 poles on average. */
export const MEMBERSHIPS_PER_SCALE = 25_000;

/**
 * Share of each category among members, in percent, met exactly by quota. The brief gave
 * MID_SIZE 9 % + LARGE 9 %, which with the other shares adds up to 109 %: mid-size and large
 * firms share the 9 % that makes the total 100 % (close to the 8 % ETI + 7 % large firms of an
 * average pole in 2012, once research and training take their part).
 */
export const MEMBER_CATEGORY_SHARES: Readonly<Record<MemberCategory, number>> = {
  [MemberCategory.MICRO]: 31,
  [MemberCategory.SME]: 31,
  [MemberCategory.MID_SIZE]: 9,
  [MemberCategory.LARGE]: 9,
  [MemberCategory.RESEARCH]: 8,
  // The network's figures leave 12% to training bodies, public bodies and others.
  [MemberCategory.TRAINING]: 4,
  [MemberCategory.PUBLIC_BODY]: 4,
  [MemberCategory.OTHER]: 4,
};

const COMPANY_CATEGORIES: ReadonlySet<MemberCategory> = new Set([
  MemberCategory.MICRO,
  MemberCategory.SME,
  MemberCategory.MID_SIZE,
  MemberCategory.LARGE,
]);

/** Yearly fee range in euros, by category (fees are rounded to 10 €). */
const FEE_RANGE: Readonly<Record<MemberCategory, readonly [number, number]>> = {
  MICRO: [100, 400],
  SME: [400, 2_500],
  MID_SIZE: [2_500, 8_000],
  LARGE: [8_000, 30_000],
  RESEARCH: [500, 5_000],
  TRAINING: [500, 4_000],
  PUBLIC_BODY: [1_000, 20_000],
  OTHER: [100, 1_500],
};

/** Chance of a board seat, by category: about 5 % of memberships overall. */
const BOARD_SEAT_CHANCE: Readonly<Record<MemberCategory, number>> = {
  MICRO: 0.02,
  SME: 0.05,
  MID_SIZE: 0.08,
  LARGE: 0.15,
  RESEARCH: 0.08,
  TRAINING: 0.05,
  PUBLIC_BODY: 0.08,
  OTHER: 0.03,
};

export interface MembersDataset {
  members: SeedRow<Member>[];
  memberships: SeedRow<Membership>[];
  /** Category of member id `i + 1` at index `i`. */
  categories: MemberCategory[];
  /** Member ids with a membership running during the year: `[poleIndex][year - FIRST_YEAR]`. */
  memberIdsByPoleYear: number[][][];
  /** Memberships running on 31 December: `[poleIndex][year - FIRST_YEAR]`. */
  membersAtYearEnd: number[][];
}

/** True for micro firms, SMEs, mid-size and large firms. */
export function isCompany(category: MemberCategory): boolean {
  return COMPANY_CATEGORIES.has(category);
}

/** Members (ids 1..n in array order) and their memberships of the poles. */
export function generateMembers(
  random: SeededRandom,
  ids: ReferenceIds,
  poles: readonly PoleProfile[],
  scale: number,
): MembersDataset {
  const memberCount = MEMBERS_PER_SCALE * scale;
  const categories = random.fork('categories').shuffle(categoriesByQuota(memberCount));
  const regionCodes = REGIONS.map((region) => region.code);
  const names = random.fork('names');
  const places = random.fork('places');
  const sirens = new Set<string>();
  const usedNames = new Set<string>();
  const members: SeedRow<Member>[] = [];
  const memberRegionCodes: string[] = [];
  for (const category of categories) {
    const regionCode = places.weightedPick(
      regionCodes,
      (code) => REGION_ECONOMY[code]?.weight ?? 0.2,
    );
    const region = REGIONS.find((candidate) => candidate.code === regionCode);
    const city = places.pick(REGION_ECONOMY[regionCode]?.cities ?? [region?.name ?? regionCode]);
    const name = distinctName(names, category, city, usedNames);
    const domain = `${domainLabel(withoutLegalForm(name))}.fr`;
    const hasWebsite = names.chance(
      isCompany(category) ? 0.92 : category === MemberCategory.OTHER ? 0.7 : 1,
    );
    const hasContact = names.chance(0.9);
    const firstName = names.pick(FIRST_NAMES);
    const lastName = names.pick(LAST_NAMES);
    members.push({
      name,
      siren: uniqueSiren(names, category, sirens),
      category,
      regionId: lookUp(ids.regionIdByCode, regionCode, 'member region'),
      city,
      headcount: headcountOf(names, category),
      website: hasWebsite ? `https://www.${domain}` : null,
      contactName: hasContact ? `${firstName} ${lastName}` : null,
      contactEmail: hasContact ? `${emailPart(firstName)}.${emailPart(lastName)}@${domain}` : null,
      version: 1,
      createdAt: SEED_INSTANT,
      updatedAt: SEED_INSTANT,
    });
    memberRegionCodes.push(regionCode);
  }

  const { memberships, memberIdsByPoleYear, membersAtYearEnd } = generateMemberships(
    random.fork('memberships'),
    ids,
    poles,
    categories,
    memberRegionCodes,
    MEMBERSHIPS_PER_SCALE * scale,
  );
  return { members, memberships, categories, memberIdsByPoleYear, membersAtYearEnd };
}

/** Exactly `count × share` members of each category (largest remainders round), in enum order. */
function categoriesByQuota(count: number): MemberCategory[] {
  const entries = Object.entries(MEMBER_CATEGORY_SHARES) as [MemberCategory, number][];
  const totalShare = entries.reduce((sum, [, share]) => sum + share, 0);
  const quotas = entries.map(([category, share], index) => ({
    category,
    index,
    count: Math.floor((count * share) / totalShare),
    remainder: (count * share) % totalShare,
  }));
  let left = count - quotas.reduce((sum, quota) => sum + quota.count, 0);
  for (const quota of [...quotas].sort((a, b) => b.remainder - a.remainder || a.index - b.index)) {
    if (left === 0) break;
    quota.count += 1;
    left -= 1;
  }
  return quotas.flatMap((quota) => Array<MemberCategory>(quota.count).fill(quota.category));
}

function generateMemberships(
  random: SeededRandom,
  ids: ReferenceIds,
  poles: readonly PoleProfile[],
  categories: readonly MemberCategory[],
  memberRegionCodes: readonly string[],
  target: number,
): Pick<MembersDataset, 'memberships' | 'memberIdsByPoleYear' | 'membersAtYearEnd'> {
  const memberCount = categories.length;
  // How many poles each member joins, by quota so the total is exactly `target`: 9 % join
  // three poles, enough join two to make up the rest, the others one.
  const triple = Math.round(memberCount * 0.09);
  const double = Math.max(0, target - memberCount - 2 * triple);
  const poleCounts = random.shuffle([
    ...Array<number>(triple).fill(3),
    ...Array<number>(double).fill(2),
    ...Array<number>(Math.max(0, memberCount - triple - double)).fill(1),
  ]);

  // A pole draws members in proportion to its size and to how long it has existed, and mostly
  // from its own region (headquarters ×8, other covered regions ×4).
  const baseWeights = poles.map((pole) => {
    const years = Math.min(pole.activeUntil, LAST_CLOSED_YEAR) - pole.activeFrom + 1;
    return (pole.size * Math.max(1, years)) / (LAST_CLOSED_YEAR - FIRST_YEAR + 1);
  });
  const weightsByRegion = new Map<string, number[]>();
  for (const code of new Set(memberRegionCodes)) {
    const regionId = lookUp(ids.regionIdByCode, code, 'member region');
    weightsByRegion.set(
      code,
      poles.map((pole, index) => {
        const affinity =
          pole.regionId === regionId ? 8 : pole.coveredRegionIds.includes(regionId) ? 4 : 1;
        return (baseWeights[index] ?? 0) * affinity;
      }),
    );
  }

  const yearCount = LAST_PROJECT_YEAR - FIRST_YEAR + 1;
  const memberIdsByPoleYear = poles.map(() =>
    Array.from({ length: yearCount }, (): number[] => []),
  );
  const membersAtYearEnd = poles.map(() => Array<number>(yearCount).fill(0));
  const memberships: SeedRow<Membership>[] = [];
  const poleIndexes = poles.map((pole) => pole.index);
  const lastClosedDay = lastDayOfYear(LAST_CLOSED_YEAR);

  for (let memberIndex = 0; memberIndex < memberCount; memberIndex += 1) {
    const memberId = memberIndex + 1;
    const category = categories[memberIndex] as MemberCategory;
    const weights = weightsByRegion.get(memberRegionCodes[memberIndex] as string) ?? baseWeights;
    const chosen = new Set<number>();
    const wanted = Math.min(poleCounts[memberIndex] ?? 1, poles.length);
    while (chosen.size < wanted) {
      chosen.add(
        random.weightedPick(poleIndexes, (index) =>
          chosen.has(index) ? 0 : (weights[index] ?? 0),
        ),
      );
    }
    for (const poleIndex of chosen) {
      const pole = poles[poleIndex] as PoleProfile;
      const lastYear = Math.min(pole.activeUntil, LAST_CLOSED_YEAR);
      const limitDay = lastDayOfYear(lastYear);
      // Starts at least a month before the pole's last day, so the adhesion lasts.
      const startDay = Math.min(
        firstDayOfYear(random.int(pole.activeFrom, lastYear)) + random.int(0, 364),
        limitDay - 30,
      );
      let endDay: number | null = null;
      if (random.chance(0.25) && startDay + 180 < Math.min(limitDay, lastClosedDay)) {
        endDay = random.int(startDay + 180, Math.min(limitDay, lastClosedDay));
      } else if (pole.activeUntil <= LAST_CLOSED_YEAR) {
        // The pole stopped: its remaining adhesions ended with it.
        endDay = limitDay;
      }
      const [feeMin, feeMax] = FEE_RANGE[category];
      const endDate = endDay === null ? null : isoDate(endDay);
      memberships.push({
        memberId,
        poleId: pole.id,
        startDate: isoDate(startDay),
        endDate,
        ...membershipActivity(endDate),
        yearlyFee: random.chance(0.03)
          ? null
          : formatCents(random.int(feeMin / 10, feeMax / 10) * 1000),
        boardSeat: random.chance(BOARD_SEAT_CHANCE[category]),
        version: 1,
        createdAt: stampOf(startDay),
        updatedAt: stampOf(endDay ?? startDay),
      });
      const firstYear = yearOfDay(startDay);
      const lastActiveYear = endDay === null ? LAST_PROJECT_YEAR : yearOfDay(endDay);
      for (let year = firstYear; year <= lastActiveYear; year += 1) {
        memberIdsByPoleYear[poleIndex]?.[year - FIRST_YEAR]?.push(memberId);
        const yearEnd = lastDayOfYear(year);
        if (year < LAST_PROJECT_YEAR && (endDay === null || endDay >= yearEnd)) {
          const counts = membersAtYearEnd[poleIndex] as number[];
          counts[year - FIRST_YEAR] = (counts[year - FIRST_YEAR] ?? 0) + 1;
        }
      }
    }
  }
  return { memberships, memberIdsByPoleYear, membersAtYearEnd };
}

/**
 * A name no member has yet, when a few draws can find one; homonyms exist in the real registry
 * too, so past that a repeated name is kept.
 */
function distinctName(
  random: SeededRandom,
  category: MemberCategory,
  city: string,
  used: Set<string>,
): string {
  let name = memberName(random, category, city);
  for (let attempt = 0; attempt < 5 && used.has(name); attempt += 1) {
    name = memberName(random, category, city);
  }
  used.add(name);
  return name;
}

function memberName(random: SeededRandom, category: MemberCategory, city: string): string {
  const of = ofPlace(city);
  switch (category) {
    case MemberCategory.MICRO:
    case MemberCategory.SME:
    case MemberCategory.MID_SIZE:
    case MemberCategory.LARGE:
      return companyName(random, category, city);
    case MemberCategory.RESEARCH:
      return random.pick([
        () => `Laboratoire ${random.pick(RESEARCH_FIELDS)} ${of}`,
        () => `Institut ${random.pick(RESEARCH_FIELDS)} ${of}`,
        () => `Centre d’études ${random.pick(RESEARCH_FIELDS)} ${of}`,
        () =>
          `Unité mixte de recherche ${random.int(5000, 9999)} – ` +
          `Laboratoire ${random.pick(RESEARCH_FIELDS)}`,
      ])();
    case MemberCategory.TRAINING:
      return random.pick([
        () => `Université ${of}`,
        () => `Faculté des sciences ${of}`,
        () => `IUT ${of} – département ${random.pick(TRAINING_FIELDS)}`,
        () => `École d’ingénieurs en ${random.pick(TRAINING_FIELDS)} ${of}`,
        () => `Lycée professionnel ${random.pick(NOTABLE_PEOPLE).replace(/-/g, ' ')} (${city})`,
        () => `CFA de l’industrie ${of}`,
      ])();
    case MemberCategory.PUBLIC_BODY:
      return random.pick([
        () => `Communauté d’agglomération ${of}`,
        () => `Communauté urbaine ${of}`,
        () => `Chambre de commerce et d’industrie ${of}`,
        () => `Chambre de métiers et de l’artisanat ${of}`,
        () => `Agence de développement économique ${of}`,
        () => `Technopole ${of}`,
        () => `Syndicat mixte du parc d’activités ${of}`,
      ])();
    case MemberCategory.OTHER:
      return random.pick([
        () => `Association ${random.pick(ASSOCIATION_SUBJECTS)} ${of}`,
        () => `Fédération ${random.pick(ASSOCIATION_SUBJECTS)} ${of}`,
        () => `${random.pick(COMPANY_STEMS)}${random.pick(COMPANY_ENDINGS)} Capital`,
        () => `Cabinet ${random.pick(LAST_NAMES)} Conseil`,
        () => `Club des entreprises ${of}`,
        () => `Fonds de dotation ${random.pick(COMPANY_STEMS)}${random.pick(COMPANY_ENDINGS)}`,
      ])();
  }
}

function companyName(
  random: SeededRandom,
  category: 'MICRO' | 'SME' | 'MID_SIZE' | 'LARGE',
  city: string,
): string {
  const legalForm = random.pick(LEGAL_FORMS_BY_CATEGORY[category]);
  const invented = `${random.pick(COMPANY_STEMS)}${random.pick(COMPANY_ENDINGS)}`;
  const base = random.pick([
    () => invented,
    () => `${invented} ${random.pick(COMPANY_DESCRIPTORS)}`,
    () => `${random.pick(LAST_NAMES)} ${random.pick(COMPANY_DESCRIPTORS)}`,
    () =>
      category === 'LARGE' ? `Groupe ${invented}` : `Établissements ${random.pick(LAST_NAMES)}`,
    () =>
      category === 'MICRO' || category === 'SME' ? `${invented} ${city}` : `${invented} Group`,
  ])();
  return `${base} ${legalForm}`;
}

/** "de Lyon", "d’Angers", "du Mans", "des Abymes": French for "of <place>". */
function ofPlace(place: string): string {
  if (place.startsWith('Le ')) return `du ${place.slice(3)}`;
  if (place.startsWith('Les ')) return `des ${place.slice(4)}`;
  if (/^[AEIOUYÉÈÊÎÔÂH]/.test(place)) return `d’${place}`;
  return `de ${place}`;
}

/** The name without its legal form, for the web domain. */
function withoutLegalForm(name: string): string {
  return name.replace(/ (SAS|SASU|SARL|EURL|SA|SE|SCA)$/, '');
}

/** The name as a domain label: ASCII words joined by hyphens, whole words up to 40 characters. */
function domainLabel(text: string): string {
  const words = asciiLower(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let label = words[0] ?? 'membre';
  for (const word of words.slice(1)) {
    if (label.length + 1 + word.length > 40) break;
    label = `${label}-${word}`;
  }
  return label;
}

function emailPart(text: string): string {
  return asciiLower(text).replace(/[^a-z0-9]+/g, '');
}

function asciiLower(text: string): string {
  return text
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * A SIREN no other member has. Local authorities' numbers start with 2, as the INSEE gives
 * them; firms and associations draw from 3 to 9.
 */
function uniqueSiren(random: SeededRandom, category: MemberCategory, taken: Set<string>): string {
  for (;;) {
    const leading = category === MemberCategory.PUBLIC_BODY ? 2 : random.int(3, 9);
    const siren = sirenWithCheckDigit(
      `${leading}${String(random.int(0, 9_999_999)).padStart(7, '0')}`,
    );
    if (!taken.has(siren)) {
      taken.add(siren);
      return siren;
    }
  }
}

/** A headcount in the category's legal band, small sizes more frequent; sometimes unknown. */
function headcountOf(random: SeededRandom, category: MemberCategory): number | null {
  const skewed = (min: number, max: number, power: number) =>
    min + Math.floor((max - min + 1) * random.next() ** power);
  switch (category) {
    case MemberCategory.MICRO:
      return random.chance(0.05) ? null : random.int(1, 9);
    case MemberCategory.SME:
      return skewed(10, 249, 2);
    case MemberCategory.MID_SIZE:
      return skewed(250, 4_999, 2);
    case MemberCategory.LARGE:
      return skewed(5_000, 150_000, 3);
    case MemberCategory.RESEARCH:
      return random.chance(0.15) ? null : skewed(10, 1_000, 2);
    case MemberCategory.TRAINING:
      return random.chance(0.1) ? null : skewed(20, 3_000, 2);
    case MemberCategory.PUBLIC_BODY:
      return random.chance(0.1) ? null : skewed(10, 2_000, 2);
    case MemberCategory.OTHER:
      return random.chance(0.3) ? null : skewed(1, 50, 2);
  }
}
