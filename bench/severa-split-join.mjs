// The Severa check bench's yardstick (bench/severa-check.bench.ts), plain Node without tsx or any of
// the project's code: the least any check of two CSV exports costs. Both files read as UTF-8, the
// text split on line breaks and on the delimiter (no quote-aware parsing, no decoding guesses), an
// exact hash join on the address, one JSON line per Azets Work user.
//
//   node bench/severa-split-join.mjs AZETS.csv SEVERA.csv OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';

const [azetsFile, severaFile, out] = process.argv.slice(2);

function table(file) {
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const delimiter = lines[0].includes(';') ? ';' : ',';
  return lines.filter((line) => line !== '').map((line) => line.split(delimiter));
}

const [azetsHeader, ...azetsRows] = table(azetsFile);
const [severaHeader, ...severaRows] = table(severaFile);
const azetsEmail = azetsHeader.findIndex((h) => /s.hk.posti|email/i.test(h));
const severaEmail = severaHeader.findIndex((h) => /email/i.test(h));
const severa = new Set(severaRows.map((row) => row[severaEmail]));
const lines = azetsRows.map((row) => {
  const email = row[azetsEmail];
  return JSON.stringify({ azetsEmail: email, severaEmail: severa.has(email) ? email : null });
});
writeFileSync(out, `{"users": [\n${lines.join(',\n')}\n]}\n`);
