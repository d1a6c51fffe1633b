/**
 * Sections III-V of the province's report: what the data supports about strengths and
 * shortcomings (submissions, targets, overdue hồ sơ, lowest rates), the agencies' own words
 * merged (a short list here, all of it in Phụ lục III), and the highlighted judgements only the consolidator can write.
 */
import { Summary, isVertical, submissionNote } from '../figures/consolidate';
import { valueOf } from '../form/parse';
import { formatDmy } from '../primitives/dates';
import { formatNumber, formatPercent } from '../primitives/numbers';
import { FREE_TEXT_LABELS, FreeTextField } from '../form/template';
import { upper } from '../primitives/text';
import { nextPeriodInText, onlineWords } from '../periods';
import { body, heading, todo, valueOfFigure } from './figures';
import { Merged, mergeSaid } from './merge-text';
import { Block, Run } from './model';
import type { Province } from './province-figures';

/** What the agencies that sent wrote in a free-text field, merged (merge-text.ts). */
export function saidBy(s: Summary, field: FreeTextField): Merged[] {
  return mergeSaid(
    s.results
      .filter((r) => r.report && s.submission.find((e) => e.agency.name === r.agency.name)?.submitted)
      .map((r) => ({ agency: r.agency.name, text: r.report!.freeText[field] ?? '' })),
  );
}

/** Lines a section quotes before it refers to Phụ lục III; agencies named after a line. */
const SHORT = 5;
const NAMED = 3;

/**
 * "Kết quả nổi bật do các cơ quan, đơn vị báo cáo (đầy đủ tại Phụ lục III):" and the lines most
 * agencies share, each with who wrote it: "- Tỷ lệ … chưa cao (Sở Y tế, UBND xã An Phú)."
 */
function quoted(blocks: Block[], s: Summary, field: FreeTextField): void {
  const said = saidBy(s, field);
  if (!said.length) return;
  blocks.push(body([{ text: `${FREE_TEXT_LABELS[field]} do các cơ quan, đơn vị báo cáo (đầy đủ tại Phụ lục III):` }]));
  for (const m of said.slice(0, SHORT)) {
    const more = m.agencies.length - NAMED;
    const who = `${m.agencies.slice(0, NAMED).join(', ')}${more > 0 ? ` và ${more} cơ quan, đơn vị khác` : ''}`;
    blocks.push(body([{ text: `- ${m.text} (${who}).` }]));
  }
  if (said.length > SHORT) blocks.push(body([{ text: `- Và ${said.length - SHORT} ý kiến khác tại Phụ lục III.` }]));
}

function names(list: string[]): string {
  return list.join(', ');
}

