import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Seed, type SeedInput, SeedSchema } from './seed-schema';

export const DEFAULT_SEED_FILE = fileURLToPath(new URL('./default-seed.json', import.meta.url));

/** A seed that does not hold, with every problem named by its field ("users[2].email: must be …"). */
export class SeedError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.join('; ')}`);
    this.name = 'SeedError';
  }
}

const fieldName = (path: PropertyKey[]): string =>
  path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');

export function parseSeed(input: unknown, source = 'seed'): Seed {
  const parsed = SeedSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new SeedError(
    source,
    parsed.error.issues.map((issue) => {
      const field = fieldName(issue.path);
      return field ? `${field}: ${issue.message}` : issue.message;
    }),
  );
}

export async function loadSeedFile(file: string): Promise<Seed> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new SeedError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SeedError(file, [`is not valid JSON (${(error as Error).message})`]);
  }
  return parseSeed(json, file);
}

/** A seed object given in code (tests), or the default seed file when none is given. */
export async function resolveSeed(seed?: SeedInput | Seed): Promise<Seed> {
  return seed === undefined ? loadSeedFile(DEFAULT_SEED_FILE) : parseSeed(seed);
}
