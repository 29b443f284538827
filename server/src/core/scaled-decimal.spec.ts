import {
  compareDecimals,
  formatDecimal,
  formatScaled,
  scaleDown,
  splitByWeights,
  toUnits,
} from './scaled-decimal';

describe('formatScaled', () => {
  it('places the decimal point without floats', () => {
    expect([formatScaled(123456, 2), formatScaled(5, 2), formatScaled(7, 0)]).toEqual([
      '1234.56',
      '0.05',
      '7',
    ]);
  });

  it('refuses negative and unsafe integers', () => {
    expect(() => formatScaled(-1, 2)).toThrow(RangeError);
    expect(() => formatScaled(2 ** 53, 2)).toThrow(RangeError);
  });
});

describe('toUnits', () => {
  it('reads decimals as integer units', () => {
    expect([toUnits('1250.5', 2), toUnits('-3', 2), toUnits(' 0.07 ', 2)]).toEqual([
      125050, -300, 7,
    ]);
  });

  it('refuses digits beyond the scale instead of rounding', () => {
    expect(() => toUnits('1.005', 2)).toThrow('at most 2 decimals');
  });
});

describe('scaleDown and splitByWeights', () => {
  it('floors an exact product', () => {
    expect(scaleDown(1001, 1, 2)).toBe(500);
  });

  it('splits a total exactly, each part at least its minimum', () => {
    const parts = splitByWeights(1000, [1, 1, 1], [0, 0, 100]);
    expect(parts.reduce((sum, part) => sum + part, 0)).toBe(1000);
    expect(parts).toEqual([300, 300, 400]);
  });
});

describe('compareDecimals', () => {
  it('compares exactly whatever the number of decimals', () => {
    expect([
      compareDecimals('10.5', '10.50'),
      compareDecimals('9999999999999999.01', '9999999999999999.1'),
      compareDecimals('-1', '0'),
    ]).toEqual([0, -1, -1]);
  });
});

describe('formatDecimal', () => {
  it('gives exactly `scale` decimals for floats and strings, null for null', () => {
    expect([
      formatDecimal(12.5, 2),
      formatDecimal('12.345', 2),
      formatDecimal('7', 2),
      formatDecimal(null, 2),
    ]).toEqual(['12.50', '12.34', '7.00', null]);
  });
});
