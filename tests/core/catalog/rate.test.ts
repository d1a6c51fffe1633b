import { rateFrom, rateOperands, readsCount } from '../../../src/core/catalog/rate';
import { catalog } from '../../helpers';

describe('a rate, defined once', () => {
  it('reads the counts shared/spec/indicators.csv names: 3.4.1 is 3.4.b.1 over 3.4.b', () => {
    const f = catalog.formula('3.4.1')!;
    expect(rateOperands(f)).toEqual(['3.4.b.1', '3.4.b']);
    expect(readsCount(f, '3.4.b')).toBe(true);
    expect(readsCount(f, '3.4.a')).toBe(false);
  });

  it('is a share in points, and nothing at all when there is no denominator (0/0 is "không phát sinh")', () => {
    const ratio = { kind: 'ratio', num: 'a', den: 'b' } as const;
    expect(rateFrom(ratio, 1816, 1949)).toBeCloseTo(93.176, 3);
    expect(rateFrom(ratio, 0, 0)).toBeNull();
    expect(rateFrom(ratio, 5, 0)).toBeNull();
  });

  it('is the reduction from a base for the staffing cut (biên chế 2015 to now)', () => {
    const reduction = { kind: 'reduction', base: 'a', now: 'b' } as const;
    expect(rateFrom(reduction, 2000, 1800)).toBe(10);
    expect(rateFrom(reduction, 0, 0)).toBeNull();
  });
});
