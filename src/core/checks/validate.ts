/**
 * Validation rules. Each finding has a stable rule id, a severity, the cell, the indicator and a
 * Vietnamese message saying what is wrong and what to do. Validation only reads.
 */
import { Catalog, Severity } from '../catalog/catalog';
import { retiredIndicator, versionLabel } from '../catalog/versions';
import { AgencyStatus } from './status';
import { IsoDate, formatDmy } from '../primitives/dates';
import { formRows, RowMode } from '../form/row-modes';
import { formatNumber, formatPercent } from '../primitives/numbers';
import { AgencyReport, ParsedRow, valueOf } from '../form/parse';
import { Agency, FormSettings, Schedule } from '../settings';
import { TABLE_HEADER } from '../form/template';
import { EPS, checkValue } from './check-value';
import { AddFn, Finding, MENU_STEPS, RuleId, TabProblem } from './rules';
import { rateFrom, rateOperands, readsCount } from '../catalog/rate';

export interface AgencyResult {
  readonly agency: Agency;
  readonly status: AgencyStatus;
  readonly errors: number;
  readonly warnings: number;
  readonly findings: readonly Finding[];
  readonly report: AgencyReport | null;
}

/** Figures every agency reports each period; a blank one is an error. */
export const REQUIRED_CODES = [
  '1.1.1',
  '1.1.2',
  '3.4.a',
  '3.4.a.1',
  '3.4.a.2',
  '3.4.b',
  '3.4.b.1',
  '3.4.b.2',
  '3.4.c',
  '4.2.1',
  '4.2.2',
];

/** A stated percentage may differ from its counts by truncation or rounding to two decimals. */
export const RATIO_TOLERANCE = 0.01;

export function validateAgency(
  catalog: Catalog,
  settings: FormSettings,
  agency: Agency,
  report: AgencyReport | null,
  context: { today: IsoDate; isProtected: boolean | null; absent?: TabProblem | null },
): AgencyResult {
  const findings: Finding[] = [];
  const add = (rule: RuleId, severity: Severity, cell: string | null, indicator: string | null, message: string) =>
    findings.push({ agency: agency.name, sheet: agency.sheet, cell, indicator, rule, severity, message });

  if (!report && context.absent) {
    add(context.absent.rule, 'error', null, null, context.absent.message);
    return summarize(agency, findings, null);
  }
  if (!report) {
    add(
      'sheet-missing',
      'error',
      null,
      null,
      `Không tìm thấy trang "${agency.sheet}" của ${agency.name}. Nếu trang đã bị đổi tên, hãy đặt lại tên "${agency.sheet}" hoặc sửa cột "Tên trang tính" trên trang Thiết lập; nếu bị xóa, ${MENU_STEPS.regenerate}.`,
    );
    return summarize(agency, findings, null);
  }

  const where = `Trang "${agency.sheet}"`;
  checkStructure(report, where, add);
  checkVersion(catalog, report, where, add);
  if (context.isProtected === false) {
    add(
      'protection-removed',
      'warning',
      null,
      null,
      `${where} không còn được bảo vệ: người khác có thể sửa số liệu. Đơn vị tổng hợp ${MENU_STEPS.regenerate} để bảo vệ lại.`,
    );
  }

  const form = report.structure.some((s) => s.kind === 'no-table') ? [] : formRows(catalog, settings, agency);
  const modes = new Map<string, RowMode>(form.map((r) => [r.ind.code, r.mode]));
  for (const { ind } of form) {
    if (!report.rows.has(ind.code) && !report.groups.has(ind.code)) {
      add(
        'code-missing',
        'error',
        null,
        ind.code,
        `${where} thiếu dòng chỉ tiêu ${ind.code} "${ind.name}". Không xóa dòng trong biểu; đơn vị tổng hợp ${MENU_STEPS.regenerate} để bổ sung dòng thiếu.`,
      );
    }
  }

  for (const row of report.rows.values()) {
    const mode = modes.get(row.ind.code);
    if (!mode) continue; // a row not asked this period (e.g. district rows after 01/07/2025)
    if (mode.kind !== 'input') {
      if (row.reading.state !== 'blank') {
        const why =
          mode.kind === 'owned-by' ? `do ${mode.owner ?? 'đơn vị được chỉ định'} cung cấp` : 'không áp dụng với đơn vị';
        add(
          'value-not-applicable',
          'warning',
          row.cell,
          row.ind.code,
          `Ô ${row.cell} (chỉ tiêu ${row.ind.code}): chỉ tiêu này ${why}, số liệu nhập ở đây sẽ không được tổng hợp. Hãy xóa số liệu ở ô này.`,
        );
      }
      continue;
    }
    if (isRecomputable(catalog, report, row)) continue;
    checkValue(row, add, ratesFrom(modes, row.ind.code));
  }

  for (const code of REQUIRED_CODES) {
    const row = report.rows.get(code);
    if (row && modes.get(code)?.kind === 'input' && row.reading.state === 'blank') {
      add(
        'required-missing',
        'error',
        row.cell,
        code,
        `Ô ${row.cell} (chỉ tiêu ${code} "${row.ind.name}") chưa có số liệu. Đây là số liệu bắt buộc; nếu không phát sinh, hãy nhập 0.`,
      );
    }
  }

  checkRelations(catalog, report, modes, add);
  checkRatios(catalog, report, modes, add);
  checkStatus(settings, report, context.today, add);
  return summarize(agency, findings, report);
}

