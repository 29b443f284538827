import type { PoleIndicators } from '../pole/pole-indicators.types';
import { CriterionMeasurement, CriterionValueStatus, PoleIndicator } from './selection.enums';
import { criterionValue, runningPhaseOf } from './selection-dashboard.rules';

const indicators = {
  activeMembers: 120,
  smeShare: null,
  privateFundingShare: '0.4200',
  fundingRaised: '1500000.00',
} as unknown as PoleIndicators;

const indicator = (which: PoleIndicator) => ({
  id: 1,
  measurement: CriterionMeasurement.INDICATOR,
  indicator: which,
});
const score = { id: 7, measurement: CriterionMeasurement.SCORE, indicator: null };

describe('criterionValue', () => {
  it('gives a public indicator to every caller', () => {
    expect(
      criterionValue(indicator(PoleIndicator.MEMBERS_COUNT), indicators, new Map(), false),
    ).toEqual({
      value: '120',
      valueStatus: CriterionValueStatus.KNOWN,
    });
  });

  it('says MISSING for an indicator with no figures, to every caller', () => {
    for (const detail of [false, true])
      expect(
        criterionValue(indicator(PoleIndicator.SME_SHARE), indicators, new Map(), detail),
      ).toEqual({
        value: null,
        valueStatus: CriterionValueStatus.MISSING,
      });
  });

  it('says CONFIDENTIAL for a detail indicator without the pole’s detail right, and gives it with', () => {
    for (const which of [PoleIndicator.PRIVATE_FUNDING_SHARE, PoleIndicator.FUNDING_RAISED]) {
      expect(criterionValue(indicator(which), indicators, new Map(), false)).toEqual({
        value: null,
        valueStatus: CriterionValueStatus.CONFIDENTIAL,
      });
      expect(criterionValue(indicator(which), indicators, new Map(), true).valueStatus).toBe(
        CriterionValueStatus.KNOWN,
      );
    }
  });

  it('says CONFIDENTIAL for a detail indicator without the right even when there is no figure', () => {
    const none = { ...indicators, privateFundingShare: null } as PoleIndicators;
    expect(
      criterionValue(indicator(PoleIndicator.PRIVATE_FUNDING_SHARE), none, new Map(), false),
    ).toEqual({ value: null, valueStatus: CriterionValueStatus.CONFIDENTIAL });
    expect(
      criterionValue(indicator(PoleIndicator.PRIVATE_FUNDING_SHARE), none, new Map(), true),
    ).toEqual({ value: null, valueStatus: CriterionValueStatus.MISSING });
  });

  it('gives a score averaged over the evaluations the caller sees, else says why there is none', () => {
    const averages = new Map([[7, '72.50']]);
    // A region officer sees its own region's evaluations of a pole elsewhere: their average.
    expect(criterionValue(score, indicators, averages, false)).toEqual({
      value: '72.50',
      valueStatus: CriterionValueStatus.KNOWN,
    });
    expect(criterionValue(score, indicators, new Map(), false)).toEqual({
      value: null,
      valueStatus: CriterionValueStatus.CONFIDENTIAL,
    });
    expect(criterionValue(score, indicators, new Map(), true)).toEqual({
      value: null,
      valueStatus: CriterionValueStatus.MISSING,
    });
  });
});

describe('runningPhaseOf', () => {
  const phases = [
    { number: 4, startYear: 2019, endYear: 2022 },
    { number: 5, startYear: 2023, endYear: 2026 },
  ];
  it('opens the phase running this year', () => {
    expect(runningPhaseOf(phases, new Date('2024-06-01'))?.number).toBe(5);
  });
  it('between or after the phases, the latest that has begun; before them, the first', () => {
    expect(runningPhaseOf(phases, new Date('2030-01-01'))?.number).toBe(5);
    expect(runningPhaseOf(phases, new Date('2001-01-01'))?.number).toBe(4);
  });
});
