#!/usr/bin/env node
/**
 * Compares the catalog's copy of the indicator list (INDICATORS_CSV in
 * src/core/catalog/bnv-6459-2021.ts) with ../shared/spec/indicators.csv, when that folder sits
 * beside the repository. Not part of `npm test`: tests read only the repository.
 *
 *   npm run check-spec                      # ../shared/spec/indicators.csv
 *   npm run check-spec -- <path/to/indicators.csv>
 *
 * Exit 0 when the two are identical or ../shared is absent (with a note), 1 when they differ.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const copyPath = join(root, 'src', 'core', 'catalog', 'bnv-6459-2021.ts');
const sharedPath = process.argv[2] ? resolve(process.argv[2]) : join(root, '..', 'shared', 'spec', 'indicators.csv');
const shown = (p) => relative(process.cwd(), p) || p;

if (!existsSync(sharedPath) && process.argv[2]) {
  console.error(`Không tìm thấy ${shown(sharedPath)}.`);
  process.exit(1);
}
if (!existsSync(sharedPath)) {
  console.log(`Không có ${shown(sharedPath)}: bỏ qua việc so sánh danh mục chỉ tiêu với bản dùng chung.`);
  process.exit(0);
}

const source = readFileSync(copyPath, 'utf8');
const m = /export const INDICATORS_CSV = `([\s\S]*?)`;/.exec(source);
if (!m) {
  console.error(`Không tìm thấy INDICATORS_CSV trong ${shown(copyPath)}.`);
  process.exit(1);
}
const copy = m[1];
const shared = readFileSync(sharedPath, 'utf8');
if (copy === shared) {
  console.log(`Danh mục chỉ tiêu trong ${shown(copyPath)} giống hệt ${shown(sharedPath)}.`);
  process.exit(0);
}

const a = copy.split('\n');
const b = shared.split('\n');
const differing = [];
for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) differing.push(i);
console.error(
  `Danh mục chỉ tiêu trong ${shown(copyPath)} khác ${shown(sharedPath)} ở ${differing.length} dòng; chép nguyên văn tệp dùng chung vào INDICATORS_CSV.`,
);
for (const i of differing.slice(0, 10)) {
  console.error(`Dòng ${i + 1}:`);
  console.error(`  bản trong mã:  ${a[i] ?? '(không có)'}`);
  console.error(`  bản dùng chung: ${b[i] ?? '(không có)'}`);
}
if (differing.length > 10) console.error(`… và ${differing.length - 10} dòng khác.`);
process.exit(1);
