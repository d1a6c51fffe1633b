/**
 * Which agencies make a province figure (shared/spec/DOMAIN.md, "Which figures make a province
 * figure"): counts of procedures come from one owner, never a sum over tabs.
 */
import { consolidate } from '../../src/core/consolidate';
import { isoDate } from '../../src/core/dates';
import { rowMode } from '../../src/core/form';
import { validateAgency } from '../../src/core/validate';
import { CLEAN_SO, SO, XA, catalog, settingsFor, tabFor } from '../helpers';

const PROCEDURE_COUNTS = ['3.1.1', '3.1.2', '3.2.1', '3.2.2', '3.3.1', '3.3.2', '3.5.1', '3.5.2', '3.5.3'];

describe('counts of procedures are one province figure from their owner', () => {
  const settings = settingsFor([
    SO('Văn phòng UBND tỉnh'),
    SO('Sở Y tế'),
    XA('UBND xã An Phú'),
    XA('UBND xã Bình Hòa'),
  ]);
  const sent = { status: 'Đã gửi', sentOn: new Date(2026, 8, 18) };

  it('asks them of Văn phòng UBND tỉnh by default and locks them on every other tab', () => {
    for (const code of [...PROCEDURE_COUNTS, '7.8.1', '7.8.2']) {
      expect(settings.owners[code]).toBe('Văn phòng UBND tỉnh');
      for (const agency of settings.agencies) {
        const mode = rowMode(catalog, settings, agency, catalog.must(code));
        expect(mode.kind).toBe(agency.name === 'Văn phòng UBND tỉnh' ? 'input' : 'owned-by');
      }
    }
  });

  it('never adds communes’ copies of the same ~100 procedures to the province figure', () => {
    // Seed 000: 991 procedures publicised; every commune applies the same ~100 commune procedures.
    const tabs = [
      tabFor(settings, 'Văn phòng UBND tỉnh', {
        ...sent,
        values: { ...CLEAN_SO, '3.2.1': 991, '3.2.2': 684, '3.5.1': 1949 },
      }),
      tabFor(settings, 'Sở Y tế', { ...sent, values: { ...CLEAN_SO, '3.2.1': 140 } }),
      tabFor(settings, 'UBND xã An Phú', { ...sent, values: { ...CLEAN_SO, '3.2.1': 102 } }),
      tabFor(settings, 'UBND xã Bình Hòa', { ...sent, values: { ...CLEAN_SO, '3.2.1': 102 } }),
    ];
    const results = tabs.map((t) =>
      validateAgency(catalog, settings, t.agency, t.report(), { today: isoDate(2026, 9, 30), isProtected: true }),
    );
    const summary = consolidate(catalog, settings, results);
    expect(summary.indicators.get('3.2.1')!.value).toBe(991);
    expect(summary.indicators.get('3.5.1')!.value).toBe(1949);
    expect(summary.indicators.get('3.2.1')!.ignored!.map((i) => i.agency)).toEqual([
      'Sở Y tế',
      'UBND xã An Phú',
      'UBND xã Bình Hòa',
    ]);
    // A figure typed on a locked row is a warning at its cell, not a silent loss.
    const commune = results.find((r) => r.agency.name === 'UBND xã An Phú')!;
    expect(commune.findings.map((f) => f.message).join('\n')).toContain('do Văn phòng UBND tỉnh cung cấp');
  });
});
