import { isValidSiren, sirenWithCheckDigit } from './siren';

describe('SIREN', () => {
  it('accepts a number with a correct Luhn digit and completes eight digits', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(sirenWithCheckDigit('73282932')).toBe('732829320');
  });

  it('refuses a wrong check digit or a wrong length', () => {
    expect(['732829321', '73282932', '7328293200'].map(isValidSiren)).toEqual([
      false,
      false,
      false,
    ]);
  });
});
