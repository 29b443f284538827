import 'reflect-metadata';

import type { DataSource } from 'typeorm';

import {
  FundingProgramme,
  ProgrammeLevel,
} from '../server/src/funding-programme/funding-programme.entity';
import { Member } from '../server/src/member/member.entity';
import { MemberCategory } from '../server/src/member/member.enums';
import { Membership } from '../server/src/member/membership.entity';
import { Ministry } from '../server/src/ministry/ministry.entity';
import { Pole } from '../server/src/pole/pole.entity';
import { PoleKind, PoleStatus } from '../server/src/pole/pole.enums';
import { PoleYear } from '../server/src/pole/pole-year.entity';
import { Project } from '../server/src/project/project.entity';
import { PartnerRole, ProjectStatus } from '../server/src/project/project.enums';
import { ProjectPartner } from '../server/src/project/project-partner.entity';
import { ProjectStatusChange } from '../server/src/project/project-status-change.entity';
import { Region } from '../server/src/region/region.entity';
import { ClusterLabel } from '../server/src/selection/cluster-label.entity';
import { Criterion } from '../server/src/selection/criterion.entity';
import { Evaluation } from '../server/src/selection/evaluation.entity';
import { EvaluationScore } from '../server/src/selection/evaluation-score.entity';
import { LabellingDecision } from '../server/src/selection/labelling-decision.entity';
import { LabellingPhase } from '../server/src/selection/labelling-phase.entity';
import {
  ClusterLabelLevel,
  CriterionMeasurement,
  LabellingOutcome,
  PoleIndicator,
} from '../server/src/selection/selection.enums';
import { Theme } from '../server/src/theme/theme.entity';
import {
  createEmptyDatabase,
  type TestDatabase,
  testDatabaseKinds,
} from './helpers/test-databases';

/** Saves `values` as a new `Entity` row and returns it as the database gives it back. */
async function roundTrip<T extends object>(
  dataSource: DataSource,
  entity: new () => T,
  values: Partial<T>,
): Promise<T> {
  const repository = dataSource.getRepository(entity);
  const saved = await repository.save(repository.create(values as T));
  const reloaded = await repository.findOneByOrFail({ id: (saved as { id: number }).id } as never);
  expect(reloaded).toMatchObject(values);
  expect(reloaded).toMatchObject({
    createdAt: expect.any(Date),
    updatedAt: expect.any(Date),
  } as never);
  return reloaded;
}

