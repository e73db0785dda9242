#!/usr/bin/env node
// Writes src/main/severa/data/confusables.json, the look-alike table of src/main/severa/confusables.ts,
// from Unicode's confusables.txt (UTS #39 security data: every character → its prototype). The
// JSON is generated: never edit it by hand. Rerun after changing the source:
//
//   node scripts/generate-confusables.mjs                    # the committed source → the committed table
//   node scripts/generate-confusables.mjs --out /tmp/x.json  # somewhere else (the tests do this)
//
// The source is Unicode's own file, kept unmodified beside this script (scripts/unicode/, with the
// Unicode License v3 it is under): no npm package ships a current confusables.txt, and the
// generator must run without a network. To move to a newer Unicode version, put its
// confusables.txt there unmodified, set SOURCE and SHA256 below to it (the digest Unicode's file
// has), rerun, and commit the three together. The generator refuses a file whose digest differs,
// so the table always says truthfully which file it came from.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = 'scripts/unicode/confusables-17.0.0.txt';
/** SHA-256 of Unicode's 17.0.0 confusables.txt (dated 2025-07-22, 05:49:37 GMT), as Unicode publishes it. */
const SHA256 = '091c7f82fc39ef208faf8f94d29c244de99254675e09de163160c810d13ef22a';
const LICENSE = 'scripts/unicode/LICENSE-Unicode.txt';
const OUT = 'src/main/severa/data/confusables.json';

const fail = (message) => {
  process.stderr.write(`generate-confusables: ${message}\n`);
  process.exit(1);
};

const { values } = parseArgs({ options: { source: { type: 'string' }, out: { type: 'string' } } });
const sourcePath = resolve(ROOT, values.source ?? SOURCE);
const outPath = resolve(ROOT, values.out ?? OUT);

// A checkout that turned line ends into CRLF still holds Unicode's file: compare its LF form.
const text = readFileSync(sourcePath, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
const digest = createHash('sha256').update(text, 'utf8').digest('hex');
if (digest !== SHA256) fail(`${sourcePath} has SHA-256 ${digest}, not ${SHA256}: set SOURCE and SHA256 to the file you mean`);

const header = (name) => text.match(new RegExp(`^#\\s*${name}:\\s*(.+?)\\s*$`, 'm'))?.[1] ?? fail(`no "# ${name}:" line in the header`);
const version = header('Version');
const date = header('Date');
const copyright = text.match(/^#\s*(©.+?)\s*$/m)?.[1] ?? fail('no copyright line in the header');

const fromHex = (field) => {
  const points = field.trim().split(/\s+/).map((hex) => {
    if (!/^[0-9A-F]{4,6}$/.test(hex)) fail(`not a code point: "${hex}"`);
    return Number.parseInt(hex, 16);
  });
  return String.fromCodePoint(...points);
};

const prototypes = new Map();
for (const [index, line] of text.split('\n').entries()) {
  const data = line.replace(/#.*/, '').trim();
  if (!data) continue;
  const fields = data.split(';').map((field) => field.trim());
  if (fields.length !== 3 || fields[2] !== 'MA') fail(`line ${index + 1}: expected "source ; prototype ; MA", got "${data}"`);
  const source = fromHex(fields[0]);
  if ([...source].length !== 1) fail(`line ${index + 1}: the source is not one character`);
  if (prototypes.has(source)) fail(`line ${index + 1}: ${fields[0]} is mapped twice`);
  prototypes.set(source, fromHex(fields[1]));
}
const total = Number(text.match(/^#\s*total:\s*(\d+)\s*$/m)?.[1]);
if (total !== prototypes.size) fail(`read ${prototypes.size} mappings, the file says ${total}`);

// Plain ASCII in the file: every other character as \u escapes, so a review sees code points
// (and no bidi or combining character rearranges the diff). By code point, one mapping a line.
const json = (value) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
const entries = [...prototypes].sort(([a], [b]) => a.codePointAt(0) - b.codePointAt(0));
const meta = {
  generatedBy: 'scripts/generate-confusables.mjs (do not edit by hand)',
  source: 'Unicode Security Mechanisms (UTS #39), confusables.txt',
  version,
  date,
  sha256: SHA256,
  license: `${copyright} Unicode License v3 (SPDX: Unicode-3.0), see ${relative(ROOT, resolve(ROOT, LICENSE)).split('\\').join('/')}`,
};
const lines = Object.entries(meta).map(([key, value]) => `  ${json(key)}: ${json(value)},`);
lines.push('  "prototypes": {', entries.map(([from, to]) => `    ${json(from)}: ${json(to)}`).join(',\n'), '  }');
writeFileSync(outPath, `{\n${lines.join('\n')}\n}\n`);
process.stdout.write(`generate-confusables: ${prototypes.size} mappings of Unicode ${version} → ${relative(process.cwd(), outPath) || outPath}\n`);