/** The rates the form computes from this count (their formulas read its cell). */
function ratesFrom(modes: ReadonlyMap<string, RowMode>, code: string): string[] {
  return [...modes].flatMap(([rate, m]) => {
    const f = m.kind === 'input' ? m.formula : null;
    return f && readsCount(f, code) ? [rate] : [];
  });
}

/**
 * A percentage computed by the template's formula shows #VALUE! when its counts were typed as
 * text ("1.949"). The counts themselves are read and checked, and consolidation recomputes the
 * rate from them, so the formula cell is not the user's mistake.
 */
function isRecomputable(catalog: Catalog, report: AgencyReport, row: ParsedRow): boolean {
  if (row.reading.state !== 'invalid' || row.reading.problem !== 'formula-error') return false;
  const f = catalog.formula(row.ind.code);
  if (!f) return false;
  const [a, b] = rateOperands(f);
  return valueOf(report, a) !== null && valueOf(report, b) !== null;
}

function checkStructure(report: AgencyReport, where: string, add: AddFn): void {
  for (const s of report.structure) {
    switch (s.kind) {
      case 'no-table':
        add(
          'table-missing',
          'error',
          null,
          null,
          `${where} không có bảng chỉ tiêu (dòng tiêu đề "${TABLE_HEADER.join(' | ')}"). Trang có thể đã bị xóa nội dung; đơn vị tổng hợp hãy kiểm tra hoặc tạo lại biểu mẫu.`,
        );
        break;
      case 'header-text':
        add(
          'header-text',
          'error',
          s.cell,
          null,
          `Ô ${s.cell}: tiêu đề cột phải là "${s.expected}" nhưng đang là "${s.found}". Hãy khôi phục tiêu đề cột.`,
        );
        break;
      case 'duplicate-code':
        add(
          'code-duplicate',
          'error',
          s.cell,
          s.code,
          `Ô ${s.cell}: mã chỉ tiêu ${s.code} đã có ở ô ${s.first}. Hãy xóa dòng lặp, chỉ giữ một dòng cho mỗi chỉ tiêu.`,
        );
        break;
      case 'unknown-code': {
        const retired = retiredIndicator(s.code);
        add(
          'code-unknown',
          'warning',
          s.cell,
          s.code,
          retired
            ? `Ô ${s.cell}: chỉ tiêu ${s.code} "${retired}" không còn trong biểu mẫu của kỳ này (từ 01/07/2025 không còn cấp huyện); dòng này không được tổng hợp, không cần nhập số liệu.`
            : `Ô ${s.cell}: "${s.code}" không phải mã chỉ tiêu của biểu mẫu; dòng này không được tổng hợp. Hãy sửa lại mã ở cột STT.`,
        );
        break;
      }
      case 'value-without-code':
        add(
          'value-without-code',
          'warning',
          s.cell,
          null,
          `Ô ${s.cell}: có số liệu nhưng dòng không có mã chỉ tiêu ở cột STT, nên không được tổng hợp. Hãy chuyển số liệu vào đúng dòng chỉ tiêu.`,
        );
        break;
    }
  }
}

