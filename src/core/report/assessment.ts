/**
 * Sections III-V of the province's report: what the data supports about strengths and
 * shortcomings (submissions, targets, overdue hồ sơ, lowest rates), the agencies' own words
 * merged (a short list here, all of it in Phụ lục III), and the highlighted judgements only the consolidator can write.
 */
import { Summary, isVertical, sentLate, sentOnTime } from '../figures/consolidate';
import { valueOf } from '../form/parse';
import { ratio } from '../catalog/rate';
import { formatDmy } from '../primitives/dates';
import { formatNumber, formatPercent } from '../primitives/numbers';
import { FREE_TEXT_LABELS, FreeTextField } from '../form/template';
import { upper } from '../primitives/text';
import { nextPeriodInText } from '../periods';
import { body, heading, todo, valueOfFigure } from './figures';
import { Merged, mergeSaid } from './merge-text';
import { draftFindings, noteFindings } from './consistency';
import { Block, Run } from './model';
import type { Province } from './province-figures';

/**
 * What the province's own agencies that sent wrote in a free-text field, merged (merge-text.ts);
 * the vertical agencies' words stay with their own paragraph, out of the province's lists.
 */
export function saidBy(s: Summary, field: FreeTextField): Merged[] {
  return mergeSaid(
    s.results
      .filter(
        (r) =>
          r.report && !isVertical(r.agency) && s.submission.find((e) => e.agency.name === r.agency.name)?.submitted,
      )
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
function quoted(blocks: Block[], field: FreeTextField, said: readonly Merged[]): void {
  if (!said.length) return;
  blocks.push(body([{ text: `${FREE_TEXT_LABELS[field]} do các cơ quan, đơn vị báo cáo (đầy đủ tại Phụ lục III):` }]));
  for (const m of said.slice(0, SHORT)) {
    const more = m.agencies.length - NAMED;
    const who = `${m.agencies.slice(0, NAMED).join(', ')}${more > 0 ? ` và ${more} cơ quan, đơn vị khác` : ''}`;
    blocks.push(body([{ text: `- ${m.text} (${m.each ? `mỗi đơn vị: ${who}` : who}).` }]));
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
  const timely = sent.filter(sentOnTime);
  blocks.push(
    body([
      { text: `Có ` },
      { text: `${sent.length}/${s.submission.length}`, bold: true },
      { text: ` cơ quan, đơn vị đã gửi báo cáo, trong đó ` },
      { text: `${timely.length}`, bold: true },
      { text: ` cơ quan, đơn vị gửi đúng hạn (hạn gửi ${formatDmy(st.deadline)}).` },
    ]),
  );
  noteFindings(blocks, draftFindings(s), (section) => section === '');
  const online = onlineShare(p);
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
  if (online !== null && st.onlineTarget !== null && online >= st.onlineTarget)
    strengths.push(
      { text: `${strengths.length ? '; ' : ''}tỷ lệ hồ sơ tiếp nhận trực tuyến đạt ` },
      { text: formatPercent(online), bold: true },
      { text: ` (mục tiêu ${formatPercent(st.onlineTarget)})` },
    );
  if (strengths.length)
    blocks.push(body([{ text: 'Một số chỉ tiêu đạt mục tiêu đề ra: ' }, ...strengths, { text: '.' }]));
  quoted(blocks, 'highlights', saidBy(s, 'highlights'));
  blocks.push(body([todo('Nhận định của đơn vị tổng hợp về ưu điểm')]));

  blocks.push(heading('2. Tồn tại, hạn chế và nguyên nhân'));
  const missing = s.submission.filter((e) => !e.submitted).map((e) => e.agency.name);
  const late = sent.filter(sentLate).map((e) => `${e.agency.name} (chậm ${e.daysLate} ngày)`);
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
          text: `Số liệu của ${withErrors.length} cơ quan, đơn vị còn sai sót, đang được rà soát, hoàn thiện nên chưa được tổng hợp: ${names(withErrors)}.`,
        },
      ]),
    );
  const flaggedErrors = s.results.filter(
    (r) => r.errors && s.submission.find((e) => e.agency.name === r.agency.name)?.included,
  );
  // A note to the consolidator, not a sentence of the report: the figures still need checking.
  if (flaggedErrors.length)
    blocks.push(
      body([
        todo(
          `Số liệu của ${names(flaggedErrors.map((r) => r.agency.name))} còn sai sót nhưng vẫn được tổng hợp; kiểm tra lại trước khi ban hành`,
        ),
      ]),
    );
  const below: string[] = [];
  const check = (v: number | null, label: string, target: number | null) => {
    if (v !== null && target !== null && v < target)
      below.push(`${label} đạt ${formatPercent(v)}, thấp hơn mục tiêu ${formatPercent(target)}`);
  };
  check(valueOfFigure(f, '3.4.1'), 'tỷ lệ hồ sơ giải quyết đúng hạn tại các sở, ngành', st.onTimeTarget);
  check(valueOfFigure(f, '3.4.2'), 'tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp huyện', st.onTimeTarget);
  check(valueOfFigure(f, '3.4.3'), 'tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp xã', st.onTimeTarget);
  // The online target is about the share of all hồ sơ filed online (3.4.a.3 / 3.4.a.2), not one level.
  check(online, 'tỷ lệ hồ sơ tiếp nhận trực tuyến', st.onlineTarget);
  if (below.length) blocks.push(body([{ text: `${below.join('; ').replace(/^./, (c) => c.toUpperCase())}.` }]));
  overdueByAgency(blocks, s, '3.4.b.2', 'hồ sơ giải quyết quá hạn');
  overdueByAgency(blocks, s, '3.4.c.2', 'hồ sơ đang giải quyết đã quá hạn');
  lowestRates(blocks, s, '3.4.b.1', '3.4.b', 'Tỷ lệ hồ sơ giải quyết đúng hạn');
  lowestRates(blocks, s, '3.4.a.3', '3.4.a.2', 'Tỷ lệ hồ sơ tiếp nhận trực tuyến');
  const means = [...s.indicators.values()].filter((r) => r.method === 'mean');
  if (means.length)
    blocks.push(
      body([
        todo(
          `${means.map((r) => r.ind.name).join('; ')}: chỉ tính được bằng trung bình cộng tỷ lệ của các đơn vị do thiếu số liệu chi tiết; đề nghị các đơn vị bổ sung`,
        ),
      ]),
    );
  quoted(blocks, 'difficulties', saidBy(s, 'difficulties'));
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
    .map((x) => ({ agency: x.agency, rate: ratio(top.get(x.agency)!, x.value) }))
    .filter((x): x is { agency: string; rate: number } => x.rate !== null && x.rate < 100)
    .sort((a, b) => a.rate - b.rate || a.agency.localeCompare(b.agency, 'vi'))
    .slice(0, 3);
  if (rates.length)
    blocks.push(
      body([{ text: `${what} thấp nhất: ${rates.map((x) => `${x.agency} (${formatPercent(x.rate)})`).join(', ')}.` }]),
    );
}