export function sectionIII(blocks: Block[], p: Province): void {
  const { s, f } = p;
  const st = s.settings;
  blocks.push(heading('III. ĐÁNH GIÁ CHUNG'));
  blocks.push(heading('1. Ưu điểm'));
  const sent = s.submission.filter((e) => e.submitted);
  const onTime = sent.filter((e) => !e.daysLate);
  blocks.push(
    body([
      { text: `Có ` },
      { text: `${sent.length}/${s.submission.length}`, bold: true },
      { text: ` cơ quan, đơn vị đã gửi báo cáo, trong đó ` },
      { text: `${onTime.length}`, bold: true },
      { text: ` đơn vị gửi đúng hạn (hạn gửi ${formatDmy(st.deadline)}).` },
    ]),
  );
  const strengths: Run[] = [];
  for (const [code, label] of [
    ['3.4.1', 'tỷ lệ hồ sơ giải quyết đúng hạn tại các sở, ngành'],
    ['3.4.2', 'tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp huyện'],
    ['3.4.3', 'tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp xã'],
  ] as const) {
    const v = valueOfFigure(f, code);
    if (v !== null && st.onTimeTarget !== null && v >= st.onTimeTarget)
      strengths.push(
        { text: `${strengths.length ? '; ' : ''}${label} đạt ` },
        { text: formatPercent(v), bold: true },
        { text: ` (mục tiêu ${formatPercent(st.onTimeTarget)})` },
      );
  }
  if (strengths.length)
    blocks.push(body([{ text: 'Một số chỉ tiêu đạt mục tiêu đề ra: ' }, ...strengths, { text: '.' }]));
  quoted(blocks, s, 'highlights');
  blocks.push(body([todo('Nhận định của đơn vị tổng hợp về ưu điểm')]));

  blocks.push(heading('2. Tồn tại, hạn chế và nguyên nhân'));
  const missing = s.submission.filter((e) => !e.submitted).map((e) => e.agency.name);
  const late = sent.filter((e) => e.daysLate).map((e) => `${e.agency.name} (${submissionNote(e).toLowerCase()})`);
  const withErrors = s.submission.filter((e) => e.submitted && !e.included).map((e) => e.agency.name);
  if (missing.length)
    blocks.push(body([{ text: `Còn ${missing.length} cơ quan, đơn vị chưa gửi báo cáo: ${names(missing)}.` }]));
  if (late.length)
    blocks.push(
      body([{ text: `Có ${late.length} cơ quan, đơn vị gửi báo cáo chậm so với thời hạn: ${names(late)}.` }]),
    );
  if (withErrors.length)
    blocks.push(
      body([
        {
          text: `Số liệu của ${withErrors.length} cơ quan, đơn vị còn sai sót nên chưa được tổng hợp: ${names(withErrors)}.`,
        },
      ]),
    );
  const flaggedErrors = s.results.filter(
    (r) => r.errors && s.submission.find((e) => e.agency.name === r.agency.name)?.included,
  );
  if (flaggedErrors.length)
    blocks.push(
      body([
        {
          text: `Số liệu của ${names(flaggedErrors.map((r) => r.agency.name))} còn sai sót nhưng vẫn được tổng hợp theo thiết lập; cần kiểm tra lại trước khi ban hành.`,
        },
      ]),
    );
  const below: string[] = [];
  const check = (code: string, label: string, target: number | null) => {
    const v = valueOfFigure(f, code);
    if (v !== null && target !== null && v < target)
      below.push(`${label} đạt ${formatPercent(v)}, thấp hơn mục tiêu ${formatPercent(target)}`);
  };
  check('3.4.1', 'tỷ lệ hồ sơ giải quyết đúng hạn tại các sở, ngành', st.onTimeTarget);
  check('3.4.2', 'tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp huyện', st.onTimeTarget);
  check('3.4.3', 'tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp xã', st.onTimeTarget);
  const o = onlineWords(st.period.to);
  check('7.8.3', `tỷ lệ hồ sơ xử lý trực tuyến ${o.partial}`, st.onlineTarget);
  check('7.8.4', `tỷ lệ hồ sơ xử lý trực tuyến ${o.full}`, st.onlineTarget);
  if (below.length) blocks.push(body([{ text: `${below.join('; ').replace(/^./, (c) => c.toUpperCase())}.` }]));
  overdueByAgency(blocks, s, '3.4.b.2', 'hồ sơ giải quyết quá hạn');
  overdueByAgency(blocks, s, '3.4.c.2', 'hồ sơ đang giải quyết đã quá hạn');
  lowestRates(blocks, s, '3.4.b.1', '3.4.b', 'Tỷ lệ hồ sơ giải quyết đúng hạn');
  lowestRates(blocks, s, '3.4.a.3', '3.4.a.2', 'Tỷ lệ hồ sơ tiếp nhận trực tuyến');
  const means = [...s.indicators.values()].filter((r) => r.method === 'mean');
  if (means.length)
    blocks.push(
      body([
        {
          text: `Các chỉ tiêu ${means.map((r) => r.ind.code).join(', ')} chỉ tính được bằng trung bình cộng tỷ lệ của các đơn vị do thiếu số liệu chi tiết; cần đề nghị các đơn vị bổ sung.`,
        },
      ]),
    );
  quoted(blocks, s, 'difficulties');
  blocks.push(body([todo('Nhận định của đơn vị tổng hợp về tồn tại, hạn chế và nguyên nhân')]));
}