/** A form of another catalog version names some rows differently (e.g. districts before 01/07/2025). */
function checkVersion(catalog: Catalog, report: AgencyReport, where: string, add: AddFn): void {
  const found = report.version;
  if (!found || found.version === catalog.version) return;
  add(
    'catalog-version',
    'error',
    found.cell,
    null,
    `${where} là biểu mẫu phiên bản ${versionLabel(found.version)}, nhưng kỳ báo cáo này dùng phiên bản ${versionLabel(catalog.version)}, với tên một số chỉ tiêu đã khác. Đơn vị tổng hợp chạy lại "Tạo biểu mẫu cho các đơn vị" để cập nhật biểu mẫu (số liệu đã nhập được giữ nguyên), rồi đơn vị kiểm tra lại số liệu.`,
  );
}

function checkRelations(catalog: Catalog, report: AgencyReport, modes: Map<string, RowMode>, add: AddFn): void {
  for (const row of report.rows.values()) {
    if (modes.get(row.ind.code)?.kind !== 'input') continue;
    const lhs = valueOf(report, row.ind.code);
    if (lhs === null) continue;
    for (const rel of row.ind.relations) {
      const terms = rel.terms.filter((t) => modes.get(t)?.kind === 'input');
      if (!terms.length) continue;
      const vals = terms.map((t) => valueOf(report, t));
      if (vals.some((v) => v === null)) continue;
      const rhs = (vals as number[]).reduce((a, b) => a + b, 0);
      const ok = rel.op === '<=' ? lhs <= rhs + EPS : Math.abs(lhs - rhs) <= EPS;
      if (ok) continue;
      const names = terms.map((t) => catalog.must(t));
      const rhsText =
        terms.length > 1
          ? `${terms.join(' + ')} = ${(vals as number[]).map((v) => formatNumber(v)).join(' + ')} = ${formatNumber(rhs)}`
          : `${terms[0]} "${names[0]!.name}" (${formatNumber(rhs)})`;
      const verb = rel.op === '<=' ? 'không được lớn hơn' : 'phải bằng';
      add(
        'relation',
        rel.severity,
        row.cell,
        row.ind.code,
        `Ô ${row.cell}: chỉ tiêu ${row.ind.code} "${row.ind.name}" (${formatNumber(lhs)}) ${verb} ${rhsText}. Hãy kiểm tra lại các số liệu này.`,
      );
    }
  }
}

function checkRatios(catalog: Catalog, report: AgencyReport, modes: Map<string, RowMode>, add: AddFn): void {
  for (const row of report.rows.values()) {
    if (row.ind.kind !== 'percent' || modes.get(row.ind.code)?.kind !== 'input') continue;
    const stated = valueOf(report, row.ind.code);
    const f = catalog.formula(row.ind.code);
    if (stated === null || !f) continue;
    const [a, b] = rateOperands(f);
    const va = valueOf(report, a);
    const vb = valueOf(report, b);
    if (va === null || vb === null) continue;
    const computed = rateFrom(f, va, vb);
    if (computed === null || Math.abs(stated - computed) <= ratioTolerance(stated) + EPS) continue;
    const how =
      f.kind === 'ratio'
        ? `${formatNumber(va)}/${formatNumber(vb)} (dòng ${a}/${b})`
        : `(${formatNumber(va)} − ${formatNumber(vb)})/${formatNumber(va)} (dòng ${a}, ${b})`;
    add(
      'ratio-mismatch',
      'error',
      row.cell,
      row.ind.code,
      `Ô ${row.cell}: tỷ lệ ghi ${formatPercent(stated)} nhưng tính từ số liệu chi tiết ${how} là ${formatPercent(computed)}. Hãy sửa tỷ lệ hoặc các số liệu chi tiết cho khớp.`,
    );
  }
}