describe.each(testDatabaseKinds())('entities on %s', (kind) => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createEmptyDatabase(kind, 'entities');
    dataSource = database.dataSource;
  });
  afterAll(() => database?.drop());

  it('round-trips every entity and relation', async () => {
    const region = await roundTrip(dataSource, Region, {
      code: '84',
      name: 'Auvergne-Rhône-Alpes',
      overseas: false,
    });
    const reunion = await roundTrip(dataSource, Region, {
      code: '04',
      name: 'La Réunion',
      overseas: true,
    });
    const ministry = await roundTrip(dataSource, Ministry, {
      code: 'ECO',
      name: 'Ministère de l’Économie, des Finances et de l’Industrie',
      shortName: 'Économie',
      leadsPolicy: true,
    });
    const theme = await roundTrip(dataSource, Theme, {
      code: 'HEALTH',
      name: 'Santé',
      nameEn: 'Health',
    });
    const programme = await roundTrip(dataSource, FundingProgramme, {
      code: 'HORIZON_EUROPE',
      name: 'Horizon Europe',
      level: ProgrammeLevel.EUROPEAN,
      startYear: 2021,
      endYear: null,
      description: 'EU framework programme for research and innovation.',
    });
    const pole = await roundTrip(dataSource, Pole, {
      name: 'Lyonbiopôle',
      acronym: null,
      slug: 'lyonbiopole',
      kind: PoleKind.COMPETITIVENESS_CLUSTER,
      status: PoleStatus.LABELLED,
      headquartersRegionId: region.id,
      city: 'Lyon',
      foundedYear: 2005,
      website: 'https://www.lyonbiopole.com',
    });
    const otherPole = await roundTrip(dataSource, Pole, {
      name: 'Qualitropic',
      acronym: null,
      slug: 'qualitropic',
      kind: PoleKind.COMPETITIVENESS_CLUSTER,
      status: PoleStatus.LABELLED,
      headquartersRegionId: reunion.id,
      city: 'Saint-Pierre',
      foundedYear: 2005,
      website: null,
    });
    await dataSource
      .getRepository(Pole)
      .save({ ...pole, coveredRegions: [reunion], themes: [theme] });
    const poleYear = await roundTrip(dataSource, PoleYear, {
      poleId: pole.id,
      year: 2024,
      budget: '2350000.50',
      privateFundingShare: '0.5625',
      staff: 21,
      europeTeamFte: '2.50',
      membersCount: 260,
    });
    const member = await roundTrip(dataSource, Member, {
      name: 'Biotech Rhône SAS',
      siren: '732829320',
      category: MemberCategory.SME,
      regionId: region.id,
      city: 'Lyon',
      headcount: 85,
      website: null,
      contactName: 'Claire Martin',
      contactEmail: 'claire.martin@example.fr',
    });
    const membership = await roundTrip(dataSource, Membership, {
      memberId: member.id,
      poleId: pole.id,
      startDate: '2019-01-01',
      endDate: null,
      yearlyFee: '1200.00',
      boardSeat: true,
    });
    const project = await roundTrip(dataSource, Project, {
      acronym: 'VIRO-TEST',
      title: 'Vaccins thermostables',
      summary: 'Un projet de test.',
      programmeId: programme.id,
      leadPoleId: pole.id,
      coordinatorId: member.id,
      status: ProjectStatus.FUNDED,
      submittedOn: '2022-03-01',
      decisionOn: '2022-09-15',
      startOn: null,
      endOn: null,
      totalBudget: '4200000.10',
      publicFundingRequested: '2100000.05',
      publicFundingGranted: '1999999.99',
    });
    await dataSource
      .getRepository(Project)
      .save({ ...project, coLabellingPoles: [otherPole], themes: [theme] });
    const partner = await roundTrip(dataSource, ProjectPartner, {
      projectId: project.id,
      memberId: member.id,
      role: PartnerRole.COORDINATOR,
      budgetSharePercent: '62.50',
    });
    const change = await roundTrip(dataSource, ProjectStatusChange, {
      projectId: project.id,
      fromStatus: null,
      toStatus: ProjectStatus.DRAFT,
      changedAt: new Date('2022-01-10T09:30:00.000Z'),
      changedBy: 'seed',
      comment: null,
    });
    const phase = await roundTrip(dataSource, LabellingPhase, {
      number: 5,
      name: 'Phase V',
      startYear: 2023,
      endYear: 2026,
      description: 'Phase V',
    });
    const criterion = await roundTrip(dataSource, Criterion, {
      phaseId: phase.id,
      code: 'PRIVATE_FUNDING',
      name: 'Autonomie financière',
      description: 'At least half of the budget is private.',
      measurement: CriterionMeasurement.INDICATOR,
      indicator: PoleIndicator.PRIVATE_FUNDING_SHARE,
      threshold: '0.5000',
    });
    const evaluation = await roundTrip(dataSource, Evaluation, {
      poleId: pole.id,
      phaseId: phase.id,
      ministryId: ministry.id,
      regionId: null,
      evaluatedOn: '2023-01-15',
      comments: 'Solide.',
    });
    const score = await roundTrip(dataSource, EvaluationScore, {
      evaluationId: evaluation.id,
      criterionId: criterion.id,
      score: '87.50',
    });
    const decision = await roundTrip(dataSource, LabellingDecision, {
      poleId: pole.id,
      phaseId: phase.id,
      outcome: LabellingOutcome.LABELLED,
      durationYears: 4,
      decidedOn: '2023-03-27',
      publishedOn: '2023-03-27',
      rationale: 'Labellisé pour quatre ans.',
    });
    const label = await roundTrip(dataSource, ClusterLabel, {
      poleId: pole.id,
      level: ClusterLabelLevel.GOLD,
      awardedOn: '2022-06-01',
      validUntil: '2024-05-31',
      scorePercent: '87.00',
      indicatorsPassed: 27,
      indicatorsTotal: 31,
    });

    // Every relation, read from the side that holds it (the inverse sides are the relation
    // graph's business: database/relationships.ts).
    const poleWithRelations = await dataSource.getRepository(Pole).findOneOrFail({
      where: { id: pole.id },
      relations: { headquartersRegion: true, coveredRegions: true, themes: true },
    });
    expect(poleWithRelations.headquartersRegion).toMatchObject({ code: '84' });
    expect(poleWithRelations.coveredRegions?.map((r) => r.code)).toEqual(['04']);
    expect(poleWithRelations.themes?.map((t) => t.code)).toEqual(['HEALTH']);
    const yearWithPole = await dataSource.getRepository(PoleYear).findOneOrFail({
      where: { id: poleYear.id },
      relations: { pole: true },
    });
    expect(yearWithPole.pole?.id).toBe(pole.id);

    const projectWithRelations = await dataSource.getRepository(Project).findOneOrFail({
      where: { id: project.id },
      relations: {
        programme: true,
        leadPole: true,
        coLabellingPoles: true,
        coordinator: true,
        themes: true,
      },
    });
    expect(projectWithRelations.programme).toMatchObject({ code: 'HORIZON_EUROPE' });
    expect(projectWithRelations.leadPole).toMatchObject({ slug: 'lyonbiopole' });
    expect(projectWithRelations.coLabellingPoles?.map((p) => p.slug)).toEqual(['qualitropic']);
    expect(projectWithRelations.coordinator).toMatchObject({ siren: '732829320' });
    expect(projectWithRelations.themes?.map((t) => t.code)).toEqual(['HEALTH']);
    const partnerWithRelations = await dataSource.getRepository(ProjectPartner).findOneOrFail({
      where: { id: partner.id },
      relations: { project: true, member: true },
    });
    expect([partnerWithRelations.project?.id, partnerWithRelations.member?.id]).toEqual([
      project.id,
      member.id,
    ]);
    const changeWithProject = await dataSource.getRepository(ProjectStatusChange).findOneOrFail({
      where: { id: change.id },
      relations: { project: true },
    });
    expect(changeWithProject.project?.id).toBe(project.id);

    const memberWithRegion = await dataSource.getRepository(Member).findOneOrFail({
      where: { id: member.id },
      relations: { region: true },
    });
    expect(memberWithRegion.region).toMatchObject({ code: '84' });
    expect(memberWithRegion.region?.id).toBe(region.id);
    const membershipWithRelations = await dataSource.getRepository(Membership).findOneOrFail({
      where: { id: membership.id },
      relations: { member: true, pole: true },
    });
    expect([membershipWithRelations.member?.id, membershipWithRelations.pole?.slug]).toEqual([
      member.id,
      'lyonbiopole',
    ]);

    const evaluationWithRelations = await dataSource.getRepository(Evaluation).findOneOrFail({
      where: { id: evaluation.id },
      relations: { pole: true, phase: true, ministry: true, region: true },
    });
    expect(evaluationWithRelations.ministry).toMatchObject({ code: 'ECO' });
    expect(evaluationWithRelations.region).toBeNull();
    expect(evaluationWithRelations.phase?.number).toBe(5);
    const scoreWithRelations = await dataSource.getRepository(EvaluationScore).findOneOrFail({
      where: { id: score.id },
      relations: { evaluation: true, criterion: { phase: true } },
    });
    expect([
      scoreWithRelations.evaluation?.id,
      scoreWithRelations.criterion?.code,
      scoreWithRelations.criterion?.phase?.number,
    ]).toEqual([evaluation.id, 'PRIVATE_FUNDING', 5]);

    const decisionWithRelations = await dataSource.getRepository(LabellingDecision).findOneOrFail({
      where: { id: decision.id },
      relations: { pole: true, phase: true },
    });
    expect([decisionWithRelations.pole?.slug, decisionWithRelations.phase?.number]).toEqual([
      'lyonbiopole',
      5,
    ]);
    const labelWithPole = await dataSource.getRepository(ClusterLabel).findOneOrFail({
      where: { id: label.id },
      relations: { pole: true },
    });
    expect(labelWithPole.pole?.slug).toBe('lyonbiopole');
  });

  it('keeps money exact to the cent', async () => {
    const amounts = await dataSource
      .getRepository(Project)
      .find({ select: { id: true, totalBudget: true } });
    expect(amounts.map((p) => p.totalBudget)).toEqual(['4200000.10']);
  });

  it('increments version on every update', async () => {
    const poles = dataSource.getRepository(Pole);
    const pole = await poles.findOneByOrFail({ slug: 'qualitropic' });
    await poles.save({ ...pole, city: 'Saint-Denis' });
    expect(await poles.findOneByOrFail({ slug: 'qualitropic' })).toMatchObject({
      city: 'Saint-Denis',
      version: pole.version + 1,
    });
  });

  it('refuses a duplicate SIREN and a dangling foreign key', async () => {
    const members = dataSource.getRepository(Member);
    const existing = await members.findOneByOrFail({ siren: '732829320' });
    await expect(
      members.insert({ ...existing, id: undefined, name: 'Copy' } as never),
    ).rejects.toThrow();
    await expect(
      dataSource
        .getRepository(Membership)
        .insert({ memberId: 999999, poleId: 999999, startDate: '2020-01-01' }),
    ).rejects.toThrow();
  });
});