/** The share of newly received hồ sơ filed online (3.4.a.3 / 3.4.a.2), in points; null without both. */
function onlineShare(p: Province): number | null {
  const a = valueOfFigure(p.f, '3.4.a.3');
  const b = valueOfFigure(p.f, '3.4.a.2');
  return a !== null && b !== null && b > 0 ? (100 * a) / b : null;
}

/**
 * A request the province can carry to Bộ Nội vụ names a central body or a central rule: a ministry
 * ("Bộ Nội vụ", "các Bộ, ngành"), the Government, the Prime Minister, "Trung ương", a decree or
 * circular, the national portal. Anything else an agency asks is for the province itself.
 */
const CENTRAL =
  /(^|[^\p{L}])(Bộ(?=\s+\p{Lu}|,)|bộ,? ngành|Chính phủ|Thủ tướng|[Tt]rung ương|Quốc hội|Nghị định|Thông tư|Luật\s|Cổng Dịch vụ công quốc gia)/u;

export function addressedUpward(line: string): boolean {
  return CENTRAL.test(line);
}

/** The words that open a request, and a province body it may name ("Đề nghị Sở …", "Đề nghị UBND tỉnh …"). */
const ASK = /^(đề nghị|kiến nghị|đề xuất)\s+(với\s+|cho\s+)?/iu;
const PROVINCE = /^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+tỉnh\s+(quan tâm\s+)?/iu;
const BODY = /^(Sở|Văn phòng|Trung tâm|Ban|Thanh tra|Công an|Bảo hiểm|Kho bạc|Thuế|Điện lực|các sở|các cơ quan)(\s|,)/u;

/**
 * An agency's request to the province, as the province's own task for the next period: "Đề nghị Sở
 * Khoa học và Công nghệ nâng cấp …" → "Chỉ đạo Sở Khoa học và Công nghệ nâng cấp …"; "Đề nghị UBND
 * tỉnh bố trí kinh phí …" → "Bố trí kinh phí …"; "Đề nghị tổ chức tập huấn …" → "Tổ chức tập huấn …".
 */
export function asTask(line: string): string {
  const asked = line.replace(ASK, '');
  if (asked === line) return line;
  const own = asked.replace(PROVINCE, '');
  const task = own === asked && BODY.test(asked) ? `chỉ đạo ${asked}` : own;
  return task.charAt(0).toLocaleUpperCase('vi') + task.slice(1);
}

/** The agencies' proposals: those the province carries upward (Kiến nghị) and its own tasks (section IV). */
function proposals(s: Summary): { upward: Merged[]; tasks: Merged[] } {
  const said = saidBy(s, 'proposals');
  return {
    upward: said.filter((m) => addressedUpward(m.text)),
    tasks: said.filter((m) => !addressedUpward(m.text)).map((m) => ({ ...m, text: asTask(m.text) })),
  };
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
  // What the agencies asked of the province itself is its task, not a proposal to Bộ Nội vụ.
  const { tasks } = proposals(s);
  for (const t of tasks.slice(0, SHORT)) lines.push(`${t.text}.`);
  for (const l of lines) blocks.push(body([{ text: `- ${l}` }]));
  blocks.push(
    body([
      todo(
        tasks.length
          ? 'Bổ sung các nhiệm vụ trọng tâm kỳ tới; xem xét các nhiệm vụ theo đề xuất của các cơ quan, đơn vị (Phụ lục III)'
          : 'Bổ sung các nhiệm vụ trọng tâm kỳ tới',
      ),
    ]),
  );
}

export function sectionV(blocks: Block[], p: Province): void {
  const { s } = p;
  blocks.push(heading('V. KIẾN NGHỊ, ĐỀ XUẤT'));
  quoted(blocks, 'proposals', proposals(s).upward);
  blocks.push(body([todo('Kiến nghị, đề xuất của đơn vị tổng hợp')]));
}