/**
 * How far a stated rate may sit from its counts: truncation or rounding at two decimals, or at the
 * precision the agency typed it ("98%" for 97,96%, "65,6%" for 65,56% are the counts, rounded).
 */
function ratioTolerance(stated: number): number {
  const decimals = (String(Math.round(stated * 1e6) / 1e6).split('.')[1] ?? '').length;
  return Math.max(RATIO_TOLERANCE, decimals < 2 ? 0.5 * 10 ** -decimals : 0);
}

function checkStatus(settings: Schedule, report: AgencyReport, today: IsoDate, add: AddFn): void {
  const { status, sentOn, deadline } = report;
  if (deadline.cell && deadline.date !== settings.deadline) {
    const shown = deadline.date ? formatDmy(deadline.date) : deadline.text ? `"${deadline.text}"` : 'để trống';
    add(
      'deadline-stale',
      'warning',
      deadline.cell,
      null,
      `Ô ${deadline.cell}: hạn gửi báo cáo trên trang này là ${shown}, khác hạn trên trang Thiết lập (${formatDmy(settings.deadline)}); việc tính gửi chậm theo hạn trên trang Thiết lập. Đơn vị tổng hợp ${MENU_STEPS.regenerate} để cập nhật hạn gửi trên các trang.`,
    );
  }
  if (status.value === 'unknown') {
    add(
      'status-unknown',
      'error',
      status.cell,
      null,
      `Ô ${status.cell}: trạng thái "${status.text}" không hợp lệ; chỉ nhận "Chưa gửi" hoặc "Đã gửi".`,
    );
  }
  if (sentOn.text && !sentOn.date) {
    add(
      'sent-date-invalid',
      'error',
      sentOn.cell,
      null,
      `Ô ${sentOn.cell}: ngày gửi "${sentOn.text}" không phải ngày hợp lệ; nhập dạng dd/mm/yyyy.`,
    );
  }
  if (status.value === 'sent' && !sentOn.text) {
    add(
      'sent-without-date',
      'error',
      sentOn.cell,
      null,
      `Ô ${sentOn.cell}: trang được đánh dấu "Đã gửi" nhưng chưa có ngày gửi: ${MENU_STEPS.triggerSkipped}. Hãy nhờ đơn vị ${MENU_STEPS.markSent}, hoặc ghi ngày gửi (dd/mm/yyyy) vào ô ${sentOn.cell} sau khi đã kiểm tra trang.`,
    );
  }
  if (sentOn.date && sentOn.date > today) {
    add(
      'sent-date-invalid',
      'error',
      sentOn.cell,
      null,
      `Ô ${sentOn.cell}: ngày gửi ${formatDmy(sentOn.date)} ở tương lai (hôm nay là ${formatDmy(today)}). Hãy sửa lại ngày gửi.`,
    );
  } else if (sentOn.date && sentOn.date < settings.period.from) {
    add(
      'sent-date-invalid',
      'error',
      sentOn.cell,
      null,
      `Ô ${sentOn.cell}: ngày gửi ${formatDmy(sentOn.date)} trước khi kỳ báo cáo bắt đầu (${formatDmy(settings.period.from)}). Hãy sửa lại ngày gửi.`,
    );
  }
}

function summarize(agency: Agency, findings: Finding[], report: AgencyReport | null): AgencyResult {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const status: AgencyStatus = !report
    ? 'sheet-missing'
    : errors
      ? 'errors'
      : report.status.value !== 'sent'
        ? 'not-sent'
        : warnings
          ? 'warnings'
          : 'ok';
  return { agency, status, errors, warnings, findings, report };
}