/** Included agencies of the province's apparatus (not ngành dọc) with their figure for a code. */
function perAgency(s: Summary, code: string): { agency: string; value: number }[] {
  const out: { agency: string; value: number }[] = [];
  for (const e of s.submission) {
    if (!e.included || isVertical(e.agency)) continue;
    const r = s.results.find((x) => x.agency.name === e.agency.name)?.report;
    const v = r ? valueOf(r, code) : null;
    if (v !== null) out.push({ agency: e.agency.name, value: v });
  }
  return out;
}

/** How many agencies a sentence names before it refers to Phụ lục II for the rest. */
const LISTED = 5;

/**
 * "Có 169 hồ sơ giải quyết quá hạn, tại 7 cơ quan, đơn vị: Sở Y tế (52), UBND xã An Phú (31), …",
 * the largest first (seed 000 names the agencies with late hồ sơ).
 */
function overdueByAgency(blocks: Block[], s: Summary, code: string, what: string): void {
  const total = s.indicators.get(code)?.value;
  if (!total) return;
  const list = perAgency(s, code)
    .filter((x) => x.value > 0)
    .sort((a, b) => b.value - a.value || a.agency.localeCompare(b.agency, 'vi'));
  const shown = list.slice(0, LISTED).map((x) => `${x.agency} (${formatNumber(x.value)})`);
  const rest = list.length > LISTED ? ` và ${list.length - LISTED} cơ quan, đơn vị khác` : '';
  blocks.push(
    body([
      { text: 'Có ' },
      { text: formatNumber(total), bold: true },
      { text: ` ${what}${list.length ? `, tại ${list.length} cơ quan, đơn vị: ${shown.join(', ')}${rest}` : ''}.` },
    ]),
  );
}

/**
 * The lowest rates num / den among agencies with a denominator, below 100%: "Tỷ lệ hồ sơ giải
 * quyết đúng hạn thấp nhất: Sở Y tế (91,20%), …".
 */
function lowestRates(blocks: Block[], s: Summary, num: string, den: string, what: string): void {
  const top = new Map(perAgency(s, num).map((x) => [x.agency, x.value]));
  const rates = perAgency(s, den)
    .filter((x) => x.value > 0 && top.has(x.agency))
    .map((x) => ({ agency: x.agency, rate: (100 * top.get(x.agency)!) / x.value }))
    .filter((x) => x.rate < 100)
    .sort((a, b) => a.rate - b.rate || a.agency.localeCompare(b.agency, 'vi'))
    .slice(0, 3);
  if (rates.length)
    blocks.push(
      body([{ text: `${what} thấp nhất: ${rates.map((x) => `${x.agency} (${formatPercent(x.rate)})`).join(', ')}.` }]),
    );
}

export function sectionIV(blocks: Block[], p: Province): void {
  const { s, f } = p;
  blocks.push(
    heading(`IV. PHƯƠNG HƯỚNG, NHIỆM VỤ ${upper(nextPeriodInText(s.settings.period.id, s.settings.period.year))}`),
  );
  const lines = ['Tiếp tục triển khai đồng bộ các nhiệm vụ cải cách hành chính theo kế hoạch đã đề ra.'];
  if (s.submission.some((e) => !e.submitted || e.daysLate))
    lines.push(
      'Đôn đốc các cơ quan, đơn vị thực hiện nghiêm chế độ báo cáo định kỳ, bảo đảm đúng thời hạn và đầy đủ số liệu.',
    );
  const overdue = valueOfFigure(f, '3.4.c.2');
  if (overdue)
    lines.push(
      'Tập trung giải quyết dứt điểm các hồ sơ thủ tục hành chính quá hạn; nâng cao tỷ lệ hồ sơ giải quyết đúng hạn.',
    );
  for (const l of lines) blocks.push(body([{ text: `- ${l}` }]));
  blocks.push(body([todo('Bổ sung các nhiệm vụ trọng tâm kỳ tới')]));
}

export function sectionV(blocks: Block[], p: Province): void {
  const { s } = p;
  blocks.push(heading('V. KIẾN NGHỊ, ĐỀ XUẤT'));
  quoted(blocks, s, 'proposals');
  blocks.push(body([todo('Kiến nghị, đề xuất của đơn vị tổng hợp')]));
}
